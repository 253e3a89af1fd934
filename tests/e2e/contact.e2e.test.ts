/**
 * Contact requests and the wegwijzer in the browser: a visitor who is not signed in opens an
 * ambassador's contact page, sends a question and is thanked; the ambassador logs in, finds it
 * in the inbox, answers with a referral from the wegwijzer; the visitor's mail (in the outbox
 * folder) holds the answer and the organisation's name and link. Also the public wegwijzer with
 * its filters, and axe-core on the public pages (no serious or critical violations).
 */
import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  databasePath,
  expectNoConsoleErrors,
  launchBrowser,
  login,
  newPage,
  readMail,
  seen,
  uniqueEmail,
  visit,
  seriousAxeViolations,
} from "./fixtures";

const AMBASSADOR = "ambassadeur@kringwijs.test";
const REFERRAL = "Innovatiepunt Overijssel-Oost";

let browser: Browser;
let slug: string;

function withDatabase<T>(change: (db: Database.Database) => T): T {
  const db = new Database(databasePath, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    return db.transaction(() => change(db))();
  } finally {
    db.close();
  }
}

/** The demo ambassador's published profile (db/seed-ambassadors.ts). */
function publishedProfileSlug(): string {
  return withDatabase((db) => {
    const row = db
      .prepare(
        "select p.slug from ambassador_profile p join user u on u.id = p.user_id where u.email = ? and p.published = 1",
      )
      .get(AMBASSADOR) as { slug: string } | undefined;
    if (!row) throw new Error("The seed has no published profile for the demo ambassador");
    return row.slug;
  });
}

beforeAll(async () => {
  slug = publishedProfileSlug();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("a question to an ambassador", () => {
  it("goes from the public form to the ambassador's answer in the visitor's mailbox", async () => {
    const visitor = await newPage(browser);
    const email = uniqueEmail("contact");
    const name = `Ilse Visser ${Date.now() % 10_000}`;
    await visit(visitor, `/ambassadors/${slug}/contact`);
    await seen(visitor.getByRole("heading", { level: 1, name: /^Stel .+ een vraag$/ }));
    expect(await seriousAxeViolations(visitor)).toEqual([]);

    // A question that is too short stays in the form with a message next to it.
    await visitor.getByLabel("Je naam").fill(name);
    await visitor.getByLabel("Je e-mailadres").fill(email);
    await visitor.getByLabel("Je vraag").fill("Hoe begin ik?");
    await visitor.getByRole("button", { name: "Vraag versturen" }).click();
    await seen(visitor.getByText(/Schrijf minstens 20 tekens/));
    expect(await visitor.getByLabel("Je naam").inputValue()).toBe(name);

    const question =
      "Wij zijn een bouwbedrijf met 15 mensen en willen met zelfsturende teams beginnen. Hoe pakte jij de eerste maanden aan?";
    await visitor.getByLabel("Je vraag").fill(question);
    await visitor.getByRole("button", { name: "Vraag versturen" }).click();
    await seen(visitor.getByRole("heading", { name: "Bedankt voor je vraag" }));
    expect(await seriousAxeViolations(visitor)).toEqual([]);
    // The short question's refusal is a 400, which the browser reports; nothing else may be.
    expectNoConsoleErrors(visitor, [
      /status of 400 \(Bad Request\) \(http:\/\/[^)]+\/contact\?_data=[^)]+\)$/,
    ]);

    // The ambassador finds it in the inbox and answers with a referral.
    const ambassador = await newPage(browser);
    await login(ambassador, AMBASSADOR);
    await visit(ambassador, "/ambassador/requests");
    await ambassador.getByRole("link", { name: `Vraag van ${name}` }).click();
    await ambassador.waitForURL(/\/ambassador\/requests\/\d+$/);
    await seen(ambassador.getByTestId("request-message").getByText(question));
    const answer =
      "Begin met één team en één duidelijke opdracht, en spreek af wanneer je samen terugkijkt.";
    await ambassador.getByLabel("Antwoord", { exact: true }).fill(answer);
    await ambassador
      .getByTestId("referral-option")
      .filter({ hasText: REFERRAL })
      .getByRole("checkbox")
      .check();
    await ambassador.getByRole("button", { name: "Antwoord versturen" }).click();
    await seen(ambassador.getByText(`Je antwoord is onderweg naar ${name}.`));
    await seen(ambassador.getByTestId("request-status").getByText("Beantwoord"));
    await seen(ambassador.getByTestId("request-referred").getByText(REFERRAL));
    expectNoConsoleErrors(ambassador);

    // The visitor's mail, through the outbox.
    const mail = await readMail(email, /heeft je vraag beantwoord/, 20_000);
    expect(mail.text).toContain(answer);
    expect(mail.text).toContain(REFERRAL);
    expect(mail.text).toContain("https://example.org/wegwijzer/innovatiepunt-overijssel-oost");
    await visitor.context().close();
    await ambassador.context().close();
  });

  it("speaks English on the English page, and thanks a visitor in English", async () => {
    const visitor = await newPage(browser, { locale: "en-GB" });
    await visit(visitor, `/ambassadors/${slug}/contact`);
    await seen(visitor.getByRole("heading", { level: 1, name: /^Ask .+ a question$/ }));
    const email = uniqueEmail("contact-en");
    await visitor.getByLabel("Your name").fill("Sam Taylor");
    await visitor.getByLabel("Your e-mail address").fill(email);
    await visitor
      .getByLabel("Your question")
      .fill(
        "We are a small bakery in Deventer. How did you find the time to take part in a circle?",
      );
    await visitor.getByRole("button", { name: "Send question" }).click();
    await seen(visitor.getByRole("heading", { name: "Thank you for your question" }));
    const stored = withDatabase(
      (db) =>
        db
          .prepare("select sender_locale as locale from contact_request where sender_email = ?")
          .get(email) as { locale: string } | undefined,
    );
    expect(stored?.locale).toBe("en");
    expectNoConsoleErrors(visitor);
    await visitor.context().close();
  });
});

describe("the wegwijzer", () => {
  it("filters by province, shows national organisations too, and passes axe", async () => {
    const page = await newPage(browser);
    await visit(page, "/support");
    await seen(page.getByRole("heading", { level: 1, name: "Wegwijzer" }));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel("Provincie").selectOption("OV");
    await page.getByRole("button", { name: "Toon" }).click();
    await page.waitForURL(/province=OV/);
    const list = page.getByTestId("support-organisations");
    await seen(list.getByRole("heading", { name: REFERRAL }));
    // A national network shows for every province; another province's desk does not.
    await seen(list.getByRole("heading", { name: "Netwerk Overdracht Familiebedrijf" }));
    expect(await list.getByRole("heading", { name: "Exportdesk Euregio Limburg" }).count()).toBe(0);
    expectNoConsoleErrors(page);
    await page.context().close();
  });
});
