/**
 * Issue 19, as an organiser sees it: a large matching run (60,000 entrepreneurs in Zeeland, put
 * into the server's database by a fixture) works in the background. The page shows the progress
 * live; another tab loads a page quickly while the run goes; the run can be stopped; and a run
 * that finishes shows its proposal.
 */
import crypto from "node:crypto";
import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  databasePath,
  expectNoConsoleErrors,
  launchBrowser,
  liveConnection,
  login,
  newPage,
  readDatabase,
  seen,
  visit,
} from "./fixtures";

const ORGANISER = "organisator@kringwijs.test";
const POOL = 60_000;
const tag = `e2e-large-${crypto.randomBytes(3).toString("hex")}`;

let browser: Browser;
let programmeId: number;

function write<T>(change: (db: Database.Database) => T): T {
  const db = new Database(databasePath, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 10000");
    return db.transaction(() => change(db))();
  } finally {
    db.close();
  }
}

/** A programme for Zeeland and POOL ready entrepreneurs there, spread over its towns. */
function seedLargePool() {
  return write((db) => {
    const now = Date.now();
    const programme = db
      .prepare(
        "insert into programme (name, description, themes, province, starts_on, ends_on, size_min, size_target, size_max, sector_policy, weights, created_at) values (?, '', '[]', 'ZE', '2027-01-01', '2027-12-31', 8, 16, 20, 'mixed', '{}', ?)",
      )
      .run(`Grote indeling ${tag}`, now);
    const id = Number(programme.lastInsertRowid);
    const user = db.prepare(
      "insert into user (email, name, password_hash, email_verified_at, created_at) values (?, ?, 'x', ?, ?)",
    );
    const role = db.prepare(
      "insert into user_role (user_id, role, created_at) values (?, 'entrepreneur', ?)",
    );
    const company = db.prepare(
      "insert into company (owner_id, name, sector, sbi_division, employees, founded_year, life_phase, province, municipality, family_business, created_at) values (?, ?, ?, ?, ?, 2015, ?, 'ZE', ?, 0, ?)",
    );
    const profile = db.prepare(
      "insert into profile (user_id, company_role, themes, day_parts, meeting_mode, willing_to_host, ready_to_match, competitors_ok, updated_at) values (?, 'owner', ?, ?, 'either', 0, 1, ?, ?)",
    );
    const sectors = ["C", "F", "G", "M", "Q", "J"];
    const phases = ["starting", "growing", "established", "renewing", "succession"];
    const themes = ["growth", "finance", "people", "sustainability", "product_market"];
    const dayParts = [
      ["evening"],
      ["evening", "morning"],
      ["early_morning"],
      ["afternoon", "evening"],
    ];
    for (let i = 0; i < POOL; i++) {
      const userId = Number(
        user.run(`${tag}-${i}@kringwijs.test`, `Ondernemer ${i}`, now, now).lastInsertRowid,
      );
      role.run(userId, now);
      company.run(
        userId,
        `Bedrijf ${i}`,
        sectors[i % sectors.length],
        i % 3 ? null : String(10 + (i % 4)),
        1 + ((i * 7) % 60),
        phases[(i * 3) % phases.length],
        `Zeeuwse plaats ${i % 13}`,
        now,
      );
      profile.run(
        userId,
        JSON.stringify([themes[i % themes.length], themes[(i * 7) % themes.length]]),
        JSON.stringify(dayParts[i % dayParts.length]),
        i % 4 === 0 ? 1 : 0,
        now,
      );
    }
    return id;
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
  programmeId = seedLargePool();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  // Deleting 40,000 users one cascade at a time takes minutes: remove exactly the rows this file
  // made, with the foreign-key checks off for this connection only.
  const db = new Database(databasePath, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 10000");
    db.pragma("foreign_keys = OFF");
    db.transaction(() => {
      const mine = "(select id from user where email like ?)";
      for (const table of ["profile", "company", "user_role", "session"])
        db.prepare(
          `delete from ${table} where ${table === "company" ? "owner_id" : "user_id"} in ${mine}`,
        ).run(`${tag}-%`);
      db.prepare("delete from user where email like ?").run(`${tag}-%`);
      db.prepare("delete from matching_run where programme_id = ?").run(programmeId);
      db.prepare("delete from matching_proposal where programme_id = ?").run(programmeId);
      db.prepare("delete from programme where id = ?").run(programmeId);
    })();
  } finally {
    db.close();
  }
}, 120_000);

const runStatus = () =>
  readDatabase(
    (db) =>
      db
        .prepare("select status from matching_run where programme_id = ? order by id desc limit 1")
        .get(programmeId) as { status: string } | undefined,
  )?.status;

describe("a large matching run", () => {
  it("shows progress, leaves the site usable, can be stopped, and ends in a proposal", async () => {
    const organiser = await newPage(browser);
    await login(organiser, ORGANISER);
    const connected = liveConnection(organiser);
    await visit(organiser, `/programmes/${programmeId}/matching`);
    await connected;
    const intro = await seen(organiser.getByText(/\d+ ondernemers klaar om ingedeeld te worden$/));
    const count = Number((await intro.textContent())?.match(/(\d+) ondernemers klaar/)?.[1]);
    expect(count).toBeGreaterThanOrEqual(POOL);
    await seen(organiser.getByRole("heading", { name: "Zo weegt het voorstel" }));

    // Another tab, signed in and open, to load pages while the run goes.
    const other = await newPage(browser);
    await login(other, ORGANISER);
    await visit(other, "/dashboard");

    // 1. Start: the page answers at once and shows the run's progress.
    await organiser.getByRole("button", { name: "Stel kringen voor" }).click();
    const progress = organiser.getByRole("progressbar", { name: "Voortgang van de indeling" });
    await seen(progress);
    const status = organiser.getByRole("status").filter({ hasText: /^Bezig met indelen: \d+%$/ });
    const first = await (await seen(status)).textContent();

    // 2. Meanwhile the other tab loads a page quickly: the run is not on the request thread.
    const start = Date.now();
    await other.goto("/programmes");
    await seen(other.getByRole("heading", { level: 1, name: "Programma's" }));
    const elapsed = Date.now() - start;
    expect(runStatus(), "the other page loaded while the run went on").toBe("running");
    expect(elapsed).toBeLessThan(3_000);
    // The percentage moves without a reload (live events).
    await expect
      .poll(async () => (await status.textContent()) !== first, { timeout: 10_000, interval: 25 })
      .toBe(true);

    // 3. Stop it: nothing is saved.
    await organiser.getByRole("button", { name: "Stop het indelen" }).click();
    await seen(organiser.getByText("Het indelen is gestopt. Er is niets opgeslagen."));
    expect(runStatus()).toBe("cancelled");

    // 4. A run that finishes: the page reloads itself and links to the proposal. (Fewer people
    // this time: the proposal page lists every circle, which is for a programme's hundreds.)
    write((db) =>
      db
        .prepare(
          "update profile set ready_to_match = 0 where user_id % 100 != 0 and user_id in (select id from user where email like ?)",
        )
        .run(`${tag}-%`),
    );
    await visit(organiser, `/programmes/${programmeId}/matching`);
    await organiser.getByRole("button", { name: "Stel kringen voor" }).click();
    // No wait for the progress bar here: with a few hundred people the run can end before the
    // page shows it (the first run above is the one that shows progress).
    const open = organiser.getByRole("link", { name: "Bekijk het voorstel" });
    await open.waitFor({ state: "visible", timeout: 90_000 });
    expect(["done", "timed_out"]).toContain(runStatus());
    await open.click();
    await organiser.waitForURL(new RegExp(`/programmes/${programmeId}/matching/\\d+$`));
    await seen(organiser.getByRole("heading", { level: 1, name: "Voorstel voor kringen" }));
    expectNoConsoleErrors(organiser);
    expectNoConsoleErrors(other);
  }, 180_000);
});
