import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  circleWith,
  expectNoConsoleErrors,
  launchBrowser,
  login,
  newPage,
  readDatabase,
  seen,
  visit,
  startThread,
} from "./fixtures";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("search and moderation", () => {
  it("a member finds a post without its diacritics; the coach hides and restores it; the organiser sees only who and what", async () => {
    const pageA = await newPage(browser);
    const pageB = await newPage(browser);
    const pageCoach = await newPage(browser);
    const a = await login(pageA, { name: "Anna Akkerman" });
    const b = await login(pageB, { name: "Bram Bakker" });
    const coach = await login(pageCoach, { name: "Carla Coach", roles: ["coach"] });
    const circleId = circleWith({ members: [a.id, b.id], coachId: coach.id });
    const threadId = await startThread(
      pageA,
      circleId,
      "Open dag",
      "Wie heeft er ideeën voor de open dag? `<script>alert(1)</script>`",
    );

    await visit(pageB, `/circles/${circleId}/threads/search?q=ideeen`);
    const result = pageB.getByTestId(`result-${threadId}`);
    await seen(result);
    expect(await result.locator("mark").first().textContent()).toBe("ideeën");
    expect(await result.locator("script").count()).toBe(0);
    expect(await result.textContent()).toContain("<script>alert(1)</script>");

    const postId = readDatabase(
      (db) =>
        (db.prepare("select id from post where thread_id = ?").get(threadId) as { id: number }).id,
    );
    // B reports it from the thread page, through the page's moderation dialog.
    await visit(pageB, `/circles/${circleId}/threads/${threadId}`);
    await pageB.getByTestId(`moderate-flag-${postId}`).click();
    const reportDialog = pageB.getByRole("dialog");
    await reportDialog.getByLabel("Waarom meld je dit bericht?").fill("Dit hoort hier niet");
    await reportDialog.getByRole("button", { name: "Melding versturen" }).click();
    await expect.poll(() => reportDialog.isVisible()).toBe(false);

    await visit(pageCoach, `/circles/${circleId}/moderation`);
    const flagged = pageCoach.getByTestId(`flagged-${postId}`);
    await seen(flagged.getByText("Dit hoort hier niet"));
    await seen(flagged.getByText(/ideeën voor de open dag/));
    await flagged.getByTestId(`moderate-hide-${postId}`).click();
    const dialog = pageCoach.getByRole("dialog");
    await seen(dialog.getByText("Het bericht van Anna Akkerman"));
    // The server checks the form: an empty reason comes back as an error next to the field.
    await dialog.getByRole("button", { name: "Bericht verbergen" }).click();
    await seen(dialog.getByText("Vul dit veld in."));
    await dialog.getByLabel(/Reden/).fill("Even niet");
    await dialog.getByRole("button", { name: "Bericht verbergen" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const hidden = pageCoach.getByTestId(`hidden-${postId}`);
    await seen(hidden);
    await expect.poll(() => flagged.count()).toBe(0);

    await visit(pageB, `/circles/${circleId}/threads/search?q=ideeen`);
    await seen(pageB.getByText("Niets gevonden voor “ideeen”."));

    await hidden.getByTestId(`moderate-restore-${postId}`).click();
    await dialog.getByLabel("Reden").fill("Na overleg");
    await dialog.getByRole("button", { name: "Bericht terugzetten" }).click();
    await seen(pageCoach.getByText("Er zijn geen verborgen berichten."));

    const organiserPage = await newPage(browser);
    await login(organiserPage, { roles: ["organiser"] });
    const programmeId = readDatabase(
      (db) =>
        (
          db.prepare("select programme_id as id from circle where id = ?").get(circleId) as {
            id: number;
          }
        ).id,
    );
    await visit(organiserPage, `/programmes/${programmeId}/moderation`);
    const rows = organiserPage.locator("tbody tr").filter({ hasText: "Carla Coach" });
    await seen(rows.filter({ hasText: "verborg een bericht" }).first());
    await seen(rows.filter({ hasText: "zette een bericht terug" }).first());
    const text = (await organiserPage.locator("main").textContent()) ?? "";
    for (const word of ["ideeën", "Dit hoort hier niet", "Even niet", "Na overleg", "Open dag"])
      expect(text).not.toContain(word);

    for (const page of [pageA, pageB, organiserPage]) expectNoConsoleErrors(page);
    // The empty reason was refused on purpose.
    expectNoConsoleErrors(pageCoach, [/status of 400/]);
  });
});
