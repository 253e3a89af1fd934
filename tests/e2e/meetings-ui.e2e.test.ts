/**
 * The meeting pages as someone on a keyboard or a phone meets them: after an RSVP given with
 * Enter or Space the focus is still on the button that was used (a button disabled while its
 * form is sent would drop it to <body>), and the seeded circle's meeting, poll, follow-up and
 * home pages fit a 375 px and a 320 px wide screen without scrolling sideways.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  circleWith,
  expectNoConsoleErrors,
  labelsIn,
  LANGUAGES,
  launchBrowser,
  login,
  newPage,
  planMeetingInForm,
  readDatabase,
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

/** The focused element's text and pressed state. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName ?? null,
      text: el?.textContent?.trim() ?? null,
      pressed: el?.getAttribute("aria-pressed") ?? null,
    };
  });

describe.each(LANGUAGES)("answering by keyboard ($locale)", ({ locale, browserLocale }) => {
  const label = labelsIn(locale);

  it("keeps the focus on the RSVP button that was pressed", async () => {
    const coachPage = await newPage(browser, { locale: browserLocale });
    const page = await newPage(browser, { locale: browserLocale });
    const coach = await login(coachPage, { name: "Carla Coach", roles: ["coach"], locale });
    const member = await login(page, { name: "Anouk de Wit", locale });
    const circleId = circleWith({ members: [member.id], coachId: coach.id });

    const title = `Toetsenbord ${locale}`;
    const { path: meetingPath } = await planMeetingInForm(coachPage, locale, { circleId, title });

    await visit(page, meetingPath);
    const button = (answer: string) =>
      page
        .getByRole("main")
        .getByRole("button", { name: label(`meeting.answer.${answer}`), exact: true });

    // Enter on "Misschien": the answer is saved and the focus is still on that button.
    await button("maybe").focus();
    await page.keyboard.press("Enter");
    await seen(page.getByTestId("my-answer").getByText(label("meeting.mine.maybe")));
    await expect.poll(() => button("maybe").getAttribute("aria-pressed")).toBe("true");
    expect(await focused(page)).toEqual({
      tag: "BUTTON",
      text: label("meeting.answer.maybe"),
      pressed: "true",
    });

    // Shift+Tab to "Ja" and Space: the same, from where the focus was left.
    await page.keyboard.press("Shift+Tab");
    expect((await focused(page)).text).toBe(label("meeting.answer.yes"));
    await page.keyboard.press("Space");
    await seen(page.getByTestId("my-answer").getByText(label("meeting.mine.going")));
    await expect.poll(() => button("yes").getAttribute("aria-pressed")).toBe("true");
    expect(await focused(page)).toEqual({
      tag: "BUTTON",
      text: label("meeting.answer.yes"),
      pressed: "true",
    });

    for (const p of [coachPage, page]) expectNoConsoleErrors(p);
  });
});

/** The seeded first circle's pages: its latest past meeting, the next one and an open poll. */
function seededCircle() {
  return readDatabase((db) => {
    const circleId = 1;
    const now = Date.now();
    const past = db
      .prepare(
        "select id from meeting where circle_id = ? and status = 'scheduled' and ends_at <= ? order by starts_at desc limit 1",
      )
      .get(circleId, now) as { id: number } | undefined;
    const next = db
      .prepare(
        "select id from meeting where circle_id = ? and status = 'scheduled' and starts_at > ? order by starts_at limit 1",
      )
      .get(circleId, now) as { id: number } | undefined;
    const poll = db
      .prepare("select id from meeting_poll where circle_id = ? and status = 'open' limit 1")
      .get(circleId) as { id: number } | undefined;
    if (!past || !next || !poll) throw new Error("The seed has no past and next meeting or poll");
    return { circleId, past: past.id, next: next.id, poll: poll.id };
  });
}

/** How far the page scrolls sideways: 0, or the excess and the innermost elements sticking out. */
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
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/ /g, ".")}` : ""}`;
    return `${excess}px: ${sticking.map(name).join(", ")}`;
  });
}

describe("the meeting pages on a phone", () => {
  it("fit 375 and 320 px without scrolling sideways, for the coach and a member", async () => {
    const { circleId, past, next, poll } = seededCircle();
    const base = `/circles/${circleId}`;
    const coachPage = await newPage(browser);
    const memberPage = await newPage(browser);
    await login(coachPage, "coach@kringwijs.test");
    await login(memberPage, "ondernemer@kringwijs.test");
    const pages: Array<[string, Page, string[]]> = [
      [
        "coach",
        coachPage,
        [
          `${base}/home`,
          `${base}/meetings`,
          `${base}/meetings/${next}`,
          `${base}/meetings/${past}`,
          `${base}/meetings/${past}/follow-up`,
          `${base}/meetings/${next}/cases`,
          `${base}/polls/${poll}`,
        ],
      ],
      ["member", memberPage, [`${base}/home`, `${base}/meetings/${next}`, `${base}/polls/${poll}`]],
    ];
    const overflow: Record<string, number | string> = {};
    for (const width of [375, 320]) {
      for (const [who, page, paths] of pages) {
        await page.setViewportSize({ width, height: 800 });
        for (const path of paths)
          overflow[`${who} ${width} ${path}`] = await sidewaysScroll(page, path);
      }
    }
    expect(overflow).toEqual(Object.fromEntries(Object.keys(overflow).map((k) => [k, 0])));
    // The next meeting's agenda opens with the terugblik, the box that overflowed at 375 px.
    await memberPage.setViewportSize({ width: 375, height: 800 });
    await visit(memberPage, `${base}/meetings/${next}`);
    await seen(memberPage.getByTestId("terugblik"));

    for (const p of [coachPage, memberPage]) expectNoConsoleErrors(p);
  });
});
