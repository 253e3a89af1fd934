import { describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { circles, emailOutbox, notifications, posts, threads, users } from "../../db/schema";
import { seed } from "../../db/seed";
import { LONG_THREAD } from "../../db/seed-threads";
import { listThreads } from "~/models/discussions.server";
import { getDb } from "~/utils/db.server";

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
