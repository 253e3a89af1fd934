/**
 * The circles issue, as people see it: an entrepreneur onboards, applies to an open circle, is
 * approved by the coach, accepts the house rules and enters the circle; a full circle puts the
 * next applicant on the waitlist; organisers and visitors never see who is in a circle; and the
 * pages read in English too.
 *
 * Every flow that changes state uses its own fresh entrepreneur. The seeded database is shared by
 * the whole run, so counts that other tests change are read, not assumed.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNoConsoleErrors,
  freshUser,
  launchBrowser,
  login,
  mainNav,
  newPage,
  seen,
  visit,
  waitForHydration,
  type NewUser,
} from "./fixtures";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

// Seeded circles (db/seed-data.ts).
/** Forming, open, 3 of 8 seats taken, coached by Anouk de Wit and Fatima El Amrani. */
const SALLAND = "Ontbijtkring Mensen en Vakmanschap Salland";
/** Active, open, full (8 of 8), coached by Fatima El Amrani only. */
const ZWOLLE = "Zwolse kring Werkgeluk en Zelforganisatie";
/** Active, open, 7 of 10, 2 applied and 1 invited; Lotte van Dijk and Hans Kok are members. */
const TWENTE = "Kring Slimmer Organiseren Twente";
const PROGRAMME = "Sociale innovatie Overijssel 2027";

const COACH = { email: "coach@kringwijs.test", name: "Anouk de Wit" };
const FATIMA = { email: "fatima.elamrani@kringwijs.test", name: "Fatima El Amrani" };
const ORGANISER = "organisator@kringwijs.test";

const MKB_LIMIT =
  "Kringwijs is er voor het mkb: bedrijven met minder dan 250 medewerkers. Bij 250 of meer ben je een groot bedrijf.";

type CompanyInput = {
  name: string;
  kvk: string;
  sector: string;
  employees: string;
  founded: string;
  phase: string;
  province: string;
  municipality: string;
  family: boolean;
};

function companyFor(user: NewUser, overrides: Partial<CompanyInput> = {}): CompanyInput {
  return {
    name: `${user.name} Installatie BV`,
    kvk: "12345678",
    sector: "F · Bouwnijverheid",
    employees: "12",
    founded: "2015",
    phase: "Gevestigd (stabiel, regulier mkb)",
    province: "Overijssel",
    municipality: "Deventer",
    family: true,
    ...overrides,
  };
}

function toast(page: Page, text: string | RegExp) {
  return page.getByTestId("toast").getByText(text);
}

function heading(page: Page, name: string | RegExp) {
  return page.getByRole("heading", { level: 1, name, exact: typeof name === "string" });
}

function pathname(page: Page) {
  return new URL(page.url()).pathname;
}

const companyFields = (page: Page) => ({
  name: page.getByLabel("Naam van je bedrijf"),
  kvk: page.getByLabel("KvK-nummer (mag leeg blijven)"),
  sector: page.getByLabel("Sector", { exact: true }),
  employees: page.getByLabel("Aantal medewerkers"),
  founded: page.getByLabel("Opgericht in"),
  phase: page.getByLabel("Fase van je bedrijf"),
  province: page.getByLabel("Provincie"),
  municipality: page.getByLabel("Gemeente"),
  family: page.getByLabel("Het is een familiebedrijf"),
});

/** Fills the company step (does not submit). */
async function fillCompany(page: Page, company: CompanyInput) {
  const f = companyFields(page);
  await f.name.fill(company.name);
  await f.kvk.fill(company.kvk);
  await f.sector.selectOption({ label: company.sector });
  await f.employees.fill(company.employees);
  await f.founded.fill(company.founded);
  await f.phase.selectOption({ label: company.phase });
  await f.province.selectOption({ label: company.province });
  await f.municipality.fill(company.municipality);
  await f.family.setChecked(company.family);
}

async function expectCompanyValues(page: Page, company: CompanyInput) {
  const f = companyFields(page);
  expect(await f.name.inputValue()).toBe(company.name);
  expect(await f.kvk.inputValue()).toBe(company.kvk);
  expect(await f.sector.locator("option:checked").textContent()).toBe(company.sector);
  expect(await f.employees.inputValue()).toBe(company.employees);
  expect(await f.founded.inputValue()).toBe(company.founded);
  expect(await f.phase.locator("option:checked").textContent()).toBe(company.phase);
  expect(await f.province.locator("option:checked").textContent()).toBe(company.province);
  expect(await f.municipality.inputValue()).toBe(company.municipality);
  expect(await f.family.isChecked()).toBe(company.family);
}

function choiceGroup(page: Page, legend: string) {
  return page.getByRole("group", { name: legend });
}

async function saveAndContinue(page: Page, next: string) {
  await page.getByRole("button", { name: "Opslaan en verder" }).click();
  await page.waitForURL(`**/onboarding/${next}`);
}

/** Fills the profile step: owner, two themes, evening and breakfast, in person. */
async function fillProfile(page: Page) {
  await choiceGroup(page, "Je rol in het bedrijf")
    .getByRole("radio", { name: "Eigenaar of directeur" })
    .check();
  const themes = choiceGroup(page, "Thema's (hoogstens drie)");
  await themes.getByRole("checkbox", { name: "Sociale en organisatorische innovatie" }).check();
  await themes
    .getByRole("checkbox", { name: "Personeel, arbeidsmarkt en leven lang ontwikkelen" })
    .check();
  const dayParts = choiceGroup(page, "Wanneer kun je meestal?");
  await dayParts.getByRole("checkbox", { name: "'s Avonds" }).check();
  await dayParts.getByRole("checkbox", { name: "Vroeg in de ochtend (ontbijtsessie)" }).check();
  await choiceGroup(page, "Hoe wil je bijeenkomen?")
    .getByRole("radio", { name: "Op locatie" })
    .check();
}

const SITUATION =
  "We groeien van tien naar twintig mensen en ik merk dat alles nog via mij loopt. Het overleg op maandag duurt steeds langer.";
const WISH = "Ik wil horen hoe andere ondernemers hun teams meer zelf laten beslissen.";

async function fillQuestion(page: Page) {
  await page.getByLabel("Wat speelt er?").fill(SITUATION);
  await page.getByLabel("Wat wil je van andere ondernemers?").fill(WISH);
}

/** A fresh entrepreneur with a complete profile, on the summary step. */
async function onboardedEntrepreneur(page: Page, label: string, overrides?: Partial<CompanyInput>) {
  const user = freshUser(label);
  await login(page, user);
  await visit(page, "/onboarding");
  await page.waitForURL("**/onboarding/company");
  await fillCompany(page, companyFor(user, overrides));
  await saveAndContinue(page, "profile");
  await fillProfile(page);
  await saveAndContinue(page, "question");
  await fillQuestion(page);
  await saveAndContinue(page, "ready");
  await seen(heading(page, "Je profiel"));
  return user;
}

/** Opens a circle from the public list and returns its id. */
async function openCircleFromList(page: Page, name: string) {
  await visit(page, "/circles");
  await circleCard(page, name).getByRole("link", { name, exact: true }).click();
  await page.waitForURL(/\/circles\/\d+$/);
  await seen(heading(page, name));
  await waitForHydration(page);
  return Number(pathname(page).split("/").pop());
}

function circleCard(page: Page, name: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
}

function yourPlace(page: Page) {
  return page.getByRole("region", { name: "Jouw plek" });
}

async function apply(page: Page, motivation: string) {
  await yourPlace(page).getByLabel("Waarom wil je meedoen?").fill(motivation);
  await yourPlace(page).getByRole("button", { name: "Aanmelden", exact: true }).click();
  await seen(
    toast(page, "Je aanmelding is verstuurd. De begeleider laat je weten of je erbij kunt."),
  );
  await seen(
    page
      .getByTestId("membership-state")
      .getByText("Je hebt je aangemeld. De begeleider bekijkt je aanmelding."),
  );
}

/** The coach's card for a circle on their dashboard. */
function coachedCard(page: Page, circle: string) {
  return page
    .getByRole("region", { name: "Kringen die je begeleidt" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: circle, exact: true }) });
}

const PENDING = /^(\d+) aanmeldingen? wacht(en)? op jou$/;

/** The number on the card's "N aanmeldingen wachten op jou" link (0 when there is none). */
async function pendingCount(card: ReturnType<typeof coachedCard>) {
  const link = card.getByRole("link", { name: PENDING });
  if ((await link.count()) === 0) return 0;
  return Number((await link.textContent())?.match(PENDING)?.[1]);
}

/** Chromium logs a deliberate 400 or 403 response as a console error: the line to allow. */
const statusLine = (status: number, path: string) =>
  new RegExp(`status of ${status} \\([^)]+\\) \\(http://[^)]+${path.replace(/\//g, "\\/")}\\)$`);

/** The same for a form the server rejected while JavaScript runs (a Remix data request, D32). */
const rejectedForm = (path: string) =>
  new RegExp(
    `status of 400 \\([^)]+\\) \\(http://[^)]+${path.replace(/\//g, "\\/")}\\?_data=[^)]+\\)$`,
  );

describe("onboarding", () => {
  it("takes a new entrepreneur through company, profile and question to taking part", async () => {
    const page = await newPage(browser);
    const user = freshUser("onboard");
    await login(page, user);
    await visit(page, "/onboarding");

    // Step 1: the company.
    await page.waitForURL("**/onboarding/company");
    await seen(heading(page, "Over je bedrijf"));
    const steps = page.getByRole("navigation", { name: "Stappen van je profiel" });
    expect(
      await steps.getByRole("link", { name: "Bedrijf", exact: true }).getAttribute("aria-current"),
    ).toBe("step");
    const company = companyFor(user);
    await fillCompany(page, company);
    // The founding year suggests a phase, as a hint only.
    await seen(
      page.getByText(
        'Op basis van het oprichtingsjaar past "Gevestigd (stabiel, regulier mkb)" misschien.',
        { exact: false },
      ),
    );
    await saveAndContinue(page, "profile");

    // Step 2: about the entrepreneur.
    await seen(heading(page, "Over jou"));
    expect(
      await steps.getByRole("link", { name: "Jij", exact: true }).getAttribute("aria-current"),
    ).toBe("step");
    await fillProfile(page);
    // A fourth theme is one too many.
    const themes = choiceGroup(page, "Thema's (hoogstens drie)");
    await themes.getByRole("checkbox", { name: "Financiering" }).check();
    await themes.getByRole("checkbox", { name: "Groei en strategie" }).check();
    await page.getByRole("button", { name: "Opslaan en verder" }).click();
    await seen(themes.getByText("Kies er hoogstens 3."));
    expect(pathname(page)).toBe("/onboarding/profile");
    // The server checks again on the next submission (D32): with three themes it moves on.
    await themes.getByRole("checkbox", { name: "Groei en strategie" }).uncheck();
    await saveAndContinue(page, "question");

    // Step 3: the question.
    await seen(heading(page, "Je leervraag"));
    await fillQuestion(page);
    await saveAndContinue(page, "ready");

    // The summary shows what was filled in.
    await seen(heading(page, "Je profiel"));
    const companySummary = page.getByRole("region", { name: "Bedrijf", exact: true });
    for (const text of [
      company.name,
      "Bouwnijverheid",
      "Klein (10 tot 49) · 12 medewerkers",
      "Gevestigd (stabiel, regulier mkb)",
      "Deventer, Overijssel",
    ])
      await seen(companySummary.getByText(text, { exact: true }));
    await seen(companySummary.getByText("Familiebedrijf", { exact: true }));
    const profileSummary = page.getByRole("region", { name: "Jij", exact: true });
    await seen(profileSummary.getByText("Eigenaar of directeur", { exact: true }));
    await seen(profileSummary.getByText(/Sociale en organisatorische innovatie/));
    await seen(profileSummary.getByText(/Financiering/));
    await seen(profileSummary.getByText("Op locatie", { exact: true }));
    const questionSummary = page.getByRole("region", { name: "Je vraag", exact: true });
    await seen(questionSummary.getByText(SITUATION));
    await seen(questionSummary.getByText(WISH));

    // Taking part in matching.
    const state = page.getByTestId("ready-state");
    expect(await state.textContent()).toMatch(/^Je doet nog niet mee/);
    await page.getByRole("button", { name: "Ja, zoek een kring voor mij" }).click();
    await seen(toast(page, "Mooi! We nemen je mee bij het samenstellen van nieuwe kringen."));
    await seen(
      state.getByText(
        "Je doet mee: de organisatie neemt je mee als er nieuwe kringen worden samengesteld.",
      ),
    );
    await seen(page.getByRole("button", { name: "Even niet meer meedoen" }));

    // "Mijn bedrijf" in the header now resumes at the summary; the overview asks for nothing.
    await mainNav(page).getByRole("link", { name: "Mijn bedrijf" }).click();
    await page.waitForURL("**/onboarding/ready");
    await seen(page.getByTestId("ready-state").getByText(/^Je doet mee/));
    await mainNav(page).getByRole("link", { name: "Overzicht" }).click();
    await page.waitForURL("**/dashboard");
    await seen(heading(page, `Hallo ${user.name}`));
    await seen(page.getByText("Je zit nog niet in een kring."));
    expect(await page.getByRole("link", { name: "Verder met mijn profiel" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Naar mijn profiel" }).count()).toBe(0);

    expectNoConsoleErrors(page, [rejectedForm("/onboarding/profile")]);
  });

  it("explains the mkb limit next to the employees field and keeps the other values", async () => {
    const page = await newPage(browser);
    const user = freshUser("mkb");
    await login(page, user);
    await visit(page, "/onboarding");
    await page.waitForURL("**/onboarding/company");
    const company = companyFor(user, { employees: "300" });
    await fillCompany(page, company);
    await page.getByRole("button", { name: "Opslaan en verder" }).click();

    const employees = companyFields(page).employees;
    const message = page.getByText(MKB_LIMIT);
    await seen(message);
    await expect.poll(() => employees.getAttribute("aria-invalid")).toBe("true");
    const errorId = await message.evaluate((el) => el.closest("[role=alert]")?.id ?? "");
    expect(errorId).not.toBe("");
    expect(((await employees.getAttribute("aria-describedby")) ?? "").split(" ")).toContain(
      errorId,
    );
    // The only problem is the size; the rest stays as typed.
    expect(await page.getByRole("alert").count()).toBe(1);
    expect(pathname(page)).toBe("/onboarding/company");
    await expectCompanyValues(page, company);

    // The server says the same without JavaScript, and keeps the values too.
    const noScript = await newPage(browser, { javaScriptEnabled: false });
    try {
      await noScript.context().addCookies(await page.context().cookies());
      const response = await noScript.goto("/onboarding/company");
      expect(response?.status()).toBe(200);
      await seen(heading(noScript, "Over je bedrijf"));
      await fillCompany(noScript, company);
      const [answer] = await Promise.all([
        noScript.waitForResponse((r) => r.request().method() === "POST"),
        noScript.getByRole("button", { name: "Opslaan en verder" }).click(),
      ]);
      expect(answer.status()).toBe(400);
      await seen(noScript.getByText(MKB_LIMIT));
      expect(await companyFields(noScript).employees.getAttribute("aria-invalid")).toBe("true");
      await expectCompanyValues(noScript, company);
      expectNoConsoleErrors(noScript, [statusLine(400, "/onboarding/company")]);
    } finally {
      await noScript.context().close();
    }

    // Back in the browser with JavaScript: a real mkb size is accepted.
    await employees.fill("120");
    await saveAndContinue(page, "profile");
    await seen(heading(page, "Over jou"));

    expectNoConsoleErrors(page, [rejectedForm("/onboarding/company")]);
  });
});

describe("applying to a circle", () => {
  it("lets an entrepreneur apply, the coach approve, and the new member enter after the house rules", async () => {
    const page = await newPage(browser);
    const user = await onboardedEntrepreneur(page, "apply");

    // The entrepreneur finds the circle in the public list.
    await visit(page, "/circles");
    await seen(heading(page, "Kringen waar je je kunt aanmelden"));
    await seen(circleCard(page, SALLAND).getByText(/^nog \d+ plekken?$/));
    const circleId = await openCircleFromList(page, SALLAND);
    await seen(page.getByText(`${COACH.name}, ${FATIMA.name}`, { exact: true }));
    await seen(page.getByTestId("seats").getByText(/^nog \d+ plekken?$/));
    expect(await page.getByText("Deze kring is vol.", { exact: false }).count()).toBe(0);

    // Applying.
    const motivation = `Ik zoek een vaste groep werkgevers om mee te sparren (${user.name}).`;
    await apply(page, motivation);
    await seen(page.getByRole("button", { name: "Aanmelding intrekken" }));
    expect(await page.getByLabel("Waarom wil je meedoen?").count()).toBe(0);

    // The coach sees applications waiting on the overview and approves this one.
    const coach = await newPage(browser);
    await login(coach, COACH.email);
    await visit(coach, "/dashboard");
    const card = coachedCard(coach, SALLAND);
    await seen(card);
    expect(await pendingCount(card)).toBeGreaterThan(0);
    await card.getByRole("link", { name: PENDING }).click();
    await coach.waitForURL(`**/circles/${circleId}/members`);
    await seen(heading(coach, "Leden beheren"));
    const applications = coach.getByRole("region", { name: /^\d+ aanmeldingen?$/ });
    const application = applications.getByRole("listitem").filter({ hasText: user.name });
    await seen(application.getByText(`${user.name} Installatie BV`, { exact: false }));
    await seen(application.getByText(motivation));
    await application.getByRole("button", { name: `Aanmelding van ${user.name} aannemen` }).click();
    await seen(toast(coach, "Aangenomen. Het nieuwe lid krijgt bericht."));
    await application.waitFor({ state: "detached" });
    const members = coach.getByRole("region", { name: /^\d+ (lid|leden)$/ });
    await seen(members.getByText(user.name, { exact: true }));

    // Back in the first browser: a member now, and the house rules come first.
    await page.reload();
    await waitForHydration(page);
    await seen(page.getByTestId("membership-state").getByText("Je bent lid van deze kring."));
    await page.getByRole("link", { name: "Naar de kring" }).click();
    await page.waitForURL(`**/circles/${circleId}/house-rules`);
    await seen(heading(page, `Huisregels van ${SALLAND}`));
    // Going to the home directly does the same.
    await visit(page, `/circles/${circleId}/home`);
    await page.waitForURL(`**/circles/${circleId}/house-rules`);
    await seen(heading(page, `Huisregels van ${SALLAND}`));

    await page.getByRole("button", { name: "Ik ga akkoord met de huisregels" }).click();
    await page.waitForURL(`**/circles/${circleId}/home`);
    await seen(toast(page, "Dank je wel. Welkom in de kring!"));
    await seen(heading(page, SALLAND));
    const memberList = page.getByTestId("member-list");
    await seen(memberList.getByText(user.name, { exact: true }));
    await seen(memberList.getByText("Yvonne de Graaf", { exact: true }));
    const memberCount = await memberList.getByRole("listitem").count();
    await seen(page.getByRole("heading", { level: 2, name: `${memberCount} leden` }));
    const coaches = page.getByRole("region", { name: "Begeleiding" });
    await seen(coaches.getByText(COACH.name, { exact: true }));
    await seen(coaches.getByText(FATIMA.name, { exact: true }));

    // The house rules page remembers the acceptance.
    await visit(page, `/circles/${circleId}/house-rules`);
    await seen(page.getByText(/^Je hebt deze huisregels geaccepteerd op /));
    expect(
      await page.getByRole("button", { name: "Ik ga akkoord met de huisregels" }).count(),
    ).toBe(0);

    expectNoConsoleErrors(page);
    expectNoConsoleErrors(coach);
  });

  it("puts an approved applicant for a full circle on the waitlist", async () => {
    const page = await newPage(browser);
    const user = await onboardedEntrepreneur(page, "waitlist", { municipality: "Zwolle" });

    // The list and the summary say the circle is full, and what applying then means.
    await visit(page, "/circles");
    await seen(circleCard(page, ZWOLLE).getByText("vol, wachtlijst", { exact: true }));
    const circleId = await openCircleFromList(page, ZWOLLE);
    await seen(
      page
        .getByTestId("seats")
        .getByText("De kring is vol. Meld je aan, dan kom je op de wachtlijst."),
    );
    await seen(
      yourPlace(page).getByText(
        "Deze kring is vol. Wordt je aanmelding goedgekeurd, dan kom je op de wachtlijst.",
      ),
    );
    await apply(
      page,
      "Wij werken sinds een jaar met zelfsturende teams en lopen vast op roosters.",
    );

    // Fatima approves it.
    const coach = await newPage(browser);
    await login(coach, FATIMA.email);
    await visit(coach, "/dashboard");
    const card = coachedCard(coach, ZWOLLE);
    await card.getByRole("link", { name: PENDING }).click();
    await coach.waitForURL(`**/circles/${circleId}/members`);
    await seen(heading(coach, "Leden beheren"));
    await seen(coach.getByText(`${ZWOLLE} · 8 van 8 plekken bezet`));
    const waitlist = coach.getByRole("region", { name: /^Wachtlijst \(\d+\)$/ });
    const waitlistTitle = waitlist.getByRole("heading", { level: 2 });
    const waitingBefore = Number((await waitlistTitle.textContent())?.match(/\((\d+)\)/)?.[1]);
    expect(waitingBefore).toBeGreaterThan(0);
    await coach.getByRole("button", { name: `Aanmelding van ${user.name} aannemen` }).click();
    await seen(
      toast(coach, "Aangenomen, maar de kring is vol: de aanmelder staat op de wachtlijst."),
    );
    await seen(waitlist.getByText(user.name, { exact: false }));
    await expect.poll(() => waitlistTitle.textContent()).toBe(`Wachtlijst (${waitingBefore + 1})`);
    const members = coach.getByRole("region", { name: /^\d+ (lid|leden)$/ });
    expect(await members.getByText(user.name, { exact: true }).count()).toBe(0);
    await seen(coach.getByText(`${ZWOLLE} · 8 van 8 plekken bezet`));

    // The applicant sees the waitlist.
    await page.reload();
    await waitForHydration(page);
    await seen(
      page
        .getByTestId("membership-state")
        .getByText("Je staat op de wachtlijst. Komt er een plek vrij, dan hoor je het meteen."),
    );
    await seen(page.getByRole("button", { name: "Aanmelding intrekken" }));
    expect(await page.getByRole("link", { name: "Naar de kring" }).count()).toBe(0);

    // The waitlist does not open the circle's private pages.
    const response = await page.goto(`/circles/${circleId}/home`);
    expect(response?.status()).toBe(403);
    await seen(heading(page, "Geen toegang"));

    expectNoConsoleErrors(page, [statusLine(403, `/circles/${circleId}/home`)]);
    expectNoConsoleErrors(coach);
  });
});

describe("managing members", () => {
  it("explains a missing removal reason next to the field and removes nobody", async () => {
    const coach = await newPage(browser);
    await login(coach, COACH.email);
    const circleId = await openCircleFromList(coach, TWENTE);
    await visit(coach, `/circles/${circleId}/members`);
    const members = coach.getByRole("region", { name: /^\d+ (lid|leden)$/ });
    const removeLinks = members.getByText(/ uit de kring halen$/);
    const before = await removeLinks.count();
    const row = members.getByRole("listitem").filter({ hasText: "Hans Kok uit de kring halen" });
    await row.getByText("Hans Kok uit de kring halen").click();
    const reason = row.getByLabel("Reden (de ondernemer krijgt dit te zien)");
    // Spaces only: the browser lets it through, the server does not.
    await reason.fill("   ");
    await row.getByRole("button", { name: "Uit de kring halen" }).click();
    await expect.poll(() => reason.getAttribute("aria-invalid")).toBe("true");
    const errorId = await reason.getAttribute("aria-describedby");
    await seen(row.locator(`[id="${errorId}"]`).getByText("Vul dit veld in."));
    expect(await removeLinks.count()).toBe(before);
    await seen(members.getByText("Hans Kok", { exact: true }));
    expectNoConsoleErrors(coach, [/status of 400/]);
  });
});

describe("confidentiality", () => {
  it("shows an organiser counts but not a circle's private home", async () => {
    const page = await newPage(browser);
    await login(page, ORGANISER);
    await visit(page, "/dashboard");
    await mainNav(page).getByRole("link", { name: "Programma's" }).click();
    await page.waitForURL("**/programmes");
    await seen(heading(page, "Programma's"));
    const programme = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: PROGRAMME }) });
    await seen(programme.getByText(/· \d+ kring(en)?$/));
    await programme.getByRole("link", { name: PROGRAMME }).click();
    await page.waitForURL(/\/programmes\/\d+$/);
    await seen(heading(page, PROGRAMME));

    // Every circle of the programme, with counts only.
    const table = page.getByRole("table");
    for (const name of [SALLAND, ZWOLLE, TWENTE, "Pilotkring Sociale Innovatie Twente"])
      await seen(table.getByRole("rowheader", { name }));
    const twente = table
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: TWENTE }) });
    expect(await twente.getByRole("cell").allTextContents()).toEqual([
      "actief",
      "7 / 10",
      "3",
      "0",
    ]);
    await seen(
      page.getByText(
        "Je ziet hier alleen aantallen. Wie er in een kring zit en wat er besproken wordt, zien alleen de leden en hun begeleider.",
      ),
    );
    expect(await page.content()).not.toContain("Lotte van Dijk");

    // The circle's own pages stay closed to an organiser who does not coach it.
    const href = await table.getByRole("link", { name: TWENTE }).getAttribute("href");
    const circleId = Number(href?.match(/^\/circles\/(\d+)\/edit$/)?.[1]);
    expect(circleId).toBeGreaterThan(0);
    const home = await page.goto(`/circles/${circleId}/home`);
    expect(home?.status()).toBe(403);
    await seen(heading(page, "Geen toegang"));
    await seen(page.getByText(/^Je hebt geen toegang tot deze pagina\./));
    expect(await page.getByTestId("member-list").count()).toBe(0);
    expect(await page.content()).not.toContain("Lotte van Dijk");
    const membersPage = await page.goto(`/circles/${circleId}/members`);
    expect(membersPage?.status()).toBe(403);
    await seen(heading(page, "Geen toegang"));

    expectNoConsoleErrors(page, [
      statusLine(403, `/circles/${circleId}/home`),
      statusLine(403, `/circles/${circleId}/members`),
    ]);
  });

  it("lists each programme with its number of circles", async () => {
    const page = await newPage(browser);
    await login(page, ORGANISER);
    await visit(page, "/programmes");
    const programme = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: PROGRAMME }) });
    const listed = await seen(programme.getByText(/· \d+ kring(en)?$/));
    const count = Number((await listed.textContent())?.match(/(\d+) kring(en)?$/)?.[1]);
    await programme.getByRole("link", { name: PROGRAMME }).click();
    await page.waitForURL(/\/programmes\/\d+$/);
    await seen(page.getByRole("table"));
    const rows = await page.getByRole("table").getByRole("rowheader").count();
    expect(rows).toBe(4);
    expect(count).toBe(rows);
  });

  it("shows an anonymous visitor an open circle without its members' names", async () => {
    const page = await newPage(browser);
    await visit(page, "/circles");
    await seen(
      page.getByText(
        "Kleine groepen ondernemers die onder begeleiding van elkaar leren. Namen van leden zie je pas als je in de kring zit.",
      ),
    );
    const circleId = await openCircleFromList(page, TWENTE);

    // What the circle is and who coaches it is public; who is in it is not.
    await seen(page.getByText(COACH.name, { exact: true }));
    await seen(
      page.getByText(
        "Namen van leden en hun bedrijven zijn alleen zichtbaar voor de leden en de begeleider.",
      ),
    );
    await seen(page.getByRole("link", { name: "Maak een account en meld je aan" }));
    await seen(page.getByRole("link", { name: "Ik heb al een account" }));
    const html = await page.content();
    for (const secret of ["Lotte van Dijk", "Van Dijk Installatietechniek", "Hans Kok"]) {
      expect(await page.getByText(secret).count()).toBe(0);
      // Not even in the data the page was rendered from.
      expect(html).not.toContain(secret);
    }

    // The circle's home sends a visitor to the login page.
    await visit(page, `/circles/${circleId}/home`);
    await page.waitForURL(/\/login\?/);
    expect(new URL(page.url()).searchParams.get("redirectTo")).toBe(`/circles/${circleId}/home`);
    await seen(heading(page, "Inloggen"));

    expectNoConsoleErrors(page);
  });
});

describe("in English", () => {
  it("shows the onboarding step and a circle page in English", async () => {
    const page = await newPage(browser);
    const user = freshUser("english");
    await login(page, user);
    await visit(page, "/onboarding");
    await page.waitForURL("**/onboarding/company");
    await page.getByRole("button", { name: "EN", exact: true }).click();
    await seen(heading(page, "About your business"));
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    await seen(page.getByRole("navigation", { name: "Steps of your profile" }));
    await seen(page.getByLabel("Name of your business"));
    await seen(page.getByRole("button", { name: "Save and continue" }));

    await mainNav(page).getByRole("link", { name: "Circles" }).click();
    await page.waitForURL("**/circles");
    await seen(heading(page, "Circles you can apply for"));
    await circleCard(page, SALLAND).getByRole("link", { name: SALLAND, exact: true }).click();
    await page.waitForURL(/\/circles\/\d+$/);
    await seen(heading(page, SALLAND));
    await seen(page.getByText(`People, labour market and lifelong learning · ${PROGRAMME}`));
    await seen(page.getByText("being set up", { exact: true }));
    await seen(page.getByTestId("seats").getByText(/^\d+ places? left$/));
    await seen(page.getByText("Early morning (breakfast session)", { exact: false }));
    const place = page.getByRole("region", { name: "Your place" });
    await seen(place.getByLabel("Why do you want to join?"));
    await seen(place.getByRole("button", { name: "Apply", exact: true }));
    expect(await page.getByText("Jouw plek").count()).toBe(0);

    expectNoConsoleErrors(page);
  });
});
