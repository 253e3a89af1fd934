/**
 * Issue 14, finding 2: `redirectTo` must never take a browser off the site. Each known bypass
 * goes through the real login form in Chromium, once with JavaScript (Remix follows the redirect
 * in the client) and once without (the browser follows the 302 itself), because the two read a
 * Location differently.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPEN_REDIRECT_CORPUS } from "../open-redirect-corpus";
import {
  baseURL,
  DEMO_PASSWORD,
  launchBrowser,
  logoutButton,
  newPage,
  seen,
  waitForHydration,
} from "./fixtures";

// A seeded coach no other end-to-end test logs in as.
const EMAIL = "ruud.hendriks@kringwijs.test";
const origin = new URL(baseURL).origin;

/** Every request the page makes that is not for our own origin, and any alert() it opens. */
function watchForEscape(page: Page) {
  const escapes: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`)) escapes.push(`request ${url}`);
  });
  page.on("dialog", (dialog) => {
    escapes.push(`dialog ${dialog.message()}`);
    void dialog.dismiss();
  });
  return escapes;
}

async function loginWithRedirect(page: Page, redirectTo: string, javaScript: boolean) {
  await page.goto(`/login?${new URLSearchParams({ redirectTo })}`);
  if (javaScript) await waitForHydration(page);
  await page.getByLabel("E-mailadres").fill(EMAIL);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  // A refused target lands on the dashboard, signed in. Anything else times out here.
  await page.waitForURL((url) => url.pathname !== "/login" || url.origin !== origin);
  await page.waitForLoadState("load");
}

describe("redirectTo after login", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("follows a same-site target", async () => {
    const page = await newPage(browser);
    await loginWithRedirect(page, "/settings", true);
    expect(page.url()).toBe(`${origin}/settings`);
    await page.context().close();
  });

  describe.each([
    { mode: "with JavaScript", javaScript: true },
    { mode: "without JavaScript", javaScript: false },
  ])("$mode", ({ javaScript }) => {
    // One page for the whole corpus, its cookies cleared before each login (a signed-in visitor
    // is sent away from /login): much quicker than a fresh context per target.
    let page: Page;
    let escapes: string[];

    beforeAll(async () => {
      page = await newPage(browser, { javaScriptEnabled: javaScript });
      escapes = watchForEscape(page);
    });

    afterAll(async () => {
      await page?.context().close();
    });

    it.each(OPEN_REDIRECT_CORPUS)("stays on the app for %j", async (redirectTo) => {
      await page.context().clearCookies();
      escapes.length = 0;
      await loginWithRedirect(page, redirectTo, javaScript);
      // Signed in and still here. (The browser itself may have rewritten the target on the way,
      // such as a NUL in the hidden field becoming U+FFFD, so only the origin is compared.)
      expect(new URL(page.url()).origin).toBe(origin);
      await seen(logoutButton(page));
      expect(escapes).toEqual([]);
    });
  });
});

describe("redirectTo of the language switcher", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  // The switcher sends the current path back as its redirectTo. A link to a path like these
  // (the 404 page has the switcher too) must not turn the language choice into a way off-site.
  it.each(["//evil.example", "/.//evil.example", "/%2e%2e//evil.example", "/%5C%5Cevil.example"])(
    "stays on the app after switching language on %j",
    async (path) => {
      const page = await newPage(browser);
      const escapes = watchForEscape(page);
      await page.goto(`${origin}${path}`);
      await waitForHydration(page);
      await page.getByRole("button", { name: "EN", exact: true }).click();
      await page.waitForLoadState("load");
      await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
      expect(new URL(page.url()).origin).toBe(origin);
      expect(escapes).toEqual([]);
      await page.context().close();
    },
  );
});
