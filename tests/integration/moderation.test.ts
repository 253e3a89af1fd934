import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditEvents, notifications, postFlags, posts } from "../../db/schema";
import {
  createPost,
  createThread,
  discussionEvents,
  listThreads,
  loadThread,
} from "~/models/discussions.server";
import { searchCircle } from "~/models/discussion-search.server";
import {
  dismissFlags,
  flagPost,
  hidePost,
  listHiddenPosts,
  listOpenFlags,
  moderationLog,
  movePost,
  restorePost,
  setLocked,
  setPinned,
  type FlaggedPost,
} from "~/models/moderation.server";
import type { Role } from "~/domain/states";
import { loader as searchLoader } from "~/routes/circles.$circleId.threads.search";
import {
  action as queueAction,
  loader as queueLoader,
} from "~/routes/circles.$circleId.moderation";
import { loader as logLoader } from "~/routes/programmes.$programmeId.moderation";
import { getDb } from "~/utils/db.server";
import { handleModerationIntent } from "~/utils/moderation-intents.server";
import {
  load,
  makeContext,
  makeDiscussionCircle,
  makeUser,
  recordingPublisher,
  sessionCookieFor,
  settle,
  submit,
} from "./helpers";

const ok = <T extends { ok: boolean }>(result: T) => {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
};

/** A circle with a thread: an opening post by member A and a reply by member B. */
async function conversation() {
  const circle = await makeDiscussionCircle({ members: 3 });
  const [a, b, c] = circle.members;
  const thread = ok(
    createThread({
      circleId: circle.id,
      authorId: a!.id,
      title: "Geheime overname",
      source: "We praten met een koper over de zaak.",
      key: null,
    }),
  );
  const reply = ok(
    createPost({
      circleId: circle.id,
      threadId: thread.threadId,
      authorId: b!.id,
      source: "Die koper is een oplichter, zijn naam is Pietersma.",
      parentId: thread.postId,
      key: null,
    }),
  );
  return {
    ...circle,
    a: a!,
    b: b!,
    c: c!,
    threadId: thread.threadId,
    opening: thread.postId,
    reply: reply.postId,
  };
}

function auditOf(circleId: number) {
  return getDb()
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.subjectId, circleId))
    .all()
    .filter((r) => r.subjectType === "circle" && r.action !== "circle.created");
}

const memberView = (circleId: number, threadId: number, userId: number) =>
  loadThread(circleId, threadId, { id: userId, isCoach: false })!;

describe("flags", () => {
  it("lets a member report a post once, tells the coaches, and fills the queue", async () => {
    const { id: circleId, coach, b, c, reply } = await conversation();
    const flagged = ok(
      flagPost({ circleId, postId: reply, reporterId: c.id, reason: "Noemt iemand bij naam" }),
    );
    expect(flagged.notified).toEqual([coach.id]);
    expect(flagged.events).toEqual([]);
    const sent = getDb()
      .select()
      .from(notifications)
      .where(eq(notifications.userId, coach.id))
      .all()
      .filter((n) => n.type === "post.flagged");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe(`/circles/${circleId}/moderation`);
    expect(JSON.stringify(sent[0]!.data)).not.toContain("Pietersma");
    expect(flagPost({ circleId, postId: reply, reporterId: c.id, reason: "Nog eens" })).toEqual({
      ok: false,
      reason: "already_flagged",
    });
    expect(flagPost({ circleId, postId: reply, reporterId: b.id, reason: "Eigen" })).toEqual({
      ok: false,
      reason: "own_post",
    });
    const queue = listOpenFlags(circleId);
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ postId: reply, state: "visible" });
    expect(queue[0]!.html).toContain("Pietersma");
    expect(queue[0]!.flags).toEqual([
      expect.objectContaining({
        reason: "Noemt iemand bij naam",
        reporter: expect.stringMatching(/^Lid 3/),
      }),
    ]);
  });

  it("refuses posts of another circle, and posts that are gone", async () => {
    const mine = await conversation();
    const other = await conversation();
    expect(
      flagPost({ circleId: mine.id, postId: other.reply, reporterId: mine.c.id, reason: "x" }),
    ).toEqual({ ok: false, reason: "not_found" });
    ok(hidePost({ circleId: mine.id, postId: mine.reply, coachId: mine.coach.id, reason: "weg" }));
    expect(
      flagPost({ circleId: mine.id, postId: mine.reply, reporterId: mine.c.id, reason: "x" }),
    ).toEqual({ ok: false, reason: "not_found" });
  });

  it("empties the queue when the coach dismisses, and a new report reopens it", async () => {
    const { id: circleId, coach, a, c, reply } = await conversation();
    ok(flagPost({ circleId, postId: reply, reporterId: c.id, reason: "Te fel" }));
    ok(flagPost({ circleId, postId: reply, reporterId: a.id, reason: "Vind ik ook" }));
    expect(listOpenFlags(circleId)[0]!.flags).toHaveLength(2);
    ok(dismissFlags({ circleId, postId: reply, coachId: coach.id }));
    expect(listOpenFlags(circleId)).toEqual([]);
    const resolutions = getDb()
      .select({ resolution: postFlags.resolution, by: postFlags.resolvedById })
      .from(postFlags)
      .where(eq(postFlags.postId, reply))
      .all();
    expect(resolutions).toEqual([
      { resolution: "dismissed", by: coach.id },
      { resolution: "dismissed", by: coach.id },
    ]);
    expect(dismissFlags({ circleId, postId: reply, coachId: coach.id })).toEqual({
      ok: false,
      reason: "not_found",
    });
    ok(flagPost({ circleId, postId: reply, reporterId: c.id, reason: "Weer" }));
    expect(listOpenFlags(circleId)[0]!.flags.map((f) => f.reason)).toEqual(["Weer"]);
  });
});

describe("hiding and restoring", () => {
  it("hides a reply from members, the list's count and the search; restore brings it back", async () => {
    const { id: circleId, coach, a, c, threadId, reply } = await conversation();
    ok(flagPost({ circleId, postId: reply, reporterId: c.id, reason: "Naam genoemd" }));
    expect(listThreads(circleId, a.id, null)[0]!.replyCount).toBe(1);
    expect(searchCircle(circleId, "pietersma")).toHaveLength(1);

    const hidden = ok(
      hidePost({ circleId, postId: reply, coachId: coach.id, reason: "Persoonsgegevens" }),
    );
    expect(discussionEvents(hidden.events)).toEqual([
      expect.objectContaining({
        kind: "post.hidden",
        post: expect.objectContaining({ id: reply, state: "hidden", html: null }),
        thread: expect.objectContaining({ replyCount: 0 }),
      }),
    ]);
    const seen = memberView(circleId, threadId, a.id).posts.find((p) => p.id === reply)!;
    expect(seen).toMatchObject({ state: "hidden", html: null, hiddenReason: "Persoonsgegevens" });
    // The coach still reads it, to decide on restoring.
    const coachSees = loadThread(circleId, threadId, { id: coach.id, isCoach: true })!;
    expect(coachSees.posts.find((p) => p.id === reply)!.html).toContain("Pietersma");
    expect(listThreads(circleId, a.id, null)[0]!.replyCount).toBe(0);
    expect(searchCircle(circleId, "pietersma")).toEqual([]);
    expect(listOpenFlags(circleId)).toEqual([]);
    expect(
      getDb().select().from(postFlags).where(eq(postFlags.postId, reply)).get()!.resolution,
    ).toBe("hidden");
    expect(listHiddenPosts(circleId)).toEqual([
      expect.objectContaining({ postId: reply, hiddenReason: "Persoonsgegevens" }),
    ]);
    expect(hidePost({ circleId, postId: reply, coachId: coach.id, reason: "x" })).toEqual({
      ok: false,
      reason: "already_hidden",
    });

    const restored = ok(
      restorePost({ circleId, postId: reply, coachId: coach.id, reason: "Na overleg" }),
    );
    expect(restored.events.map((e) => e.kind)).toEqual(["post.restored"]);
    expect(memberView(circleId, threadId, a.id).posts.find((p) => p.id === reply)).toMatchObject({
      state: "visible",
      hiddenReason: null,
    });
    expect(listThreads(circleId, a.id, null)[0]!.replyCount).toBe(1);
    expect(searchCircle(circleId, "pietersma").flatMap((t) => t.hits.map((h) => h.postId))).toEqual(
      [reply],
    );
    expect(listHiddenPosts(circleId)).toEqual([]);
    expect(restorePost({ circleId, postId: reply, coachId: coach.id, reason: "x" })).toEqual({
      ok: false,
      reason: "not_hidden",
    });
  });

  it("keeps the reply count when the opening post is hidden", async () => {
    const { id: circleId, coach, a, opening } = await conversation();
    ok(hidePost({ circleId, postId: opening, coachId: coach.id, reason: "Vertrouwelijk" }));
    expect(listThreads(circleId, a.id, null)[0]!.replyCount).toBe(1);
    // Its title went with it from the search index.
    expect(searchCircle(circleId, "overname")).toEqual([]);
    ok(restorePost({ circleId, postId: opening, coachId: coach.id, reason: "Mag weer" }));
    expect(listThreads(circleId, a.id, null)[0]!.replyCount).toBe(1);
    expect(searchCircle(circleId, "overname")).toHaveLength(1);
  });
});

describe("locking and pinning", () => {
  it("locks a thread against replies and unlocks it", async () => {
    const { id: circleId, coach, c, threadId, opening } = await conversation();
    const locked = ok(setLocked({ circleId, threadId, coachId: coach.id, locked: true }));
    expect(discussionEvents(locked.events)[0]).toMatchObject({
      kind: "thread.locked",
      thread: { id: threadId, locked: true },
    });
    const reply = () =>
      createPost({
        circleId,
        threadId,
        authorId: c.id,
        source: "Mag ik nog?",
        parentId: opening,
        key: null,
      });
    expect(reply()).toEqual({ ok: false, reason: "locked" });
    // Locking again changes nothing and logs nothing.
    expect(ok(setLocked({ circleId, threadId, coachId: coach.id, locked: true })).events).toEqual(
      [],
    );
    ok(setLocked({ circleId, threadId, coachId: coach.id, locked: false }));
    ok(reply());
    expect(auditOf(circleId).map((r) => r.action)).toEqual(["thread.locked", "thread.unlocked"]);
  });

  it("pins a thread to the top of the list", async () => {
    const { id: circleId, coach, a, threadId } = await conversation();
    const later = ok(
      createThread({ circleId, authorId: a.id, title: "Later", source: "Nieuwer", key: null }),
    );
    expect(listThreads(circleId, a.id, null).map((t) => t.id)).toEqual([later.threadId, threadId]);
    ok(setPinned({ circleId, threadId, coachId: coach.id, pinned: true }));
    expect(listThreads(circleId, a.id, null).map((t) => [t.id, t.pinned])).toEqual([
      [threadId, true],
      [later.threadId, false],
    ]);
    ok(setPinned({ circleId, threadId, coachId: coach.id, pinned: false }));
    expect(listThreads(circleId, a.id, null)[0]!.id).toBe(later.threadId);
    const other = await conversation();
    expect(
      setPinned({ circleId, threadId: other.threadId, coachId: coach.id, pinned: true }),
    ).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("moving a post to a new thread", () => {
  it("takes the replies under it along and sets both threads' counters", async () => {
    const { id: circleId, coach, a, b, c, threadId, opening } = await conversation();
    const start = Date.now();
    const t = (minutes: number) => new Date(start + minutes * 60_000);
    const post = (authorId: number, source: string, parentId: number | null, now: Date) =>
      ok(createPost({ circleId, threadId, authorId, source, parentId, key: null, now })).postId;
    const side = post(c.id, "Even iets anders: wie kent een goede boekhouder?", null, t(1));
    const answer1 = post(a.id, "Ik ken er een in Zwolle.", side, t(2));
    const stay = post(b.id, "Terug naar de overname.", null, t(3));
    const answer2 = post(b.id, "Boekhouder Jansen is goed.", side, t(4));
    // A reads everything before the move.
    loadThread(circleId, threadId, { id: a.id, isCoach: false });

    const moved = ok(
      movePost({ circleId, postId: side, coachId: coach.id, title: "Boekhouder gezocht" }),
    );
    const page = memberView(circleId, moved.threadId, c.id);
    expect(page.thread).toMatchObject({ title: "Boekhouder gezocht", replyCount: 2 });
    expect(page.posts.map((p) => [p.id, p.parentId])).toEqual([
      [side, null],
      [answer1, side],
      [answer2, side],
    ]);
    expect(page.thread.lastPostAt).toBe(t(4).toISOString());
    const old = memberView(circleId, threadId, c.id);
    expect(old.posts.map((p) => p.id)).toEqual(expect.arrayContaining([opening, stay]));
    expect(old.posts.map((p) => p.id)).not.toContain(side);
    // Opening reply by B, plus "Terug naar de overname."
    expect(old.thread.replyCount).toBe(2);
    expect(old.thread.lastPostAt).toBe(t(3).toISOString());
    // A had read it all, so the new thread is not new to them.
    const aList = listThreads(circleId, a.id, null);
    expect(aList.find((x) => x.id === moved.threadId)).toMatchObject({
      neverRead: false,
      unread: 0,
    });
    // The search index knows where the posts are now, with the new title on the opening post.
    const found = searchCircle(circleId, "boekhouder");
    expect(found.map((g) => g.threadId)).toEqual([moved.threadId]);
    expect(found[0]!.titleHtml).toBe("<mark>Boekhouder</mark> gezocht");
    // Events for both threads: each moved post under the old thread, the new thread created.
    const events = discussionEvents(moved.events);
    expect(events.map((e) => [e.kind, e.thread?.id, e.post?.id, e.post?.threadId])).toEqual([
      ["post.moved", threadId, side, moved.threadId],
      ["post.moved", threadId, answer1, moved.threadId],
      ["post.moved", threadId, answer2, moved.threadId],
      ["thread.created", moved.threadId, side, moved.threadId],
    ]);
  });

  it("does not move a thread's opening post, nor a post of another circle", async () => {
    const { id: circleId, coach, opening } = await conversation();
    expect(movePost({ circleId, postId: opening, coachId: coach.id, title: "Nieuw" })).toEqual({
      ok: false,
      reason: "opening_post",
    });
    const other = await conversation();
    expect(movePost({ circleId, postId: other.reply, coachId: coach.id, title: "Nieuw" })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(getDb().select().from(posts).where(eq(posts.id, other.reply)).get()!.threadId).toBe(
      other.threadId,
    );
  });

  it("moves a reply to a post on its own, and a hidden one stays hidden", async () => {
    const { id: circleId, coach, a, threadId, opening, reply } = await conversation();
    ok(hidePost({ circleId, postId: reply, coachId: coach.id, reason: "Even weg" }));
    const moved = ok(movePost({ circleId, postId: reply, coachId: coach.id, title: "Apart" }));
    const page = memberView(circleId, moved.threadId, a.id);
    expect(page.posts).toEqual([
      expect.objectContaining({ id: reply, parentId: null, state: "hidden", html: null }),
    ]);
    expect(page.thread.replyCount).toBe(0);
    expect(memberView(circleId, threadId, a.id).posts.map((p) => p.id)).toEqual([opening]);
    expect(searchCircle(circleId, "pietersma")).toEqual([]);
  });
});

describe("the record", () => {
  it("audits every act with ids and reasons, never a post's words or a thread's title", async () => {
    const { id: circleId, coach, c, threadId, reply, programme } = await conversation();
    ok(flagPost({ circleId, postId: reply, reporterId: c.id, reason: "Naam genoemd" }));
    ok(hidePost({ circleId, postId: reply, coachId: coach.id, reason: "Persoonsgegevens" }));
    ok(restorePost({ circleId, postId: reply, coachId: coach.id, reason: "Na overleg" }));
    ok(setPinned({ circleId, threadId, coachId: coach.id, pinned: true }));
    ok(setLocked({ circleId, threadId, coachId: coach.id, locked: true }));
    ok(movePost({ circleId, postId: reply, coachId: coach.id, title: "Over de koper" }));
    const rows = auditOf(circleId);
    expect(rows.map((r) => [r.action, r.actorId])).toEqual([
      ["post.flagged", c.id],
      ["post.hidden", coach.id],
      ["post.restored", coach.id],
      ["thread.pinned", coach.id],
      ["thread.locked", coach.id],
      ["post.moved", coach.id],
    ]);
    expect(rows[1]!.details).toMatchObject({ postId: reply, threadId, reason: "Persoonsgegevens" });
    const all = JSON.stringify(rows);
    for (const word of ["Pietersma", "oplichter", "koper is", "Geheime overname", "Over de koper"])
      expect(all).not.toContain(word);

    // The organiser's log: who, what, when and where, without words or reasons.
    const log = moderationLog(programme.id);
    expect(log.map((e) => e.action)).toEqual([
      "post.moved",
      "thread.locked",
      "thread.pinned",
      "post.restored",
      "post.hidden",
      "post.flagged",
    ]);
    expect(log[0]).toMatchObject({
      circleId,
      actorName: "Anouk Coach",
      at: expect.stringMatching(/^\d{4}-/),
      postCount: 1,
    });
    expect(log.at(-1)!.actorName).toMatch(/^Lid 3/);
    const shown = JSON.stringify(log);
    for (const word of ["Pietersma", "Geheime", "Naam genoemd", "Persoonsgegevens", "Na overleg"])
      expect(shown).not.toContain(word);
    // Another programme's log does not show this circle.
    const other = await conversation();
    expect(moderationLog(other.programme.id)).toEqual([]);
  });
});

describe("the moderation intents (thread page and queue)", () => {
  async function run(
    who: { id: number; roles?: Role[] },
    circleId: number,
    threadId: number | null,
    fields: Record<string, string | number>,
  ) {
    const recorder = recordingPublisher();
    const formData = new FormData();
    for (const [k, v] of Object.entries(fields)) formData.append(k, String(v));
    const outcome = await settle(async () => {
      const result = await handleModerationIntent({
        request: new Request("http://localhost/"),
        circleId,
        threadId,
        user: { id: who.id, roles: who.roles ?? ["entrepreneur"] },
        formData,
        context: makeContext({ publisher: recorder.publisher }),
      });
      return result?.response ?? new Response("null", { status: 299 });
    });
    return { res: outcome, recorder };
  }
  const coachOf = (coach: { id: number }) => ({ id: coach.id, roles: ["coach"] as Role[] });

  it("lets only the coach hide, lock, pin and move", async () => {
    const { id: circleId, coach, a, b, threadId, reply } = await conversation();
    const attempts: Array<Record<string, string | number>> = [
      { intent: "hide", postId: reply, reason: "Weg ermee" },
      { intent: "restore", postId: reply, reason: "Terug" },
      { intent: "dismiss", postId: reply },
      { intent: "lock" },
      { intent: "pin" },
      { intent: "move", postId: reply, title: "Apart" },
    ];
    for (const fields of attempts) {
      const { res } = await run(a, circleId, threadId, fields);
      expect(res.status, String(fields.intent)).toBe(403);
    }
    expect(getDb().select().from(posts).where(eq(posts.id, reply)).get()!.hiddenAt).toBeNull();
    expect(auditOf(circleId)).toEqual([]);

    const hidden = await run(coachOf(coach), circleId, threadId, {
      intent: "hide",
      postId: reply,
      reason: "Persoonsgegevens",
    });
    expect(hidden.res.status).toBe(200);
    // Published after commit: the members' pages get the post without its words.
    expect(hidden.recorder.discussion).toEqual([
      expect.objectContaining({
        kind: "post.hidden",
        post: expect.objectContaining({ html: null }),
      }),
    ]);
    const locked = await run(coachOf(coach), circleId, threadId, { intent: "lock" });
    expect(locked.res.status).toBe(200);
    expect(
      createPost({
        circleId,
        threadId,
        authorId: b.id,
        source: "Nog iets",
        parentId: null,
        key: null,
      }),
    ).toEqual({ ok: false, reason: "locked" });
    const moved = await run(coachOf(coach), circleId, threadId, {
      intent: "move",
      postId: reply,
      title: "Over de koper",
    });
    expect(moved.res.status).toBe(302);
    const newThread = getDb().select().from(posts).where(eq(posts.id, reply)).get()!.threadId;
    expect(moved.res.headers.get("Location")).toBe(
      `/circles/${circleId}/threads/${newThread}#post-${reply}`,
    );
  });

  it("lets members flag, and nobody outside the circle", async () => {
    const { id: circleId, coach, c, threadId, reply } = await conversation();
    const stranger = await makeUser();
    const outside = await run(stranger, circleId, threadId, {
      intent: "flag",
      postId: reply,
      reason: "Nieuwsgierig",
    });
    expect(outside.res.status).toBe(403);
    const otherCoach = await conversation();
    expect(
      (
        await run(coachOf(otherCoach.coach), circleId, threadId, {
          intent: "flag",
          postId: reply,
          reason: "x",
        })
      ).res.status,
    ).toBe(403);
    expect(listOpenFlags(circleId)).toEqual([]);

    const empty = await run(c, circleId, threadId, { intent: "flag", postId: reply, reason: "  " });
    expect(empty.res.status).toBe(400);
    expect(((await empty.res.json()) as { error: Record<string, string[]> }).error.reason).toEqual([
      "validation.required",
    ]);
    const flagged = await run(c, circleId, threadId, {
      intent: "flag",
      postId: reply,
      reason: "Noemt een naam",
    });
    expect(flagged.res.status).toBe(200);
    expect(flagged.recorder.sent).toEqual([
      { userId: coach.id, event: { type: "notifications.changed" } },
    ]);
    const again = await run(c, circleId, threadId, { intent: "flag", postId: reply, reason: "x" });
    expect(again.res.status).toBe(400);
    expect(((await again.res.json()) as { error: Record<string, string[]> }).error[""]).toEqual([
      "moderation.error.already_flagged",
    ]);
  });

  it("keeps posts to the page's thread, and leaves other intents to the route", async () => {
    const { id: circleId, coach, threadId, reply } = await conversation();
    const other = await conversation();
    const elsewhere = ok(
      createThread({ circleId, authorId: coach.id, title: "Ander", source: "Tekst", key: null }),
    );
    const wrongThread = await run(coachOf(coach), circleId, elsewhere.threadId, {
      intent: "hide",
      postId: reply,
      reason: "x",
    });
    expect(wrongThread.res.status).toBe(400);
    const otherCircle = await run(coachOf(coach), circleId, null, {
      intent: "hide",
      postId: other.reply,
      reason: "x",
    });
    expect(otherCircle.res.status).toBe(400);
    expect(
      getDb().select().from(posts).where(eq(posts.id, other.reply)).get()!.hiddenAt,
    ).toBeNull();
    // Locking needs a thread page.
    expect((await run(coachOf(coach), circleId, null, { intent: "lock" })).res.status).toBe(400);
    expect((await run(coachOf(coach), circleId, threadId, { intent: "react" })).res.status).toBe(
      299,
    );
  });
});

describe("the pages", () => {
  it("search: a member finds posts, not hidden ones, and the snippet carries no markup", async () => {
    const { id: circleId, coach, a, b, threadId } = await conversation();
    const xss = ok(
      createPost({
        circleId,
        threadId,
        authorId: b.id,
        source: "Koper `<img src=x onerror=alert(1)>` gezien",
        parentId: null,
        key: null,
      }),
    );
    const search = async (q: string) => {
      const res = await load(
        searchLoader,
        `/circles/${circleId}/threads/search?q=${encodeURIComponent(q)}`,
        {
          cookie: await sessionCookieFor(a.id),
          params: { circleId: String(circleId) },
        },
      );
      expect(res.status).toBe(200);
      return (await res.json()) as {
        tooShort: boolean;
        results: Array<{ hits: Array<{ postId: number; snippetHtml: string }> }>;
      };
    };
    const before = await search("koper");
    expect(before.results[0]!.hits.map((h) => h.postId)).toHaveLength(3);
    const snippet = before.results[0]!.hits.find((h) => h.postId === xss.postId)!.snippetHtml;
    expect(snippet).not.toMatch(/<(?!\/?mark>)/);
    ok(hidePost({ circleId, postId: xss.postId, coachId: coach.id, reason: "Code" }));
    const after = await search("koper");
    expect(after.results[0]!.hits.map((h) => h.postId)).not.toContain(xss.postId);
    expect((await search("k")).tooShort).toBe(true);
  });

  it("queue: the coach sees reported posts with their words, reporter and reason", async () => {
    const { id: circleId, coach, c, reply } = await conversation();
    ok(flagPost({ circleId, postId: reply, reporterId: c.id, reason: "Noemt een naam" }));
    const res = await load(queueLoader, `/circles/${circleId}/moderation`, {
      cookie: await sessionCookieFor(coach.id),
      params: { circleId: String(circleId) },
    });
    const data = (await res.json()) as { flagged: FlaggedPost[] };
    expect(data.flagged[0]!.html).toContain("Pietersma");
    expect(data.flagged[0]!.flags[0]).toMatchObject({ reason: "Noemt een naam" });
    const hide = await submit(
      queueAction,
      `/circles/${circleId}/moderation`,
      { intent: "hide", postId: reply, reason: "Naam van een ander" },
      { cookie: await sessionCookieFor(coach.id), params: { circleId: String(circleId) } },
    );
    expect(hide.status).toBe(200);
    expect(listOpenFlags(circleId)).toEqual([]);
  });

  it("log: the organiser sees who did what and when, never the words", async () => {
    const { id: circleId, coach, c, reply, programme } = await conversation();
    ok(flagPost({ circleId, postId: reply, reporterId: c.id, reason: "Noemt een naam" }));
    ok(hidePost({ circleId, postId: reply, coachId: coach.id, reason: "Persoonsgegevens" }));
    const res = await load(logLoader, `/programmes/${programme.id}/moderation`, {
      cookie: await sessionCookieFor(programme.organiser.id),
      params: { programmeId: String(programme.id) },
    });
    expect(res.status).toBe(200);
    const body = await res.text();
    const data = JSON.parse(body) as { entries: Array<{ action: string; actorName: string }> };
    expect(data.entries.map((e) => [e.action, e.actorName])).toEqual([
      ["post.hidden", "Anouk Coach"],
      ["post.flagged", expect.stringMatching(/^Lid 3/)],
    ]);
    for (const word of ["Pietersma", "oplichter", "Geheime", "Noemt een naam", "Persoonsgegevens"])
      expect(body).not.toContain(word);
  });
});
