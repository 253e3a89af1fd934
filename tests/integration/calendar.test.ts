/**
 * Calendars: the .ics of one meeting and the personal feed, read back with an independent
 * iCalendar parser (ical.js, the one Thunderbird uses): Amsterdam times across the
 * daylight-saving changes, stable UIDs, a rising SEQUENCE, cancellations; who gets which
 * meetings in their feed; the feed's secret (stored hashed, replaced, revoked); the routes.
 */
import ICAL from "ical.js";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, calendarFeeds, memberships } from "../../db/schema";
import { fromAmsterdam } from "~/domain/meeting-time";
import {
  feedMeetings,
  feedToken,
  icsFileName,
  meetingCalendar,
  meetingUid,
  regenerateFeedToken,
  revokeFeed,
  userForFeedToken,
} from "~/models/calendar.server";
import {
  cancelMeeting,
  createMeeting,
  inviteGuest,
  updateMeeting,
  type MeetingInput,
} from "~/models/meetings.server";
import { leaveCircle } from "~/models/memberships.server";
import { saveCompany } from "~/models/profiles.server";
import { loader as feedLoader } from "~/routes/calendar.$token[.]ics";
import { loader as icsLoader } from "~/routes/circles.$circleId.meetings.$meetingId.ics";
import { action as settingsAction, loader as settingsLoader } from "~/routes/settings_.calendar";
import { hashSecret } from "~/utils/crypto.server";
import { getDb } from "~/utils/db.server";
import { isSameOriginRequest } from "~/utils/origin";
import {
  load,
  makeDiscussionCircle,
  makeUser,
  sessionCookieFor,
  submit,
  type Fields,
} from "./helpers";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function input(startsAt: Date, overrides: Partial<MeetingInput> = {}): MeetingInput {
  return {
    title: "Bijeenkomst over personeel",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * HOUR),
    locationKind: "address",
    address: "Hengelosestraat 1, Enschede",
    hostUserId: null,
    videoUrl: "",
    agenda: "1. Rondje\n2. **Casus** van <b>Anouk</b>",
    capacity: null,
    ...overrides,
  };
}

/** Parses like a calendar app would: the file's own VTIMEZONE is the only zone it knows. */
function parse(ics: string) {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const zones = calendar.getAllSubcomponents("vtimezone");
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  return { calendar, zones, events };
}

function only<T>(list: T[]): T {
  expect(list).toHaveLength(1);
  return list[0]!;
}

const status = (event: ICAL.Event) => String(event.component.getFirstPropertyValue("status"));
const uids = (ics: string) => parse(ics).events.map((e) => e.uid);

/** A circle with members who accepted the house rules and its coach, and meetings in 2030. */
async function world(members = 2) {
  const circle = await makeDiscussionCircle({ members });
  return circle;
}

describe("the .ics of a meeting", () => {
  // The server's own zone must not matter: run these as if the server stood in New York.
  let zone: string | undefined;
  beforeEach(() => {
    zone = process.env.TZ;
    process.env.TZ = "America/New_York";
  });
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it("gives the stored instants at 19:00 Amsterdam on both daylight-saving Sundays", async () => {
    expect(new Date("2027-01-01T12:00:00Z").getTimezoneOffset()).toBe(300);
    const { id: circleId, coach } = await world();
    const cases = [
      { date: "2027-03-28", utc: "2027-03-28T17:00:00.000Z", wall: "20270328T190000" },
      { date: "2027-10-31", utc: "2027-10-31T18:00:00.000Z", wall: "20271031T190000" },
    ];
    for (const { date, utc, wall } of cases) {
      const startsAt = fromAmsterdam(date, "19:00")!;
      const endsAt = fromAmsterdam(date, "21:30")!;
      expect(startsAt.toISOString()).toBe(utc);
      const { meetingId } = createMeeting(
        circleId,
        coach.id,
        input(startsAt, { endsAt }),
        new Date("2027-01-01T09:00:00Z"),
      );
      const ics = meetingCalendar(meetingId, "nl")!;
      expect(ics).toContain("METHOD:PUBLISH");
      // Lines end with CRLF, the last one too, and none is longer than 75 octets.
      expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
      expect(ics.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
      expect(ics).toMatch(/^PRODID:-\/\/Kringwijs\/\/Kringwijs\/\/NL\r$/m);
      expect(ics).toContain(`DTSTART;TZID=Europe/Amsterdam:${wall}`);
      expect(ics).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r$/m);
      expect(ics).toMatch(/^LAST-MODIFIED:\d{8}T\d{6}Z\r$/m);

      const { zones, events } = parse(ics);
      expect(only(zones).getFirstPropertyValue("tzid")).toBe("Europe/Amsterdam");
      expect(zones[0]!.getAllSubcomponents("daylight")).toHaveLength(1);
      expect(zones[0]!.getAllSubcomponents("standard")).toHaveLength(1);
      const event = only(events);
      expect(event.startDate.zone?.tzid).toBe("Europe/Amsterdam");
      expect(event.startDate.toJSDate().toISOString()).toBe(startsAt.toISOString());
      expect(event.endDate.toJSDate().toISOString()).toBe(endsAt.toISOString());
      expect(event.startDate.hour).toBe(19);
    }
  });

  it("keeps its UID when moved, raises SEQUENCE with a move and a cancel, and says CANCELLED", async () => {
    const { id: circleId, coach } = await world();
    const startsAt = fromAmsterdam("2030-05-14", "19:00")!;
    const { meetingId } = createMeeting(circleId, coach.id, input(startsAt));

    const first = only(parse(meetingCalendar(meetingId, "nl")!).events);
    expect(first.uid).toBe(meetingUid(meetingId));
    expect(first.uid).toBe(`meeting-${meetingId}@localhost`);
    expect(first.sequence).toBe(0);
    expect(status(first)).toBe("CONFIRMED");
    expect(first.summary).toBe("Bijeenkomst over personeel");
    expect(first.location).toBe("Hengelosestraat 1, Enschede");
    expect(first.component.getFirstPropertyValue("url")).toBe(
      `http://localhost:3000/circles/${circleId}/meetings/${meetingId}`,
    );
    // The agenda as plain text: no Markdown, no HTML; and where to read more.
    expect(first.description).toContain("1. Rondje\n2. Casus van Anouk");
    expect(first.description).not.toMatch(/[<>*]/);
    expect(first.description).toContain(`/circles/${circleId}/meetings/${meetingId}`);

    const later = fromAmsterdam("2030-05-21", "19:30")!;
    const moved = updateMeeting(meetingId, coach.id, input(later), "Zaal bezet");
    expect(moved).toMatchObject({ ok: true, moved: true });
    const second = only(parse(meetingCalendar(meetingId, "nl")!).events);
    expect(second.uid).toBe(first.uid);
    expect(second.sequence).toBe(1);
    expect(second.startDate.toJSDate().toISOString()).toBe(later.toISOString());

    expect(cancelMeeting(meetingId, coach.id, "Te weinig aanmeldingen")).toMatchObject({
      ok: true,
    });
    const third = only(parse(meetingCalendar(meetingId, "nl")!).events);
    expect(third.uid).toBe(first.uid);
    expect(third.sequence).toBe(2);
    expect(status(third)).toBe("CANCELLED");
    expect(third.summary).toBe("Afgezegd: Bijeenkomst over personeel");
    expect(third.description).toContain("afgezegd: Te weinig aanmeldingen");
    // In the reader's language.
    expect(only(parse(meetingCalendar(meetingId, "en")!).events).summary).toBe(
      "Cancelled: Bijeenkomst over personeel",
    );
  });

  it("names the place: a host company with its address, or the video link", async () => {
    const { id: circleId, coach, members } = await world();
    const host = members[0]!;
    saveCompany(host.id, {
      name: "Bakkerij De Korenschoof",
      kvkNumber: null,
      sector: "C",
      sbiDivision: null,
      employees: 6,
      foundedYear: 2001,
      lifePhase: "established",
      province: "OV",
      municipality: "Hengelo",
      familyBusiness: true,
    });
    const at = fromAmsterdam("2030-06-11", "19:00")!;
    const visit = createMeeting(
      circleId,
      coach.id,
      input(at, { locationKind: "company", hostUserId: host.id, address: "Brink 3, Hengelo" }),
    );
    const online = createMeeting(
      circleId,
      coach.id,
      input(at, { locationKind: "video", address: "", videoUrl: "https://meet.example.org/k" }),
    );
    expect(only(parse(meetingCalendar(visit.meetingId, "nl")!).events).location).toBe(
      "Bakkerij De Korenschoof, Brink 3, Hengelo",
    );
    expect(only(parse(meetingCalendar(online.meetingId, "nl")!).events).location).toBe(
      "https://meet.example.org/k",
    );
  });

  it("has a file name made of the title", () => {
    expect(icsFileName("Bijeenkomst: personeel & groei (café)")).toBe(
      "bijeenkomst-personeel-groei-cafe.ics",
    );
    expect(icsFileName("“”!!")).toBe("bijeenkomst.ics");
    expect(icsFileName('a"b\r\nc')).toBe("a-b-c.ics");
  });
});

describe("the .ics route", () => {
  it("gives the meeting's people a text/calendar attachment and everyone else nothing", async () => {
    const { id: circleId, coach, members } = await world();
    const { meetingId } = createMeeting(
      circleId,
      coach.id,
      input(fromAmsterdam("2030-09-10", "19:00")!, { title: "Bijeenkomst: groei & geld" }),
    );
    const guest = await makeUser();
    expect(inviteGuest(meetingId, coach.id, guest.email)).toMatchObject({ ok: true });
    const outsider = await makeUser();
    const params = { circleId: String(circleId), meetingId: String(meetingId) };
    const path = `/circles/${circleId}/meetings/${meetingId}/ics`;

    for (const person of [members[0]!, coach, guest]) {
      const res = await load(icsLoader, path, {
        cookie: await sessionCookieFor(person.id),
        params,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
      expect(res.headers.get("Content-Disposition")).toBe(
        'attachment; filename="bijeenkomst-groei-geld.ics"',
      );
      expect(res.headers.get("Cache-Control")).toBe("private, no-store");
      expect(only(parse(await res.text()).events).uid).toBe(meetingUid(meetingId));
    }

    const stranger = await load(icsLoader, path, {
      cookie: await sessionCookieFor(outsider.id),
      params,
    });
    expect(stranger.status).toBe(404);
    expect(await stranger.text()).not.toContain("BEGIN:VCALENDAR");

    const anonymous = await load(icsLoader, path, { params });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);

    // Another circle's meeting under this circle's URL is a 404 too.
    const other = await world();
    const elsewhere = createMeeting(
      other.id,
      other.coach.id,
      input(fromAmsterdam("2030-09-10", "19:00")!),
    );
    const wrong = await load(
      icsLoader,
      `/circles/${circleId}/meetings/${elsewhere.meetingId}/ics`,
      {
        cookie: await sessionCookieFor(members[0]!.id),
        params: { circleId: String(circleId), meetingId: String(elsewhere.meetingId) },
      },
    );
    expect(wrong.status).toBe(404);

    // A cancelled meeting still downloads, so importing it again removes it.
    cancelMeeting(meetingId, coach.id, "");
    const cancelled = await load(icsLoader, path, {
      cookie: await sessionCookieFor(members[0]!.id),
      params,
    });
    expect(status(only(parse(await cancelled.text()).events))).toBe("CANCELLED");
  });

  it("answers malformed ids with a 404", async () => {
    const { id: circleId, members } = await world(1);
    const cookie = await sessionCookieFor(members[0]!.id);
    for (const meetingId of ["abc", "0", "-1", "1e3", "99999999"]) {
      const res = await load(icsLoader, `/circles/${circleId}/meetings/${meetingId}/ics`, {
        cookie,
        params: { circleId: String(circleId), meetingId },
      });
      expect(res.status, meetingId).toBe(404);
    }
  });
});

/** The feed as a calendar app fetches it: no cookie, only the URL. */
function poll(token: string) {
  return load(feedLoader, `/calendar/${token}.ics`, { params: { token } });
}

/** Every value in every table, to show a secret is nowhere in the database. */
function databaseText(): string {
  const db = getDb();
  const tables = db
    .all<{ name: string }>(
      sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`,
    )
    .map((t) => t.name);
  return tables
    .map((name) => JSON.stringify(db.all(sql.raw(`select * from "${name.replace(/"/g, '""')}"`))))
    .join("\n");
}

describe("the personal feed", () => {
  it("holds my circles' meetings and my guest meetings, not other circles', and follows my memberships", async () => {
    const now = new Date();
    const mine = await world(2);
    const me = mine.members[0]!;
    const theirs = await world(1);
    const visited = await world(1);
    const at = (days: number) =>
      new Date(Math.floor((now.getTime() + days * DAY) / 60_000) * 60_000);
    const past = (days: number) =>
      createMeeting(mine.id, mine.coach.id, input(at(-days)), new Date(at(-days - 14))).meetingId;

    const upcoming = createMeeting(mine.id, mine.coach.id, input(at(7))).meetingId;
    const cancelled = createMeeting(mine.id, mine.coach.id, input(at(14))).meetingId;
    cancelMeeting(cancelled, mine.coach.id, "Ziek");
    const recent = past(30);
    const old = past(120);
    const foreign = createMeeting(theirs.id, theirs.coach.id, input(at(7))).meetingId;
    const asGuest = createMeeting(visited.id, visited.coach.id, input(at(10))).meetingId;
    const notInvited = createMeeting(visited.id, visited.coach.id, input(at(11))).meetingId;
    expect(inviteGuest(asGuest, visited.coach.id, me.email)).toMatchObject({ ok: true });

    const token = regenerateFeedToken(me.id);
    expect(token).toMatch(/^[a-z2-7]{39}$/);
    const res = await poll(token);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toBe("private, max-age=300");
    const ics = await res.text();
    expect(ics).toContain("X-WR-CALNAME:Kringwijs");
    const { events, zones } = parse(ics);
    expect(only(zones).getFirstPropertyValue("tzid")).toBe("Europe/Amsterdam");
    expect(events.map((e) => e.uid).sort()).toEqual(
      [upcoming, cancelled, recent, asGuest].map(meetingUid).sort(),
    );
    expect(status(events.find((e) => e.uid === meetingUid(cancelled))!)).toBe("CANCELLED");
    expect(status(events.find((e) => e.uid === meetingUid(upcoming))!)).toBe("CONFIRMED");
    for (const id of [old, foreign, notInvited]) expect(ics).not.toContain(meetingUid(id));

    // The coach's feed has the circle's meetings; a member who has not accepted the house
    // rules yet sees no meeting page, and so none in a feed either.
    expect(uids(await (await poll(regenerateFeedToken(mine.coach.id))).text())).toContain(
      meetingUid(upcoming),
    );
    const newcomer = mine.members[1]!;
    getDb()
      .update(memberships)
      .set({ houseRulesAcceptedAt: null })
      .where(eq(memberships.userId, newcomer.id))
      .run();
    expect(feedMeetings(newcomer.id)).toEqual([]);

    // After leaving the circle, its meetings are gone at the next poll; the guest meeting stays.
    expect(leaveCircle(me.id, mine.id)).toMatchObject({ ok: true });
    expect(uids(await (await poll(token)).text())).toEqual([meetingUid(asGuest)]);
  });

  it("stores only the secret's hash; a new secret or a revoked feed leaves the old URL a bare 404", async () => {
    const { members } = await world(1);
    const me = members[0]!;
    expect(feedToken(me.id)).toBeNull();

    const first = regenerateFeedToken(me.id, new Date("2030-01-01T10:00:00Z"));
    expect(feedToken(me.id)).toEqual({ createdAt: new Date("2030-01-01T10:00:00Z") });
    const row = getDb().select().from(calendarFeeds).where(eq(calendarFeeds.userId, me.id)).get()!;
    expect(row.tokenHash).toBe(hashSecret(first));
    expect(databaseText()).not.toContain(first);
    expect(userForFeedToken(first)).toMatchObject({ id: me.id });
    const empty = await poll(first);
    expect(empty.status).toBe(200);
    // No meetings yet: still a valid calendar (one component at least), with the zone.
    const parsed = parse(await empty.text());
    expect(parsed.events).toEqual([]);
    expect(only(parsed.zones).getFirstPropertyValue("tzid")).toBe("Europe/Amsterdam");

    const second = regenerateFeedToken(me.id);
    expect(second).not.toBe(first);
    expect(databaseText()).not.toContain(second);
    const bogus = await poll("a".repeat(39));
    const old = await poll(first);
    expect(old.status).toBe(404);
    // Exactly what a token that never existed gets: nothing tells the two apart.
    expect(await old.text()).toBe(await bogus.text());
    expect(old.headers.get("Content-Type")).toBe(bogus.headers.get("Content-Type"));
    expect((await poll(second)).status).toBe(200);

    expect(revokeFeed(me.id)).toBe(true);
    expect(revokeFeed(me.id)).toBe(false);
    expect(feedToken(me.id)).toBeNull();
    expect((await poll(second)).status).toBe(404);

    const audited = getDb()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, me.id))
      .all()
      .map((a) => a.action)
      .filter((a) => a.startsWith("calendar."));
    expect(audited).toEqual([
      "calendar.feed_created",
      "calendar.feed_regenerated",
      "calendar.feed_revoked",
    ]);
  });

  it("answers anything that is not a secret with the same 404", async () => {
    for (const token of [
      "",
      "x",
      "A".repeat(39),
      `${"a".repeat(38)}1`,
      "a".repeat(4000),
      "../../etc",
    ]) {
      const res = await poll(token);
      expect(res.status, token).toBe(404);
      expect(await res.text()).toBe("Not found");
    }
  });

  it("is a GET the CSRF check lets through without a cookie or an Origin", () => {
    expect(
      isSameOriginRequest({
        method: "GET",
        path: "/calendar/abc.ics",
        host: "localhost:3000",
        headers: {},
      }),
    ).toBe(true);
  });
});

describe("the feed's settings page", () => {
  it("shows the URL once after making it, replaces it, and turns it off", async () => {
    const { members } = await world(1);
    const me = members[0]!;
    const cookie = await sessionCookieFor(me.id);
    const path = "/settings/calendar";
    const page = async () =>
      (await (await load(settingsLoader, path, { cookie })).json()) as {
        feed: { createdAt: string } | null;
      };
    expect((await page()).feed).toBeNull();

    const made = await submit(settingsAction, path, { intent: "generate" }, { cookie });
    expect(made.status).toBe(200);
    expect(made.headers.get("Cache-Control")).toBe("no-store");
    expect(made.headers.get("Set-Cookie")).toMatch(/toast/);
    const { url } = (await made.json()) as { url: string };
    expect(url).toMatch(/^http:\/\/localhost:3000\/calendar\/[a-z2-7]{39}\.ics$/);
    const token = url.match(/\/calendar\/([a-z2-7]+)\.ics$/)![1]!;
    expect((await poll(token)).status).toBe(200);

    // The page knows a feed exists, never its URL again.
    const after = await load(settingsLoader, path, { cookie });
    const text = await after.text();
    expect(JSON.parse(text).feed).not.toBeNull();
    expect(text).not.toContain(token);

    const again = await submit(settingsAction, path, { intent: "generate" }, { cookie });
    const { url: next } = (await again.json()) as { url: string };
    expect(next).not.toBe(url);
    expect((await poll(token)).status).toBe(404);
    const nextToken = next.match(/\/calendar\/([a-z2-7]+)\.ics$/)![1]!;
    expect((await poll(nextToken)).status).toBe(200);

    const off = await submit(settingsAction, path, { intent: "revoke" }, { cookie });
    expect(off.status).toBe(200);
    expect(((await off.json()) as { url: string | null }).url).toBeNull();
    expect((await page()).feed).toBeNull();
    expect((await poll(nextToken)).status).toBe(404);
  });

  it("refuses bad input with a 400 and changes nothing", async () => {
    const { members } = await world(1);
    const me = members[0]!;
    const cookie = await sessionCookieFor(me.id);
    const token = regenerateFeedToken(me.id);
    const bad: Fields[] = [
      {},
      { intent: "delete-everything" },
      { intent: "x".repeat(10_000) },
      { intent: new Blob(["generate"]) },
      { intent: ["generate", "revoke"] },
    ];
    for (const fields of bad) {
      const res = await submit(settingsAction, "/settings/calendar", fields, { cookie });
      expect(res.status, JSON.stringify(fields)).toBe(400);
      const body = await res.text();
      expect(body).not.toMatch(/calendar\/[a-z2-7]{39}/);
    }
    expect((await poll(token)).status).toBe(200);
    expect(userForFeedToken(token)).toMatchObject({ id: me.id });
  });

  it("is for signed-in people only, and an anonymous post makes no feed", async () => {
    const feeds = () => getDb().select().from(calendarFeeds).all().length;
    const before = feeds();
    const res = await submit(settingsAction, "/settings/calendar", { intent: "generate" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/login/);
    expect(feeds()).toBe(before);
  });
});
