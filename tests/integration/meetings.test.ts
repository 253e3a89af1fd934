/**
 * The meetings model where time and concurrency matter: reminders on a simulated clock, across a
 * restart, for moved and cancelled meetings; and yeses from several processes at once.
 */
import { spawn } from "node:child_process";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { emailOutbox, meetingRsvps, notifications, users } from "../../db/schema";
import { runScheduledJobs } from "~/models/job-handlers.server";
import { pendingJobs } from "~/models/jobs.server";
import {
  cancelMeeting,
  createMeeting,
  respondToMeeting,
  updateMeeting,
  type MeetingInput,
} from "~/models/meetings.server";
import { leaveCircle } from "~/models/memberships.server";
import { savePreferences, getPreferences } from "~/models/notifications.server";
import { closeDb, getDb, openDatabase } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { makeDiscussionCircle } from "./helpers";

const HOUR = 3_600_000;

function input(startsAt: Date, overrides: Partial<MeetingInput> = {}): MeetingInput {
  return {
    title: "Bijeenkomst over personeel",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3 * HOUR),
    locationKind: "address",
    address: "Hengelosestraat 1, Enschede",
    hostUserId: null,
    videoUrl: "",
    agenda: "1. Rondje\n2. Casus",
    capacity: null,
    ...overrides,
  };
}

function runInChild(script: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      env: { ...process.env, ...env },
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(out))));
  });
}

function reminders(meetingId: number) {
  return getDb()
    .select({ userId: notifications.userId, data: notifications.data })
    .from(notifications)
    .where(
      and(
        eq(notifications.type, "meeting.reminder"),
        eq(notifications.url, `/circles/${meetingCircle.get(meetingId)}/meetings/${meetingId}`),
      ),
    )
    .all();
}
const meetingCircle = new Map<number, number>();

function countBy(ids: number[]) {
  const counts = new Map<number, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return Object.fromEntries(counts);
}

describe("reminders", () => {
  it("go 48 and 2 hours before, once per person, to yes and maybe only, across a restart", async () => {
    const { id: circleId, coach, members } = await makeDiscussionCircle({ members: 4 });
    const [yes, maybe, no, silent] = members;
    const t0 = new Date("2027-03-01T09:00:00Z");
    const startsAt = new Date("2027-03-10T18:00:00Z");
    const { meetingId } = createMeeting(circleId, coach.id, input(startsAt), t0);
    meetingCircle.set(meetingId, circleId);
    respondToMeeting(meetingId, yes!.id, "yes", t0);
    respondToMeeting(meetingId, maybe!.id, "maybe", t0);
    respondToMeeting(meetingId, no!.id, "no", t0);
    void silent;

    // Nothing is due a day before the first reminder.
    expect(runScheduledJobs(new Date(startsAt.getTime() - 72 * HOUR))).toEqual([]);

    // The 48-hour reminder, run by a fresh process, as a restarted server would.
    const at48 = startsAt.getTime() - 48 * HOUR + 60_000;
    const told = JSON.parse(
      await runInChild("tests/integration/fixtures/run-jobs.ts", [String(at48)]),
    );
    expect(told.sort()).toEqual([yes!.id, maybe!.id].sort());
    // The server "restarts": a new connection, and the same tick runs again.
    closeDb();
    expect(runScheduledJobs(new Date(at48))).toEqual([]);
    expect(runScheduledJobs(new Date(at48 + 30 * 60_000))).toEqual([]);

    // The 2-hour reminder, then ticks until after the meeting send nothing more.
    const at2 = startsAt.getTime() - 2 * HOUR;
    expect(runScheduledJobs(new Date(at2)).sort()).toEqual([yes!.id, maybe!.id].sort());
    for (let t = at2; t < startsAt.getTime() + 2 * HOUR; t += 10 * 60_000) {
      runScheduledJobs(new Date(t));
    }
    expect(countBy(reminders(meetingId).map((r) => r.userId))).toEqual({
      [yes!.id]: 2,
      [maybe!.id]: 2,
    });
    // The reminder says when, in the recipient's time zone.
    expect(reminders(meetingId)[0]!.data.when).toMatch(/19:00/);
  });

  it("after a worker outage past both due times, go once, not twice alike", async () => {
    const { id: circleId, coach, members } = await makeDiscussionCircle({ members: 2 });
    const [a, b] = members;
    const t0 = new Date("2027-04-01T09:00:00Z");
    runScheduledJobs(t0); // what earlier tests left due
    const startsAt = new Date("2027-04-12T17:00:00Z");
    const { meetingId } = createMeeting(circleId, coach.id, input(startsAt), t0);
    meetingCircle.set(meetingId, circleId);
    respondToMeeting(meetingId, a!.id, "yes", t0);
    respondToMeeting(meetingId, b!.id, "maybe", t0);
    // The first tick after the outage is an hour before the start: both jobs are due.
    expect(pendingJobs(["meeting.reminder_48h", "meeting.reminder_2h"], meetingId)).toHaveLength(2);
    runScheduledJobs(new Date(startsAt.getTime() - HOUR));
    expect(countBy(reminders(meetingId).map((r) => r.userId))).toEqual({ [a!.id]: 1, [b!.id]: 1 });
    expect(pendingJobs(["meeting.reminder_48h", "meeting.reminder_2h"], meetingId)).toEqual([]);
  });

  it("reach the inbox in the recipient's language and respect e-mail preferences", async () => {
    const { id: circleId, coach, members } = await makeDiscussionCircle({ members: 2 });
    const [english, quiet] = members;
    getDb().update(users).set({ locale: "en" }).where(eq(users.id, english!.id)).run();
    const prefs = getPreferences(quiet!.id);
    savePreferences(quiet!.id, {
      ...prefs,
      channels: { ...prefs.channels, meetings: "never" },
    });
    const t0 = new Date("2027-05-01T09:00:00Z");
    runScheduledJobs(t0); // what earlier tests left due
    const startsAt = new Date("2027-05-20T17:00:00Z");
    const { meetingId } = createMeeting(circleId, coach.id, input(startsAt), t0);
    respondToMeeting(meetingId, english!.id, "yes", t0);
    respondToMeeting(meetingId, quiet!.id, "yes", t0);
    runScheduledJobs(new Date(startsAt.getTime() - 47 * HOUR));
    const mails = getDb()
      .select({ to: emailOutbox.toAddress, subject: emailOutbox.subject })
      .from(emailOutbox)
      .all()
      .filter(
        (m) =>
          [english!.email, quiet!.email].includes(m.to) && !/New meeting|Nieuwe/.test(m.subject),
      );
    expect(mails).toEqual([{ to: english!.email, subject: expect.stringMatching(/Don't forget/) }]);
    const inApp = getDb()
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(eq(notifications.type, "meeting.reminder"))
      .all()
      .map((n) => n.userId);
    expect(inApp).toEqual(expect.arrayContaining([english!.id, quiet!.id]));
  });

  it("follow a moved meeting and stop for a cancelled one", async () => {
    const { id: circleId, coach, members } = await makeDiscussionCircle({ members: 2 });
    const [a, b] = members;
    const t0 = new Date("2027-06-01T09:00:00Z");
    runScheduledJobs(t0); // what earlier tests left due
    const first = new Date("2027-06-10T17:00:00Z");
    const { meetingId } = createMeeting(circleId, coach.id, input(first), t0);
    meetingCircle.set(meetingId, circleId);
    respondToMeeting(meetingId, a!.id, "yes", t0);
    respondToMeeting(meetingId, b!.id, "maybe", t0);

    // The 48-hour reminder for the first date goes out, then the coach moves it a week on.
    const at48 = new Date(first.getTime() - 48 * HOUR);
    expect(runScheduledJobs(at48).sort()).toEqual([a!.id, b!.id].sort());
    const moved = new Date("2027-06-17T17:00:00Z");
    const changed = updateMeeting(meetingId, coach.id, input(moved), "Een week later.", at48);
    expect(changed).toMatchObject({ ok: true, moved: true });

    // The old date's 2-hour reminder never fires; the new date gets both.
    expect(runScheduledJobs(new Date(first.getTime() - 2 * HOUR))).toEqual([]);
    expect(runScheduledJobs(new Date(moved.getTime() - 48 * HOUR)).sort()).toEqual(
      [a!.id, b!.id].sort(),
    );
    closeDb();
    expect(runScheduledJobs(new Date(moved.getTime() - 2 * HOUR)).sort()).toEqual(
      [a!.id, b!.id].sort(),
    );
    expect(countBy(reminders(meetingId).map((r) => r.userId))).toEqual({ [a!.id]: 3, [b!.id]: 3 });

    // A second meeting, cancelled before its reminders: none of them is sent.
    const later = new Date("2027-07-01T17:00:00Z");
    const second = createMeeting(circleId, coach.id, input(later), t0);
    meetingCircle.set(second.meetingId, circleId);
    respondToMeeting(second.meetingId, a!.id, "yes", t0);
    expect(cancelMeeting(second.meetingId, coach.id, "De coach is ziek.", t0)).toMatchObject({
      ok: true,
    });
    for (let t = later.getTime() - 72 * HOUR; t < later.getTime() + 6 * HOUR; t += HOUR) {
      runScheduledJobs(new Date(t));
    }
    expect(reminders(second.meetingId)).toEqual([]);
  });

  it("follow a seat handed on when a member leaves: the one who moved up is reminded, the leaver not", async () => {
    const { id: circleId, coach, members } = await makeDiscussionCircle({ members: 3 });
    const [leaver, waiting, next] = members;
    const t0 = new Date("2027-09-01T09:00:00Z");
    const startsAt = new Date("2027-09-20T17:00:00Z");
    const { meetingId } = createMeeting(circleId, coach.id, input(startsAt, { capacity: 1 }), t0);
    meetingCircle.set(meetingId, circleId);
    respondToMeeting(meetingId, leaver!.id, "yes", t0);
    respondToMeeting(meetingId, waiting!.id, "yes", t0);
    respondToMeeting(meetingId, next!.id, "yes", t0);
    const left = leaveCircle(leaver!.id, circleId, new Date("2027-09-10T09:00:00Z"));
    expect(left).toMatchObject({ ok: true, notified: [waiting!.id], meetingIds: [meetingId] });
    for (let t = startsAt.getTime() - 72 * HOUR; t < startsAt.getTime() + 4 * HOUR; t += HOUR) {
      runScheduledJobs(new Date(t));
    }
    expect(countBy(reminders(meetingId).map((r) => r.userId))).toEqual({ [waiting!.id]: 2 });
    const going = getDb()
      .select({ userId: meetingRsvps.userId })
      .from(meetingRsvps)
      .where(and(eq(meetingRsvps.meetingId, meetingId), eq(meetingRsvps.state, "going")))
      .all();
    expect(going).toEqual([{ userId: waiting!.id }]);
  });
});

/** A process answering yes to meetings (fixtures/rsvp.ts), once it is ready and told to start. */
function rsvpProcess(userId: number, meetingIds: number[]) {
  const child = spawn(process.execPath, [
    "--import",
    "tsx",
    "tests/integration/fixtures/rsvp.ts",
    String(userId),
    meetingIds.join(","),
  ]);
  let out = "";
  let markReady: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on("data", (d) => {
    out += d;
    if (out.startsWith("ready\n")) markReady();
  });
  child.stderr.on("data", (d) => (out += d));
  const done = new Promise<Array<{ state: string; tookMs: number }>>((resolve, reject) =>
    child.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out.slice("ready\n".length))) : reject(new Error(out)),
    ),
  );
  return {
    ready,
    done,
    start: (startAt: number, gap: number) =>
      child.stdin.end(`${JSON.stringify({ startAt, gap })}\n`),
  };
}

function goingIn(meetingId: number) {
  return getDb()
    .select({ userId: meetingRsvps.userId })
    .from(meetingRsvps)
    .where(and(eq(meetingRsvps.meetingId, meetingId), eq(meetingRsvps.state, "going")))
    .all();
}

describe("capacity", () => {
  it("never exceeds it when several processes answer yes for the last seats at once, round after round", async () => {
    const { id: circleId, coach, members } = await makeDiscussionCircle({ members: 7 });
    const t0 = new Date();
    // Four rounds, each a meeting with fewer seats than the seven people racing for them.
    const capacities = [1, 2, 3, 5];
    const meetingIds = capacities.map(
      (capacity, i) =>
        createMeeting(
          circleId,
          coach.id,
          input(new Date(t0.getTime() + (14 + i) * 24 * HOUR), { capacity }),
          t0,
        ).meetingId,
    );
    const racers = members.map((m) => rsvpProcess(m.id, meetingIds));
    // Every process has its connection open and has read the meetings before the first round.
    await Promise.all(racers.map((r) => r.ready));
    const startAt = Date.now() + 300;
    for (const r of racers) r.start(startAt, 400);
    const results = await Promise.all(racers.map((r) => r.done));
    capacities.forEach((capacity, round) => {
      const states = results.map((rounds) => rounds[round]!.state);
      expect(states.filter((s) => s === "going")).toHaveLength(capacity);
      expect(states.filter((s) => s === "waitlisted")).toHaveLength(members.length - capacity);
      expect(goingIn(meetingIds[round]!)).toHaveLength(capacity);
    });
  }, 90_000);

  it("a second writer waits for the first one's BEGIN IMMEDIATE and then sees its seat taken", async () => {
    const { id: circleId, coach, members } = await makeDiscussionCircle({ members: 2 });
    const [first, second] = members;
    const t0 = new Date();
    const { meetingId } = createMeeting(
      circleId,
      coach.id,
      input(new Date(t0.getTime() + 14 * 24 * HOUR), { capacity: 1 }),
      t0,
    );
    const other = rsvpProcess(second!.id, [meetingId]);
    await other.ready;
    // A second connection holds the write lock and takes the last seat, not yet committed.
    const holder = openDatabase(getEnv().DATABASE_PATH);
    try {
      holder.$client.exec("BEGIN IMMEDIATE");
      holder
        .insert(meetingRsvps)
        .values({ meetingId, userId: first!.id, state: "going", updatedAt: new Date() })
        .run();
      other.start(Date.now(), 0);
      await new Promise((resolve) => setTimeout(resolve, 700));
      holder.$client.exec("COMMIT");
    } finally {
      holder.$client.close();
    }
    const [answer] = await other.done;
    // It waited for the lock (and did not read the seats before it had it): the seat was gone.
    expect(answer!.tookMs).toBeGreaterThan(400);
    expect(answer!.state).toBe("waitlisted");
    expect(goingIn(meetingId)).toEqual([{ userId: first!.id }]);
  }, 60_000);
});
