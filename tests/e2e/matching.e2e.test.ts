/**
 * The matching issue, as people see it: an organiser runs matching on the seeded Gelderland
 * programme (online circles), moves one member out of the proposal, sees the warning when a
 * circle would become too small and the refusal to accept it like that, fixes it, and accepts;
 * the invited entrepreneur finds the invitation on the dashboard and behind the bell, and the
 * person who was moved out is not invited.
 *
 * The engine is deterministic and the seed is fixed, so the proposal is the same every run. The
 * other test files never touch this programme's candidates (their fresh entrepreneurs are in
 * Overijssel or have no profile), so nothing here depends on their order. Names are read from
 * the page; the e-mail addresses behind them come from the database, read-only.
 */
import type { Browser, Locator, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  emailOf,
  expectNoConsoleErrors,
  launchBrowser,
  login,
  mainNav,
  newPage,
  readDatabase,
  readMail,
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

const PROGRAMME = "Familiebedrijven Gelderland: opvolging en goed bestuur";
const ORGANISER = "organisator@kringwijs.test";
/** The name acceptProposal gives the first proposed circle (matching.circleName). */
const CIRCLE = `${PROGRAMME} · kring 1`;

const FIT = /^aansluiting \d{1,3}%$/;
const TOO_SMALL = "Te weinig leden voor een kring.";
const MOVED = "Verplaatst. De scores zijn bijgewerkt.";
const UNPLACED_REASON =
  /^(wil alleen (op locatie|online) bijeenkomen|heeft geen dagdeel opgegeven|geen groep van \d+ die samen op één dagdeel kan .+|genoeg kandidaten op hetzelfde dagdeel, maar .+|de kandidaten die bij diegene passen, sluiten elkaar uit .+|er is een kring mogelijk, maar de gekozen kringen passen beter bij de anderen)$/;

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function heading(page: Page, name: string | RegExp) {
  return page.getByRole("heading", { level: 1, name, exact: typeof name === "string" });
}

function toast(page: Page, text: string | RegExp) {
  return page.getByTestId("toast").getByText(text);
}

/** Closes the toast, so the next one is known to be new. */
async function closeToast(page: Page) {
  await page.getByTestId("toast").getByRole("button", { name: "Sluiten" }).click();
  await page.getByTestId("toast").waitFor({ state: "detached" });
}

function proposedCircle(page: Page, index: number) {
  return page.getByTestId(`proposed-circle-${index}`);
}

function members(circle: Locator) {
  return circle.getByTestId(/^member-\d+$/);
}

/** The names of a proposed circle's members, in the page's order. */
function memberNames(circle: Locator) {
  return members(circle).locator("strong").allTextContents();
}

function unplacedSection(page: Page) {
  return page.getByRole("region", { name: /^\d+ ondernemers? niet ingedeeld$/ });
}

async function unplacedNames(page: Page) {
  const section = unplacedSection(page);
  if ((await section.count()) === 0) return [];
  return section.getByRole("listitem").locator("strong").allTextContents();
}

/** The list item of one person on the proposal page, in a circle or among the not placed. */
function personItem(page: Page, name: string) {
  return page.getByRole("listitem").filter({ has: page.getByText(name, { exact: true }) });
}

/** The "N niet ingedeeld" number in the proposal's summary line. */
async function unplacedInSummary(page: Page) {
  const intro = await page
    .getByText(/ niet ingedeeld$/)
    .first()
    .textContent();
  return Number(intro?.match(/(\d+) niet ingedeeld$/)?.[1]);
}

/** Whether a response is the answer to a form posted on the proposal page. */
function isPostTo(path: string) {
  return (r: Response) =>
    r.request().method() === "POST" && new URL(r.url()).pathname.startsWith(path);
}

/** Whether a response is the proposal route's loader data, fetched again after an action. */
function isReloadOf(path: string) {
  return (r: Response) =>
    r.request().method() === "GET" &&
    new URL(r.url()).pathname === path &&
    new URL(r.url()).searchParams.get("_data") ===
      "routes/programmes.$programmeId.matching.$proposalId";
}

/**
 * Moves a person with their "Verplaats naar" select, checks what was sent, and waits for the
 * answer, the reloaded proposal and the toast.
 */
async function move(page: Page, proposalPath: string, name: string, to: string) {
  const item = personItem(page, name);
  const select = item.getByLabel("Verplaats naar");
  const [value] = await select.selectOption({ label: to });
  const [answer] = await Promise.all([
    page.waitForResponse(isPostTo(proposalPath)),
    page.waitForResponse(isReloadOf(proposalPath)),
    item.getByRole("button", { name: "Verplaats", exact: true }).click(),
  ]);
  expect(answer.status()).toBe(200);
  expect(new URLSearchParams(answer.request().postData() ?? "").get("to")).toBe(value);
  await seen(toast(page, MOVED));
  await closeToast(page);
}

describe("matching", () => {
  it("lets an organiser propose, adjust and accept circles, and invites the members", async () => {
    const organiser = await newPage(browser);
    await login(organiser, ORGANISER);
    await visit(organiser, "/dashboard");

    // 1. From the programme list to the matching page, through the menu.
    await mainNav(organiser).getByRole("link", { name: "Programma's" }).click();
    await organiser.waitForURL("**/programmes");
    const listed = organiser
      .getByRole("listitem")
      .filter({ has: organiser.getByRole("heading", { name: PROGRAMME }) });
    await listed.getByRole("link", { name: PROGRAMME }).click();
    await organiser.waitForURL(/\/programmes\/\d+$/);
    await seen(heading(organiser, PROGRAMME));
    const programmePath = new URL(organiser.url()).pathname;
    // No circle of this programme is called like the one matching will make.
    expect(await organiser.getByRole("rowheader", { name: CIRCLE }).count()).toBe(0);

    await organiser.getByRole("link", { name: "Kringen samenstellen", exact: true }).click();
    await organiser.waitForURL(`**${programmePath}/matching`);
    await seen(heading(organiser, "Kringen samenstellen"));
    await waitForHydration(organiser);
    const intro = await seen(organiser.getByText(/ondernemers? klaar om ingedeeld te worden$/));
    const candidates = Number(
      (await intro.textContent())?.match(/(\d+) ondernemers? klaar om ingedeeld te worden$/)?.[1],
    );
    expect(candidates).toBeGreaterThanOrEqual(6);
    const minimum = Number(await organiser.getByLabel("Kleinste kring").inputValue());
    const maximum = Number(await organiser.getByLabel("Grootste kring").inputValue());
    expect(minimum).toBe(5);
    expect(maximum).toBe(10);

    const mode = organiser.getByRole("group", { name: "Hoe komen de kringen bijeen?" });
    await mode.getByRole("radio", { name: "online", exact: true }).check();
    await organiser.getByRole("button", { name: "Stel kringen voor" }).click();
    // The run works in the background; the page says so and shows the result when it is done.
    await seen(toast(organiser, "Het indelen is begonnen. Je kunt intussen gewoon verder werken."));
    await closeToast(organiser);
    await organiser.getByRole("link", { name: "Bekijk het voorstel" }).click();
    await organiser.waitForURL(new RegExp(`${programmePath}/matching/\\d+$`));
    const proposalPath = new URL(organiser.url()).pathname;
    await seen(heading(organiser, "Voorstel voor kringen"));
    await waitForHydration(organiser);

    // The proposal: at least one circle, every member with reasons, and who is not placed, why.
    const circleCount = await organiser.getByTestId(/^proposed-circle-\d+$/).count();
    expect(circleCount).toBeGreaterThanOrEqual(1);
    const first = proposedCircle(organiser, 0);
    await seen(first.getByRole("heading", { level: 2, name: "Kring 1", exact: true }));
    const fitBefore = await first.getByTestId("circle-fit").textContent();
    expect(fitBefore).toMatch(FIT);
    expect(await first.getByTestId("circle-warnings").count()).toBe(0);
    const before = await memberNames(first);
    // Moving one out must leave the circle big enough: otherwise this test cannot show both.
    expect(before.length).toBeGreaterThan(minimum);
    expect(before.length).toBeLessThanOrEqual(maximum);
    for (const item of await members(first).all()) {
      expect((await item.locator(".why").textContent())?.trim()).not.toBe("");
    }
    const unplacedBefore = await unplacedNames(organiser);
    expect(unplacedBefore.length).toBeGreaterThan(0);
    let placed = 0;
    for (let i = 0; i < circleCount; i++)
      placed += await members(proposedCircle(organiser, i)).count();
    expect(placed + unplacedBefore.length).toBe(candidates);
    const reasons = await unplacedSection(organiser)
      .getByRole("listitem")
      .locator(".muted")
      .allTextContents();
    for (const reason of reasons) expect(reason).toMatch(UNPLACED_REASON);
    // The circles meet online, so the people who only want to meet in person wait.
    expect(reasons).toContain("wil alleen op locatie bijeenkomen");
    expect(await unplacedInSummary(organiser)).toBe(unplacedBefore.length);

    // 2. Move the last member of Kring 1 out ("Niet indelen"): the scores are redone.
    const movedOut = before.at(-1)!;
    await move(organiser, proposalPath, movedOut, "Niet indelen");
    await expect.poll(() => memberNames(first)).toEqual(before.slice(0, -1));
    await expect.poll(() => unplacedNames(organiser)).toContain(movedOut);
    expect(await unplacedNames(organiser)).toHaveLength(unplacedBefore.length + 1);
    expect(await unplacedInSummary(organiser)).toBe(unplacedBefore.length + 1);
    const fitAfter = await first.getByTestId("circle-fit").textContent();
    expect(fitAfter).toMatch(FIT);
    // Still at least the minimum: no warning.
    expect(await first.getByTestId("circle-warnings").count()).toBe(0);

    // Moving more people out until the circle is too small shows the warning…
    const alsoOut: string[] = [];
    while ((await members(first).count()) >= minimum) {
      const name = (await memberNames(first)).at(-1)!;
      await move(organiser, proposalPath, name, "Niet indelen");
      await expect.poll(() => unplacedNames(organiser)).toContain(name);
      alsoOut.push(name);
    }
    const warnings = first.getByTestId("circle-warnings");
    await seen(warnings.getByText(TOO_SMALL, { exact: true }));

    // …and a proposal with a warning cannot be accepted. The refusal reloads the page's data;
    // wait for it, so the next move starts from the page as it now is.
    const [refused] = await Promise.all([
      organiser.waitForResponse(isPostTo(proposalPath)),
      organiser.waitForResponse(isReloadOf(proposalPath)),
      organiser.getByRole("button", { name: "Voorstel overnemen" }).click(),
    ]);
    expect(refused.status()).toBe(400);
    await seen(
      organiser.getByText(
        "Eén of meer kringen voldoen niet aan de regels. Los de waarschuwingen eerst op.",
      ),
    );
    expect(new URL(organiser.url()).pathname).toBe(proposalPath);

    // Moving them back clears the warning; the first one moved stays out.
    for (const name of alsoOut.reverse()) {
      await move(organiser, proposalPath, name, "Kring 1");
      await expect.poll(() => memberNames(first)).toContain(name);
    }
    await warnings.waitFor({ state: "detached" });
    const final = await memberNames(first);
    expect([...final].sort()).toEqual(before.slice(0, -1).sort());
    expect(final).not.toContain(movedOut);
    expect(await unplacedNames(organiser)).toContain(movedOut);
    expect(await organiser.getByTestId("circle-warnings").count()).toBe(0);
    expect(await first.getByTestId("circle-fit").textContent()).toBe(fitAfter);

    // 3. Accept: the circles exist, in formation, with their members invited.
    await organiser.getByRole("button", { name: "Voorstel overnemen" }).click();
    await organiser.waitForURL(`**${programmePath}`);
    await seen(
      toast(
        organiser,
        circleCount === 1
          ? "1 kring aangemaakt; de leden zijn uitgenodigd."
          : `${circleCount} kringen aangemaakt; de leden zijn uitgenodigd.`,
      ),
    );
    await seen(heading(organiser, PROGRAMME));
    const table = organiser.getByRole("table");
    const row = table
      .getByRole("row")
      .filter({ has: organiser.getByRole("rowheader", { name: CIRCLE }) });
    await seen(row);
    expect(await row.getByRole("cell").allTextContents()).toEqual([
      "in oprichting",
      `0 / ${maximum}`,
      String(final.length),
      "0",
    ]);
    const href = await row.getByRole("link", { name: CIRCLE }).getAttribute("href");
    const circleId = Number(href?.match(/^\/circles\/(\d+)\/edit$/)?.[1]);
    expect(circleId).toBeGreaterThan(0);

    // The proposal is closed for changes now.
    await visit(organiser, proposalPath);
    await seen(
      organiser.getByText(
        "Dit voorstel is overgenomen: de kringen bestaan en de leden zijn uitgenodigd.",
      ),
    );
    expect(await organiser.getByRole("button", { name: "Voorstel overnemen" }).count()).toBe(0);
    for (const button of await organiser
      .getByRole("button", { name: "Verplaats", exact: true })
      .all())
      expect(await button.isDisabled()).toBe(true);

    // In the database: exactly the final members are invited, the moved-out person is not.
    const invited = readDatabase(
      (db) =>
        db
          .prepare(
            `select u.name as name, m.state as state from membership m join user u on u.id = m.user_id where m.circle_id = ?`,
          )
          .all(circleId) as Array<{ name: string; state: string }>,
    );
    expect(invited.map((m) => m.name).sort()).toEqual([...final].sort());
    expect(new Set(invited.map((m) => m.state))).toEqual(new Set(["invited"]));

    // 4. An invited member: a mail, the bell, the dashboard's to-do and the circle's summary.
    const memberName = final[0]!;
    const memberEmail = emailOf(memberName);
    const mail = await readMail(
      memberEmail,
      new RegExp(`^Je bent uitgenodigd voor ${escapeRegExp(CIRCLE)}$`),
    );
    expect(mail.text).toContain(`/circles/${circleId}`);

    const member = await newPage(browser);
    await login(member, memberEmail);
    await visit(member, "/dashboard");
    await seen(heading(member, `Hallo ${memberName}`));
    const todo = member.getByTestId("todo");
    await seen(todo.getByRole("heading", { name: "Te doen" }));
    const answer = todo.getByRole("link", { name: `Reageer op de uitnodiging voor ${CIRCLE}` });
    await seen(answer);
    const unread = Number(await member.getByTestId("bell-count").textContent());
    expect(unread).toBeGreaterThanOrEqual(1);
    expect(await member.getByTestId("bell").getAttribute("aria-label")).toBe(
      `Meldingen, ${unread} ongelezen`,
    );
    await answer.click();
    await member.waitForURL(`**/circles/${circleId}`);
    await seen(heading(member, CIRCLE));
    await seen(
      member.getByTestId("membership-state").getByText("Je bent uitgenodigd voor deze kring."),
    );
    await seen(member.getByRole("button", { name: "Uitnodiging aannemen" }));

    // The person moved out got nothing for this circle.
    const outsider = await newPage(browser);
    await login(outsider, emailOf(movedOut));
    await visit(outsider, "/dashboard");
    await seen(heading(outsider, `Hallo ${movedOut}`));
    await seen(outsider.getByTestId("my-circles"));
    // Neither a to-do nor a membership mentions the new circle.
    expect(await outsider.getByText(CIRCLE).count()).toBe(0);

    expectNoConsoleErrors(organiser, [new RegExp(`status of 400 .*${escapeRegExp(proposalPath)}`)]);
    expectNoConsoleErrors(member);
    expectNoConsoleErrors(outsider);
  }, 120_000);
});
