/**
 * Long unbroken input must not break the layout: on a 320 px wide screen, a circle and a member
 * whose names are 60 characters without a space still fit the width, on every page that shows
 * them. A page that overflows scrolls sideways, which is what this test looks for.
 */
import crypto from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNoConsoleErrors,
  freshUser,
  launchBrowser,
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

const ORGANISER = "organisator@kringwijs.test";
const COACH = { email: "coach@kringwijs.test", name: "Anouk de Wit" };

/** 60 characters without a space or hyphen, unique per run (the shared database keeps old runs' data). */
function unbroken(prefix: string) {
  const tail = crypto.randomBytes(8).toString("hex");
  return (prefix + "x".repeat(60)).slice(0, 60 - tail.length) + tail;
}

/**
 * How far the page scrolls sideways at this width: 0 when everything fits, otherwise the number
 * of pixels and the innermost elements that stick out (to say what to fix).
 */
async function sidewaysScroll(page: Page, pathname: string) {
  await visit(page, pathname);
  return page.evaluate(() => {
    const root = document.documentElement;
    const excess = root.scrollWidth - root.clientWidth;
    if (excess <= 0) return 0;
    const sticking = [...document.body.querySelectorAll("*")].filter(
      (el) =>
        el.getBoundingClientRect().right > root.clientWidth &&
        ![...el.children].some((child) => child.getBoundingClientRect().right > root.clientWidth),
    );
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/ /g, ".")}` : ""}`;
    return `${excess}px: ${sticking.map(describe).join(", ")}`;
  });
}

async function narrow(page: Page) {
  await page.setViewportSize({ width: 320, height: 800 });
  return page;
}

describe("long unbroken names at 320 px", () => {
  it("wrap on the circle home, circle page, circle list, overviews and members table", async () => {
    const circleName = unbroken("Kring");
    const description = `Een kring voor ${unbroken("Omschrijving")} en hun vragen.`;
    const member = { ...freshUser("layout"), name: unbroken("Lid") };
    expect(circleName).toHaveLength(60);
    expect(member.name).toHaveLength(60);

    // The organiser sets up a programme coached by Anouk, and the circle in it.
    const organiser = await newPage(browser);
    await login(organiser, ORGANISER);
    await visit(organiser, "/programmes/new");
    await organiser.getByLabel("Naam", { exact: true }).fill(`Programma ${circleName}`);
    await organiser
      .getByRole("group", { name: "Thema's" })
      .getByRole("checkbox", { name: "Groei en strategie" })
      .check();
    await organiser
      .getByRole("group", { name: "Begeleiders" })
      .getByRole("checkbox", { name: COACH.name })
      .check();
    await organiser.getByRole("button", { name: "Programma aanmaken" }).click();
    await organiser.waitForURL(/\/programmes\/\d+$/);
    const programmePath = new URL(organiser.url()).pathname;
    await visit(organiser, `${programmePath}/circles/new`);
    await organiser.getByLabel("Naam van de kring").fill(circleName);
    await organiser.getByLabel("Beschrijving").fill(description);
    await organiser
      .getByRole("group", { name: "Begeleiding" })
      .getByRole("checkbox", { name: COACH.name })
      .check();
    await organiser.getByRole("button", { name: "Kring aanmaken" }).click();
    await organiser.waitForURL(/\/circles\/\d+\/edit$/);
    const circleId = Number(new URL(organiser.url()).pathname.split("/")[2]);

    // The member signs up; the coach invites them; they accept and agree to the house rules.
    const page = await newPage(browser);
    await login(page, member);
    const coach = await newPage(browser);
    await login(coach, COACH.email);
    await visit(coach, `/circles/${circleId}/members`);
    await coach.getByLabel("E-mailadres van de ondernemer").fill(member.email);
    await coach.getByRole("button", { name: "Uitnodigen" }).click();
    await seen(coach.getByTestId("toast").getByText(`${member.email} is uitgenodigd.`));
    await visit(page, `/circles/${circleId}`);
    await page.getByRole("button", { name: "Uitnodiging aannemen" }).click();
    await page.waitForURL(`**/circles/${circleId}/house-rules`);
    await page.getByRole("button", { name: "Ik ga akkoord met de huisregels" }).click();
    await page.waitForURL(`**/circles/${circleId}/home`);
    await seen(page.getByTestId("member-list").getByText(member.name, { exact: true }));

    // Every page that shows the names fits 320 px.
    const overflow: Record<string, number | string> = {};
    await narrow(page);
    for (const path of [
      `/circles/${circleId}/home`,
      `/circles/${circleId}`,
      "/circles",
      "/dashboard",
    ])
      overflow[`member ${path}`] = await sidewaysScroll(page, path);
    await narrow(coach);
    for (const path of [`/circles/${circleId}/members`, `/circles/${circleId}/home`, "/dashboard"])
      overflow[`coach ${path}`] = await sidewaysScroll(coach, path);
    await narrow(organiser);
    for (const path of [programmePath, "/programmes", `/circles/${circleId}/edit`])
      overflow[`organiser ${path}`] = await sidewaysScroll(organiser, path);
    expect(overflow).toEqual(Object.fromEntries(Object.keys(overflow).map((k) => [k, 0])));

    // The names are still there in full (wrapped, not cut off).
    await visit(page, `/circles/${circleId}/home`);
    await seen(page.getByRole("heading", { level: 1, name: circleName }));
    await seen(page.getByTestId("member-list").getByText(member.name, { exact: true }));

    expectNoConsoleErrors(page);
    expectNoConsoleErrors(coach);
    expectNoConsoleErrors(organiser);
  });
});
