import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { notifications, postRevisions, posts } from "../../db/schema";
import {
  createPost,
  createThread,
  currentSeq,
  deletePost,
  editPost,
  eventsSince,
  listThreads,
  loadThread,
  recordVisit,
  toggleReaction,
} from "~/models/discussions.server";
import { savePreferences } from "~/models/notifications.server";
import { defaultChannels } from "~/domain/notifications";
import { getDb } from "~/utils/db.server";
import { makeDiscussionCircle, makeUser } from "./helpers";

const ok = <T extends { ok: boolean }>(result: T) => {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
};

function notificationsOf(userId: number) {
  return getDb()
    .select({ type: notifications.type, url: notifications.url })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .all();
}

function searchRows(circleId: number, match: string) {
  return getDb().all<{ rowid: number }>(
    sql`select rowid from post_search where circle_id = ${circleId} and post_search match ${match}`,
  );
}

describe("threads and posts", () => {
  it("starts a thread, replies in one level, and counts replies and the last poster", async () => {
    const { id: circleId, members } = await makeDiscussionCircle({ members: 3 });
    const [a, b, c] = members;
    const thread = ok(
      createThread({
        circleId,
        authorId: a!.id,
        title: "Personeel vinden",
        source: "Hoe doen jullie dat?",
        key: null,
      }),
    );
    const first = ok(
      createPost({
        circleId,
        threadId: thread.threadId,
        authorId: b!.id,
        source: "Via de school.",
        parentId: thread.postId,
        key: null,
      }),
    );
    // An answer to a reply hangs under the same top post.
    const nested = ok(
      createPost({
        circleId,
        threadId: thread.threadId,
        authorId: c!.id,
        source: "Wij ook.",
        parentId: first.postId,
        key: null,
      }),
    );
    const page = loadThread(circleId, thread.threadId, { id: a!.id, isCoach: false })!;
    expect(page.posts.map((p) => p.parentId)).toEqual([null, thread.postId, thread.postId]);
    expect(page.posts.find((p) => p.id === nested.postId)?.parentId).toBe(thread.postId);
    const [listed] = listThreads(circleId, a!.id, null);
    expect(listed).toMatchObject({
      title: "Personeel vinden",
      replyCount: 2,
      lastPoster: expect.stringContaining("Lid 3"),
    });
    // A (the opener) opened the page above, so nothing is unread for them now.
    expect(listed!.unread).toBe(0);
    expect(listThreads(circleId, b!.id, null)[0]!.unread).toBe(1);
  });

  it("tells the thread's people once each, by the strongest reason", async () => {
    const { id: circleId, members, coach } = await makeDiscussionCircle({ members: 3 });
    const [a, b, c] = members;
    const names = new Map<number, string>();
    for (const m of members)
      names.set(
        m.id,
        getDb().get<{ name: string }>(sql`select name from user where id = ${m.id}`)!.name,
      );
    const thread = ok(
      createThread({ circleId, authorId: a!.id, title: "Prijzen", source: "Start", key: null }),
    );
    // Everyone but the author hears of a new thread.
    expect(notificationsOf(b!.id).map((n) => n.type)).toEqual(["thread.created"]);
    expect(notificationsOf(coach.id).map((n) => n.type)).toEqual(["thread.created"]);
    expect(notificationsOf(a!.id)).toEqual([]);
    const outsider = await makeUser({ name: "Buiten Staander" });
    ok(
      createPost({
        circleId,
        threadId: thread.threadId,
        authorId: b!.id,
        source: `Eens, @[${names.get(a!.id)}] en @[${names.get(c!.id)}]. @[Buiten Staander] niet.`,
        parentId: thread.postId,
        key: null,
      }),
    );
    // A is mentioned and replied to: one notification, the mention. C: mentioned.
    expect(notificationsOf(a!.id).map((n) => n.type)).toEqual(["post.mention"]);
    expect(notificationsOf(c!.id).map((n) => n.type)).toEqual(["thread.created", "post.mention"]);
    expect(notificationsOf(outsider.id)).toEqual([]);
    const html = loadThread(circleId, thread.threadId, null)!.posts[1]!.html!;
    expect(html).toContain(`class="mention" data-user-id="${a!.id}"`);
    expect(html).toContain("@[Buiten Staander]");
  });

  it("notifies quoted authors and, only when they chose it, followers of the circle", async () => {
    const { id: circleId, members } = await makeDiscussionCircle({ members: 3 });
    const [a, b, c] = members;
    const thread = ok(
      createThread({ circleId, authorId: a!.id, title: "Quote", source: "Mijn punt.", key: null }),
    );
    savePreferences(c!.id, { channels: { ...defaultChannels, posts: "digest" }, digestHour: 8 });
    ok(
      createPost({
        circleId,
        threadId: thread.threadId,
        authorId: b!.id,
        source: `> [A](#post-${thread.postId}):\n> Mijn punt.\n\nPrecies.`,
        parentId: null,
        key: null,
      }),
    );
    expect(notificationsOf(a!.id).map((n) => n.type)).toEqual(["post.quote"]);
    expect(notificationsOf(c!.id).map((n) => n.type)).toEqual(["thread.created", "post.created"]);
  });

  it("makes one post for one idempotency key, however often it is sent", async () => {
    const { id: circleId, members } = await makeDiscussionCircle({ members: 2 });
    const thread = ok(
      createThread({
        circleId,
        authorId: members[0]!.id,
        title: "T",
        source: "S",
        key: "k-thread",
      }),
    );
    const again = ok(
      createThread({
        circleId,
        authorId: members[0]!.id,
        title: "T",
        source: "S",
        key: "k-thread",
      }),
    );
    expect(again).toMatchObject({
      duplicate: true,
      threadId: thread.threadId,
      postId: thread.postId,
    });
    const reply = (key: string) =>
      createPost({
        circleId,
        threadId: thread.threadId,
        authorId: members[1]!.id,
        source: "R",
        parentId: null,
        key,
      });
    const one = ok(reply("k1"));
    const two = ok(reply("k1"));
    expect(two.postId).toBe(one.postId);
    expect(two.duplicate).toBe(true);
    expect(loadThread(circleId, thread.threadId, null)!.posts).toHaveLength(2);
  });

  it("refuses too many posts a minute, too many mentions and replies in a locked thread", async () => {
    const { id: circleId, members } = await makeDiscussionCircle({ members: 2 });
    const author = members[0]!.id;
    const now = new Date();
    const thread = ok(
      createThread({ circleId, authorId: author, title: "T", source: "S", key: null, now }),
    );
    for (let i = 0; i < 5; i += 1)
      ok(
        createPost({
          circleId,
          threadId: thread.threadId,
          authorId: author,
          source: `${i}`,
          parentId: null,
          key: null,
          now,
        }),
      );
    const refused = createPost({
      circleId,
      threadId: thread.threadId,
      authorId: author,
      source: "te snel",
      parentId: null,
      key: null,
      now,
    });
    expect(refused).toMatchObject({ ok: false, reason: "too_fast" });
    expect(
      refused.ok === false && "retryAfterSeconds" in refused && refused.retryAfterSeconds,
    ).toBeGreaterThan(0);
    expect(loadThread(circleId, thread.threadId, null)!.posts).toHaveLength(6);

    const people = Array.from({ length: 11 }, (_, i) => `@[Naam ${i}]`).join(" ");
    const { id: bigCircle, members: many } = await makeDiscussionCircle({ members: 12 });
    const manyNames = many.map(
      (m) => getDb().get<{ name: string }>(sql`select name from user where id = ${m.id}`)!.name,
    );
    const mentionAll = manyNames
      .slice(1)
      .map((n) => `@[${n}]`)
      .join(" ");
    expect(
      createThread({
        circleId: bigCircle,
        authorId: many[0]!.id,
        title: "T",
        source: mentionAll,
        key: null,
      }),
    ).toEqual({
      ok: false,
      reason: "too_many_mentions",
    });
    // Names of people outside the circle are plain text and do not count.
    ok(
      createThread({
        circleId: bigCircle,
        authorId: many[0]!.id,
        title: "T",
        source: people,
        key: null,
      }),
    );

    getDb().run(sql`update thread set locked_at = 1 where id = ${thread.threadId}`);
    expect(
      createPost({
        circleId,
        threadId: thread.threadId,
        authorId: members[1]!.id,
        source: "x",
        parentId: null,
        key: null,
      }),
    ).toEqual({ ok: false, reason: "locked" });
  });

  it("keeps earlier versions on edit, and leaves a placeholder without words on delete", async () => {
    const { id: circleId, members } = await makeDiscussionCircle({ members: 2 });
    const [a, b] = members;
    const thread = ok(
      createThread({ circleId, authorId: a!.id, title: "T", source: "Eerste versie", key: null }),
    );
    const reply = ok(
      createPost({
        circleId,
        threadId: thread.threadId,
        authorId: b!.id,
        source: "Reactie",
        parentId: thread.postId,
        key: null,
      }),
    );
    expect(editPost({ circleId, postId: thread.postId, userId: b!.id, source: "hack" })).toEqual({
      ok: false,
      reason: "not_allowed",
    });
    ok(editPost({ circleId, postId: thread.postId, userId: a!.id, source: "Tweede versie" }));
    const revisions = getDb()
      .select()
      .from(postRevisions)
      .where(eq(postRevisions.postId, thread.postId))
      .all();
    expect(revisions.map((r) => r.source)).toEqual(["Eerste versie"]);
    let page = loadThread(circleId, thread.threadId, null)!;
    expect(page.posts[0]).toMatchObject({ edited: true, state: "visible" });
    expect(page.posts[0]!.html).toContain("Tweede versie");
    expect(searchRows(circleId, "tweede")).toHaveLength(1);
    expect(searchRows(circleId, "eerste")).toHaveLength(0);

    ok(deletePost({ circleId, postId: thread.postId, userId: a!.id }));
    page = loadThread(circleId, thread.threadId, null)!;
    expect(page.posts[0]).toMatchObject({ state: "deleted", html: null, edited: false });
    expect(page.posts[1]).toMatchObject({
      id: reply.postId,
      parentId: thread.postId,
      state: "visible",
    });
    const stored = getDb().select().from(posts).where(eq(posts.id, thread.postId)).get()!;
    expect(stored.source).toBe("");
    expect(
      getDb().select().from(postRevisions).where(eq(postRevisions.postId, thread.postId)).all(),
    ).toEqual([]);
    expect(searchRows(circleId, "tweede")).toHaveLength(0);
  });

  it("toggles reactions and counts them per post", async () => {
    const { id: circleId, members } = await makeDiscussionCircle({ members: 2 });
    const [a, b] = members;
    const thread = ok(
      createThread({ circleId, authorId: a!.id, title: "T", source: "S", key: null }),
    );
    ok(toggleReaction({ circleId, postId: thread.postId, userId: a!.id, reaction: "idea" }));
    ok(toggleReaction({ circleId, postId: thread.postId, userId: b!.id, reaction: "idea" }));
    ok(toggleReaction({ circleId, postId: thread.postId, userId: b!.id, reaction: "thanks" }));
    ok(toggleReaction({ circleId, postId: thread.postId, userId: b!.id, reaction: "thanks" }));
    const post = loadThread(circleId, thread.threadId, { id: b!.id, isCoach: false })!.posts[0]!;
    expect(post.reactions).toEqual({ idea: 2 });
    expect(post.mine).toEqual(["idea"]);
  });
});

describe("the live log", () => {
  it("numbers every change in a circle and replays what a page missed with current state", async () => {
    const { id: circleId, members } = await makeDiscussionCircle({ members: 2 });
    const [a, b] = members;
    const start = currentSeq(circleId);
    const thread = ok(
      createThread({ circleId, authorId: a!.id, title: "T", source: "Een", key: null }),
    );
    const reply = ok(
      createPost({
        circleId,
        threadId: thread.threadId,
        authorId: b!.id,
        source: "Twee",
        parentId: null,
        key: null,
      }),
    );
    ok(editPost({ circleId, postId: reply.postId, userId: b!.id, source: "Twee, bewerkt" }));
    expect(currentSeq(circleId)).toBe(start + 3);
    const missed = eventsSince(circleId, start + 1)!;
    expect(missed.map((e) => [e.seq, e.kind])).toEqual([
      [start + 2, "post.created"],
      [start + 3, "post.edited"],
    ]);
    // Both carry the post as it is now, so replaying the older one cannot undo the edit.
    expect(missed[0]!.post!.html).toContain("Twee, bewerkt");
    expect(missed[0]!.thread).toMatchObject({ id: thread.threadId, replyCount: 1 });
    expect(eventsSince(circleId, currentSeq(circleId))).toEqual([]);
  });

  it("says when the log no longer reaches back (the page reloads instead)", async () => {
    const { id: circleId, members } = await makeDiscussionCircle({ members: 1 });
    const thread = ok(
      createThread({ circleId, authorId: members[0]!.id, title: "T", source: "S", key: null }),
    );
    ok(
      toggleReaction({
        circleId,
        postId: thread.postId,
        userId: members[0]!.id,
        reaction: "heart",
      }),
    );
    getDb().run(sql`delete from circle_event where circle_id = ${circleId} and seq = 1`);
    expect(eventsSince(circleId, 0)).toBeNull();
    expect(eventsSince(circleId, 1)).toHaveLength(1);
  });
});

describe("visits", () => {
  it("marks threads new since the visit before this one, for the whole visit", async () => {
    const { id: circleId, members } = await makeDiscussionCircle({ members: 2 });
    const [a, b] = members;
    const t0 = new Date("2026-12-01T08:00:00Z");
    expect(recordVisit(b!.id, circleId, t0)).toBeNull();
    ok(
      createThread({
        circleId,
        authorId: a!.id,
        title: "Nieuw",
        source: "S",
        key: null,
        now: new Date("2026-12-01T09:00:00Z"),
      }),
    );
    const since = recordVisit(b!.id, circleId, new Date("2026-12-01T10:00:00Z"));
    expect(since).toEqual(t0);
    expect(listThreads(circleId, b!.id, since)[0]!.newSinceVisit).toBe(true);
    // A reload ten minutes later is the same visit: the marker stays.
    expect(recordVisit(b!.id, circleId, new Date("2026-12-01T10:10:00Z"))).toEqual(t0);
  });
});
