/**
 * The knowledge bank in Chromium: a visitor searches (without diacritics), opens a story and
 * reaches its author's profile link; the public pages have no serious or critical axe
 * violations; an ambassador writes a story in the editor (an error kept next to its field first),
 * publishes it, and takes it offline again, after which the public gets a 404.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  baseURL,
  expectNoConsoleErrors,
  launchBrowser,
  login,
  newPage,
  seen,
  visit,
  seriousAxeViolations,
} from "./fixtures";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the knowledge bank", () => {
  it("lets a visitor search without diacritics and open a story, accessibly", async () => {
    const page = await newPage(browser);
    await visit(page, "/knowledge");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel("Zoek in de kennisbank").fill("cooperatie");
    await page.getByRole("button", { name: "Zoeken" }).click();
    const hit = page.getByRole("link", {
      name: "Samen inkopen met collega-bakkers in een coöperatie",
    });
    await seen(hit);
    expect(await page.locator("mark").first().textContent()).toMatch(/coöperatie/i);
    await hit.click();
    await seen(
      page.getByRole("heading", {
        level: 1,
        name: "Samen inkopen met collega-bakkers in een coöperatie",
      }),
    );
    await seen(page.getByText(/minuten lezen/));
    expect(await page.locator('meta[property="og:type"]').getAttribute("content")).toBe("article");
    expect(await page.locator('meta[property="og:url"]').getAttribute("content")).toMatch(
      /\/knowledge\/samen-inkopen/,
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    expectNoConsoleErrors(page);
  });

  it("lets an ambassador write, publish and take offline a story", async () => {
    const page = await newPage(browser);
    await login(page, "ambassadeur@kringwijs.test");
    await visit(page, "/knowledge/new");
    const title = `Onze eerste stap met een e2e-test ${Date.now()}`;
    await page.getByLabel("Titel").fill(title);
    await page.getByLabel("Tekst").fill("We begonnen **klein**.");
    await page.getByRole("button", { name: "Opslaan als concept" }).click();
    // No summary: the message sits next to the field, the title is kept.
    await seen(page.getByText("Vul dit veld in.").first());
    expect(await page.getByLabel("Titel").inputValue()).toBe(title);
    await page.getByLabel("Samenvatting").fill("Hoe we begonnen.");
    await page.getByRole("checkbox", { name: "Financiering" }).check();
    await page.getByRole("button", { name: "Opslaan als concept" }).click();
    await seen(page.getByText("Opgeslagen als concept."));
    const editUrl = new URL(page.url());
    const slug = editUrl.pathname.split("/")[2]!;

    // A draft is a 404 to the public.
    const anonymous = await newPage(browser);
    expect((await anonymous.goto(`${baseURL}/knowledge/${slug}`))?.status()).toBe(404);

    await page.getByRole("button", { name: "Publiceren" }).click();
    await seen(page.getByRole("heading", { level: 1, name: title }));
    expect((await anonymous.goto(`${baseURL}/knowledge/${slug}`))?.status()).toBe(200);

    await visit(page, `/knowledge/${slug}/edit`);
    await page.getByRole("button", { name: "Offline halen" }).click();
    await seen(page.getByText("Offline gehaald."));
    expect((await anonymous.goto(`${baseURL}/knowledge/${slug}`))?.status()).toBe(404);
    // The deliberate bad submit answers 400.
    expectNoConsoleErrors(page, [/status of 400 .*\/knowledge\/new/]);
  });
});
