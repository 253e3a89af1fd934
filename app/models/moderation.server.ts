/**
 * The coach's moderation of a circle's discussions: flags from members, hiding and restoring
 * posts, locking and pinning threads, moving a post (with the replies under it) to a new thread,
 * and the organisers' log of it all.
 *
 * Like the discussions model, every write is one IMMEDIATE transaction: the change, the
 * thread's counters, the search index, the circle's live log (appendEvent), an audit event and
 * any notification land together or not at all. Writes return `{ ok: true, events, notified }`
 * for the route to publish after commit, or `{ ok: false, reason }`.
 *
 * Access (circle.discuss to flag, circle.moderate for the rest) is decided before these are
 * called; they check what only the data can tell. Audit details hold ids and the moderator's or
 * reporter's reason, never a post's words nor a thread's title: organisers read the log, and a
 * circle's conversation is confidential to its people.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import {
  auditEvents,
  circleCoaches,
  circles,
  postFlags,
  posts,
  threadReads,
  threads,
  users,
} from "../../db/schema";
import type { DiscussionEventKind } from "../domain/discussions";
import { getDb } from "../utils/db.server";
import { recordAudit } from "./audit.server";
import { activeCoach } from "./circles.server";
import { indexPost, unindexPost } from "./discussion-search.server";
import { appendEvent, isOpeningPost, type EventRef, type Tx } from "./discussions.server";
import { notify } from "./notifications.server";

export type { EventRef } from "./discussions.server";

function inTransaction<T>(fn: (tx: Tx) => T): T {
  return getDb().transaction(fn, { behavior: "immediate" });
}

export type ModerationRefusal = {
  ok: false;
  reason:
    | "not_found" // no such post or thread in this circle (or no longer)
    | "own_post" // flagging one's own post
    | "already_flagged" // this person's flag on this post is still open
    | "not_hidden" // restoring a post that is not hidden
    | "already_hidden"
    | "opening_post"; // moving a thread's opening post: that is the thread itself
};

export type ModerationResult =
  { ok: true; events: EventRef[]; notified: number[] } | ModerationRefusal;

/** The audit actions this module writes; the organisers' log shows exactly these. */
export const moderationActions = [
  "post.flagged",
  "post.flags_dismissed",
  "post.hidden",
  "post.restored",
  "post.moved",
  "thread.locked",
  "thread.unlocked",
  "thread.pinned",
  "thread.unpinned",
] as const;
export type ModerationAction = (typeof moderationActions)[number];

function audit(
  tx: Tx,
  input: {
    actorId: number;
    action: ModerationAction;
    circleId: number;
    details: Record<string, unknown>;
  },
) {
  recordAudit(
    {
      actorId: input.actorId,
      action: input.action,
      subjectType: "circle",
      subjectId: input.circleId,
      details: input.details,
    },
    tx,
  );
}

/** A post of this circle (and of this thread, when the caller names one). */
function findPost(tx: Pick<Tx, "select">, circleId: number, postId: number, threadId?: number) {
  return (
    tx
      .select()
      .from(posts)
      .where(
        and(
          eq(posts.id, postId),
          eq(posts.circleId, circleId),
          threadId === undefined ? undefined : eq(posts.threadId, threadId),
        ),
      )
      .get() ?? null
  );
}

function findThread(tx: Pick<Tx, "select">, circleId: number, threadId: number) {
  return (
    tx
      .select()
      .from(threads)
      .where(and(eq(threads.id, threadId), eq(threads.circleId, circleId)))
      .get() ?? null
  );
}

/**
 * Sets a thread's counters from its posts: replies members can see (not the opening post, not
 * hidden, not deleted) and the last of those as the latest activity. Used after a move, where
 * adding and subtracting would be easy to get wrong for two threads at once.
 */
function recount(tx: Tx, threadId: number) {
  const opening = tx
    .select({ id: posts.id, createdAt: posts.createdAt, authorId: posts.authorId })
    .from(posts)
    .where(eq(posts.threadId, threadId))
    .orderBy(asc(posts.id))
    .limit(1)
    .get();
  if (!opening) return;
  const visible = and(
    eq(posts.threadId, threadId),
    isNull(posts.hiddenAt),
    isNull(posts.deletedAt),
  );
  const replies = tx
    .select({ n: sql<number>`count(*)` })
    .from(posts)
    .where(and(visible, sql`${posts.id} <> ${opening.id}`))
    .get()!.n;
  const last =
    tx
      .select({ createdAt: posts.createdAt, authorId: posts.authorId })
      .from(posts)
      .where(visible)
      .orderBy(desc(posts.id))
      .limit(1)
      .get() ?? opening;
  tx.update(threads)
    .set({ replyCount: replies, lastPostAt: last.createdAt, lastPosterId: last.authorId })
    .where(eq(threads.id, threadId))
    .run();
}

/** A visible reply counts in the thread's replyCount; the opening post never does. */
function changeReplyCount(tx: Tx, post: { id: number; threadId: number }, by: 1 | -1) {
  if (isOpeningPost(tx, post)) return;
  tx.update(threads)
    .set({ replyCount: sql`max(${threads.replyCount} + ${by}, 0)` })
    .where(eq(threads.id, post.threadId))
    .run();
}

function circleCoachIds(tx: Pick<Tx, "select">, circleId: number): number[] {
  return tx
    .select({ id: circleCoaches.userId })
    .from(circleCoaches)
    .where(and(eq(circleCoaches.circleId, circleId), activeCoach))
    .all()
    .map((r) => r.id);
}

/** Closes the open flags on a post; returns their ids for the audit. */
function resolveFlags(
  tx: Tx,
  input: { postId: number; coachId: number; resolution: "hidden" | "dismissed"; now: Date },
): number[] {
  return tx
    .update(postFlags)
    .set({ resolvedAt: input.now, resolvedById: input.coachId, resolution: input.resolution })
    .where(and(eq(postFlags.postId, input.postId), isNull(postFlags.resolvedAt)))
    .returning({ id: postFlags.id })
    .all()
    .map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// Flags

/**
 * A member reports a post to the coach, with a reason. One flag per person per post: asking
 * again while it is open is refused; after the coach dealt with it, a new report reopens it
 * (the post may have been edited since). The circle's coaches hear of it at once.
 */
export function flagPost(input: {
  circleId: number;
  postId: number;
  reporterId: number;
  reason: string;
  threadId?: number;
  now?: Date;
}): ModerationResult {
  const now = input.now ?? new Date();
  return inTransaction((tx) => {
    const post = findPost(tx, input.circleId, input.postId, input.threadId);
    if (!post || post.deletedAt || post.hiddenAt) return { ok: false, reason: "not_found" };
    if (post.authorId === input.reporterId) return { ok: false, reason: "own_post" };
    const existing = tx
      .select()
      .from(postFlags)
      .where(and(eq(postFlags.postId, post.id), eq(postFlags.reporterId, input.reporterId)))
      .get();
    if (existing && !existing.resolvedAt) return { ok: false, reason: "already_flagged" };
    let flagId: number;
    if (existing) {
      tx.update(postFlags)
        .set({
          reason: input.reason,
          resolvedAt: null,
          resolvedById: null,
          resolution: null,
          createdAt: now,
        })
        .where(eq(postFlags.id, existing.id))
        .run();
      flagId = existing.id;
    } else {
      flagId = tx
        .insert(postFlags)
        .values({
          postId: post.id,
          circleId: input.circleId,
          reporterId: input.reporterId,
          reason: input.reason,
          createdAt: now,
        })
        .returning({ id: postFlags.id })
        .get().id;
    }
    audit(tx, {
      actorId: input.reporterId,
      action: "post.flagged",
      circleId: input.circleId,
      details: { postId: post.id, threadId: post.threadId, flagId, reason: input.reason },
    });
    const circle = tx
      .select({ name: circles.name })
      .from(circles)
      .where(eq(circles.id, input.circleId))
      .get();
    const reporter = tx
      .select({ name: users.name })
      .from(users)
      .where(eq(users.id, input.reporterId))
      .get();
    // The notification names the circle and the reporter, not the post: it may travel by e-mail.
    const notified = circleCoachIds(tx, input.circleId)
      .filter((id) => id !== input.reporterId)
      .map((userId) =>
        notify(
          tx,
          {
            userId,
            type: "post.flagged",
            circleId: input.circleId,
            data: { circle: circle?.name ?? "", name: reporter?.name ?? "" },
            url: `/circles/${input.circleId}/moderation`,
          },
          now,
        ),
      );
    // Flags are between the reporter and the coach: nothing goes to the circle's live log.
    return { ok: true, events: [], notified };
  });
}

export type FlaggedPost = {
  postId: number;
  threadId: number;
  threadTitle: string;
  author: { id: number; name: string } | null;
  state: "visible" | "hidden" | "deleted";
  /** The post's sanitised HTML for the coach; null once the author deleted it. */
  html: string | null;
  createdAt: string;
  flags: Array<{ id: number; reporter: string; reason: string; createdAt: string }>;
};

/** The coach's queue: posts with open flags, the oldest report first, each with its reports. */
export function listOpenFlags(circleId: number): FlaggedPost[] {
  const reporters = sql<string>`(select ${users.name} from ${users} where ${users.id} = ${postFlags.reporterId})`;
  const rows = getDb()
    .select({
      flag: postFlags,
      reporter: reporters,
      post: posts,
      title: threads.title,
      authorName: users.name,
    })
    .from(postFlags)
    .innerJoin(posts, eq(posts.id, postFlags.postId))
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .leftJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(postFlags.circleId, circleId), isNull(postFlags.resolvedAt)))
    .orderBy(asc(postFlags.createdAt), asc(postFlags.id))
    .all();
  const byPost = new Map<number, FlaggedPost>();
  for (const r of rows) {
    let item = byPost.get(r.post.id);
    if (!item) {
      item = {
        postId: r.post.id,
        threadId: r.post.threadId,
        threadTitle: r.title,
        author: r.post.authorId === null ? null : { id: r.post.authorId, name: r.authorName ?? "" },
        state: r.post.deletedAt ? "deleted" : r.post.hiddenAt ? "hidden" : "visible",
        html: r.post.deletedAt ? null : r.post.html,
        createdAt: r.post.createdAt.toISOString(),
        flags: [],
      };
      byPost.set(r.post.id, item);
    }
    item.flags.push({
      id: r.flag.id,
      reporter: r.reporter ?? "",
      reason: r.flag.reason,
      createdAt: r.flag.createdAt.toISOString(),
    });
  }
  return [...byPost.values()];
}

export type HiddenPost = {
  postId: number;
  threadId: number;
  threadTitle: string;
  author: { id: number; name: string } | null;
  html: string;
  createdAt: string;
  hiddenReason: string | null;
  hiddenAt: string;
  hiddenBy: string | null;
};

/** Hidden posts of the circle, the latest first, for the coach to restore. */
export function listHiddenPosts(circleId: number, { limit = 100 } = {}): HiddenPost[] {
  const hiddenBy = sql<
    string | null
  >`(select u2.name from ${users} u2 where u2.id = ${posts.hiddenById})`;
  return getDb()
    .select({ post: posts, title: threads.title, authorName: users.name, hiddenBy })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .leftJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.circleId, circleId), isNotNull(posts.hiddenAt), isNull(posts.deletedAt)))
    .orderBy(desc(posts.hiddenAt))
    .limit(limit)
    .all()
    .map((r) => ({
      postId: r.post.id,
      threadId: r.post.threadId,
      threadTitle: r.title,
      author: r.post.authorId === null ? null : { id: r.post.authorId, name: r.authorName ?? "" },
      html: r.post.html,
      createdAt: r.post.createdAt.toISOString(),
      hiddenReason: r.post.hiddenReason,
      hiddenAt: r.post.hiddenAt!.toISOString(),
      hiddenBy: r.hiddenBy,
    }));
}

/** The coach decides a flagged post can stay: its open flags close as "dismissed". */
export function dismissFlags(input: {
  circleId: number;
  postId: number;
  coachId: number;
  now?: Date;
}): ModerationResult {
  const now = input.now ?? new Date();
  return inTransaction((tx) => {
    const post = findPost(tx, input.circleId, input.postId);
    if (!post) return { ok: false, reason: "not_found" };
    const flagIds = resolveFlags(tx, {
      postId: post.id,
      coachId: input.coachId,
      resolution: "dismissed",
      now,
    });
    if (flagIds.length === 0) return { ok: false, reason: "not_found" };
    audit(tx, {
      actorId: input.coachId,
      action: "post.flags_dismissed",
      circleId: input.circleId,
      details: { postId: post.id, threadId: post.threadId, flagIds },
    });
    return { ok: true, events: [], notified: [] };
  });
}

// ---------------------------------------------------------------------------------------------
// Hiding and restoring

/**
 * The coach hides a post, with a reason members see ("verborgen door de begeleider"). Its words
 * leave the search index and every member's page; open flags on it close as "hidden"; a hidden
 * reply no longer counts in the thread's replies.
 */
export function hidePost(input: {
  circleId: number;
  postId: number;
  coachId: number;
  reason: string;
  threadId?: number;
  now?: Date;
}): ModerationResult {
  const now = input.now ?? new Date();
  return inTransaction((tx) => {
    const post = findPost(tx, input.circleId, input.postId, input.threadId);
    if (!post || post.deletedAt) return { ok: false, reason: "not_found" };
    if (post.hiddenAt) return { ok: false, reason: "already_hidden" };
    tx.update(posts)
      .set({ hiddenAt: now, hiddenById: input.coachId, hiddenReason: input.reason })
      .where(eq(posts.id, post.id))
      .run();
    unindexPost(tx, post.id);
    changeReplyCount(tx, post, -1);
    const flagIds = resolveFlags(tx, {
      postId: post.id,
      coachId: input.coachId,
      resolution: "hidden",
      now,
    });
    audit(tx, {
      actorId: input.coachId,
      action: "post.hidden",
      circleId: input.circleId,
      details: { postId: post.id, threadId: post.threadId, reason: input.reason, flagIds },
    });
    const event = appendEvent(tx, {
      circleId: input.circleId,
      kind: "post.hidden",
      threadId: post.threadId,
      postId: post.id,
    });
    return { ok: true, events: [event], notified: [] };
  });
}

/** The coach puts a hidden post back, with a reason for the record. */
export function restorePost(input: {
  circleId: number;
  postId: number;
  coachId: number;
  reason: string;
  threadId?: number;
}): ModerationResult {
  return inTransaction((tx) => {
    const post = findPost(tx, input.circleId, input.postId, input.threadId);
    if (!post || post.deletedAt) return { ok: false, reason: "not_found" };
    if (!post.hiddenAt) return { ok: false, reason: "not_hidden" };
    tx.update(posts)
      .set({ hiddenAt: null, hiddenById: null, hiddenReason: null })
      .where(eq(posts.id, post.id))
      .run();
    indexPost(tx, post.id);
    changeReplyCount(tx, post, 1);
    audit(tx, {
      actorId: input.coachId,
      action: "post.restored",
      circleId: input.circleId,
      details: { postId: post.id, threadId: post.threadId, reason: input.reason },
    });
    const event = appendEvent(tx, {
      circleId: input.circleId,
      kind: "post.restored",
      threadId: post.threadId,
      postId: post.id,
    });
    return { ok: true, events: [event], notified: [] };
  });
}

// ---------------------------------------------------------------------------------------------
// Threads

type ThreadSwitch = {
  circleId: number;
  threadId: number;
  coachId: number;
  /** Optional: the design asks moderators for a reason; for a pin it is often self-evident. */
  reason?: string | null;
  now?: Date;
};

function switchThread(
  input: ThreadSwitch,
  column: "lockedAt" | "pinnedAt",
  on: boolean,
  action: ModerationAction & DiscussionEventKind,
): ModerationResult {
  const now = input.now ?? new Date();
  return inTransaction((tx) => {
    const thread = findThread(tx, input.circleId, input.threadId);
    if (!thread) return { ok: false, reason: "not_found" };
    // Already so (two coaches, or a double click): nothing changes and nothing is logged.
    if ((thread[column] !== null) === on) return { ok: true, events: [], notified: [] };
    tx.update(threads)
      .set({ [column]: on ? now : null })
      .where(eq(threads.id, thread.id))
      .run();
    audit(tx, {
      actorId: input.coachId,
      action,
      circleId: input.circleId,
      details: { threadId: thread.id, reason: input.reason ?? null },
    });
    const event = appendEvent(tx, { circleId: input.circleId, kind: action, threadId: thread.id });
    return { ok: true, events: [event], notified: [] };
  });
}

/** A locked thread stays readable but takes no replies (createPost refuses them). */
export function setLocked(input: ThreadSwitch & { locked: boolean }): ModerationResult {
  return switchThread(
    input,
    "lockedAt",
    input.locked,
    input.locked ? "thread.locked" : "thread.unlocked",
  );
}

/** Pinned threads head the list, the latest pinned first. */
export function setPinned(input: ThreadSwitch & { pinned: boolean }): ModerationResult {
  return switchThread(
    input,
    "pinnedAt",
    input.pinned,
    input.pinned ? "thread.pinned" : "thread.unpinned",
  );
}

export type MoveResult =
  { ok: true; threadId: number; events: EventRef[]; notified: number[] } | ModerationRefusal;

/**
 * Moves a post, with the replies under it, to a new thread with the given title: a side
 * conversation gets a place of its own. The post opens the new thread (its author is the
 * thread's author); both threads' counters and latest activity are set from their posts; the
 * search index follows; readers keep what they had read. The live log gets "post.moved" for
 * each moved post, under the old thread (the event carries the post where it is now), and
 * "thread.created" for the new thread, so open lists and pages of both threads update.
 * A thread's opening post cannot move: that would be the whole thread.
 */
export function movePost(input: {
  circleId: number;
  postId: number;
  coachId: number;
  title: string;
  reason?: string | null;
  threadId?: number;
  now?: Date;
}): MoveResult {
  const now = input.now ?? new Date();
  return inTransaction((tx) => {
    const post = findPost(tx, input.circleId, input.postId, input.threadId);
    if (!post) return { ok: false, reason: "not_found" };
    if (isOpeningPost(tx, post)) return { ok: false, reason: "opening_post" };
    const from = post.threadId;
    // One visible level of nesting: a reply to the thread has its answers as children; a reply
    // to a post has none of its own (answers to it hang under the same top post).
    const moving = tx
      .select({ id: posts.id })
      .from(posts)
      .where(and(eq(posts.threadId, from), or(eq(posts.id, post.id), eq(posts.parentId, post.id))))
      .orderBy(asc(posts.id))
      .all()
      .map((r) => r.id);
    const thread = tx
      .insert(threads)
      .values({
        circleId: input.circleId,
        authorId: post.authorId,
        title: input.title,
        lastPostAt: post.createdAt,
        lastPosterId: post.authorId,
        createdAt: now,
      })
      .returning({ id: threads.id })
      .get();
    tx.update(posts).set({ threadId: thread.id }).where(inArray(posts.id, moving)).run();
    // The moved post opens the new thread; its answers keep it as their parent.
    tx.update(posts).set({ parentId: null }).where(eq(posts.id, post.id)).run();
    recount(tx, from);
    recount(tx, thread.id);
    // Post ids grow over the whole table, so an old marker means the same in the new thread.
    tx.run(sql`insert into ${threadReads} (user_id, thread_id, last_read_post_id, read_at)
      select user_id, ${thread.id}, last_read_post_id, read_at from ${threadReads}
      where thread_id = ${from} and last_read_post_id >= ${post.id}`);
    for (const id of moving) indexPost(tx, id);
    audit(tx, {
      actorId: input.coachId,
      action: "post.moved",
      circleId: input.circleId,
      details: {
        postId: post.id,
        fromThreadId: from,
        toThreadId: thread.id,
        movedPostIds: moving,
        reason: input.reason ?? null,
      },
    });
    const events = moving.map((id) =>
      appendEvent(tx, { circleId: input.circleId, kind: "post.moved", threadId: from, postId: id }),
    );
    events.push(
      appendEvent(tx, {
        circleId: input.circleId,
        kind: "thread.created",
        threadId: thread.id,
        postId: post.id,
      }),
    );
    return { ok: true, threadId: thread.id, events, notified: [] };
  });
}

// ---------------------------------------------------------------------------------------------
// The organisers' log

export type ModerationLogEntry = {
  id: number;
  at: string;
  circleId: number;
  circleName: string;
  actorName: string | null;
  action: ModerationAction;
  /** How many posts a move took along (1 for a single post). */
  postCount: number | null;
};

/**
 * Who did what and when in the discussions of a programme's circles, the latest first. Built
 * from audit events and deliberately without their details' reasons: organisers oversee the
 * programme, they do not read its circles (neither the words nor the reasons given for them).
 */
export function moderationLog(programmeId: number, { limit = 200 } = {}): ModerationLogEntry[] {
  const actor = sql<
    string | null
  >`(select ${users.name} from ${users} where ${users.id} = ${auditEvents.actorId})`;
  return getDb()
    .select({
      id: auditEvents.id,
      createdAt: auditEvents.createdAt,
      action: auditEvents.action,
      details: auditEvents.details,
      circleId: circles.id,
      circleName: circles.name,
      actorName: actor,
    })
    .from(auditEvents)
    .innerJoin(
      circles,
      and(eq(auditEvents.subjectType, "circle"), eq(circles.id, auditEvents.subjectId)),
    )
    .where(
      and(
        eq(circles.programmeId, programmeId),
        inArray(auditEvents.action, [...moderationActions]),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit)
    .all()
    .map((r) => ({
      id: r.id,
      at: r.createdAt.toISOString(),
      circleId: r.circleId,
      circleName: r.circleName,
      actorName: r.actorName,
      action: r.action as ModerationAction,
      postCount:
        r.action === "post.moved" && Array.isArray(r.details?.movedPostIds)
          ? r.details.movedPostIds.length
          : null,
    }));
}
