import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNoConsoleErrors,
  freshUser,
  launchBrowser,
  login,
  loginWithForm,
  logout,
  newPage,
  seen,
  visit,
  waitForHydration,
} from "./fixtures";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const DUTCH_HEADING = "Leer van ondernemers die weten waar je mee zit";
const ENGLISH_HEADING = "Learn from entrepreneurs who know what you are dealing with";

function htmlLang(page: Page) {
  return page.locator("html").getAttribute("lang");
}

async function expectLanguage(page: Page, lang: "nl" | "en") {
  await expect.poll(() => htmlLang(page)).toBe(lang);
}

async function switchTo(page: Page, label: "EN" | "NL") {
  await page.getByRole("button", { name: label, exact: true }).click();
}

describe("language", () => {
  it("is Dutch by default, and the header's switch to English sticks", async () => {
    const page = await newPage(browser);
    await visit(page, "/");
    await expectLanguage(page, "nl");
    await seen(page.getByRole("heading", { level: 1, name: DUTCH_HEADING }));
    expect(
      await page.getByRole("button", { name: "NL", exact: true }).getAttribute("aria-pressed"),
    ).toBe("true");

    await switchTo(page, "EN");
    await seen(page.getByRole("heading", { level: 1, name: ENGLISH_HEADING }));
    await expectLanguage(page, "en");
    await expect
      .poll(() =>
        page.getByRole("button", { name: "EN", exact: true }).getAttribute("aria-pressed"),
      )
      .toBe("true");
    expect(new URL(page.url()).pathname).toBe("/");

    // Across navigation…
    await page.getByRole("banner").getByRole("link", { name: "Log in" }).click();
    await page.waitForURL("**/login");
    await seen(page.getByRole("heading", { level: 1, name: "Log in" }));
    await seen(page.getByLabel("Email address"));
    await expectLanguage(page, "en");

    // …and a reload.
    await page.reload();
    await waitForHydration(page);
    await expectLanguage(page, "en");
    await seen(page.getByRole("heading", { level: 1, name: "Log in" }));

    // And back to Dutch, on the same page.
    await switchTo(page, "NL");
    await seen(page.getByRole("heading", { level: 1, name: "Inloggen" }));
    await expectLanguage(page, "nl");
    expect(new URL(page.url()).pathname).toBe("/login");

    expectNoConsoleErrors(page);
  });

  it("follows an English browser on the first visit", async () => {
    const page = await newPage(browser, { locale: "en-GB" });
    expect(await page.context().cookies()).toEqual([]);
    await visit(page, "/");
    await expectLanguage(page, "en");
    await seen(page.getByRole("heading", { level: 1, name: ENGLISH_HEADING }));
    await seen(page.getByRole("banner").getByRole("link", { name: "Create account" }));
    expectNoConsoleErrors(page);
  });

  it("loads only the page's language in the browser, and the other one when switching", async () => {
    const page = await newPage(browser, { locale: "en-GB" });
    const catalogues: string[] = [];
    page.on("response", (response) => {
      const name = /\/build\/_shared\/(nl|en)-[A-Z0-9]+\.js$/.exec(response.url())?.[1];
      if (name) catalogues.push(name);
    });
    await visit(page, "/");
    await expectLanguage(page, "en");
    // Named in the page as a modulepreload, so it loads alongside the other scripts.
    expect(await page.locator('link[rel="modulepreload"][href*="/_shared/en-"]').count()).toBe(1);
    expect(catalogues).toEqual(["en"]);

    await switchTo(page, "NL");
    await seen(page.getByRole("heading", { level: 1, name: DUTCH_HEADING }));
    expect(catalogues).toEqual(["en", "nl"]);
    expectNoConsoleErrors(page);
  });

  it("remembers a signed-in user's choice on the account", async () => {
    const page = await newPage(browser);
    const user = freshUser("language");
    const me = await login(page, user);
    await visit(page, "/onboarding");
    await expectLanguage(page, "nl");
    // A new account starts at the first onboarding step.
    await page.waitForURL("**/onboarding/company");
    await seen(page.getByRole("heading", { level: 1, name: "Over je bedrijf" }));

    await switchTo(page, "EN");
    await seen(page.getByRole("heading", { level: 1, name: "About your business" }));
    await expectLanguage(page, "en");
    expect(new URL(page.url()).pathname).toBe("/onboarding/company");

    // Logged out in the same browser: still English.
    await logout(page);
    await expectLanguage(page, "en");

    // Another browser, Dutch and without the language cookie: Dutch until the user logs in.
    const other = await newPage(browser, { locale: "nl-NL" });
    await visit(other, "/");
    await expectLanguage(other, "nl");
    await loginWithForm(other, me.email, me.password);
    await expectLanguage(other, "en");
    await other.waitForURL("**/dashboard");
    await seen(other.getByRole("heading", { level: 1, name: `Hello ${user.name}` }));
    await visit(other, "/");
    await seen(other.getByRole("heading", { level: 1, name: ENGLISH_HEADING }));
    await seen(other.getByText(`Welcome back, ${user.name}`));

    // The account page shows the setting.
    await visit(other, "/settings");
    await expect
      .poll(() => other.getByLabel("Language of the site and your emails").inputValue())
      .toBe("en");

    // And in the first browser, logging in again keeps English too.
    await loginWithForm(page, me.email, me.password);
    await expectLanguage(page, "en");

    expectNoConsoleErrors(page);
    expectNoConsoleErrors(other);
  });
});
