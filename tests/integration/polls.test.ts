/**
 * The date poll: proposing slots (bad input per row, nothing written), answering and changing
 * answers with the tally as the circle's current members gave it, the one reminder to those who
 * have not answered (a job: once, and never after the poll closed), picking a slot (the meeting
 * planned and the poll closed together, never twice), stopping a poll, and who may do what.
 */
import { describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import {
  action as newPollAction,
  loader as newPollLoader,
} from "~/routes/circles.$circleId.polls.new";
import {
  action as pollAction,
  loader as pollLoader,
} from "~/routes/circles.$circleId.polls.$pollId";
import {
  action as newMeetingAction,
  shouldRevalidate as shouldRevalidateNew,
  loader as newMeetingLoader,
} from "~/routes/circles.$circleId.meetings.new";
import { loader as listLoader } from "~/routes/circles.$circleId.meetings._index";
import { loader as homeLoader } from "~/routes/circles.$circleId.home";
import {
  createPoll,
  getPoll,
  openPolls,
  pollReminderDue,
  pollView,
  votePoll,
} from "~/models/polls.server";
import { pendingJobs } from "~/models/jobs.server";
import { runScheduledJobs } from "~/models/job-handlers.server";
import { leaveCircle } from "~/models/memberships.server";
import { fromAmsterdam } from "~/domain/meeting-time";
import { getDb } from "~/utils/db.server";
import { meetings, notifications } from "../../db/schema";
import {
  load,
  makeContext,
  makeUser,
  recordingPublisher,
  sessionCookieFor,
  signedInCircle,
  submit,
} from "./helpers";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const count = (table: string) =>
  getDb().get<{ n: number }>(sql.raw(`select count(*) as n from ${table}`))!.n;

const world = signedInCircle;
type World = Awaited<ReturnType<typeof world>>;

/** Slots on whole minutes, days ahead. */
function slots(n: number, from = Date.now() + 10 * DAY) {
  const start = Math.floor(from / 60_000) * 60_000;
  return Array.from({ length: n }, (_, i) => ({
    startsAt: new Date(start + i * DAY),
    endsAt: new Date(start + i * DAY + 2 * HOUR),
  }));
}

function poll(w: World, n = 3, now = new Date()) {
  return createPoll(
    w.circleId,
    w.coach.id,
    { title: "Bijeenkomst in maart", note: "", slots: slots(n) },
    now,
  ).pollId;
}

const pollPath = (w: World, pollId: number) => `/circles/${w.circleId}/polls/${pollId}`;
const pollParams = (w: World, pollId: number) => ({ ...w.params, pollId: String(pollId) });

type PollPage = {
  slots: Array<{
    id: number;
    yes: Array<{ userId: number }>;
    maybe: unknown[];
    no: unknown[];
    best: boolean;
  }>;
  answered: number;
  notAnswered: Array<{ userId: number } | null>;
  mine: Record<string, string>;
  may: { vote: boolean; manage: boolean };
};

async function pollPage(w: World, pollId: number, cookie: string) {
  const res = await load(pollLoader, pollPath(w, pollId), {
    cookie,
    params: pollParams(w, pollId),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as PollPage;
}

function vote(
  w: World,
  pollId: number,
  cookie: string,
  answers: Record<number, string>,
  context = makeContext(),
) {
  const fields: Record<string, string> = { intent: "vote" };
  for (const [slotId, answer] of Object.entries(answers)) fields[`answers.${slotId}`] = answer;
  return submit(pollAction, pollPath(w, pollId), fields, {
    cookie,
    params: pollParams(w, pollId),
    context,
  });
}

const notificationsOf = (type: string, pollId: number) =>
  getDb()
    .select({ userId: notifications.userId })
    .from(notifications)
    .where(and(eq(notifications.type, type), sql`${notifications.url} like ${`%/polls/${pollId}`}`))
    .all()
    .map((r) => r.userId)
    .sort((a, b) => a - b);

const ids = (list: Array<{ userId: number }>) => list.map((p) => p.userId).sort((a, b) => a - b);

describe("proposing a poll", () => {
  const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
  const row = (i: number, date: string, startTime = "19:00", endTime = "21:30") => ({
    [`slots[${i}].date`]: date,
    [`slots[${i}].startTime`]: startTime,
    [`slots[${i}].endTime`]: endTime,
  });

  it("gives each bad row its own message, keeps the input and writes nothing", async () => {
    const w = await world();
    const before = count("meeting_poll");
    const good = { title: "Bijeenkomst in maart", ...row(0, day(10)), ...row(1, day(11)) };
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ title: "" }, "title", "validation.required"],
      [{ ...row(1, "", "", "") }, "slots", "poll.error.tooFew|2"],
      [{ "slots[1].endTime": "" }, "slots[1].endTime", "validation.required"],
      [{ "slots[1].date": "2030-02-30" }, "slots[1].date", "validation.date"],
      [{ "slots[0].startTime": "7 uur" }, "slots[0].startTime", "meeting.error.time"],
      [{ "slots[1].endTime": "18:00" }, "slots[1].endTime", "meeting.error.endBeforeStart"],
      [{ ...row(1, day(10)) }, "slots[1].date", "poll.error.duplicate"],
      [{ ...row(1, day(-1)) }, "slots[1].date", "poll.error.past"],
      [{ ...row(1, "2207-03-10") }, "slots[1].date", "meeting.error.dateRange"],
      // The hour skipped when summer time starts (28 March 2027, 02:00 → 03:00): a slot then
      // would not exist.
      [
        { ...row(1, "2027-03-28", "02:30", "04:00") },
        "slots[1].startTime",
        "meeting.error.noSuchTime",
      ],
      [
        Object.assign({}, ...Array.from({ length: 11 }, (_, i) => row(i, day(10 + i)))),
        "slots",
        "poll.error.tooMany|10",
      ],
    ];
    for (const [fields, field, message] of cases) {
      const res = await submit(
        newPollAction,
        `/circles/${w.circleId}/polls/new`,
        { ...good, ...fields },
        {
          cookie: w.coach.cookie,
          params: w.params,
        },
      );
      expect(res.status, JSON.stringify(fields)).toBe(400);
      const body = (await res.json()) as {
        error: Record<string, string[]>;
        initialValue: Record<string, unknown>;
      };
      expect(body.error[field], JSON.stringify(fields)).toContain(message);
      expect(body.initialValue.title ?? "").toBe(fields.title ?? good.title);
      expect((body.initialValue.slots as unknown[]).length).toBeGreaterThanOrEqual(2);
    }
    // A forged row far past the page's last is refused without echoing a sparse list back.
    const forged = await submit(
      newPollAction,
      `/circles/${w.circleId}/polls/new`,
      { ...good, "slots[3000000].date": day(12) },
      { cookie: w.coach.cookie, params: w.params },
    );
    expect(forged.status).toBe(400);
    const text = await forged.text();
    expect(text.length).toBeLessThan(5_000);
    expect((JSON.parse(text) as { error: Record<string, string[]> }).error.slots).toEqual([
      "poll.error.tooMany|10",
    ]);
    expect(count("meeting_poll")).toBe(before);
  });

  it("skips empty rows, asks the members (not the coach) and schedules one reminder", async () => {
    const w = await world(2);
    const recorder = recordingPublisher();
    const res = await submit(
      newPollAction,
      `/circles/${w.circleId}/polls/new`,
      {
        title: "Bijeenkomst in maart",
        note: "Kies alle avonden die je passen.",
        ...row(0, day(12), "19:00", "22:00"),
        ...row(1, "", "", ""),
        ...row(2, day(10), "18:30", "21:00"),
      },
      {
        cookie: w.coach.cookie,
        params: w.params,
        context: makeContext({ publisher: recorder.publisher }),
      },
    );
    expect(res.status).toBe(302);
    const pollId = Number(res.headers.get("Location")!.split("/").pop());
    expect(res.headers.get("Location")).toBe(pollPath(w, pollId));
    const view = pollView(getPoll(pollId)!, w.coach.id);
    // In time order, in Amsterdam time as entered.
    expect(view.slots.map((s) => s.startsAt.getTime())).toEqual([
      fromAmsterdam(day(10), "18:30")!.getTime(),
      fromAmsterdam(day(12), "19:00")!.getTime(),
    ]);
    expect(notificationsOf("meeting.poll", pollId)).toEqual(
      ids(w.members.map((m) => ({ userId: m.id }))),
    );
    expect(pendingJobs(["poll.reminder"], pollId)).toHaveLength(1);
    expect(recorder.meetingsChanged).toEqual([{ circleId: w.circleId, also: [] }]);
  });

  it("adds a row without scripts: the form comes back one row longer, input kept, no errors", async () => {
    const w = await world(1);
    const before = count("meeting_poll");
    const res = await submit(
      newPollAction,
      `/circles/${w.circleId}/polls/new`,
      {
        intent: "addRow",
        title: "Bijeenkomst in maart",
        ...row(0, day(10)),
        ...row(1, "", "", ""),
        ...row(2, "", "", ""),
      },
      { cookie: w.coach.cookie, params: w.params },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      rows: number;
      error: Record<string, string[]>;
      initialValue: { title: string; slots: Array<Record<string, string>> };
    };
    expect(body.rows).toBe(4);
    expect(body.error).toEqual({});
    expect(body.initialValue.slots[0]!.date).toBe(day(10));
    expect(count("meeting_poll")).toBe(before);
  });

  it("is the coach's: members get a 403, outsiders do not see the circle", async () => {
    const w = await world(1);
    const outsider = await makeUser();
    const path = `/circles/${w.circleId}/polls/new`;
    expect(
      (await load(newPollLoader, path, { cookie: w.members[0]!.cookie, params: w.params })).status,
    ).toBe(403);
    expect(
      (
        await load(newPollLoader, path, {
          cookie: await sessionCookieFor(outsider.id),
          params: w.params,
        })
      ).status,
    ).toBeGreaterThanOrEqual(403);
    expect(
      (await load(newPollLoader, path, { cookie: w.coach.cookie, params: w.params })).status,
    ).toBe(200);
  });

  it("times the reminder three days on, or halfway to a slot that is sooner", () => {
    const now = new Date("2030-01-01T12:00:00Z");
    expect(pollReminderDue(slots(2, now.getTime() + 20 * DAY), now).getTime()).toBe(
      now.getTime() + 3 * DAY,
    );
    const soon = slots(2, now.getTime() + 2 * DAY);
    expect(pollReminderDue(soon, now).getTime()).toBe(
      now.getTime() + (soon[0]!.startsAt.getTime() - now.getTime()) / 2,
    );
  });
});

describe("answering a poll", () => {
  it("records every slot's answer, lets the member change them and shows the tally live", async () => {
    const w = await world(3);
    const pollId = poll(w);
    const [a, b] = w.members;
    const page = await pollPage(w, pollId, a!.cookie);
    expect(page.may).toEqual({ vote: true, manage: false });
    const [s1, s2, s3] = page.slots.map((s) => s.id);
    const recorder = recordingPublisher();
    const context = makeContext({ publisher: recorder.publisher });
    expect(
      (await vote(w, pollId, a!.cookie, { [s1!]: "yes", [s2!]: "maybe", [s3!]: "no" }, context))
        .status,
    ).toBe(200);
    expect(
      (await vote(w, pollId, b!.cookie, { [s1!]: "no", [s2!]: "yes", [s3!]: "no" }, context))
        .status,
    ).toBe(200);
    // Everyone on the page hears of it: the circle's room.
    expect(recorder.meetingsChanged).toHaveLength(2);
    let tally = await pollPage(w, pollId, w.coach.cookie);
    expect(tally.may).toEqual({ vote: false, manage: true });
    expect(ids(tally.slots[0]!.yes)).toEqual([a!.id]);
    expect(ids(tally.slots[1]!.yes)).toEqual([b!.id]);
    expect(tally.slots[1]!.maybe).toHaveLength(1);
    // Slot 2: one yes and one if need be beats slot 1's one yes.
    expect(tally.slots.map((s) => s.best)).toEqual([false, true, false]);
    expect(ids(tally.notAnswered as Array<{ userId: number }>)).toEqual([w.members[2]!.id]);
    // A member sees how many have not answered, not who (that is for the coach to follow up).
    expect((await pollPage(w, pollId, a!.cookie)).notAnswered).toEqual([null]);
    // A changed mind replaces the answers, never adds to them.
    await vote(w, pollId, a!.cookie, { [s1!]: "no", [s2!]: "yes", [s3!]: "yes" });
    tally = await pollPage(w, pollId, a!.cookie);
    expect(tally.mine).toEqual({ [s1!]: "no", [s2!]: "yes", [s3!]: "yes" });
    expect(ids(tally.slots[1]!.yes)).toEqual([a!.id, b!.id].sort((x, y) => x - y));
    expect(tally.slots[0]!.yes).toHaveLength(0);
  });

  it("asks for an answer next to each slot left open, and writes none of them", async () => {
    const w = await world(1);
    const pollId = poll(w);
    const [s1, s2, s3] = (await pollPage(w, pollId, w.coach.cookie)).slots.map((s) => s.id);
    const res = await vote(w, pollId, w.members[0]!.cookie, { [s1!]: "yes" });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: Record<string, string[]> };
    expect(body.error[`answers.${s2}`]).toEqual(["poll.error.answerEach"]);
    expect(body.error[`answers.${s3}`]).toEqual(["poll.error.answerEach"]);
    expect(body.error[`answers.${s1}`]).toBeUndefined();
    expect(count(`meeting_poll_vote where poll_id = ${pollId}`)).toBe(0);
    // A nonsense answer and a slot of another poll are refused too.
    const bad = await vote(w, pollId, w.members[0]!.cookie, {
      [s1!]: "ja!",
      [s2!]: "yes",
      [s3!]: "yes",
    });
    expect(bad.status).toBe(400);
    const other = poll(w, 2);
    const [o1] = (await pollPage(w, other, w.coach.cookie)).slots.map((s) => s.id);
    const forged = await vote(w, pollId, w.members[0]!.cookie, {
      [s1!]: "yes",
      [s2!]: "yes",
      [o1!]: "yes",
    });
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { error: Record<string, string[]> }).error[""]).toEqual([
      "poll.error.slot",
    ]);
    expect(count(`meeting_poll_vote where poll_id in (${pollId}, ${other})`)).toBe(0);
  });

  it("is for members: the coach gets a 403, an outsider and another circle's poll a 404", async () => {
    const w = await world(1);
    const elsewhere = await world(1);
    const pollId = poll(w);
    const foreign = poll(elsewhere);
    const [s1, s2, s3] = (await pollPage(w, pollId, w.coach.cookie)).slots.map((s) => s.id);
    const answers = { [s1!]: "yes", [s2!]: "yes", [s3!]: "yes" };
    expect((await vote(w, pollId, w.coach.cookie, answers)).status).toBe(403);
    const outsider = await sessionCookieFor((await makeUser()).id);
    expect((await vote(w, pollId, outsider, answers)).status).toBeGreaterThanOrEqual(403);
    // Another circle's poll under this circle's address does not exist.
    const res = await load(pollLoader, pollPath(w, foreign), {
      cookie: w.members[0]!.cookie,
      params: pollParams(w, foreign),
    });
    expect(res.status).toBe(404);
    expect(
      (
        await load(pollLoader, pollPath(w, 999_999), {
          cookie: w.members[0]!.cookie,
          params: pollParams(w, 999_999),
        })
      ).status,
    ).toBe(404);
    expect(count(`meeting_poll_vote where poll_id = ${pollId}`)).toBe(0);
  });

  it("counts only current members: someone who left drops out of the tally", async () => {
    const w = await world(2);
    const pollId = poll(w, 2);
    const [s1, s2] = (await pollPage(w, pollId, w.coach.cookie)).slots.map((s) => s.id);
    for (const m of w.members) await vote(w, pollId, m.cookie, { [s1!]: "yes", [s2!]: "no" });
    leaveCircle(w.members[1]!.id, w.circleId);
    const tally = await pollPage(w, pollId, w.coach.cookie);
    expect(ids(tally.slots[0]!.yes)).toEqual([w.members[0]!.id]);
    expect(tally.answered).toBe(1);
    expect(openPolls(w.circleId, w.members[0]!.id)[0]!.answered).toBe(1);
  });
});

describe("the reminder", () => {
  it("goes once, to the members who have not answered, when it is due", async () => {
    const w = await world(3);
    const now = new Date();
    const pollId = poll(w, 2, now);
    const [s1, s2] = (await pollPage(w, pollId, w.coach.cookie)).slots.map((s) => s.id);
    votePoll(
      pollId,
      w.members[0]!.id,
      new Map([
        [s1!, "yes"],
        [s2!, "no"],
      ]),
    );
    const due = pendingJobs(["poll.reminder"], pollId)[0]!.dueAt;
    runScheduledJobs(new Date(due.getTime() - 60_000));
    expect(notificationsOf("poll.reminder", pollId)).toEqual([]);
    runScheduledJobs(due);
    runScheduledJobs(new Date(due.getTime() + DAY));
    expect(notificationsOf("poll.reminder", pollId)).toEqual(
      ids([w.members[1]!, w.members[2]!].map((m) => ({ userId: m.id }))),
    );
    expect(pendingJobs(["poll.reminder"], pollId)).toHaveLength(0);
  });

  it("does not go once the poll is decided or stopped", async () => {
    const w = await world(2);
    const stopped = poll(w, 2);
    const res = await submit(
      pollAction,
      pollPath(w, stopped),
      { intent: "cancel" },
      { cookie: w.coach.cookie, params: pollParams(w, stopped) },
    );
    expect(res.status).toBe(302);
    expect(getPoll(stopped)!.status).toBe("cancelled");
    expect(pendingJobs(["poll.reminder"], stopped)).toHaveLength(0);
    runScheduledJobs(new Date(Date.now() + 30 * DAY));
    expect(notificationsOf("poll.reminder", stopped)).toEqual([]);
    expect(openPolls(w.circleId, w.members[0]!.id)).toEqual([]);
  });
});

describe("picking a slot", () => {
  it("fills in the meeting form, plans the meeting, closes the poll and tells the members", async () => {
    const w = await world(2);
    const pollId = poll(w, 3);
    const slot = (await pollPage(w, pollId, w.coach.cookie)).slots[1]!;
    const path = `/circles/${w.circleId}/meetings/new?poll=${pollId}&slot=${slot.id}`;
    const form = await load(newMeetingLoader, path, { cookie: w.coach.cookie, params: w.params });
    const data = (await form.json()) as {
      picked: {
        title: string;
        date: string;
        startTime: string;
        endTime: string;
        endDate?: string;
      };
    };
    const wall = pollView(getPoll(pollId)!, w.coach.id).slots[1]!;
    expect(data.picked.title).toBe("Bijeenkomst in maart");
    expect(fromAmsterdam(data.picked.date, data.picked.startTime)!.getTime()).toBe(
      wall.startsAt.getTime(),
    );
    expect(
      fromAmsterdam(data.picked.endDate ?? data.picked.date, data.picked.endTime)!.getTime(),
    ).toBe(wall.endsAt.getTime());

    const fields = {
      ...data.picked,
      pollId: String(pollId),
      slotId: String(slot.id),
      locationKind: "address",
      address: "Stationsplein 1, Zwolle",
    };
    const recorder = recordingPublisher();
    const res = await submit(newMeetingAction, path, fields, {
      cookie: w.coach.cookie,
      params: w.params,
      context: makeContext({ publisher: recorder.publisher }),
    });
    expect(res.status).toBe(302);
    const meetingId = Number(res.headers.get("Location")!.split("/").pop());
    const meeting = getDb().select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
    expect(meeting.startsAt.getTime()).toBe(wall.startsAt.getTime());
    const decided = getPoll(pollId)!;
    expect(decided).toMatchObject({ status: "decided", decidedSlotId: slot.id, meetingId });
    expect(pendingJobs(["poll.reminder"], pollId)).toHaveLength(0);
    const told = getDb()
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(
        and(
          eq(notifications.type, "meeting.created"),
          sql`${notifications.url} like ${`%/meetings/${meetingId}`}`,
        ),
      )
      .all();
    expect(ids(told)).toEqual(ids(w.members.map((m) => ({ userId: m.id }))));

    // A second pick (another tab) plans nothing more and says why, keeping the input.
    const before = count("meeting");
    const again = await submit(newMeetingAction, path, fields, {
      cookie: w.coach.cookie,
      params: w.params,
    });
    expect(again.status).toBe(400);
    const body = (await again.json()) as {
      error: Record<string, string[]>;
      initialValue: Record<string, string>;
    };
    expect(body.error[""]).toEqual(["poll.error.decided"]);
    expect(body.initialValue.address).toBe("Stationsplein 1, Zwolle");
    expect(count("meeting")).toBe(before);
    // Opening the form for a decided poll goes back to the poll, which shows the meeting.
    const reopened = await load(newMeetingLoader, path, {
      cookie: w.coach.cookie,
      params: w.params,
    });
    expect(reopened.status).toBe(302);
    expect(reopened.headers.get("Location")).toBe(pollPath(w, pollId));
    // But after the refused form the page keeps the form and its message (no reload to there).
    const keep = shouldRevalidateNew({
      actionResult: body,
      defaultShouldRevalidate: true,
    } as never);
    expect(keep).toBe(false);
    expect(shouldRevalidateNew({ defaultShouldRevalidate: true } as never)).toBe(true);
    // And nobody votes on a decided poll.
    const late = await vote(
      w,
      pollId,
      w.members[0]!.cookie,
      Object.fromEntries(pollView(decided, 0).slots.map((s) => [s.id, "yes"])),
    );
    expect(late.status).toBe(400);
  });

  it("refuses another poll's slot, another circle's poll and a member's attempt", async () => {
    const w = await world(1);
    const elsewhere = await world(1);
    const pollId = poll(w, 2);
    const other = poll(w, 2);
    const foreign = poll(elsewhere, 2);
    const slotOf = async (id: number, ww: World) =>
      (await pollPage(ww, id, ww.coach.cookie)).slots[0]!.id;
    const path = (p: number, s: number | string) =>
      `/circles/${w.circleId}/meetings/new?poll=${p}&slot=${s}`;
    const coach = { cookie: w.coach.cookie, params: w.params };
    expect((await load(newMeetingLoader, path(pollId, await slotOf(other, w)), coach)).status).toBe(
      404,
    );
    expect(
      (await load(newMeetingLoader, path(foreign, await slotOf(foreign, elsewhere)), coach)).status,
    ).toBe(404);
    expect((await load(newMeetingLoader, path(pollId, "x"), coach)).status).toBe(404);
    const member = { cookie: w.members[0]!.cookie, params: w.params };
    expect(
      (await load(newMeetingLoader, path(pollId, await slotOf(pollId, w)), member)).status,
    ).toBe(403);
    expect(getPoll(pollId)!.status).toBe("open");
  });
});

describe("open polls on the circle's pages", () => {
  it("shows each member whether they have answered, on the meetings list and the circle home", async () => {
    const w = await world(2);
    const pollId = poll(w, 2);
    const [s1, s2] = (await pollPage(w, pollId, w.coach.cookie)).slots.map((s) => s.id);
    votePoll(
      pollId,
      w.members[0]!.id,
      new Map([
        [s1!, "yes"],
        [s2!, "maybe"],
      ]),
    );
    type Listed = {
      polls: Array<{ id: number; mine: boolean; answered: number; slotCount: number }>;
    };
    const list = (await (
      await load(listLoader, `/circles/${w.circleId}/meetings`, {
        cookie: w.members[0]!.cookie,
        params: w.params,
      })
    ).json()) as Listed;
    expect(list.polls).toEqual([
      expect.objectContaining({ id: pollId, mine: true, answered: 1, slotCount: 2 }),
    ]);
    const home = (await (
      await load(homeLoader, `/circles/${w.circleId}/home`, {
        cookie: w.members[1]!.cookie,
        params: w.params,
      })
    ).json()) as Listed;
    expect(home.polls).toEqual([expect.objectContaining({ id: pollId, mine: false })]);
  });
});
