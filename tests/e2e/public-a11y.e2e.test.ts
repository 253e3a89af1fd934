/**
 * The public pages, as a visitor without an account sees them, pass axe-core with no serious or
 * critical violations, in Dutch and in English, on a desktop and a phone screen, a form with
 * its error messages showing included.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNoConsoleErrors,
  launchBrowser,
  newPage,
  seriousAxeViolations,
  visit,
} from "./fixtures";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const PUBLIC_PAGES = ["/", "/circles", "/circles/1", "/login", "/signup", "/forgot-password"];

describe("public pages", () => {
  for (const locale of ["nl-NL", "en-GB"]) {
    it(`have no serious accessibility problems (${locale})`, async () => {
      const page = await newPage(browser, { locale });
      const found: Record<string, string[]> = {};
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 800 });
        for (const path of PUBLIC_PAGES) {
          const response = await visit(page, path);
          expect(response?.status(), path).toBe(200);
          const problems = await seriousAxeViolations(page);
          if (problems.length > 0) found[`${path} @${width}`] = problems;
        }
        // A form showing its errors: the messages next to the fields are alerts around a list.
        await visit(page, "/signup");
        await page.locator("main form button[type=submit]").last().click();
        await page.getByRole("alert").first().waitFor();
        const problems = await seriousAxeViolations(page);
        if (problems.length > 0) found[`/signup with errors @${width}`] = problems;
      }
      expect(found).toEqual({});
      // The form with errors answers 400, which Chromium logs.
      expectNoConsoleErrors(page, [/status of 400 .*\/signup/]);
    });
  }
});
