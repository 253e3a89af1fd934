/**
 * The JavaScript budget of issue 15: every script and modulepreload a page's HTML names, gzip -9,
 * summed; the anonymous landing page at most 125 KB, every other page at most 140 KB. Counted by
 * the same module as `npm run bench:js` (scripts/lib/page-js.ts), so the table and this check
 * agree. Sizes depend only on the build, not on the machine's load, so this is a plain test.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsRoutes, kib, measurePageJs, scriptUrls } from "../../scripts/lib/page-js";
import { launchBrowser, login, newPage, readDatabase } from "./fixtures";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const routes = readDatabase((db) => jsRoutes(db));

describe("JavaScript per page (gzip -9)", () => {
  it("counts the scripts and module preloads a page names, once each", () => {
    const html = `<head><link rel="modulepreload" href="/build/a.js"/><link rel="stylesheet" href="/build/app.css"/>
      <link rel=modulepreload href='/build/b.js?x=1&amp;y=2'><script type="module" src="/build/a.js"></script>
      <script>import "/build/not-counted.js";</script><script async src="https://cdn.example/c.js"></script></head>`;
    expect(scriptUrls(html, "http://localhost:3000/circles")).toEqual([
      "http://localhost:3000/build/a.js",
      "http://localhost:3000/build/b.js?x=1&y=2",
      "https://cdn.example/c.js",
    ]);
  });

  for (const route of routes) {
    it(`${route.name} (${route.path}${route.as ? `, as ${route.as}` : ""}) loads at most ${kib(route.budget)}`, async () => {
      // Without JavaScript the HTML is all that is read; the budget is about what it names.
      const page = await newPage(browser, { javaScriptEnabled: false });
      try {
        if (route.as) await login(page, route.as);
        const response = await page.goto(route.path);
        expect(response?.status()).toBe(200);
        // A redirect (to /login, or onboarding) would measure another page than the one named.
        expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(route.path);
        const js = await measurePageJs(await response!.text(), page.url());
        expect(js.files.length).toBeGreaterThan(0);
        const listing = js.files.map((f) => `${kib(f.gzip)} ${new URL(f.url).pathname}`).join("\n");
        expect(
          js.gzip,
          `${kib(js.gzip)} in ${js.files.length} files:\n${listing}`,
        ).toBeLessThanOrEqual(route.budget);
      } finally {
        await page.context().close();
      }
    });
  }
});
