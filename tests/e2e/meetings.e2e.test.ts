/**
 * The meeting cycle as people click through it, in Dutch and in English: the coach proposes
 * dates, two members vote in their own browsers and see each other's answers arrive live, the
 * coach picks a date (which plans the meeting), a member says yes and downloads the .ics (read
 * back with an independent iCalendar parser); after the meeting the coach records attendance,
 * a summary, an action item, and what the member who brought in a case will do; the member
 * marks an item done from the dashboard, and the next meeting opens with the terugblik. Labels
 * come from the catalogues, so the test reads the page as a person in that language does.
 */
import fs from "node:fs/promises";
import ICAL from "ical.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CIRCLE_JOIN } from "~/domain/live-protocol";
import { addDays, amsterdamToday, fromAmsterdam } from "~/domain/meeting-time";
import {
  circleWith,
  expectNoConsoleErrors,
  labelsIn,
  LANGUAGES,
  launchBrowser,
  liveConnection,
  login,
  meetingHappened,
  newPage,
  planMeetingInForm,
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

/** The slot's list item on the poll page, found by its position. */
const slotItem = (page: Page, index: number) => page.locator(".poll-slot").nth(index);

describe.each(LANGUAGES)("the meeting cycle ($locale)", ({ locale, browserLocale }) => {
  const label = labelsIn(locale);

  it("poll, live tally, pick, RSVP and .ics, follow-up, done, terugblik", async () => {
    const coachPage = await newPage(browser, { locale: browserLocale });
    const pageA = await newPage(browser, { locale: browserLocale });
    const pageB = await newPage(browser, { locale: browserLocale });
    const coach = await login(coachPage, { name: "Carla Coach", roles: ["coach"], locale });
    const a = await login(pageA, { name: "Anouk de Wit", locale });
    const b = await login(pageB, { name: "Bas Jansen", locale });
    const circleId = circleWith({ members: [a.id, b.id], coachId: coach.id });

    // 1. The coach proposes two evenings.
    const first = addDays(amsterdamToday(), 14);
    const second = addDays(amsterdamToday(), 16);
    await visit(coachPage, `/circles/${circleId}/polls/new`);
    const title = `${label("poll.titleDefault")} ${locale}`;
    await coachPage.getByLabel(label("poll.field.title")).fill(title);
    for (const [i, date] of [first, second].entries()) {
      await coachPage.locator(`#poll-slot-${i}-date`).fill(date);
      await coachPage.locator(`#poll-slot-${i}-startTime`).fill("19:00");
      await coachPage.locator(`#poll-slot-${i}-endTime`).fill("21:30");
    }
    // "Add a moment" adds a row in place; Enter in a field sends the poll (empty rows are skipped).
    await coachPage.getByRole("button", { name: label("poll.addSlot") }).click();
    await seen(coachPage.locator("#poll-slot-3-date"));
    await coachPage.locator("#poll-slot-1-endTime").press("Enter");
    await seen(coachPage.getByRole("heading", { level: 1, name: title }));
    const pollPath = new URL(coachPage.url()).pathname;
    expect(pollPath).toMatch(/\/polls\/\d+$/);

    // 2. Both members open it; A's vote shows on B's page without a reload, and B's on A's.
    const liveA = liveConnection(pageA);
    await visit(pageA, pollPath);
    await liveA;
    const liveB = liveConnection(pageB);
    await visit(pageB, pollPath);
    await liveB;
    await pageB.waitForTimeout(300);

    await slotItem(pageA, 0)
      .getByRole("radio", { name: label("poll.answer.yes") })
      .check();
    await slotItem(pageA, 1)
      .getByRole("radio", { name: label("poll.answer.no") })
      .check();
    await pageA.getByRole("button", { name: label("poll.vote") }).click();
    await seen(pageA.getByText(label("poll.votedToast")));
    const oneYes = label("poll.tally", { yes: 1, maybe: 0, no: 0 });
    await seen(slotItem(pageB, 0).getByText(oneYes));

    await slotItem(pageB, 0)
      .getByRole("radio", { name: label("poll.answer.yes") })
      .check();
    await slotItem(pageB, 1)
      .getByRole("radio", { name: label("poll.answer.maybe") })
      .check();
    await pageB.getByRole("button", { name: label("poll.vote") }).click();
    await seen(pageB.getByText(label("poll.votedToast")));
    const twoYes = label("poll.tally", { yes: 2, maybe: 0, no: 0 });
    await seen(slotItem(pageA, 0).getByText(twoYes));
    await seen(slotItem(pageA, 1).getByText(label("poll.tally", { yes: 0, maybe: 1, no: 1 })));
    await seen(pageA.getByText(label("poll.everyoneAnswered")));

    // 3. The coach sees the tally and picks the first evening; the meeting form is filled in.
    await visit(coachPage, pollPath);
    await seen(slotItem(coachPage, 0).getByText(twoYes));
    await slotItem(coachPage, 0)
      .getByRole("link", { name: new RegExp(`^${label("poll.chooseLabel", { when: "" })}`) })
      .click();
    await seen(coachPage.getByText(label("poll.deciding", { title })));
    expect(await coachPage.getByLabel(label("meeting.field.title")).inputValue()).toBe(title);
    expect(
      await coachPage.getByLabel(label("meeting.field.date"), { exact: true }).inputValue(),
    ).toBe(first);
    await coachPage.getByRole("radio", { name: label("meeting.kind.video") }).check();
    await coachPage
      .getByLabel(label("meeting.field.videoUrl"))
      .fill("https://meet.example.org/kring");
    await coachPage.getByRole("button", { name: label("meeting.planButton") }).click();
    await seen(coachPage.getByRole("heading", { level: 1, name: title }));
    const meetingPath = new URL(coachPage.url()).pathname;
    const meetingId = Number(/meetings\/(\d+)$/.exec(meetingPath)![1]);

    // 4. A says yes and downloads the .ics: the calendar gets the instant the poll offered.
    await visit(pageA, meetingPath);
    await pageA.getByRole("button", { name: label("meeting.answer.yes"), exact: true }).click();
    await seen(pageA.getByTestId("my-answer").getByText(label("meeting.mine.going")));
    const downloading = pageA.waitForEvent("download");
    await pageA.getByRole("link", { name: label("meeting.addToCalendar") }).click();
    const download = await downloading;
    const ics = await fs.readFile((await download.path())!, "utf8");
    const calendar = new ICAL.Component(ICAL.parse(ics));
    for (const zone of calendar.getAllSubcomponents("vtimezone"))
      ICAL.TimezoneService.register(zone);
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect(event.summary).toBe(title);
    expect(event.startDate.toJSDate().getTime()).toBe(fromAmsterdam(first, "19:00")!.getTime());
    expect(event.endDate.toJSDate().getTime()).toBe(fromAmsterdam(first, "21:30")!.getTime());

    // 4b. Before the meeting A brings in a case.
    const caseTitle = `Eerste medewerker (${locale})`;
    await visit(pageA, `${meetingPath}/cases`);
    await pageA.getByLabel(label("followUp.cases.fieldTitle"), { exact: true }).fill(caseTitle);
    await pageA.getByLabel(label("followUp.cases.situation"), { exact: true }).fill("Ik twijfel.");
    await pageA
      .getByLabel(label("followUp.cases.request"), { exact: true })
      .fill("Hoe deden jullie dat?");
    await pageA.getByRole("radio", { name: label("followUp.cases.urgencyLevel.medium") }).check();
    await pageA.getByRole("button", { name: label("followUp.cases.submit") }).click();
    await seen(pageA.getByText(label("followUp.cases.proposed")));

    // 5. The meeting has taken place: attendance, summary and an action item for A.
    meetingHappened(meetingId);
    await visit(coachPage, `${meetingPath}/follow-up`);
    await expect
      .poll(() => coachPage.getByRole("checkbox", { name: a.name }).isChecked())
      .toBe(true);
    await coachPage.getByRole("button", { name: label("followUp.page.attendanceSave") }).click();
    await seen(coachPage.getByText(label("followUp.page.attendanceSaved")));
    await coachPage
      .getByRole("textbox", { name: label("followUp.page.summaryLabel"), exact: true })
      .fill("We spraken over **personeel** en over de eerste aanname.");
    await coachPage.getByRole("button", { name: label("followUp.page.summarySave") }).click();
    await seen(coachPage.getByText(label("followUp.page.summarySaved")));
    const commitment = `Drie kandidaten bellen (${locale})`;
    await coachPage
      .getByLabel(label("followUp.page.owner"), { exact: true })
      .selectOption({ label: a.name });
    await coachPage.getByLabel(label("followUp.page.text"), { exact: true }).fill(commitment);
    await coachPage.getByRole("button", { name: label("followUp.page.add") }).click();
    await seen(coachPage.getByText(label("followUp.page.actionAdded")));
    // The case's last step: what A, who brought it in, will do becomes A's action item.
    const fromCase = coachPage.locator(".case-commitment").filter({ hasText: caseTitle });
    await fromCase
      .getByLabel(label("followUp.page.caseCommitment", { name: a.name }))
      .fill(`Een proefdag plannen (${locale})`);
    await fromCase.getByRole("button", { name: label("followUp.page.caseCommitmentAdd") }).click();
    await seen(fromCase.getByText(`Een proefdag plannen (${locale})`));

    // 6. A marks it done from the dashboard, with a short note.
    await visit(pageA, "/dashboard");
    const item = pageA.locator("li").filter({ hasText: commitment });
    await item.getByLabel(label("followUp.myActions.note")).fill("Twee gesprekken gepland");
    await item
      .getByRole("button", {
        name: label("followUp.myActions.markDoneLabel", { text: commitment }),
      })
      .click();
    await seen(pageA.getByText(label("followUp.myActions.doneToast")));

    // 7. The coach plans the next meeting; it opens with the terugblik on the first one.
    const nextTitle = `${label("poll.titleDefault")} 2 ${locale}`;
    await visit(coachPage, `/circles/${circleId}/meetings/new`);
    await coachPage.getByLabel(label("meeting.field.title")).fill(nextTitle);
    await coachPage.getByLabel(label("meeting.field.date"), { exact: true }).fill(second);
    await coachPage.getByLabel(label("meeting.field.startTime")).fill("19:00");
    await coachPage.getByLabel(label("meeting.field.endTime")).fill("21:30");
    await coachPage.getByRole("radio", { name: label("meeting.kind.video") }).check();
    await coachPage
      .getByLabel(label("meeting.field.videoUrl"))
      .fill("https://meet.example.org/kring");
    await coachPage.getByRole("button", { name: label("meeting.planButton") }).click();
    await seen(coachPage.getByRole("heading", { level: 1, name: nextTitle }));
    const nextPath = new URL(coachPage.url()).pathname;

    await visit(pageA, nextPath);
    const lookBack = pageA.getByRole("region", {
      name: label("followUp.lookBack.title", { title }),
    });
    await seen(lookBack);
    await seen(lookBack.getByText(commitment));
    await seen(lookBack.getByText("Twee gesprekken gepland"));
    await seen(lookBack.getByText(`Een proefdag plannen (${locale})`));
    // Done too soon: A opens it again from the terugblik, and it is back among the open ones.
    await lookBack
      .getByRole("button", { name: label("followUp.myActions.reopenLabel", { text: commitment }) })
      .click();
    await seen(pageA.getByText(label("followUp.myActions.reopenedToast")));
    await seen(
      // The proefdag from the case, and the item opened again.
      lookBack.getByRole("heading", { name: label("followUp.lookBack.open", { count: 2 }) }),
    );

    // Reminders respect preferences: the page to choose them opens (not the account page).
    await visit(pageB, "/settings/notifications");
    await seen(pageB.getByRole("heading", { level: 1, name: label("preferences.title") }));
    await seen(pageB.getByText(label("notify.categories.meetings")));

    for (const page of [coachPage, pageA, pageB]) expectNoConsoleErrors(page);
  });
});

describe("a page that enters the circle's room late", () => {
  const label = labelsIn("nl");

  // A vote between B's loader and B's join sent its event before B listened; the join's
  // acknowledgement tells B's page it is behind, and it reloads once (useCircleRoom).
  it("still shows a vote cast while it was joining", async () => {
    const coachPage = await newPage(browser, { locale: "nl-NL" });
    const pageA = await newPage(browser, { locale: "nl-NL" });
    const pageB = await newPage(browser, { locale: "nl-NL" });
    const coach = await login(coachPage, { name: "Carla Coach", roles: ["coach"] });
    const a = await login(pageA, { name: "Anouk de Wit" });
    const b = await login(pageB, { name: "Bas Jansen" });
    const circleId = circleWith({ members: [a.id, b.id], coachId: coach.id });

    await visit(coachPage, `/circles/${circleId}/polls/new`);
    for (const [i, days] of [14, 16].entries()) {
      await coachPage.locator(`#poll-slot-${i}-date`).fill(addDays(amsterdamToday(), days));
      await coachPage.locator(`#poll-slot-${i}-startTime`).fill("19:00");
      await coachPage.locator(`#poll-slot-${i}-endTime`).fill("21:00");
    }
    await coachPage.getByRole("button", { name: label("poll.create") }).click();
    await coachPage.waitForURL(/\/polls\/\d+$/);
    const pollPath = new URL(coachPage.url()).pathname;

    // B's request to enter the room is held back, over either transport, until A has voted.
    const held: Array<() => void> = [];
    let holding = true;
    await pageB.routeWebSocket(/socket\.io/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        if (holding && String(message).includes(CIRCLE_JOIN)) held.push(() => server.send(message));
        else server.send(message);
      });
    });
    await pageB.route(/\/socket\.io\//, async (route) => {
      const body = route.request().postData() ?? "";
      if (holding && body.includes(CIRCLE_JOIN)) await new Promise<void>((r) => held.push(r));
      await route.continue();
    });
    const liveB = liveConnection(pageB);
    await visit(pageB, pollPath);
    await liveB;

    await visit(pageA, pollPath);
    await slotItem(pageA, 0)
      .getByRole("radio", { name: label("poll.answer.yes") })
      .check();
    await slotItem(pageA, 1)
      .getByRole("radio", { name: label("poll.answer.no") })
      .check();
    await pageA.getByRole("button", { name: label("poll.vote") }).click();
    await seen(pageA.getByText(label("poll.votedToast")));
    const oneYes = label("poll.tally", { yes: 1, maybe: 0, no: 0 });
    expect(await slotItem(pageB, 0).getByText(oneYes).count()).toBe(0);

    await expect.poll(() => held.length, { timeout: 10_000 }).toBeGreaterThan(0);
    holding = false;
    for (const release of held.splice(0)) release();
    await seen(slotItem(pageB, 0).getByText(oneYes));

    for (const page of [coachPage, pageA, pageB]) expectNoConsoleErrors(page);
  });
});

describe("forms after a success", () => {
  const label = labelsIn("nl");

  // A refused try leaves its messages; the next, successful one must clear them (before, the
  // invite form and the feedback form kept "Vul een geldig e-mailadres in" and "Maak een keuze").
  it("forget the messages of an earlier try", async () => {
    const coachPage = await newPage(browser, { locale: "nl-NL" });
    const pageA = await newPage(browser, { locale: "nl-NL" });
    const coach = await login(coachPage, { name: "Carla Coach", roles: ["coach"] });
    const a = await login(pageA, { name: "Anouk de Wit" });
    const guestPage = await newPage(browser, { locale: "nl-NL" });
    const guest = await login(guestPage, { name: "Gijs Gast" });
    const circleId = circleWith({ members: [a.id], coachId: coach.id });

    const { path: meetingPath, meetingId } = await planMeetingInForm(coachPage, "nl", {
      circleId,
      title: "Bijeenkomst met een gast",
    });

    const email = coachPage.getByLabel(label("meeting.inviteEmail"));
    const invalid = label("validation.email");
    await email.fill("nope");
    await coachPage.getByRole("button", { name: label("meeting.inviteGuest") }).click();
    await seen(coachPage.getByText(invalid));
    await email.fill(guest.email);
    await coachPage.getByRole("button", { name: label("meeting.inviteGuest") }).click();
    await seen(coachPage.getByText(label("meeting.guestInvited", { email: guest.email })));
    expect(await coachPage.getByText(invalid).count()).toBe(0);
    expect(await email.inputValue()).toBe("");

    await visit(pageA, meetingPath);
    await pageA.getByRole("button", { name: label("meeting.answer.yes"), exact: true }).click();
    await seen(pageA.getByTestId("my-answer").getByText(label("meeting.mine.going")));
    meetingHappened(meetingId);
    await visit(pageA, `${meetingPath}/feedback`);
    await pageA.getByRole("button", { name: label("followUp.feedback.submit") }).click();
    const choose = label("validation.choose");
    await seen(pageA.getByText(choose));
    await pageA.getByRole("radio", { name: label("followUp.feedback.score.s4") }).check();
    await pageA.getByRole("button", { name: label("followUp.feedback.submit") }).click();
    await seen(pageA.getByText(label("followUp.feedback.thanks")).first());
    expect(await pageA.getByText(choose).count()).toBe(0);

    for (const page of [coachPage, pageA, guestPage])
      expectNoConsoleErrors(page, [/status of 400/]);
  });
});
