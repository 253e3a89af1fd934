/**
 * The meeting pages' loaders and actions: planning with bad input (a message per field, the
 * input kept, nothing written), Amsterdam time across the daylight-saving changes, RSVP with a
 * waitlist, moving and cancelling with a message, guests, and who sees what. (The reminders on a
 * simulated clock and the multi-process capacity race are tested elsewhere.)
 */
import { describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { action as newAction, loader as newLoader } from "~/routes/circles.$circleId.meetings.new";
import { loader as listLoader } from "~/routes/circles.$circleId.meetings._index";
import {
  action as meetingAction,
  loader as meetingLoader,
} from "~/routes/circles.$circleId.meetings.$meetingId._index";
import {
  action as editAction,
  loader as editLoader,
} from "~/routes/circles.$circleId.meetings.$meetingId.edit";
import { loader as homeLoader } from "~/routes/circles.$circleId.home";
import { loader as dashboardLoader } from "~/routes/dashboard";
import {
  createMeeting,
  getMeeting,
  HostNotMemberError,
  inviteGuest,
  meetingResponses,
  respondToMeeting,
  updateMeeting,
  type MeetingInput,
} from "~/models/meetings.server";
import { pendingJobs } from "~/models/jobs.server";
import {
  acceptHouseRules,
  applyToCircle,
  decideApplication,
  inviteToCircle,
  leaveCircle,
} from "~/models/memberships.server";
import { getMembership } from "~/models/circles.server";
import { attendanceList } from "~/models/follow-up.server";
import { action as circleAction } from "~/routes/circles.$circleId._index";
import { action as membersAction } from "~/routes/circles.$circleId.members";
import { formatDateTime } from "~/i18n/format";
import { getDb } from "~/utils/db.server";
import {
  companies,
  meetingGuests,
  meetingRsvps,
  memberships,
  notifications,
} from "../../db/schema";
import {
  load,
  makeContext,
  makeUser,
  recordingPublisher,
  sessionCookieFor,
  signedIn,
  signedInCircle,
  submit,
  meetingInput,
} from "./helpers";

const HOUR = 3_600_000;
const meetingCount = () => getDb().get<{ n: number }>(sql`select count(*) as n from meeting`)!.n;

const world = signedInCircle;
type World = Awaited<ReturnType<typeof world>>;

const valid = {
  title: "Vierde bijeenkomst",
  date: "2030-05-14",
  startTime: "19:00",
  endTime: "21:30",
  locationKind: "address",
  address: "Stationsplein 1, Zwolle",
  agenda: "1. Rondje\n2. **Casus**",
};

function plan(w: World, overrides: Partial<MeetingInput> = {}) {
  // Whole minutes, as the form enters them.
  const startsAt = new Date(Math.floor((Date.now() + 7 * 24 * HOUR) / 60_000) * 60_000);
  return createMeeting(w.circleId, w.coach.id, meetingInput(startsAt, { ...overrides })).meetingId;
}

const meetingParams = (w: World, meetingId: number) => ({
  ...w.params,
  meetingId: String(meetingId),
});
const meetingPath = (w: World, meetingId: number) => `/circles/${w.circleId}/meetings/${meetingId}`;

function notificationsOf(type: string, meetingId: number) {
  return getDb()
    .select({ userId: notifications.userId, data: notifications.data })
    .from(notifications)
    .where(
      and(
        eq(notifications.type, type),
        sql`${notifications.url} like ${`%/meetings/${meetingId}`}`,
      ),
    )
    .all();
}

function rsvpOf(meetingId: number, userId: number) {
  return getDb()
    .select({ state: meetingRsvps.state })
    .from(meetingRsvps)
    .where(and(eq(meetingRsvps.meetingId, meetingId), eq(meetingRsvps.userId, userId)))
    .get()?.state;
}

function guestOf(meetingId: number, userId: number) {
  return !!getDb()
    .select()
    .from(meetingGuests)
    .where(and(eq(meetingGuests.meetingId, meetingId), eq(meetingGuests.userId, userId)))
    .get();
}

/** Seats taken as the meetings list shows them. */
async function listedGoing(w: World, cookie: string, meetingId: number) {
  const list = (await (
    await load(listLoader, `/circles/${w.circleId}/meetings`, { cookie, params: w.params })
  ).json()) as { upcoming: Array<{ id: number; going: number }> };
  return list.upcoming.find((m) => m.id === meetingId)!.going;
}

type PageData = {
  meeting: {
    startsAt: string;
    endsAt: string;
    wall: { start: { date: string; time: string }; end: { date: string; time: string } };
    address: string;
    host: { name: string; company: string | null } | null;
  };
  me: { state: string | null; waitlistPosition: number | null; isGuest: boolean };
  counts: Record<string, number>;
  responses: null | Record<string, Array<{ userId: number }>>;
  guests: null | Array<{ userId: number }>;
  seatsLeft: number | null;
};

async function page(w: World, meetingId: number, cookie: string) {
  const res = await load(meetingLoader, meetingPath(w, meetingId), {
    cookie,
    params: meetingParams(w, meetingId),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as PageData;
}

describe("planning a meeting", () => {
  it("gives each bad field its own message, keeps the input and writes nothing", async () => {
    const w = await world();
    const stranger = await makeUser();
    const before = meetingCount();
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ title: "" }, "title", "validation.required"],
      [{ title: "x".repeat(121) }, "title", "validation.tooLong|120"],
      [{ date: "2030-02-30" }, "date", "validation.date"],
      [{ date: "" }, "date", "validation.required"],
      [{ startTime: "25:00" }, "startTime", "meeting.error.time"],
      [{ endTime: "18:00" }, "endTime", "meeting.error.endBeforeStart"],
      [{ endTime: "19:00" }, "endTime", "meeting.error.endBeforeStart"],
      [{ endDate: "2030-05-13", endTime: "22:00" }, "endTime", "meeting.error.endBeforeStart"],
      [{ endDate: "2030-06-14" }, "endDate", "meeting.error.tooLong"],
      // The hour skipped when summer time starts (28 March 2027, 02:00 → 03:00).
      [
        { date: "2027-03-28", startTime: "02:30", endTime: "04:00" },
        "startTime",
        "meeting.error.noSuchTime",
      ],
      [{ locationKind: "moon" }, "locationKind", "validation.choose"],
      [{ address: "" }, "address", "validation.required"],
      [{ locationKind: "company", address: "" }, "hostUserId", "meeting.error.chooseHost"],
      [
        { locationKind: "company", hostUserId: String(stranger.id) },
        "hostUserId",
        "meeting.error.chooseHost",
      ],
      [{ locationKind: "video", videoUrl: "" }, "videoUrl", "validation.required"],
      [
        { locationKind: "video", videoUrl: "http://meet.example.org/x" },
        "videoUrl",
        "meeting.error.videoUrl",
      ],
      [
        { locationKind: "video", videoUrl: "javascript:alert(1)" },
        "videoUrl",
        "meeting.error.videoUrl",
      ],
      [{ agenda: "x".repeat(10_001) }, "agenda", "validation.tooLong|10000"],
      [{ capacity: "0" }, "capacity", "validation.atLeast|1"],
      [{ capacity: "2.5" }, "capacity", "validation.wholeNumber"],
      [{ capacity: "veel" }, "capacity", "validation.number"],
    ];
    for (const [fields, field, message] of cases) {
      const res = await submit(
        newAction,
        `/circles/${w.circleId}/meetings/new`,
        { ...valid, ...fields },
        { cookie: w.coach.cookie, params: w.params },
      );
      expect(res.status, JSON.stringify(fields)).toBe(400);
      const body = (await res.json()) as {
        error: Record<string, string[]>;
        initialValue: Record<string, string>;
      };
      expect(body.error[field], JSON.stringify(fields)).toContain(message);
      // What was typed comes back, so nothing has to be entered again.
      // (A form sends line breaks as CRLF.)
      expect(body.initialValue.agenda?.replace(/\r\n/g, "\n")).toBe(fields.agenda ?? valid.agenda);
      expect(body.initialValue.title ?? "").toBe(fields.title ?? valid.title);
    }
    expect(meetingCount()).toBe(before);
  });

  it("creates the meeting, tells the circle and the live room, and opens its page", async () => {
    const w = await world(2);
    const recorder = recordingPublisher();
    const res = await submit(
      newAction,
      `/circles/${w.circleId}/meetings/new`,
      { ...valid, capacity: "8" },
      {
        cookie: w.coach.cookie,
        params: w.params,
        context: makeContext({ publisher: recorder.publisher }),
      },
    );
    expect(res.status).toBe(302);
    const meetingId = Number(res.headers.get("Location")!.split("/").pop());
    const meeting = getMeeting(meetingId)!;
    expect(meeting).toMatchObject({ title: valid.title, capacity: 8, address: valid.address });
    expect(recorder.meetingsChanged).toEqual([{ circleId: w.circleId, also: [] }]);
    const told = notificationsOf("meeting.created", meetingId)
      .map((n) => n.userId)
      .sort();
    expect(told).toEqual(w.members.map((m) => m.id).sort());
    const notifiedLive = recorder.sent.filter((s) => s.event.type === "notifications.changed");
    expect(notifiedLive.map((s) => s.userId).sort()).toEqual(told);
  });

  it("stores 19:00 Amsterdam on the last Sundays of March and October 2027 as the right UTC instant, and shows 19:00", async () => {
    const w = await world(1);
    const cases = [
      { date: "2027-03-28", utc: "2027-03-28T17:00:00.000Z", end: "2027-03-28T19:30:00.000Z" },
      { date: "2027-10-31", utc: "2027-10-31T18:00:00.000Z", end: "2027-10-31T20:30:00.000Z" },
    ];
    for (const c of cases) {
      const res = await submit(
        newAction,
        `/circles/${w.circleId}/meetings/new`,
        { ...valid, date: c.date, startTime: "19:00", endTime: "21:30" },
        { cookie: w.coach.cookie, params: w.params },
      );
      expect(res.status).toBe(302);
      const meetingId = Number(res.headers.get("Location")!.split("/").pop());
      const stored = getMeeting(meetingId)!;
      expect(stored.startsAt.toISOString()).toBe(c.utc);
      expect(stored.endsAt.toISOString()).toBe(c.end);
      const data = await page(w, meetingId, w.members[0]!.cookie);
      expect(data.meeting.wall.start).toEqual({ date: c.date, time: "19:00" });
      expect(data.meeting.wall.end).toEqual({ date: c.date, time: "21:30" });
      expect(data.meeting.startsAt).toBe(c.utc);
      // What the page prints from the instant it is given, in either language.
      const clock = { hour: "2-digit", minute: "2-digit" } as const;
      expect(formatDateTime(data.meeting.startsAt, "nl", clock)).toBe("19:00");
      expect(formatDateTime(data.meeting.startsAt, "en", clock)).toBe("19:00");
      // The edit form is filled with the same wall-clock time.
      const edit = await load(editLoader, `${meetingPath(w, meetingId)}/edit`, {
        cookie: w.coach.cookie,
        params: meetingParams(w, meetingId),
      });
      const defaults = ((await edit.json()) as { defaults: Record<string, string> }).defaults;
      expect(defaults).toMatchObject({
        date: c.date,
        startTime: "19:00",
        endTime: "21:30",
        endDate: "",
      });
    }
  });

  it("a two-day meeting ends on its end date; a company visit takes the host's town when no address is typed", async () => {
    const w = await world(2);
    const host = w.members[0]!;
    getDb()
      .insert(companies)
      .values({ ownerId: host.id, name: "Bakkerij De Korrel", municipality: "Deventer" })
      .run();
    const res = await submit(
      newAction,
      `/circles/${w.circleId}/meetings/new`,
      {
        ...valid,
        date: "2030-10-04",
        endDate: "2030-10-05",
        startTime: "10:00",
        endTime: "16:00",
        locationKind: "company",
        address: "",
        hostUserId: String(host.id),
      },
      { cookie: w.coach.cookie, params: w.params },
    );
    expect(res.status).toBe(302);
    const meetingId = Number(res.headers.get("Location")!.split("/").pop());
    const stored = getMeeting(meetingId)!;
    expect(stored.startsAt.toISOString()).toBe("2030-10-04T08:00:00.000Z");
    expect(stored.endsAt.toISOString()).toBe("2030-10-05T14:00:00.000Z");
    expect(stored).toMatchObject({
      locationKind: "company",
      hostUserId: host.id,
      address: "Deventer",
    });
    const data = await page(w, meetingId, w.members[1]!.cookie);
    expect(data.meeting.host).toMatchObject({ company: "Bakkerij De Korrel" });
    expect(data.meeting.wall.end.date).toBe("2030-10-05");
  });

  it("is the coach's: a member gets a 403 and nothing is written", async () => {
    const w = await world(1);
    const before = meetingCount();
    const res = await submit(newAction, `/circles/${w.circleId}/meetings/new`, valid, {
      cookie: w.members[0]!.cookie,
      params: w.params,
    });
    expect(res.status).toBe(403);
    const form = await load(newLoader, `/circles/${w.circleId}/meetings/new`, {
      cookie: w.members[0]!.cookie,
      params: w.params,
    });
    expect(form.status).toBe(403);
    expect(meetingCount()).toBe(before);
  });
});

describe("answering", () => {
  const answer = (
    w: World,
    meetingId: number,
    cookie: string,
    value: string,
    context = makeContext(),
  ) =>
    submit(
      meetingAction,
      meetingPath(w, meetingId),
      { intent: "rsvp", answer: value },
      { cookie, params: meetingParams(w, meetingId), context },
    );

  it("past capacity a yes waits on the list; a freed seat goes to the first waiting, who is told", async () => {
    const w = await world(4);
    const [a, b, c, d] = w.members;
    const meetingId = plan(w, { capacity: 2 });
    expect((await answer(w, meetingId, a!.cookie, "yes")).status).toBe(200);
    expect((await answer(w, meetingId, b!.cookie, "yes")).status).toBe(200);
    expect((await answer(w, meetingId, c!.cookie, "yes")).status).toBe(200);
    expect((await answer(w, meetingId, d!.cookie, "yes")).status).toBe(200);
    const forC = await page(w, meetingId, c!.cookie);
    expect(forC.me).toMatchObject({ state: "waitlisted", waitlistPosition: 1 });
    expect((await page(w, meetingId, d!.cookie)).me.waitlistPosition).toBe(2);
    expect(forC.seatsLeft).toBe(0);
    expect(forC.counts).toMatchObject({ going: 2, waitlisted: 2 });
    expect(forC.responses!.waitlist!.map((p) => p.userId)).toEqual([c!.id, d!.id]);

    const recorder = recordingPublisher();
    expect(
      (await answer(w, meetingId, b!.cookie, "no", makeContext({ publisher: recorder.publisher })))
        .status,
    ).toBe(200);
    expect((await page(w, meetingId, c!.cookie)).me.state).toBe("going");
    expect((await page(w, meetingId, d!.cookie)).me).toMatchObject({
      state: "waitlisted",
      waitlistPosition: 1,
    });
    expect(notificationsOf("meeting.seat", meetingId).map((n) => n.userId)).toEqual([c!.id]);
    expect(
      recorder.sent.filter((s) => s.event.type === "notifications.changed").map((s) => s.userId),
    ).toEqual([c!.id]);
    expect(recorder.meetingsChanged).toHaveLength(1);
    expect(recorder.meetingsChanged[0]!.circleId).toBe(w.circleId);
  });

  it("a member who leaves hands their seat on at once: the first waiting moves up and alone is told", async () => {
    const w = await world(3);
    const [a, b, c] = w.members;
    const meetingId = plan(w, { capacity: 1 });
    respondToMeeting(meetingId, a!.id, "yes");
    expect(respondToMeeting(meetingId, b!.id, "yes")).toMatchObject({ state: "waitlisted" });
    expect(respondToMeeting(meetingId, c!.id, "yes")).toMatchObject({ state: "waitlisted" });
    const recorder = recordingPublisher();
    const res = await submit(
      circleAction,
      `/circles/${w.circleId}`,
      { intent: "leave" },
      {
        cookie: a!.cookie,
        params: w.params,
        context: makeContext({ publisher: recorder.publisher }),
      },
    );
    expect(res.status).toBe(302);
    // Nobody else had to answer: b has the seat a held, c is next; a's answer is gone.
    expect(rsvpOf(meetingId, a!.id)).toBeUndefined();
    expect((await page(w, meetingId, b!.cookie)).me.state).toBe("going");
    expect((await page(w, meetingId, c!.cookie)).me).toMatchObject({
      state: "waitlisted",
      waitlistPosition: 1,
    });
    expect(notificationsOf("meeting.seat", meetingId).map((n) => n.userId)).toEqual([b!.id]);
    expect(
      recorder.sent.filter((s) => s.event.type === "notifications.changed").map((s) => s.userId),
    ).toEqual([b!.id]);
    expect(recorder.meetingsChanged).toEqual([{ circleId: w.circleId, also: [b!.id] }]);
    expect(await listedGoing(w, b!.cookie, meetingId)).toBe(1);
    // c's later yes keeps c's place; nobody is told anything more.
    expect(respondToMeeting(meetingId, c!.id, "yes")).toMatchObject({
      state: "waitlisted",
      notified: [],
    });
  });

  it("is refused with a reason for a cancelled or finished meeting; the coach does not answer", async () => {
    const w = await world(1);
    const [a] = w.members;
    const cancelled = plan(w);
    await submit(
      editAction,
      `${meetingPath(w, cancelled)}/edit`,
      { intent: "cancel", confirm: "on" },
      { cookie: w.coach.cookie, params: meetingParams(w, cancelled) },
    );
    const res = await answer(w, cancelled, a!.cookie, "yes");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: Record<string, string[]> }).error[""]).toEqual([
      "meeting.refused.cancelled",
    ]);
    const past = plan(w, {
      startsAt: new Date(Date.now() - 3 * HOUR),
      endsAt: new Date(Date.now() - HOUR),
    });
    const late = await answer(w, past, a!.cookie, "maybe");
    expect(late.status).toBe(400);
    expect(((await late.json()) as { error: Record<string, string[]> }).error[""]).toEqual([
      "meeting.refused.past",
    ]);
    expect((await answer(w, past, w.coach.cookie, "yes")).status).toBe(403);
    expect((await answer(w, cancelled, a!.cookie, "perhaps")).status).toBe(400);
    const rows = getDb().select().from(meetingRsvps).where(eq(meetingRsvps.userId, a!.id)).all();
    expect(rows).toEqual([]);
  });
});

describe("moving and cancelling", () => {
  it("a move with a message tells everyone who answered and moves the reminders", async () => {
    const w = await world(4);
    const [a, b, c, d] = w.members;
    const meetingId = plan(w);
    respondToMeeting(meetingId, a!.id, "yes");
    respondToMeeting(meetingId, b!.id, "maybe");
    respondToMeeting(meetingId, c!.id, "no");
    respondToMeeting(meetingId, d!.id, "yes");
    leaveCircle(d!.id, w.circleId);
    const before = getMeeting(meetingId)!;
    const recorder = recordingPublisher();
    const res = await submit(
      editAction,
      `${meetingPath(w, meetingId)}/edit`,
      {
        intent: "save",
        title: before.title,
        date: "2030-06-18",
        startTime: "19:30",
        endTime: "22:00",
        locationKind: "video",
        videoUrl: before.videoUrl,
        message: "De zaal was dubbel geboekt.",
      },
      {
        cookie: w.coach.cookie,
        params: meetingParams(w, meetingId),
        context: makeContext({ publisher: recorder.publisher }),
      },
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(meetingPath(w, meetingId));
    const after = getMeeting(meetingId)!;
    expect(after.startsAt.toISOString()).toBe("2030-06-18T17:30:00.000Z");
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.changeMessage).toBe("De zaal was dubbel geboekt.");
    const moved = notificationsOf("meeting.moved", meetingId);
    // Those who answered, whatever they answered, and not the one who left the circle.
    expect(moved.map((n) => n.userId).sort()).toEqual([a!.id, b!.id, c!.id].sort());
    expect(moved.every((n) => n.data.message === "De zaal was dubbel geboekt.")).toBe(true);
    expect(recorder.meetingsChanged).toEqual([{ circleId: w.circleId, also: [] }]);
    const jobs = pendingJobs(["meeting.reminder_48h", "meeting.reminder_2h"], meetingId);
    expect(jobs.map((j) => [j.kind, j.dueAt.toISOString()])).toEqual([
      ["meeting.reminder_48h", "2030-06-16T17:30:00.000Z"],
      ["meeting.reminder_2h", "2030-06-18T15:30:00.000Z"],
    ]);
  });

  it("a change of the agenda only is saved without telling anyone", async () => {
    const w = await world(1);
    const meetingId = plan(w);
    respondToMeeting(meetingId, w.members[0]!.id, "yes");
    const before = getMeeting(meetingId)!;
    const edit = (await (
      await load(editLoader, `${meetingPath(w, meetingId)}/edit`, {
        cookie: w.coach.cookie,
        params: meetingParams(w, meetingId),
      })
    ).json()) as { defaults: Record<string, string> };
    const res = await submit(
      editAction,
      `${meetingPath(w, meetingId)}/edit`,
      { ...edit.defaults, intent: "save", agenda: "Nieuw: een gastspreker" },
      { cookie: w.coach.cookie, params: meetingParams(w, meetingId) },
    );
    expect(res.status).toBe(302);
    const after = getMeeting(meetingId)!;
    expect(after.agenda).toBe("Nieuw: een gastspreker");
    expect(after.startsAt).toEqual(before.startsAt);
    expect(notificationsOf("meeting.moved", meetingId)).toEqual([]);
  });

  it("cancelling asks to confirm, then tells the whole circle and cancels the reminders", async () => {
    const w = await world(2);
    const [a, b] = w.members;
    const meetingId = plan(w);
    respondToMeeting(meetingId, a!.id, "yes");
    expect(
      pendingJobs(["meeting.reminder_48h", "meeting.reminder_2h", "meeting.feedback"], meetingId),
    ).toHaveLength(3);
    const path = `${meetingPath(w, meetingId)}/edit`;
    const params = meetingParams(w, meetingId);
    const unconfirmed = await submit(
      editAction,
      path,
      { intent: "cancel", message: "Ik ben ziek." },
      { cookie: w.coach.cookie, params },
    );
    expect(unconfirmed.status).toBe(400);
    const body = (await unconfirmed.json()) as {
      error: Record<string, string[]>;
      initialValue: Record<string, string>;
    };
    expect(body.error.confirm).toEqual(["meeting.error.confirmCancel"]);
    expect(body.initialValue.message).toBe("Ik ben ziek.");
    expect(getMeeting(meetingId)!.status).toBe("scheduled");

    const recorder = recordingPublisher();
    const res = await submit(
      editAction,
      path,
      { intent: "cancel", message: "Ik ben ziek.", confirm: "on" },
      { cookie: w.coach.cookie, params, context: makeContext({ publisher: recorder.publisher }) },
    );
    expect(res.status).toBe(302);
    expect(getMeeting(meetingId)).toMatchObject({
      status: "cancelled",
      changeMessage: "Ik ben ziek.",
    });
    // Everyone who heard it was planned hears it is off, answered or not; not the coach.
    const told = notificationsOf("meeting.cancelled", meetingId);
    expect(told.map((n) => n.userId).sort((x, y) => x - y)).toEqual(
      [a!.id, b!.id].sort((x, y) => x - y),
    );
    expect(told.every((n) => n.data.message === "Ik ben ziek.")).toBe(true);
    expect(told.map((n) => n.userId)).not.toContain(w.coach.id);
    expect(recorder.meetingsChanged).toHaveLength(1);
    expect(
      pendingJobs(["meeting.reminder_48h", "meeting.reminder_2h", "meeting.feedback"], meetingId),
    ).toEqual([]);

    // A cancelled meeting can no longer be changed: the page says so, the action refuses.
    const locked = await load(editLoader, path, { cookie: w.coach.cookie, params });
    expect(((await locked.json()) as { locked: string }).locked).toBe("cancelled");
    const again = await submit(
      editAction,
      path,
      { intent: "cancel", confirm: "on" },
      { cookie: w.coach.cookie, params },
    );
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: Record<string, string[]> }).error[""]).toEqual([
      "meeting.refused.cancelled",
    ]);
  });

  it("a guest who has not answered hears of a move and of the cancellation", async () => {
    const w = await world(1);
    const guest = await makeUser({ name: "Gea Gast" });
    const meetingId = plan(w);
    const invited = inviteGuest(meetingId, w.coach.id, guest.email);
    expect(invited.ok).toBe(true);
    const later = getMeeting(meetingId)!;
    const moved = updateMeeting(
      meetingId,
      w.coach.id,
      {
        ...later,
        startsAt: new Date(later.startsAt.getTime() + 24 * HOUR),
        endsAt: new Date(later.endsAt.getTime() + 24 * HOUR),
      },
      "Een dag later.",
    );
    expect(moved.ok && moved.notified).toContain(guest.id);
    // The guest's dashboard leads back to the meeting (and to nothing else of the circle).
    const guestCookie = await sessionCookieFor(guest.id);
    const dashboard = async () =>
      (
        (await (await load(dashboardLoader, "/dashboard", { cookie: guestCookie })).json()) as {
          guestMeetings: Array<Record<string, unknown>>;
        }
      ).guestMeetings;
    expect(await dashboard()).toEqual([
      expect.objectContaining({ id: meetingId, circleId: w.circleId, title: "Bijeenkomst" }),
    ]);
    const res = await submit(
      editAction,
      `${meetingPath(w, meetingId)}/edit`,
      { intent: "cancel", message: "", confirm: "on" },
      { cookie: w.coach.cookie, params: meetingParams(w, meetingId) },
    );
    expect(res.status).toBe(302);
    expect(notificationsOf("meeting.cancelled", meetingId).map((n) => n.userId)).toContain(
      guest.id,
    );
    expect(await dashboard()).toEqual([]);
  });

  it("a move to a start that has passed is refused next to the date; a far-off year is a typo", async () => {
    const w = await world(1);
    const meetingId = plan(w);
    const path = `${meetingPath(w, meetingId)}/edit`;
    const params = meetingParams(w, meetingId);
    const yesterday = new Date(Date.now() - 24 * HOUR).toISOString().slice(0, 10);
    for (const [date, message] of [
      [yesterday, "meeting.error.intoPast"],
      ["2207-05-14", "meeting.error.dateRange"],
    ] as const) {
      const res = await submit(
        editAction,
        path,
        { intent: "save", ...valid, date, message: "" },
        { cookie: w.coach.cookie, params },
      );
      expect(res.status, date).toBe(400);
      const body = (await res.json()) as {
        error: Record<string, string[]>;
        initialValue: Record<string, string>;
      };
      expect(body.error.date, date).toEqual([message]);
      expect(body.initialValue.date).toBe(date);
    }
    expect(getMeeting(meetingId)!.sequence).toBe(0);
    const created = await submit(
      newAction,
      `/circles/${w.circleId}/meetings/new`,
      { ...valid, date: "9999-05-14" },
      { cookie: w.coach.cookie, params: w.params },
    );
    expect(((await created.json()) as { error: Record<string, string[]> }).error.date).toEqual([
      "meeting.error.dateRange",
    ]);
    // Planning a start that has passed is a typo too (it would be announced, then locked).
    const before = meetingCount();
    const past = await submit(
      newAction,
      `/circles/${w.circleId}/meetings/new`,
      { ...valid, date: yesterday },
      { cookie: w.coach.cookie, params: w.params },
    );
    expect(past.status).toBe(400);
    expect(((await past.json()) as { error: Record<string, string[]> }).error.date).toEqual([
      "meeting.error.intoPast",
    ]);
    expect(meetingCount()).toBe(before);
  });

  it("fewer seats than people already coming is refused next to the seats", async () => {
    const w = await world(3);
    const meetingId = plan(w, { capacity: 5 });
    for (const m of w.members) respondToMeeting(meetingId, m.id, "yes");
    const edit = await load(editLoader, `${meetingPath(w, meetingId)}/edit`, {
      cookie: w.coach.cookie,
      params: meetingParams(w, meetingId),
    });
    const { defaults } = (await edit.json()) as { defaults: Record<string, string> };
    const save = (capacity: string) =>
      submit(
        editAction,
        `${meetingPath(w, meetingId)}/edit`,
        { ...defaults, intent: "save", capacity, message: "" },
        { cookie: w.coach.cookie, params: meetingParams(w, meetingId) },
      );
    const res = await save("2");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: Record<string, string[]> }).error.capacity).toEqual([
      "meeting.error.belowComing|3",
    ]);
    expect(getMeeting(meetingId)!.capacity).toBe(5);
    expect((await save("3")).status).toBe(302);
    expect(getMeeting(meetingId)!.capacity).toBe(3);
  });

  it("a meeting recorded afterwards is not announced to the circle", async () => {
    const w = await world(2);
    const startsAt = new Date(Math.floor((Date.now() - 3 * 24 * HOUR) / 60_000) * 60_000);
    const meetingId = plan(w, { startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR) });
    expect(notificationsOf("meeting.created", meetingId)).toEqual([]);
    const upcoming = plan(w);
    expect(notificationsOf("meeting.created", upcoming)).toHaveLength(2);
  });

  it("a finished meeting is not moved or cancelled", async () => {
    const w = await world(1);
    const meetingId = plan(w, {
      startsAt: new Date(Date.now() - 3 * HOUR),
      endsAt: new Date(Date.now() - HOUR),
    });
    const path = `${meetingPath(w, meetingId)}/edit`;
    const params = meetingParams(w, meetingId);
    const page = await load(editLoader, path, { cookie: w.coach.cookie, params });
    expect(((await page.json()) as { locked: string }).locked).toBe("past");
    const res = await submit(
      editAction,
      path,
      { ...valid, intent: "save" },
      { cookie: w.coach.cookie, params },
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: Record<string, string[]> }).error[""]).toEqual([
      "meeting.refused.past",
    ]);
    const meeting = getMeeting(meetingId)!;
    expect(updateMeeting(meetingId, w.coach.id, { ...meeting, startsAt: new Date() }, "")).toEqual({
      ok: false,
      reason: "past",
    });
    expect(getMeeting(meetingId)!.status).toBe("scheduled");
  });
});

describe("guests", () => {
  const guestAction = (w: World, meetingId: number, fields: Record<string, string>) =>
    submit(meetingAction, meetingPath(w, meetingId), fields, {
      cookie: w.coach.cookie,
      params: meetingParams(w, meetingId),
    });
  const emailError = async (res: Response) => {
    expect(res.status).toBe(400);
    return ((await res.json()) as { error: Record<string, string[]> }).error.email;
  };

  it("are invited by e-mail with a clear reason when it cannot be done, and can be removed", async () => {
    const w = await world(1);
    const meetingId = plan(w);
    const guest = await makeUser({ name: "Gerda Gast" });
    const invite = (email: string) => guestAction(w, meetingId, { intent: "invite", email });
    expect(await emailError(await invite("niemand@example.nl"))).toEqual([
      "meeting.guestError.unknown_email",
    ]);
    expect(await emailError(await invite(w.members[0]!.email))).toEqual([
      "meeting.guestError.already_in_circle",
    ]);
    expect(await emailError(await invite(w.coach.email))).toEqual([
      "meeting.guestError.already_in_circle",
    ]);
    expect(await emailError(await invite("geen-adres"))).toEqual(["validation.email"]);

    const ok = await invite(guest.email.toUpperCase());
    expect(ok.status).toBe(200);
    expect(notificationsOf("meeting.guest", meetingId).map((n) => n.userId)).toEqual([guest.id]);
    expect(await emailError(await invite(guest.email))).toEqual([
      "meeting.guestError.already_guest",
    ]);
    const coachView = await page(w, meetingId, w.coach.cookie);
    expect(coachView.guests!.map((g) => g.userId)).toEqual([guest.id]);

    const guestCookie = await sessionCookieFor(guest.id);
    expect((await page(w, meetingId, guestCookie)).me.isGuest).toBe(true);
    const removed = await guestAction(w, meetingId, {
      intent: "removeGuest",
      userId: String(guest.id),
    });
    expect(removed.status).toBe(200);
    // Taking it back twice (another tab, a forged id) changes nothing and says so.
    const again = await guestAction(w, meetingId, {
      intent: "removeGuest",
      userId: String(guest.id),
    });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: Record<string, string[]> }).error[""]).toEqual([
      "meeting.guestError.not_guest",
    ]);
    const rows = getDb()
      .select()
      .from(meetingGuests)
      .where(eq(meetingGuests.meetingId, meetingId))
      .all();
    expect(rows).toEqual([]);
    const gone = await load(meetingLoader, meetingPath(w, meetingId), {
      cookie: guestCookie,
      params: meetingParams(w, meetingId),
    });
    expect(gone.status).toBe(404);
    // Only the coach manages guests.
    const byMember = await submit(
      meetingAction,
      meetingPath(w, meetingId),
      { intent: "invite", email: guest.email },
      { cookie: w.members[0]!.cookie, params: meetingParams(w, meetingId) },
    );
    expect(byMember.status).toBe(403);
  });

  it("see and answer their meeting, with counts but no names, and nothing else of the circle", async () => {
    const w = await world(2);
    const meetingId = plan(w, { capacity: 5 });
    const other = plan(w);
    respondToMeeting(meetingId, w.members[0]!.id, "yes");
    const guest = await makeUser();
    expect(inviteGuest(meetingId, w.coach.id, guest.email).ok).toBe(true);
    const cookie = await sessionCookieFor(guest.id);
    const data = await page(w, meetingId, cookie);
    expect(data.responses).toBeNull();
    expect(data.guests).toBeNull();
    expect(data.counts.going).toBe(1);
    const yes = await submit(
      meetingAction,
      meetingPath(w, meetingId),
      { intent: "rsvp", answer: "yes" },
      { cookie, params: meetingParams(w, meetingId) },
    );
    expect(yes.status).toBe(200);
    expect((await page(w, meetingId, cookie)).me.state).toBe("going");
    // The members see the guest among those coming.
    const forMember = await page(w, meetingId, w.members[1]!.cookie);
    expect(forMember.responses!.going!.map((p) => p.userId)).toContain(guest.id);

    const list = await load(listLoader, `/circles/${w.circleId}/meetings`, {
      cookie,
      params: w.params,
    });
    expect([403, 404]).toContain(list.status);
    const home = await load(homeLoader, `/circles/${w.circleId}/home`, {
      cookie,
      params: w.params,
    });
    expect([403, 404]).toContain(home.status);
    const otherMeeting = await load(meetingLoader, meetingPath(w, other), {
      cookie,
      params: meetingParams(w, other),
    });
    expect(otherMeeting.status).toBe(404);
  });
});

describe("what only the data can tell (model)", () => {
  it("a company visit needs a member as host; a cancelled meeting takes no guests", async () => {
    const w = await world(1);
    const stranger = await makeUser();
    const before = meetingCount();
    expect(() => plan(w, { locationKind: "company", hostUserId: stranger.id })).toThrow(
      HostNotMemberError,
    );
    expect(meetingCount()).toBe(before);
    const meetingId = plan(w, { locationKind: "company", hostUserId: w.members[0]!.id });
    expect(getMeeting(meetingId)!.hostUserId).toBe(w.members[0]!.id);
    await submit(
      editAction,
      `${meetingPath(w, meetingId)}/edit`,
      { intent: "cancel", confirm: "on" },
      { cookie: w.coach.cookie, params: meetingParams(w, meetingId) },
    );
    expect(inviteGuest(meetingId, w.coach.id, stranger.email)).toEqual({
      ok: false,
      reason: "closed",
    });
  });
});

describe("who sees a circle's meetings", () => {
  it("the list is for members and the coach; a member of another circle gets a 404 on a meeting", async () => {
    const w = await world(1);
    const elsewhere = await world(1);
    const meetingId = plan(w);
    const cancelled = plan(w);
    await submit(
      editAction,
      `${meetingPath(w, cancelled)}/edit`,
      { intent: "cancel", confirm: "on" },
      { cookie: w.coach.cookie, params: meetingParams(w, cancelled) },
    );
    respondToMeeting(meetingId, w.members[0]!.id, "maybe");
    const list = await load(listLoader, `/circles/${w.circleId}/meetings`, {
      cookie: w.members[0]!.cookie,
      params: w.params,
    });
    expect(list.status).toBe(200);
    const body = (await list.json()) as {
      upcoming: Array<{ id: number; status: string; myState: string | null }>;
      may: { manage: boolean };
    };
    expect(body.upcoming.map((m) => [m.id, m.status, m.myState])).toEqual([
      [meetingId, "scheduled", "maybe"],
      [cancelled, "cancelled", null],
    ]);
    expect(body.may.manage).toBe(false);

    const outsider = elsewhere.members[0]!;
    for (const loader of [meetingLoader, editLoader]) {
      const res = await load(loader, meetingPath(w, meetingId), {
        cookie: outsider.cookie,
        params: meetingParams(w, meetingId),
      });
      expect(res.status).toBe(404);
    }
    const answer = await submit(
      meetingAction,
      meetingPath(w, meetingId),
      { intent: "rsvp", answer: "yes" },
      { cookie: outsider.cookie, params: meetingParams(w, meetingId) },
    );
    expect(answer.status).toBe(404);
    // The meeting through the other circle's URL is a 404 too, even for that circle's coach.
    const crossed = await load(
      meetingLoader,
      `/circles/${elsewhere.circleId}/meetings/${meetingId}`,
      {
        cookie: elsewhere.coach.cookie,
        params: { circleId: String(elsewhere.circleId), meetingId: String(meetingId) },
      },
    );
    expect(crossed.status).toBe(404);
  });
});

describe("when people join or leave the circle", () => {
  /** A meeting that has ended, with `userId`'s yes given while it was ahead. */
  function endedMeeting(w: World, userId: number | null, guest = false) {
    const startsAt = new Date(Date.now() - 5 * HOUR);
    const before = new Date(Date.now() - 48 * HOUR);
    const { meetingId } = createMeeting(
      w.circleId,
      w.coach.id,
      meetingInput(startsAt, { title: "Vorige keer" }),
      before,
    );
    if (userId !== null) {
      if (guest)
        getDb().insert(meetingGuests).values({ meetingId, userId, invitedById: w.coach.id }).run();
      expect(respondToMeeting(meetingId, userId, "yes", before)).toMatchObject({ ok: true });
    }
    return meetingId;
  }

  it("a member who is taken out hands their seats on; ended meetings keep their answers", async () => {
    const w = await world(3);
    const [a, b, c] = w.members;
    const ended = endedMeeting(w, a!.id);
    const full = plan(w, { capacity: 1 });
    const open = plan(w);
    const cancelled = plan(w, { capacity: 1 });
    respondToMeeting(full, a!.id, "yes");
    respondToMeeting(full, b!.id, "yes");
    respondToMeeting(open, a!.id, "maybe");
    respondToMeeting(cancelled, a!.id, "yes");
    respondToMeeting(cancelled, c!.id, "yes");
    await submit(
      editAction,
      `${meetingPath(w, cancelled)}/edit`,
      { intent: "cancel", confirm: "on" },
      { cookie: w.coach.cookie, params: meetingParams(w, cancelled) },
    );
    const recorder = recordingPublisher();
    const res = await submit(
      membersAction,
      `/circles/${w.circleId}/members`,
      {
        intent: "remove",
        membershipId: getMembership(w.circleId, a!.id)!.id,
        reason: "Komt niet meer",
      },
      {
        cookie: w.coach.cookie,
        params: w.params,
        context: makeContext({ publisher: recorder.publisher }),
      },
    );
    expect(res.status).toBe(200);
    for (const id of [full, open, cancelled]) expect(rsvpOf(id, a!.id)).toBeUndefined();
    expect(rsvpOf(ended, a!.id)).toBe("going");
    expect(rsvpOf(full, b!.id)).toBe("going");
    // A cancelled meeting moves nobody up and tells nobody.
    expect(rsvpOf(cancelled, c!.id)).toBe("waitlisted");
    expect(notificationsOf("meeting.seat", full).map((n) => n.userId)).toEqual([b!.id]);
    expect(notificationsOf("meeting.seat", cancelled)).toEqual([]);
    expect(
      recorder.sent.filter((s) => s.event.type === "notifications.changed").map((s) => s.userId),
    ).toEqual([a!.id, b!.id]); // a: the removal notice; b: the seat
    expect(recorder.meetingsChanged).toEqual([{ circleId: w.circleId, also: [b!.id] }]);
    expect(recorder.leftCircles).toEqual([{ userId: a!.id, circleId: w.circleId }]);
  });

  it("a member who comes back starts without an answer and gets no seat past the capacity", async () => {
    const w = await world(3, 5);
    const [a, b, c] = w.members;
    const meetingId = plan(w, { capacity: 1 });
    respondToMeeting(meetingId, a!.id, "yes");
    respondToMeeting(meetingId, b!.id, "yes");
    expect(leaveCircle(a!.id, w.circleId)).toMatchObject({ ok: true, meetingIds: [meetingId] });
    expect(rsvpOf(meetingId, b!.id)).toBe("going");
    expect(
      applyToCircle({ userId: a!.id, circleId: w.circleId, motivation: "terug", coachIds: [] }).ok,
    ).toBe(true);
    const res = await submit(
      membersAction,
      `/circles/${w.circleId}/members`,
      { intent: "approve", membershipId: getMembership(w.circleId, a!.id)!.id, message: "" },
      { cookie: w.coach.cookie, params: w.params },
    );
    expect(res.status).toBe(200);
    expect(getMembership(w.circleId, a!.id)!.state).toBe("member");
    expect(rsvpOf(meetingId, a!.id)).toBeUndefined();
    const going = meetingResponses(meetingId, w.circleId).filter((r) => r.state === "going");
    expect(going.map((r) => r.userId)).toEqual([b!.id]);
    expect(await listedGoing(w, c!.cookie, meetingId)).toBe(1);
    // Their new yes waits like anyone's.
    expect(respondToMeeting(meetingId, a!.id, "yes")).toMatchObject({ state: "waitlisted" });
  });

  it("an answer left from a membership that ended before this rule does not count again", async () => {
    const w = await world(2, 5);
    const [a, b] = w.members;
    const meetingId = plan(w, { capacity: 1 });
    respondToMeeting(meetingId, a!.id, "yes");
    // As the data was before: the membership ended, the answer stayed.
    getDb()
      .update(memberships)
      .set({ state: "left" })
      .where(eq(memberships.id, getMembership(w.circleId, a!.id)!.id))
      .run();
    expect(respondToMeeting(meetingId, b!.id, "yes")).toMatchObject({ state: "going" });
    applyToCircle({ userId: a!.id, circleId: w.circleId, motivation: "terug", coachIds: [] });
    expect(
      decideApplication({
        coachId: w.coach.id,
        circleId: w.circleId,
        membershipId: getMembership(w.circleId, a!.id)!.id,
        approve: true,
        message: null,
      }),
    ).toMatchObject({ ok: true, state: "member" });
    expect(rsvpOf(meetingId, a!.id)).toBeUndefined();
    expect(await listedGoing(w, b!.cookie, meetingId)).toBe(1);
  });

  const ways = [
    "approved by the coach",
    "accepting an invitation",
    "moving up from the circle's waitlist",
  ] as const;
  it.each(ways)(
    "a guest who becomes a member (%s) is counted once and keeps their answer",
    async (way) => {
      // For the waitlist the circle is full (one seat, one member) until that member leaves.
      const w = await world(1, way === "moving up from the circle's waitlist" ? 1 : 5);
      const [a] = w.members;
      const guest = await signedIn();
      const ended = endedMeeting(w, guest.id, true);
      const meetingId = plan(w, { capacity: 2 });
      const other = plan(w);
      expect(inviteGuest(meetingId, w.coach.id, guest.email).ok).toBe(true);
      expect(respondToMeeting(meetingId, guest.id, "yes")).toMatchObject({ state: "going" });
      respondToMeeting(meetingId, a!.id, "yes");
      const recorder = recordingPublisher();
      const context = makeContext({ publisher: recorder.publisher });
      if (way === "accepting an invitation") {
        expect(inviteToCircle(w.coach.id, w.circleId, guest.email).ok).toBe(true);
        const res = await submit(
          circleAction,
          `/circles/${w.circleId}`,
          { intent: "accept" },
          { cookie: guest.cookie, params: w.params, context },
        );
        expect(res.status).toBe(302);
      } else {
        applyToCircle({
          userId: guest.id,
          circleId: w.circleId,
          motivation: "graag",
          coachIds: [],
        });
        const res = await submit(
          membersAction,
          `/circles/${w.circleId}/members`,
          {
            intent: "approve",
            membershipId: getMembership(w.circleId, guest.id)!.id,
            message: "",
          },
          { cookie: w.coach.cookie, params: w.params, context },
        );
        expect(res.status).toBe(200);
      }
      if (way === "moving up from the circle's waitlist") {
        expect(getMembership(w.circleId, guest.id)!.state).toBe("waitlisted");
        // Still a guest while waiting for a seat in the circle.
        expect(guestOf(meetingId, guest.id)).toBe(true);
        await submit(
          circleAction,
          `/circles/${w.circleId}`,
          { intent: "leave" },
          { cookie: a!.cookie, params: w.params, context },
        );
      }
      expect(getMembership(w.circleId, guest.id)!.state).toBe("member");
      expect(guestOf(meetingId, guest.id)).toBe(false);
      // The meeting that has ended keeps the guest row: who came as a guest, invited by whom.
      expect(guestOf(ended, guest.id)).toBe(true);
      expect(rsvpOf(meetingId, guest.id)).toBe("going");
      const mine = meetingResponses(meetingId, w.circleId).filter((r) => r.userId === guest.id);
      expect(mine).toMatchObject([{ guest: false, state: "going" }]);
      expect(
        attendanceList({ id: meetingId, circleId: w.circleId }).filter(
          (r) => r.userId === guest.id,
        ),
      ).toMatchObject([{ guest: false, rsvp: "going" }]);
      const going = way === "moving up from the circle's waitlist" ? 1 : 2; // a left, or not
      expect(
        meetingResponses(meetingId, w.circleId).filter((r) => r.state === "going"),
      ).toHaveLength(going);
      expect(await listedGoing(w, w.coach.cookie, meetingId)).toBe(going);
      acceptHouseRules(guest.id, w.circleId);
      expect((await page(w, meetingId, guest.cookie)).me).toMatchObject({
        state: "going",
        isGuest: false,
      });
      // The meetings' pages hear of it, the new member's own tabs too.
      expect(recorder.meetingsChanged.at(-1)!.circleId).toBe(w.circleId);
      expect(recorder.meetingsChanged.flatMap((c) => c.also)).toContain(guest.id);
      void other;
    },
  );

  it("someone who withdraws an application keeps their answer as a guest", async () => {
    const w = await world(1, 5);
    const guest = await makeUser();
    const meetingId = plan(w, { capacity: 1 });
    expect(inviteGuest(meetingId, w.coach.id, guest.email).ok).toBe(true);
    respondToMeeting(meetingId, guest.id, "yes");
    applyToCircle({
      userId: guest.id,
      circleId: w.circleId,
      motivation: "misschien",
      coachIds: [],
    });
    expect(leaveCircle(guest.id, w.circleId)).toMatchObject({ ok: true, meetingIds: [] });
    expect(guestOf(meetingId, guest.id)).toBe(true);
    expect(rsvpOf(meetingId, guest.id)).toBe("going");
  });

  it("responses and attendance list a person once even with a guest row left over", async () => {
    const w = await world(2);
    const [a] = w.members;
    const meetingId = plan(w);
    respondToMeeting(meetingId, a!.id, "yes");
    getDb()
      .insert(meetingGuests)
      .values({ meetingId, userId: a!.id, invitedById: w.coach.id })
      .run();
    expect(meetingResponses(meetingId, w.circleId).filter((r) => r.userId === a!.id)).toMatchObject(
      [{ guest: false, state: "going" }],
    );
    expect(
      attendanceList({ id: meetingId, circleId: w.circleId }).filter((r) => r.userId === a!.id),
    ).toMatchObject([{ guest: false }]);
    expect(await listedGoing(w, a!.cookie, meetingId)).toBe(1);
  });
});
