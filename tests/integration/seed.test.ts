import { describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import {
  actionItems,
  circles,
  emailOutbox,
  meetingPolls,
  meetingRatings,
  meetings,
  notifications,
  posts,
  scheduledJobs,
  threads,
  users,
} from "../../db/schema";
import { addDays, amsterdamToday, toAmsterdam } from "~/domain/meeting-time";
import { nextOctoberChange, seed } from "../../db/seed";
import { LONG_THREAD } from "../../db/seed-threads";
import { listThreads } from "~/models/discussions.server";
import { getDb } from "~/utils/db.server";
import { openPolls } from "~/models/polls.server";
import { pendingJobs } from "~/models/jobs.server";

// The demo seed into this file's fresh database: the conversations the demo and the thread
// benchmark (`npm run bench:thread`) rely on, and that a second run adds nothing.
describe("the demo seed's discussions", () => {
  it("writes the threads once, the benchmark's 200-post thread among them", async () => {
    await seed();
    const db = getDb();
    const long = db
      .select({ id: threads.id, circleId: threads.circleId, replyCount: threads.replyCount })
      .from(threads)
      .where(eq(threads.title, LONG_THREAD.title))
      .get()!;
    const postCount = () =>
      db
        .select({ n: sql<number>`count(*)` })
        .from(posts)
        .where(eq(posts.threadId, long.id))
        .get()!.n;
    expect(postCount()).toBe(200);
    expect(long.replyCount).toBe(199);
    const circle = db.select().from(circles).where(eq(circles.id, long.circleId)).get()!;
    expect(circle.name).toBe(LONG_THREAD.circle);

    // The seeded entrepreneur is a member there and sees the coach's pinned thread first.
    const lotte = db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, "ondernemer@kringwijs.test"))
      .get()!;
    const list = listThreads(long.circleId, lotte.id, null);
    expect(list[0]).toMatchObject({ pinned: true });
    expect(list.some((t) => t.unread > 0)).toBe(true);

    // Quotes, mentions and reactions made it through the model.
    const html = db
      .select({ html: posts.html })
      .from(posts)
      .all()
      .map((p) => p.html);
    expect(html.some((h) => /<blockquote>\s*<p><a href="#post-\d+">/.test(h))).toBe(true);
    expect(html.some((h) => h.includes('class="mention"'))).toBe(true);
    expect(db.get<{ n: number }>(sql`select count(*) as n from post_reaction`)!.n).toBeGreaterThan(
      50,
    );
    // The history is read and mailed long ago: no mail queued, nothing unread from it.
    expect(db.select().from(emailOutbox).all()).toEqual([]);
    expect(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, lotte.id), sql`${notifications.readAt} is null`))
        .all(),
    ).toEqual([]);

    const threadsBefore = db.select({ id: threads.id }).from(threads).all().length;
    await seed();
    expect(db.select({ id: threads.id }).from(threads).all().length).toBe(threadsBefore);
    expect(postCount()).toBe(200);
  });
});

// The meetings of the demo: what the circle home, the terugblik and the calendars show.
describe("the demo seed's meetings", () => {
  it("has past meetings with their follow-up, upcoming ones, and one across the October change", async () => {
    await seed();
    const db = getDb();
    const all = db.select().from(meetings).all();
    const now = Date.now();
    const past = all.filter((m) => m.endsAt.getTime() <= now);
    const upcoming = all.filter((m) => m.endsAt.getTime() > now);
    expect(past.length).toBeGreaterThanOrEqual(3);
    expect(upcoming.length).toBeGreaterThanOrEqual(3);
    for (const m of past) {
      expect(m.summary.length, m.title).toBeGreaterThan(50);
      expect(m.attendanceTakenAt, m.title).not.toBeNull();
    }
    const items = db.select().from(actionItems).all();
    expect(items.some((i) => i.status === "done" && (i.doneNote ?? "").length > 0)).toBe(true);
    expect(items.some((i) => i.status === "open")).toBe(true);
    expect(db.select().from(meetingRatings).all().length).toBeGreaterThan(0);
    // No reminder or question is waiting for a meeting that is already over.
    const pending = db
      .select()
      .from(scheduledJobs)
      .where(eq(scheduledJobs.status, "pending"))
      .all();
    for (const job of pending) expect(job.dueAt.getTime()).toBeGreaterThan(now - 60_000);

    // The two-day meeting starts in summer time and ends in winter time, at the times entered.
    // It is the next change with a week to go, whenever the seed runs (no fixed year).
    const sunday = nextOctoberChange(amsterdamToday(new Date(now)));
    expect(new Date(`${sunday}T12:00:00Z`).getUTCDay()).toBe(0);
    expect(sunday.slice(5, 7)).toBe("10");
    expect(Number(sunday.slice(8))).toBeGreaterThan(24);
    const twoDay = all.find((m) => m.title.startsWith("Tweedaagse"))!;
    expect(twoDay.startsAt.toISOString()).toBe(`${addDays(sunday, -1)}T14:00:00.000Z`);
    expect(twoDay.endsAt.toISOString()).toBe(`${sunday}T12:00:00.000Z`);
    expect(toAmsterdam(twoDay.endsAt)).toEqual({ date: sunday, time: "13:00" });
    expect(twoDay.startsAt.getTime()).toBeGreaterThan(now);
    expect(nextOctoberChange("2027-10-25")).toBe("2028-10-29");
    expect(nextOctoberChange("2026-12-07")).toBe("2027-10-31");

    // Open date polls, partly answered: the seeded entrepreneur still has one to answer, and
    // its reminder waits as a job.
    const polls = db.select().from(meetingPolls).all();
    expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(polls.every((p) => p.status === "open")).toBe(true);
    const lotte = db
      .select()
      .from(users)
      .where(eq(users.email, "ondernemer@kringwijs.test"))
      .get()!;
    const hers = polls.flatMap((p) => {
      const mine = openPolls(p.circleId, lotte.id).find((o) => o.id === p.id);
      return mine ? [mine] : [];
    });
    expect(hers.length).toBeGreaterThan(0);
    expect(hers.some((p) => !p.mine && p.answered > 0)).toBe(true);
    for (const p of polls) expect(pendingJobs(["poll.reminder"], p.id)).toHaveLength(1);

    // A second run adds nothing.
    await seed();
    expect(db.select().from(meetings).all()).toHaveLength(all.length);
    expect(db.select().from(meetingPolls).all()).toHaveLength(polls.length);
  });
});
