/**
 * The meeting pages rendered to HTML from their real loaders' data, in Dutch and English: what
 * people read (the time in Amsterdam, the waitlist place, who sees names), not only the data.
 * Remix's router hooks are replaced by the loader's data; everything else is the real component.
 */
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import type { Locale } from "~/i18n/locales";
import { createMeeting, inviteGuest, respondToMeeting } from "~/models/meetings.server";
import { fromAmsterdam } from "~/domain/meeting-time";
import { getUserById } from "~/models/users.server";
import { renderPage } from "./render-route";
import {
  load,
  makeDiscussionCircle,
  makeUser,
  sessionCookieFor,
  submit,
  meetingInput,
} from "./helpers";

const route = vi.hoisted(() => ({ loader: null as unknown, action: undefined as unknown }));

vi.mock("@remix-run/react", async (original) =>
  (await import("./render-route")).withRouteData(await original(), route),
);

const { default: MeetingPage, loader: meetingLoader } =
  await import("~/routes/circles.$circleId.meetings.$meetingId._index");
const { default: MeetingList, loader: listLoader } =
  await import("~/routes/circles.$circleId.meetings._index");
const { default: EditPage, loader: editLoader } =
  await import("~/routes/circles.$circleId.meetings.$meetingId.edit");
const {
  default: NewPage,
  loader: newLoader,
  action: newAction,
} = await import("~/routes/circles.$circleId.meetings.new");

async function render(
  Page: () => ReactNode,
  loader: Parameters<typeof load>[0],
  path: string,
  cookie: string,
  params: Record<string, string>,
  locale: Locale = "nl",
  actionData?: unknown,
) {
  const res = await load(loader, path, { cookie, params });
  expect(res.status).toBe(200);
  route.loader = await res.json();
  route.action = actionData;
  return renderPage(Page, locale);
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("the meeting pages, rendered", () => {
  it("show the Amsterdam time on both sides of the October change, the waitlist place and names only to the circle", async () => {
    const circle = await makeDiscussionCircle({ members: 3 });
    const [a, b, c] = circle.members;
    const nameOfA = getUserById(a!.id)!.name;
    const { meetingId } = createMeeting(
      circle.id,
      circle.coach.id,
      meetingInput(fromAmsterdam("2030-10-27", "19:00")!, {
        title: "Kijkje bij de bakker",
        endsAt: fromAmsterdam("2030-10-27", "21:30")!,
        agenda: "1. **Rondje**\n2. <script>alert(1)</script>",
        capacity: 1,
      }),
    );
    respondToMeeting(meetingId, a!.id, "yes");
    respondToMeeting(meetingId, b!.id, "yes");
    const guest = await makeUser({ name: "Gerda Gast" });
    inviteGuest(meetingId, circle.coach.id, guest.email);
    const params = { circleId: String(circle.id), meetingId: String(meetingId) };
    const path = `/circles/${circle.id}/meetings/${meetingId}`;

    const forB = text(
      await render(MeetingPage, meetingLoader, path, await sessionCookieFor(b!.id), params),
    );
    expect(forB).toMatch(/zondag 27 oktober 2030, 19:00 ?– ?21:30/);
    expect(forB).toContain("Je staat op de wachtlijst (plek 1)");
    expect(forB).toContain(nameOfA);
    expect(forB).toContain("Zet in je agenda (.ics)");
    expect(forB).toContain("Vol: de 1 plek is bezet");
    expect(forB).toContain("Naar de videoverbinding");
    expect(forB).not.toContain("<script>");

    const html = await render(
      MeetingPage,
      meetingLoader,
      path,
      await sessionCookieFor(c!.id),
      params,
      "en",
    );
    expect(html).toContain(`href="/circles/${circle.id}/meetings/${meetingId}/ics"`);
    expect(html).toContain("<strong>Rondje</strong>");
    expect(html).not.toContain("<script>alert");
    expect(text(html)).toMatch(/Sunday, 27 October 2030, 19:00 ?– ?21:30/);
    expect(text(html)).toContain("You have not answered yet.");

    const forGuest = text(
      await render(MeetingPage, meetingLoader, path, await sessionCookieFor(guest.id), params),
    );
    expect(forGuest).toContain("Ja: 1 · Misschien: 0 · Nee: 0");
    expect(forGuest).not.toContain(nameOfA);
    expect(forGuest).not.toContain("Alle bijeenkomsten");

    const coachCookie = await sessionCookieFor(circle.coach.id);
    const forCoach = text(await render(MeetingPage, meetingLoader, path, coachCookie, params));
    expect(forCoach).toContain("Gerda Gast");
    expect(forCoach).toContain("Gast uitnodigen");
    expect(forCoach).toContain("Wijzigen of afzeggen");

    const list = text(
      await render(MeetingList, listLoader, `/circles/${circle.id}/meetings`, coachCookie, {
        circleId: String(circle.id),
      }),
    );
    expect(list).toContain("Kijkje bij de bakker");
    expect(list).toContain("Bijeenkomst plannen");
    expect(list).toContain("Datumprikker maken");
    expect(list).toContain("1 van 1 plekken bezet");

    const edit = await render(EditPage, editLoader, `${path}/edit`, coachCookie, params);
    expect(edit).toContain('value="2030-10-27"');
    expect(edit).toContain('value="19:00"');
    expect(text(edit)).toContain("Bijeenkomst afzeggen");

    const plan = await render(
      NewPage,
      newLoader,
      `/circles/${circle.id}/meetings/new`,
      coachCookie,
      { circleId: String(circle.id) },
    );
    expect(plan).toContain('name="locationKind"');
    expect(text(plan)).toContain("Kijkje in de keuken");
  });

  it("show a two-day meeting with both days, and a cancelled one with the coach's message", async () => {
    const circle = await makeDiscussionCircle({ members: 1 });
    const { meetingId } = createMeeting(circle.id, circle.coach.id, {
      title: "Heidesessie",
      startsAt: fromAmsterdam("2030-03-30", "10:00")!,
      endsAt: fromAmsterdam("2030-03-31", "16:00")!,
      locationKind: "address",
      address: "De Hoge Veluwe",
      hostUserId: null,
      videoUrl: "",
      agenda: "",
      capacity: null,
    });
    const { cancelMeeting } = await import("~/models/meetings.server");
    cancelMeeting(meetingId, circle.coach.id, "Te weinig aanmeldingen.");
    const params = { circleId: String(circle.id), meetingId: String(meetingId) };
    const page = text(
      await render(
        MeetingPage,
        meetingLoader,
        `/circles/${circle.id}/meetings/${meetingId}`,
        await sessionCookieFor(circle.members[0]!.id),
        params,
      ),
    );
    expect(page).toMatch(/zaterdag 30 maart 2030, 10:00 +– +zondag 31 maart 2030, 16:00/);
    expect(page).toContain("Deze bijeenkomst is afgezegd.");
    expect(page).toContain("Te weinig aanmeldingen.");
    expect(page).toContain("Deze bijeenkomst is afgezegd. Je kunt niet meer antwoorden.");
    expect(page).toContain("De Hoge Veluwe");
  });

  it("show no seats, waitlist or 'full' for a cancelled meeting, and the follow-up button only once a meeting has begun", async () => {
    const circle = await makeDiscussionCircle({ members: 2 });
    const [a, b] = circle.members;
    const coachCookie = await sessionCookieFor(circle.coach.id);
    const meeting = (title: string, start: Date, end: Date) =>
      createMeeting(
        circle.id,
        circle.coach.id,
        meetingInput(start, { title, endsAt: end, capacity: 1 }),
      ).meetingId;
    const page = async (meetingId: number, locale: Locale = "nl") =>
      render(
        MeetingPage,
        meetingLoader,
        `/circles/${circle.id}/meetings/${meetingId}`,
        coachCookie,
        { circleId: String(circle.id), meetingId: String(meetingId) },
        locale,
      );

    const full = meeting(
      "Volle avond",
      fromAmsterdam("2030-05-14", "19:00")!,
      fromAmsterdam("2030-05-14", "21:00")!,
    );
    respondToMeeting(full, a!.id, "yes");
    respondToMeeting(full, b!.id, "yes");
    expect(text(await page(full))).toContain("Vol: de 1 plek is bezet");
    const { cancelMeeting } = await import("~/models/meetings.server");
    cancelMeeting(full, circle.coach.id, "Toch niet.");
    const cancelled = text(await page(full));
    expect(cancelled).toContain("Deze bijeenkomst is afgezegd.");
    expect(cancelled).not.toContain("Vol:");
    expect(cancelled).not.toContain("Plekken");
    expect(cancelled).not.toContain("wachtlijst");
    expect(text(await page(full, "en"))).not.toMatch(/Full|Seats|waitlist/);
    const list = text(
      await render(MeetingList, listLoader, `/circles/${circle.id}/meetings`, coachCookie, {
        circleId: String(circle.id),
      }),
    );
    expect(list).toContain("Volle avond");
    expect(list).not.toContain("1 van 1");

    // Before it begins, the follow-up has nothing to record: no button to it.
    const followUp = (id: number) => `href="/circles/${circle.id}/meetings/${id}/follow-up"`;
    const future = meeting(
      "Straks",
      fromAmsterdam("2030-06-11", "19:00")!,
      fromAmsterdam("2030-06-11", "21:00")!,
    );
    expect(await page(future)).not.toContain(followUp(future));
    const started = meeting(
      "Bezig",
      new Date(Date.now() - 30 * 60_000),
      new Date(Date.now() + 60 * 60_000),
    );
    expect(await page(started)).toContain(followUp(started));

    // The edit page's way back does not read as cancelling the meeting.
    const edit = text(
      await render(
        EditPage,
        editLoader,
        `/circles/${circle.id}/meetings/${future}/edit`,
        coachCookie,
        { circleId: String(circle.id), meetingId: String(future) },
      ),
    );
    expect(edit).toContain("Wijzigingen weggooien");
    expect(edit).not.toContain("Annuleren");
  });

  it("print 19:00 for meetings at 19:00 on the last Sundays of March and October 2027", async () => {
    const circle = await makeDiscussionCircle({ members: 1 });
    const cookie = await sessionCookieFor(circle.members[0]!.id);
    for (const [date, day] of [
      ["2027-03-28", "zondag 28 maart 2027"],
      ["2027-10-31", "zondag 31 oktober 2027"],
    ] as const) {
      const { meetingId } = createMeeting(
        circle.id,
        circle.coach.id,
        meetingInput(fromAmsterdam(date, "19:00")!, {
          title: "Zondagavond",
          endsAt: fromAmsterdam(date, "21:00")!,
        }),
      );
      const page = text(
        await render(
          MeetingPage,
          meetingLoader,
          `/circles/${circle.id}/meetings/${meetingId}`,
          cookie,
          { circleId: String(circle.id), meetingId: String(meetingId) },
        ),
      );
      expect(page).toMatch(new RegExp(`${day}, 19:00 ?– ?21:00`));
    }
  });

  it("show a rejected plan's messages next to the fields, with what was typed kept", async () => {
    const circle = await makeDiscussionCircle({ members: 1 });
    const cookie = await sessionCookieFor(circle.coach.id);
    const params = { circleId: String(circle.id) };
    const path = `/circles/${circle.id}/meetings/new`;
    const rejected = await submit(
      newAction,
      path,
      {
        title: "Voorjaarssessie",
        date: "2027-03-28",
        startTime: "02:30",
        endTime: "04:00",
        locationKind: "video",
        videoUrl: "http://meet.example.org",
      },
      { cookie, params },
    );
    expect(rejected.status).toBe(400);
    const html = await render(
      NewPage,
      newLoader,
      path,
      cookie,
      params,
      "nl",
      await rejected.json(),
    );
    expect(html).toContain('value="Voorjaarssessie"');
    expect(text(html)).toContain("Deze tijd bestaat niet op die dag");
    expect(text(html)).toContain("Vul een volledige link in die begint met https://");
    expect(html).toContain('aria-invalid="true"');
  });
});
