/**
 * XSS vectors in Chromium, through the pages people use: a thread whose title and opening post
 * are vectors, replies typed into the composer (each shown in the preview first), a mention of a
 * member whose name is markup. A second member watches: the posts reach that page live, then
 * again server-rendered after a reload, then through a client-side navigation (the data
 * request's HTML). Every payload sets `top.__xss` instead of calling alert (tests/xss-corpus.ts);
 * nothing may set it, open a dialog or trip the Content-Security-Policy, and the posts' DOM, as
 * the browser parsed it, holds nothing that runs.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XSS_CORPUS, withCanary } from "../xss-corpus";
import {
  circleWith,
  expectNoConsoleErrors,
  launchBrowser,
  liveConnection,
  login,
  newPage,
  seen,
  visit,
} from "./fixtures";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const vector = (name: string) => {
  const found = XSS_CORPUS.find((v) => v.name === name);
  if (!found) throw new Error(`No XSS vector "${name}"`);
  return withCanary(found.source);
};

/** Dialogs opened, CSP violations reported and the canary, as the page saw them. */
async function watch(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.context().addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (event) =>
      w.__csp.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return dialogs;
}

/** What in the posts' DOM could run or load: the browser's own parse, checked in the page. */
function unsafeDom(page: Page) {
  return page.evaluate(() => {
    const forbidden = new Set([
      "SCRIPT",
      "IFRAME",
      "FRAME",
      "OBJECT",
      "EMBED",
      "SVG",
      "MATH",
      "FORM",
      "STYLE",
      "LINK",
      "META",
      "BASE",
      "TEMPLATE",
    ]);
    const urlAttributes = new Set([
      "href",
      "src",
      "action",
      "formaction",
      "data",
      "srcset",
      "xlink:href",
    ]);
    const safe = (value: string) => {
      // eslint-disable-next-line no-control-regex
      const url = value.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
      if (/^[/\\]{2}/.test(url)) return false;
      const scheme = /^([a-z][a-z0-9+.-]*):/.exec(url)?.[1];
      return scheme === undefined || ["http", "https", "mailto"].includes(scheme);
    };
    const problems: string[] = [];
    for (const body of document.querySelectorAll(".post-body, [data-testid=preview]"))
      for (const element of body.querySelectorAll("*")) {
        const name = element.tagName.toUpperCase();
        if (forbidden.has(name)) problems.push(`<${name}>`);
        for (const attribute of element.attributes) {
          const attr = attribute.name.toLowerCase();
          if (attr.startsWith("on") || attr === "style" || attr === "srcdoc")
            problems.push(`<${name} ${attr}>`);
          if (urlAttributes.has(attr) && !safe(attribute.value))
            problems.push(`<${name} ${attr}="${attribute.value}">`);
        }
      }
    return problems;
  });
}

async function expectInert(page: Page, dialogs: string[]) {
  expect(dialogs).toEqual([]);
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
  ).toBeUndefined();
  expect(
    await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []),
  ).toEqual([]);
  expect(await unsafeDom(page)).toEqual([]);
  expectNoConsoleErrors(page);
}

const postCount = (page: Page) => page.getByTestId("posts").locator(".post").count();

/** Types a reply, looks at its preview, then posts it and waits until it is on the page. */
async function reply(page: Page, dialogs: string[], text: string) {
  const before = await postCount(page);
  const composer = page.locator("#reply");
  await composer.getByLabel("Je reactie").fill(text);
  await composer.getByRole("button", { name: "Voorbeeld" }).click();
  await composer.getByTestId("preview").waitFor();
  await expectInert(page, dialogs);
  await composer.getByRole("button", { name: "Aanpassen" }).click();
  await composer.getByRole("button", { name: "Plaatsen" }).click();
  await expect.poll(() => postCount(page), { timeout: 10_000 }).toBe(before + 1);
}

/** Three members of a fresh circle, one of them named with markup, each on a watched page. */
async function setting() {
  const pages = [await newPage(browser), await newPage(browser), await newPage(browser)];
  const dialogs = [await watch(pages[0]!), await watch(pages[1]!), await watch(pages[2]!)];
  const markupName = withCanary("<img src=x onerror=alert(1)>");
  const a = await login(pages[0]!, { name: "Xander Xenos" });
  const b = await login(pages[1]!, { name: "Yara Yilmaz" });
  const c = await login(pages[2]!, { name: markupName });
  const circleId = circleWith({ members: [a.id, b.id, c.id] });
  return { pages, dialogs, markupName, circleId };
}

/** A thread whose title and opening post are vectors; returns its path and title. */
async function vectorThread(page: Page, dialogs: string[], circleId: number) {
  const title = vector("img onerror");
  await visit(page, `/circles/${circleId}/threads/new`);
  await page.getByLabel("Onderwerp").fill(title);
  await page.getByLabel("Je bericht").fill(vector("script tag"));
  await page.getByRole("button", { name: "Gesprek starten" }).click();
  await seen(page.getByRole("heading", { level: 1, name: title }));
  await expectInert(page, dialogs);
  return { path: new URL(page.url()).pathname, title };
}

describe("XSS in discussions, in Chromium", () => {
  it("runs no script from titles, posts, previews, quotes or mentions, rendered or navigated", async () => {
    const { pages, dialogs, markupName, circleId } = await setting();
    const [pageA, pageB, pageC] = pages as [Page, Page, Page];
    const [dialogsA, dialogsB, dialogsC] = dialogs as [string[], string[], string[]];
    const thread = await vectorThread(pageA, dialogsA, circleId);

    // Five replies each from A and C (the posts-per-minute limit is six), with a mention of C.
    const fromA = [
      vector("svg onload"),
      vector("markdown javascript link"),
      vector("iframe srcdoc"),
      vector("mathml mutation"),
      `@[${markupName}] ${vector("html link, tab entity inside")}`,
    ];
    const fromC = [
      vector("image with an attribute break-out"),
      vector("link title break-out"),
      vector("quote header with a script"),
      vector("svg style mutation"),
      vector("markdown data: link"),
    ];
    for (const text of fromA) await reply(pageA, dialogsA, text);
    await visit(pageC, thread.path);
    for (const text of fromC) await reply(pageC, dialogsC, text);
    await expectInert(pageA, dialogsA);
    await expectInert(pageC, dialogsC);
    // The mention became one (the escaping path ran, not plain text).
    await seen(pageA.getByTestId("posts").locator(".mention").first());

    // Server-rendered for B.
    await visit(pageB, thread.path);
    expect(await postCount(pageB)).toBe(11);
    await expectInert(pageB, dialogsB);

    // Through a client-side navigation: the thread list, then the thread (its data request).
    await visit(pageB, `/circles/${circleId}/threads`);
    await expectInert(pageB, dialogsB);
    await pageB.getByRole("link", { name: thread.title }).click();
    await seen(pageB.getByRole("heading", { level: 1, name: thread.title }));
    await expect.poll(() => postCount(pageB), { timeout: 10_000 }).toBe(11);
    await expectInert(pageB, dialogsB);
  });

  it("runs no script from posts that arrive live", async () => {
    const { pages, dialogs, circleId } = await setting();
    const [pageA, pageB] = pages as [Page, Page, Page];
    const [dialogsA, dialogsB] = dialogs as [string[], string[], string[]];
    const thread = await vectorThread(pageA, dialogsA, circleId);
    const live = liveConnection(pageB);
    await visit(pageB, thread.path);
    await live;
    // Give B's socket a moment to join the circle's room after connecting.
    await pageB.waitForTimeout(300);
    for (const name of ["svg onload", "markdown javascript link", "mathml mutation"])
      await reply(pageA, dialogsA, vector(name));

    // On B's page without a reload (behind the new-posts bar, when the page shows one).
    const bar = pageB.getByRole("button", { name: /nieuwe? berichte?n?/ });
    await expect
      .poll(
        async () => {
          if (await bar.isVisible()) await bar.click();
          return postCount(pageB);
        },
        { timeout: 15_000 },
      )
      .toBe(4);
    await expectInert(pageB, dialogsB);
  });
});
