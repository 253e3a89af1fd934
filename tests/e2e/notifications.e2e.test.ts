/**
 * The notifications issue, as people see it: B applies to a circle; the coach approves in another
 * browser; B's bell count goes up without a reload; B opens the notification and lands on the
 * circle. The approval also reaches B by e-mail, with a one-click unsubscribe link.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNoConsoleErrors,
  freshUser,
  launchBrowser,
  linkFrom,
  liveConnection,
  login,
  newPage,
  readMail,
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

/** Forming, open, coached by Anouk de Wit (coach@) and Ruud Hendriks (db/seed-data.ts). */
const VELUWE = "Overdragerskring Veluwe";

describe("notifications", () => {
  it("raises B's bell live when the coach approves, and the notification leads to the circle", async () => {
    const page = await newPage(browser);
    const user = freshUser("bell");
    await login(page, user);
    await visit(page, "/onboarding");

    // B applies to the circle.
    await visit(page, "/circles");
    await page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: VELUWE }) })
      .getByRole("link", { name: VELUWE })
      .click();
    await page.waitForURL(/\/circles\/\d+$/);
    const circlePath = new URL(page.url()).pathname;
    await page
      .getByLabel("Waarom wil je meedoen?")
      .fill("Ik wil mijn bedrijf over een paar jaar overdragen en zoek ervaringen.");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await seen(page.getByTestId("membership-state").getByText(/Je hebt je aangemeld/));
    await expect.poll(() => page.getByTestId("bell-count").count(), { timeout: 10_000 }).toBe(0);

    // B waits on the dashboard with a live connection.
    const connected = liveConnection(page);
    await visit(page, "/dashboard");
    await connected;
    await page.evaluate(
      () => ((window as unknown as { notReloaded?: boolean }).notReloaded = true),
    );

    // The coach approves in another browser.
    const coach = await newPage(browser);
    await login(coach, "coach@kringwijs.test");
    await visit(coach, `${circlePath}/members`);
    await coach.getByRole("button", { name: `Aanmelding van ${user.name} aannemen` }).click();
    await seen(coach.getByText("Aangenomen. Het nieuwe lid krijgt bericht."));

    // B's bell goes up without a reload.
    await expect
      .poll(() => page.getByTestId("bell-count").textContent(), { timeout: 10_000 })
      .toBe("1");
    expect(
      await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true);
    expect(await page.getByTestId("bell").getAttribute("aria-label")).toBe(
      "Meldingen, 1 ongelezen",
    );

    // B opens the notification centre and the notification itself.
    await page.getByTestId("bell").click();
    await page.waitForURL("**/notifications");
    const item = page.getByTestId("notification").filter({ hasText: `Welkom in ${VELUWE}` });
    await seen(item);
    await item.getByRole("link").click();
    // A new member reads the house rules before entering the circle.
    await page.waitForURL(`**${circlePath}/house-rules`);
    await seen(page.getByRole("heading", { name: `Huisregels van ${VELUWE}` }));
    await expect.poll(() => page.getByTestId("bell-count").count(), { timeout: 10_000 }).toBe(0);

    // The same news by e-mail, with an unsubscribe link that works without logging in.
    const mail = await readMail(user.email, new RegExp(`Welkom in ${VELUWE}`));
    expect(mail.text).toContain(circlePath);
    const unsubscribe = linkFrom(mail.text, "/unsubscribe");
    const anonymous = await newPage(browser);
    await anonymous.goto(unsubscribe);
    await anonymous.getByRole("button", { name: "Ja, stuur me hierover geen e-mail meer" }).click();
    await seen(anonymous.getByRole("heading", { name: "Gelukt" }));

    expectNoConsoleErrors(page);
    expectNoConsoleErrors(coach);
    expectNoConsoleErrors(anonymous);
  });
});
