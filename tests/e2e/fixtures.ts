/**
 * Shared helpers for the end-to-end tests: a headless Chromium, pages that record console
 * errors (CSP violations included), logging in, reading the mail the server wrote to its
 * outbox folder, and looking up seeded people in the server's database (read-only).
 */
import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";
import fs from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";
import { simpleParser } from "mailparser";
import {
  chromium,
  type Browser,
  type Locator,
  type Page,
  type Response,
  type WebSocket,
} from "playwright-core";
import { expect, inject, onTestFinished } from "vitest";
import { addDays, amsterdamToday } from "~/domain/meeting-time";
import type { Role } from "~/domain/states";
import { getT } from "~/i18n";
import type { Locale } from "~/i18n/locales";
import { generateSecureRandomString, hashSecret } from "~/utils/crypto.server";

export const baseURL = inject("baseURL");
export const outboxDir = inject("outboxDir");
export const databasePath = inject("databasePath");

/** The password of every seeded demo account (db/seed.ts). */
export const DEMO_PASSWORD = "kring-demo-2027";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

const problemsByPage = new WeakMap<Page, string[]>();

/**
 * A page in a fresh browser context (its own cookies). Console errors, uncaught exceptions and
 * Content-Security-Policy violations are recorded for `expectNoConsoleErrors`.
 */
export async function newPage(
  browser: Browser,
  {
    locale = "nl-NL",
    javaScriptEnabled = true,
  }: { locale?: string; javaScriptEnabled?: boolean } = {},
) {
  const context = await browser.newContext({ locale, baseURL, javaScriptEnabled });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  // Chromium also logs CSP violations itself; the event makes them explicit and detailed.
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
          `(${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const where = message.location().url;
    problems.push(`console.error: ${message.text()}${where ? ` (${where})` : ""}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  problemsByPage.set(page, problems);
  return page;
}

/**
 * Asserts that the page logged no console errors and threw nothing. `allow` lists messages a
 * test expects, such as Chromium's "Failed to load resource" line for a deliberate 403.
 */
export function expectNoConsoleErrors(page: Page, allow: RegExp[] = []) {
  const problems = problemsByPage.get(page);
  if (!problems) throw new Error("This page was not made with newPage()");
  expect(problems.filter((p) => !allow.some((pattern) => pattern.test(p)))).toEqual([]);
}

/** Waits until React has hydrated the document, so clicks go through the client-side router. */
export async function waitForHydration(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const main = document.querySelector("main");
          return main !== null && Object.keys(main).some((k) => k.startsWith("__reactFiber"));
        }),
      { timeout: 15_000, interval: 50 },
    )
    .toBe(true);
}

/** Navigates and waits for hydration. */
export async function visit(page: Page, pathname: string) {
  const response = await page.goto(pathname);
  await waitForHydration(page);
  return response;
}

/** Waits until a locator is visible. */
export async function seen(locator: Locator) {
  await locator.waitFor({ state: "visible" });
  return locator;
}

/** The header's main navigation (Dutch or English label). */
export function mainNav(page: Page) {
  return page.getByRole("navigation", { name: /^(Hoofdmenu|Main menu)$/ });
}

/** The names of the links in the header's main navigation, in order. */
export function mainNavLinks(page: Page) {
  return mainNav(page)
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => a.textContent?.trim() ?? ""));
}

/** The header's log-out button, in either language. */
export function logoutButton(page: Page) {
  return page.getByRole("button", { name: /^(Uitloggen|Log out)$/ });
}

/** Logs in through the form (Dutch or English page) and waits until the header shows it. */
export async function loginWithForm(page: Page, email: string, password: string) {
  await visit(page, "/login");
  await page.getByLabel(/^(E-mailadres|Email address)$/).fill(email);
  await page.getByLabel(/^(Wachtwoord|Password)$/).fill(password);
  await page.getByRole("button", { name: /^(Inloggen|Log in)$/ }).click();
  await seen(logoutButton(page));
  await waitForHydration(page);
}

// The server's session cookie, signed with the same secret (global-setup hands it over).
const sessionCookie = createCookie("kw_session", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secrets: [inject("sessionSecret")],
});

export type LoggedIn = { id: number; email: string; name: string; password: string };

/**
 * Signs a page's browser in without the login form: the session (and, for a new person, the
 * user) goes straight into the server's database, the cookie into the browser. Pass the e-mail
 * of a seeded person, or roles, a name and an address for a fresh, verified account (an
 * entrepreneur unless told otherwise, without a profile yet) whose password is the demo password. What it made is deleted when the test finishes. Only the log-in tests use the
 * form itself (`loginWithForm`).
 */
export async function login(
  page: Page,
  who: string | { roles?: Role[]; name?: string; email?: string; locale?: "nl" | "en" } = {},
): Promise<LoggedIn> {
  const user = writeDatabase((db) => {
    if (typeof who === "string") {
      const row = db.prepare("select id, email, name from user where email = ?").get(who) as
        { id: number; email: string; name: string } | undefined;
      if (!row) throw new Error(`No user ${who} in the e2e database`);
      return { ...row, created: false };
    }
    const email = who.email ?? uniqueEmail("login");
    const name = who.name ?? `E2E ${crypto.randomBytes(2).toString("hex")}`;
    // Fresh accounts borrow a seeded person's hash, so the demo password works for them too.
    const { hash } = db
      .prepare("select password_hash as hash from user where email = 'ondernemer@kringwijs.test'")
      .get() as { hash: string };
    const now = Date.now();
    const created = db
      .prepare(
        "insert into user (email, name, password_hash, locale, email_verified_at, created_at) values (?, ?, ?, ?, ?, ?)",
      )
      .run(email, name, hash, who.locale ?? null, now, now);
    const id = Number(created.lastInsertRowid);
    for (const role of who.roles ?? ["entrepreneur"]) {
      db.prepare("insert into user_role (user_id, role, created_at) values (?, ?, ?)").run(
        id,
        role,
        now,
      );
    }
    return { id, email, name, created: true };
  });
  const sessionId = generateSecureRandomString(15);
  const secret = generateSecureRandomString(24);
  const expiresAt = Date.now() + 24 * 60 * 60 * 1000;
  writeDatabase((db) =>
    db
      .prepare(
        "insert into session (id, secret_hash, user_id, expires_at, created_at) values (?, ?, ?, ?, ?)",
      )
      .run(sessionId, hashSecret(secret), user.id, expiresAt, Date.now()),
  );
  onTestFinished(() =>
    writeDatabase((db) => {
      // Deleting the user cascades to their sessions, roles, memberships and the rest.
      if (user.created) db.prepare("delete from user where id = ?").run(user.id);
      else db.prepare("delete from session where id = ?").run(sessionId);
    }),
  );
  const cookie = await sessionCookie.serialize(`${sessionId}.${secret}`);
  const value = cookie.split(";")[0]!.slice("kw_session=".length);
  await page
    .context()
    .addCookies([{ name: "kw_session", value, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
  return { id: user.id, email: user.email, name: user.name, password: DEMO_PASSWORD };
}

export async function logout(page: Page) {
  await logoutButton(page).click();
  await seen(page.getByRole("link", { name: /^(Inloggen|Log in)$/ }).first());
}

/** A unique address, so every test works with its own fresh account. */
export function uniqueEmail(label: string) {
  return `e2e-${label}-${Date.now()}-${crypto.randomBytes(3).toString("hex")}@example.nl`;
}

export type Mail = { subject: string; text: string; html: string; to: string };

async function parseMail(file: string): Promise<Mail> {
  const mail = await simpleParser(await fs.readFile(file));
  const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
  return {
    subject: mail.subject ?? "",
    text: mail.text ?? "",
    html: typeof mail.html === "string" ? mail.html : "",
    to,
  };
}

/**
 * Waits until the server has written a mail to `to` whose subject matches, and returns the
 * newest such mail. Files are named by time, so the newest sorts last.
 */
export async function readMail(to: string, subject: RegExp, timeoutMs = 10_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  const address = to.toLowerCase();
  while (Date.now() < deadline) {
    const files = (await fs.readdir(outboxDir).catch(() => [] as string[]))
      .filter((f) => f.endsWith(".eml"))
      .sort()
      .reverse();
    for (const name of files) {
      const file = path.join(outboxDir, name);
      const mail = await parseMail(file).catch(() => null);
      if (!mail || !mail.to.toLowerCase().includes(address) || !subject.test(mail.subject))
        continue;
      // A file that is still being written could be cut short: read it again once it is stable.
      const size = (await fs.stat(file)).size;
      await new Promise((r) => setTimeout(r, 50));
      if ((await fs.stat(file)).size !== size) break;
      return parseMail(file);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No mail to ${to} with a subject matching ${subject} within ${timeoutMs} ms`);
}

/** The first link in a mail's text to `pathname` (the mail says "Label: https://…"). */
export function linkFrom(text: string, pathname: string): string {
  const escaped = pathname.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const match = text.match(new RegExp(`https?://[^\\s]+?${escaped}(?:[?#][^\\s]*)?(?=\\s|$)`));
  if (!match) throw new Error(`No ${pathname} link in:\n${text}`);
  return match[0];
}

/**
 * Resolves once the page's Socket.IO client is connected (the server's CONNECT answer, "40…",
 * arrived over long-polling or the WebSocket). By then the server has put the socket in the
 * user's room, so live events reach it. Call before the navigation that opens the socket.
 */
export function liveConnection(page: Page, timeoutMs = 15_000): Promise<void> {
  const isConnectAnswer = (payload: string) =>
    payload.split("\x1e").some((packet) => packet.startsWith("40"));
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      page.off("response", onResponse);
      page.off("websocket", onWebSocket);
      if (error) reject(error);
      else resolve();
    };
    const onResponse = (response: Response) => {
      if (!response.url().includes("/socket.io/") || response.request().method() !== "GET") return;
      void response
        .text()
        .then((body) => {
          if (isConnectAnswer(body)) finish();
        })
        .catch(() => {});
    };
    const onWebSocket = (ws: WebSocket) => {
      if (!ws.url().includes("/socket.io/")) return;
      ws.on("framereceived", ({ payload }) => {
        if (typeof payload === "string" && isConnectAnswer(payload)) finish();
      });
    };
    const timer = setTimeout(
      () => finish(new Error(`No Socket.IO connection within ${timeoutMs} ms`)),
      timeoutMs,
    );
    page.on("response", onResponse);
    page.on("websocket", onWebSocket);
  });
}

export type NewUser = { name: string; email: string; password: string };

export function freshUser(label: string): NewUser {
  return {
    name: `E2E ${label} ${crypto.randomBytes(2).toString("hex")}`,
    email: uniqueEmail(label),
    password: "een heel lang e2e wachtwoord",
  };
}

/**
 * Runs a query against the server's database through a read-only connection, for facts the
 * pages deliberately do not show (such as a person's e-mail address). Never writes.
 */
export function readDatabase<T>(query: (db: Database.Database) => T): T {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
}

/**
 * Writes to the server's database, for fixtures only (`login`). The server holds the same file
 * in WAL mode; the busy timeout waits for its write lock instead of failing.
 */
function writeDatabase<T>(change: (db: Database.Database) => T): T {
  const db = new Database(databasePath, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    return db.transaction(() => change(db))();
  } finally {
    db.close();
  }
}

/** The e-mail address of the one seeded person with this name. */
export function emailOf(name: string): string {
  const rows = readDatabase(
    (db) =>
      db.prepare("select email from user where name = ?").all(name) as Array<{ email: string }>,
  );
  if (rows.length !== 1) throw new Error(`Expected one person named ${name}, found ${rows.length}`);
  return rows[0]!.email;
}

/**
 * A circle in the first seeded programme whose members (who accepted the house rules) and coach
 * are the given people; deleted with everything in it when the test finishes. Returns its id.
 */
export function circleWith({ members, coachId }: { members: number[]; coachId?: number }): number {
  const circleId = writeDatabase((db) => {
    const now = Date.now();
    const { id: programmeId } = db
      .prepare("select id from programme order by id limit 1")
      .get() as {
      id: number;
    };
    const circle = db
      .prepare(
        "insert into circle (programme_id, name, theme, status, capacity_min, capacity_max, meeting_mode, house_rules, created_at) values (?, ?, 'growth', 'active', 2, 12, 'online', ?, ?)",
      )
      .run(
        programmeId,
        `E2E kring ${crypto.randomBytes(2).toString("hex")}`,
        "Wat hier gezegd wordt, blijft hier.",
        now,
      );
    const id = Number(circle.lastInsertRowid);
    for (const userId of members)
      db.prepare(
        "insert into membership (circle_id, user_id, state, house_rules_accepted_at, created_at) values (?, ?, 'member', ?, ?)",
      ).run(id, userId, now, now);
    if (coachId !== undefined) {
      db.prepare("insert or ignore into programme_coach (programme_id, user_id) values (?, ?)").run(
        programmeId,
        coachId,
      );
      db.prepare("insert into circle_coach (circle_id, user_id) values (?, ?)").run(id, coachId);
    }
    return id;
  });
  onTestFinished(() =>
    writeDatabase((db) => {
      db.prepare("delete from circle where id = ?").run(circleId);
    }),
  );
  return circleId;
}

/** Starts a thread through the new-thread form and returns its id once its page shows. */
export async function startThread(page: Page, circleId: number, title: string, body: string) {
  await visit(page, `/circles/${circleId}/threads/new`);
  await page.getByLabel("Onderwerp").fill(title);
  await page.getByLabel("Je bericht").fill(body);
  await page.getByRole("button", { name: "Gesprek starten" }).click();
  await seen(page.getByRole("heading", { level: 1, name: title }));
  return Number(/threads\/(\d+)/.exec(page.url())![1]);
}

/**
 * Moves a meeting into the past (it started three hours ago and ended an hour ago), as if it
 * had taken place, so the follow-up opens. Its pending reminders go with it: they belonged to
 * the time it had.
 */
export function meetingHappened(meetingId: number) {
  writeDatabase((db) => {
    const now = Date.now();
    db.prepare("update meeting set starts_at = ?, ends_at = ? where id = ?").run(
      now - 3 * 3_600_000,
      now - 3_600_000,
      meetingId,
    );
    db.prepare(
      "update scheduled_job set status = 'cancelled' where subject_id = ? and kind like 'meeting.%' and status = 'pending'",
    ).run(meetingId);
  });
}

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
};

let axeSource: Promise<string> | undefined;

/**
 * Runs axe-core on the page as it is now and returns its serious and critical violations, each
 * as "rule: help (selectors)". The script is evaluated through the DevTools protocol, which
 * the page's Content-Security-Policy does not govern, so the page itself stays as served.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  axeSource ??= fs.readFile(path.resolve("node_modules/axe-core/axe.min.js"), "utf8");
  await page.evaluate(await axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, o: object) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations as AxeViolation[];
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .slice(0, 3)
          .map((n) => JSON.stringify(n.target))
          .join(", ")})`,
    );
}

/** Both languages a flow runs in: the app's locale and the browser's. */
export const LANGUAGES: Array<{ locale: Locale; browserLocale: string }> = [
  { locale: "nl", browserLocale: "nl-NL" },
  { locale: "en", browserLocale: "en-GB" },
];

/** A message as a person reading the page in `locale` sees it, to find controls by. */
export function labelsIn(locale: Locale) {
  const t = getT(locale);
  return (key: string, values: Record<string, unknown> = {}) => t(key as never, values) as string;
}

/**
 * The coach plans a video meeting through the form, `daysAhead` from today at 19:00–21:00, and
 * lands on its page; returns the page's path and the meeting's id.
 */
export async function planMeetingInForm(
  page: Page,
  locale: Locale,
  { circleId, title, daysAhead = 10 }: { circleId: number; title: string; daysAhead?: number },
) {
  const label = labelsIn(locale);
  await visit(page, `/circles/${circleId}/meetings/new`);
  await page.getByLabel(label("meeting.field.title")).fill(title);
  await page
    .getByLabel(label("meeting.field.date"), { exact: true })
    .fill(addDays(amsterdamToday(), daysAhead));
  await page.getByLabel(label("meeting.field.startTime")).fill("19:00");
  await page.getByLabel(label("meeting.field.endTime")).fill("21:00");
  await page.getByRole("radio", { name: label("meeting.kind.video") }).check();
  await page.getByLabel(label("meeting.field.videoUrl")).fill("https://meet.example.org/kring");
  await page.getByRole("button", { name: label("meeting.planButton") }).click();
  await seen(page.getByRole("heading", { level: 1, name: title }));
  const path = new URL(page.url()).pathname;
  return { path, meetingId: Number(/meetings\/(\d+)$/.exec(path)![1]) };
}
