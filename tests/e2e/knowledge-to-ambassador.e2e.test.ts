/**
 * The path from inspiration to contact, in Dutch and in English: a visitor without an
 * account searches the knowledge bank (without the diacritics), opens a practice story, goes to
 * the ambassador who wrote it, sees the circles on their themes with a sign-up that continues to
 * the circle, and asks a question; the ambassador answers in the app, and the answer reaches the
 * visitor's mailbox through the outbox, in the visitor's language.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getT } from "~/i18n";
import {
  expectNoConsoleErrors,
  launchBrowser,
  login,
  newPage,
  readMail,
  seen,
  seriousAxeViolations,
  uniqueEmail,
  visit,
} from "./fixtures";

const BART = { email: "bart.nijhuis@kringwijs.test", name: "Bart Nijhuis" };
const STORY = "Samen inkopen met collega-bakkers in een coöperatie";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("from a story to a question", () => {
  for (const [locale, lang] of [
    ["nl-NL", "nl"],
    ["en-GB", "en"],
  ] as const) {
    it(`takes a visitor from the knowledge bank to an answer by mail (${lang})`, async () => {
      const t = (key: string, values?: Record<string, unknown>) =>
        getT(lang)(key as never, values as never) as unknown as string;
      const visitor = await newPage(browser, { locale });

      // Search, without the diacritics, and open the story.
      await visit(visitor, "/knowledge");
      await visitor.getByLabel(t("knowledge.search.label")).fill("cooperatie bakkers");
      await visitor.getByRole("button", { name: t("knowledge.search.button") }).click();
      await visitor.getByRole("link", { name: STORY }).click();
      await seen(visitor.getByRole("heading", { level: 1, name: STORY }));
      expect(await seriousAxeViolations(visitor)).toEqual([]);

      // The circles on its themes (this story's have none open: the section says so).
      await seen(visitor.getByRole("region", { name: t("knowledge.themeCircles.title") }));

      // To the ambassador who wrote it, and the question.
      await visitor
        .getByRole("link", { name: t("knowledge.item.viewProfile", { name: BART.name }) })
        .click();
      await seen(visitor.getByRole("heading", { level: 1, name: BART.name }));
      expect(await seriousAxeViolations(visitor)).toEqual([]);
      // Bart's themes do have open circles: each with a sign-up that continues to the circle.
      const circles = visitor.getByRole("region", { name: t("knowledge.themeCircles.title") });
      const join = circles.getByRole("link", { name: t("knowledge.themeCircles.signup") });
      expect(await join.count()).toBeGreaterThan(0);
      for (const href of await join.evaluateAll((links) =>
        links.map((a) => a.getAttribute("href")),
      ))
        expect(href).toMatch(/^\/signup\?redirectTo=\/circles\/\d+$/);
      await visitor
        .getByRole("link", { name: t("ambassadors.profile.ask") })
        .first()
        .click();
      await visitor.waitForURL(/\/ambassadors\/[^/]+\/contact$/);
      const email = uniqueEmail(`story-${lang}`);
      const name = `Noor Bakker ${lang} ${Date.now() % 10_000}`;
      const question =
        lang === "nl"
          ? "Wij zijn een bakkerij met drie winkels. Hoe begon jullie coöperatie met samen inkopen?"
          : "We run a bakery with three shops. How did your cooperative start buying together?";
      await visitor.getByLabel(t("support.contact.name")).fill(name);
      await visitor.getByLabel(t("support.contact.email")).fill(email);
      await visitor.getByLabel(t("support.contact.message")).fill(question);
      await visitor.getByRole("button", { name: t("support.contact.submit") }).click();
      await seen(visitor.getByRole("heading", { name: t("support.contact.thanksTitle") }));
      expectNoConsoleErrors(visitor);

      // Bart answers in the app.
      const ambassador = await newPage(browser);
      await login(ambassador, BART.email);
      await visit(ambassador, "/ambassador/requests");
      await ambassador.getByRole("link", { name: `Vraag van ${name}` }).click();
      await seen(ambassador.getByText(question));
      const answer = "Begin met twee bakkers die elkaar vertrouwen en één product, zoals meel.";
      await ambassador.getByLabel("Antwoord", { exact: true }).fill(answer);
      await ambassador.getByRole("button", { name: "Antwoord versturen" }).click();
      await seen(ambassador.getByText(`Je antwoord is onderweg naar ${name}.`));
      expectNoConsoleErrors(ambassador);

      // The visitor's mail, in the visitor's language.
      const subject = new RegExp(
        getT(lang)(
          "support.mail.subject" as never,
          { name: BART.name } as never,
        ) as unknown as string,
      );
      const mail = await readMail(email, subject, 20_000);
      expect(mail.text).toContain(answer);
      await visitor.context().close();
      await ambassador.context().close();
    });
  }
});
