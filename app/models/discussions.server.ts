/**
 * A circle's threaded discussions. Every write runs in one IMMEDIATE transaction that changes
 * the rows, keeps the thread's counters and the search index right, appends to the circle's live
 * log (the next sequence number) and notifies the people concerned, so nothing is half-written.
 * Callers publish the returned events and notified ids after commit.
 *
 * Access is decided before these functions are called (requireCircle with circle.view_private,
 * circle.discuss or circle.moderate); they check what only the data can tell: the thread belongs
 * to the circle, the post is the viewer's own, the thread is not locked.
 */
import { and, asc, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import {
  circleCoaches,
  circleEvents,
  circleVisits,
  circles,
  memberships,
  postReactions,
  postRevisions,
  posts,
  threadReads,
  threads,
  users,
} from "../../db/schema";
import {
  MENTIONS_PER_POST,
  mentionedNames,
  quotedPostIds,
  type DiscussionEvent,
  type DiscussionEventKind,
  type PostView,
  type Reaction,
  type ThreadView,
} from "../domain/discussions";
import type { NotificationType } from "../domain/notifications";
import { getDb } from "../utils/db.server";
import { getEnv } from "../utils/env.server";
import { renderPostMarkdown } from "../utils/markdown.server";
import { activeCoach } from "./circles.server";
import { channelFor, notify } from "./notifications.server";
import { indexPost, unindexPost } from "./discussion-search.server";

export type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

function inTransaction<T>(fn: (tx: Tx) => T): T {
  return getDb().transaction(fn, { behavior: "immediate" });
}

/** A reference to one entry of a circle's live log; turned into a DiscussionEvent after commit. */
export type EventRef = {
  circleId: number;
  seq: number;
  kind: DiscussionEventKind;
  threadId: number | null;
  postId: number | null;
};

/** How many log entries a circle keeps; a page that fell further behind reloads instead. */
const EVENT_LOG_KEEP = 1_000;

/** Appends to the circle's live log in the caller's transaction and returns the entry. */
export function appendEvent(
  tx: Tx,
  ref: Omit<EventRef, "seq" | "threadId" | "postId"> & {
    threadId?: number | null;
    postId?: number | null;
  },
): EventRef {
  const last = tx
    .select({ seq: sql<number>`coalesce(max(${circleEvents.seq}), 0)` })
    .from(circleEvents)
    .where(eq(circleEvents.circleId, ref.circleId))
    .get()!.seq;
  const entry: EventRef = {
    circleId: ref.circleId,
    seq: last + 1,
    kind: ref.kind,
    threadId: ref.threadId ?? null,
    postId: ref.postId ?? null,
  };
  tx.insert(circleEvents).values(entry).run();
  if (entry.seq > EVENT_LOG_KEEP)
    tx.delete(circleEvents)
      .where(
        and(
          eq(circleEvents.circleId, ref.circleId),
          sql`${circleEvents.seq} <= ${entry.seq - EVENT_LOG_KEEP}`,
        ),
      )
      .run();
  return entry;
}

/** The last sequence number of a circle's live log (0 before anything happened). */
export function currentSeq(circleId: number): number {
  return getDb()
    .select({ seq: sql<number>`coalesce(max(${circleEvents.seq}), 0)` })
    .from(circleEvents)
    .where(eq(circleEvents.circleId, circleId))
    .get()!.seq;
}

/** The circle's people who can take part: members and active coaches, with their names. */
export function circlePeople(circleId: number, tx: Pick<Tx, "select"> = getDb()) {
  const members = tx
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.circleId, circleId), eq(memberships.state, "member")))
    .all();
  const coaches = tx
    .select({ id: users.id, name: users.name })
    .from(circleCoaches)
    .innerJoin(users, eq(users.id, circleCoaches.userId))
    .where(and(eq(circleCoaches.circleId, circleId), activeCoach))
    .all();
  const byId = new Map<number, { id: number; name: string }>();
  for (const person of [...coaches, ...members]) byId.set(person.id, person);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, "nl"));
}

// ---------------------------------------------------------------------------------------------
// Limits

export type Refusal =
  | { ok: false; reason: "too_fast"; retryAfterSeconds: number }
  | { ok: false; reason: "too_many_mentions" }
  | { ok: false; reason: "locked" }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "not_allowed" };

/** Posts per minute per person, counted in the database so a restart or a second tab changes nothing. */
function tooFast(tx: Tx, authorId: number, now: Date): Refusal | null {
  const limit = getEnv().POSTS_PER_MINUTE;
  const since = new Date(now.getTime() - 60_000);
  const recent = tx
    .select({ createdAt: posts.createdAt })
    .from(posts)
    .where(and(eq(posts.authorId, authorId), gt(posts.createdAt, since)))
    .orderBy(asc(posts.createdAt))
    .limit(limit)
    .all();
  if (recent.length < limit) return null;
  const oldest = recent[0]!.createdAt.getTime();
  return {
    ok: false,
    reason: "too_fast",
    retryAfterSeconds: Math.max(1, Math.ceil((oldest + 60_000 - now.getTime()) / 1000)),
  };
}

/** Renders a post for this circle: only names of the circle's people become mentions. */
function render(source: string, people: { id: number; name: string }[]) {
  const byName = new Map(people.map((p) => [p.name.toLocaleLowerCase("nl"), p]));
  const mentioned = mentionedNames(source)
    .map((name) => byName.get(name.toLocaleLowerCase("nl")))
    .filter((p): p is { id: number; name: string } => p !== undefined);
  return { html: renderPostMarkdown(source, mentioned), mentioned };
}

// ---------------------------------------------------------------------------------------------
// Writing

type PostInput = {
  circleId: number;
  authorId: number;
  source: string;
  /** The submission's idempotency key: the same key twice makes one post. */
  key: string | null;
  now?: Date;
};

export type WriteResult =
  | {
      ok: true;
      threadId: number;
      postId: number;
      /** True when this key had already made the post: nothing new was written. */
      duplicate: boolean;
      events: EventRef[];
      notified: number[];
    }
  | Refusal;

function existingByKey(tx: Tx, authorId: number, key: string | null) {
  if (!key) return null;
  return (
    tx
      .select({ id: posts.id, threadId: posts.threadId, circleId: posts.circleId })
      .from(posts)
      .where(and(eq(posts.authorId, authorId), eq(posts.idempotencyKey, key)))
      .get() ?? null
  );
}

/** Starts a thread with its opening post. */
export function createThread(input: PostInput & { title: string }): WriteResult {
  const now = input.now ?? new Date();
  return inTransaction((tx) => {
    const existing = existingByKey(tx, input.authorId, input.key);
    if (existing) return duplicateOf(existing, input.circleId);
    const limited = tooFast(tx, input.authorId, now);
    if (limited) return limited;
    const people = circlePeople(input.circleId, tx);
    const { html, mentioned } = render(input.source, people);
    if (mentioned.length > MENTIONS_PER_POST) return { ok: false, reason: "too_many_mentions" };
    const thread = tx
      .insert(threads)
      .values({
        circleId: input.circleId,
        authorId: input.authorId,
        title: input.title,
        lastPostAt: now,
        lastPosterId: input.authorId,
        createdAt: now,
      })
      .returning({ id: threads.id })
      .get();
    const post = insertPost(tx, { ...input, threadId: thread.id, parentId: null, html, now });
    markReadIn(tx, input.authorId, thread.id, post.id, now);
    const event = appendEvent(tx, {
      circleId: input.circleId,
      kind: "thread.created",
      threadId: thread.id,
      postId: post.id,
    });
    const notified = tellPeople(tx, {
      circleId: input.circleId,
      threadId: thread.id,
      postId: post.id,
      authorId: input.authorId,
      title: input.title,
      mentioned,
      people,
      parentAuthorId: null,
      quotedAuthorIds: [],
      isNewThread: true,
    });
    return {
      ok: true,
      threadId: thread.id,
      postId: post.id,
      duplicate: false,
      events: [event],
      notified,
    };
  });
}

/** A reply in a thread, to the thread itself or to one of its posts. */
export function createPost(
  input: PostInput & { threadId: number; parentId: number | null },
): WriteResult {
  const now = input.now ?? new Date();
  return inTransaction((tx) => {
    const existing = existingByKey(tx, input.authorId, input.key);
    if (existing) return duplicateOf(existing, input.circleId);
    const thread = tx
      .select()
      .from(threads)
      .where(and(eq(threads.id, input.threadId), eq(threads.circleId, input.circleId)))
      .get();
    if (!thread) return { ok: false, reason: "not_found" };
    if (thread.lockedAt) return { ok: false, reason: "locked" };
    const limited = tooFast(tx, input.authorId, now);
    if (limited) return limited;
    // One visible level of nesting: an answer to a reply hangs under that reply's own parent.
    let parentId: number | null = null;
    let parentAuthorId: number | null = null;
    if (input.parentId !== null) {
      const parent = tx
        .select({ id: posts.id, parentId: posts.parentId, authorId: posts.authorId })
        .from(posts)
        .where(and(eq(posts.id, input.parentId), eq(posts.threadId, thread.id)))
        .get();
      if (!parent) return { ok: false, reason: "not_found" };
      parentId = parent.parentId ?? parent.id;
      parentAuthorId = parent.authorId;
    }
    const people = circlePeople(input.circleId, tx);
    const { html, mentioned } = render(input.source, people);
    if (mentioned.length > MENTIONS_PER_POST) return { ok: false, reason: "too_many_mentions" };
    const post = insertPost(tx, { ...input, threadId: thread.id, parentId, html, now });
    tx.update(threads)
      .set({
        replyCount: sql`${threads.replyCount} + 1`,
        lastPostAt: now,
        lastPosterId: input.authorId,
      })
      .where(eq(threads.id, thread.id))
      .run();
    markReadIn(tx, input.authorId, thread.id, post.id, now);
    const event = appendEvent(tx, {
      circleId: input.circleId,
      kind: "post.created",
      threadId: thread.id,
      postId: post.id,
    });
    const quoted = quotedAuthors(tx, thread.id, input.source);
    const notified = tellPeople(tx, {
      circleId: input.circleId,
      threadId: thread.id,
      postId: post.id,
      authorId: input.authorId,
      title: thread.title,
      mentioned,
      people,
      parentAuthorId,
      quotedAuthorIds: quoted,
      // A reply to the thread itself answers the person who started it.
      threadAuthorId: parentId === null ? thread.authorId : null,
      isNewThread: false,
    });
    return {
      ok: true,
      threadId: thread.id,
      postId: post.id,
      duplicate: false,
      events: [event],
      notified,
    };
  });
}

function duplicateOf(
  existing: { id: number; threadId: number; circleId: number },
  circleId: number,
): WriteResult {
  // A key is the author's own; reusing one in another circle is a client bug, not a duplicate.
  if (existing.circleId !== circleId) return { ok: false, reason: "not_allowed" };
  return {
    ok: true,
    threadId: existing.threadId,
    postId: existing.id,
    duplicate: true,
    events: [],
    notified: [],
  };
}

function insertPost(
  tx: Tx,
  input: PostInput & { threadId: number; parentId: number | null; html: string; now: Date },
) {
  const post = tx
    .insert(posts)
    .values({
      threadId: input.threadId,
      circleId: input.circleId,
      authorId: input.authorId,
      parentId: input.parentId,
      source: input.source,
      html: input.html,
      idempotencyKey: input.key,
      createdAt: input.now,
    })
    .returning({ id: posts.id })
    .get();
  indexPost(tx, post.id);
  return post;
}

/** Authors of posts in this thread that the source quotes. */
function quotedAuthors(tx: Tx, threadId: number, source: string): number[] {
  const ids = quotedPostIds(source).slice(0, MENTIONS_PER_POST);
  if (ids.length === 0) return [];
  return tx
    .select({ authorId: posts.authorId })
    .from(posts)
    .where(and(eq(posts.threadId, threadId), inArray(posts.id, ids)))
    .all()
    .map((r) => r.authorId)
    .filter((id): id is number => id !== null);
}

/**
 * Who hears about a new post, each person once, by the strongest reason: a mention, then a reply
 * to their post, then a quote of it, then a reply in the thread they started; then a new thread
 * (everyone), or, for people who follow their circles by e-mail, any new post.
 */
function tellPeople(
  tx: Tx,
  input: {
    circleId: number;
    threadId: number;
    postId: number;
    authorId: number;
    title: string;
    mentioned: { id: number }[];
    people: { id: number; name: string }[];
    parentAuthorId: number | null;
    quotedAuthorIds: number[];
    threadAuthorId?: number | null;
    isNewThread: boolean;
  },
): number[] {
  const inCircle = new Set(input.people.map((p) => p.id));
  const reason = new Map<number, NotificationType>();
  const add = (userId: number | null, type: NotificationType) => {
    if (userId === null || userId === input.authorId || !inCircle.has(userId)) return;
    if (!reason.has(userId)) reason.set(userId, type);
  };
  for (const person of input.mentioned) add(person.id, "post.mention");
  add(input.parentAuthorId, "post.reply");
  for (const id of input.quotedAuthorIds) add(id, "post.quote");
  add(input.threadAuthorId ?? null, "post.reply");
  for (const person of input.people) {
    if (input.isNewThread) add(person.id, "thread.created");
    // Following is opt-in: without an e-mail choice for "posts", the thread list's unread
    // markers are enough and the notification list stays quiet.
    else if (channelFor(tx, person.id, "posts") !== "never") add(person.id, "post.created");
  }
  if (reason.size === 0) return [];
  const circle = tx
    .select({ name: circles.name })
    .from(circles)
    .where(eq(circles.id, input.circleId))
    .get();
  const author = tx
    .select({ name: users.name })
    .from(users)
    .where(eq(users.id, input.authorId))
    .get();
  const url = `/circles/${input.circleId}/threads/${input.threadId}#post-${input.postId}`;
  const notified: number[] = [];
  for (const [userId, type] of reason)
    notified.push(
      notify(tx, {
        userId,
        type,
        circleId: input.circleId,
        data: { circle: circle?.name ?? "", name: author?.name ?? "", title: input.title },
        url,
      }),
    );
  return notified;
}

export type EditResult = { ok: true; events: EventRef[]; notified: number[] } | Refusal;

/** A post of this circle that `userId` wrote and did not delete, or why not. */
function ownPost(tx: Tx, input: { circleId: number; postId: number; userId: number }) {
  const post = tx
    .select()
    .from(posts)
    .where(and(eq(posts.id, input.postId), eq(posts.circleId, input.circleId)))
    .get();
  if (!post || post.deletedAt) return { ok: false, reason: "not_found" } as const;
  if (post.authorId !== input.userId) return { ok: false, reason: "not_allowed" } as const;
  return { ok: true, ...post } as const;
}

/** The author edits their post; the earlier version is kept for the coach. */
export function editPost(input: {
  circleId: number;
  postId: number;
  userId: number;
  source: string;
  now?: Date;
}): EditResult {
  const now = input.now ?? new Date();
  return inTransaction((tx) => {
    const post = ownPost(tx, input);
    if (!post.ok) return post;
    if (post.hiddenAt) return { ok: false, reason: "not_allowed" };
    const thread = tx.select().from(threads).where(eq(threads.id, post.threadId)).get()!;
    if (thread.lockedAt) return { ok: false, reason: "locked" };
    if (post.source === input.source) return { ok: true, events: [], notified: [] };
    const people = circlePeople(input.circleId, tx);
    const { html, mentioned } = render(input.source, people);
    if (mentioned.length > MENTIONS_PER_POST) return { ok: false, reason: "too_many_mentions" };
    tx.insert(postRevisions)
      .values({
        postId: post.id,
        source: post.source,
        html: post.html,
        writtenAt: post.editedAt ?? post.createdAt,
      })
      .run();
    tx.update(posts)
      .set({ source: input.source, html, editedAt: now })
      .where(eq(posts.id, post.id))
      .run();
    indexPost(tx, post.id);
    const event = appendEvent(tx, {
      circleId: input.circleId,
      kind: "post.edited",
      threadId: post.threadId,
      postId: post.id,
    });
    // Only people newly mentioned by this edit hear of it.
    const before = new Set(mentionedNames(post.source).map((n) => n.toLocaleLowerCase("nl")));
    const fresh = mentioned.filter((p) => !before.has(p.name.toLocaleLowerCase("nl")));
    const notified = tellPeople(tx, {
      circleId: input.circleId,
      threadId: post.threadId,
      postId: post.id,
      authorId: input.userId,
      title: thread.title,
      mentioned: fresh,
      people: people.filter((p) => fresh.some((f) => f.id === p.id)),
      parentAuthorId: null,
      quotedAuthorIds: [],
      isNewThread: false,
    }).filter((id) => fresh.some((f) => f.id === id));
    return { ok: true, events: [event], notified };
  });
}

/**
 * The author deletes their post. Its words go (and its earlier versions with them); a
 * placeholder stays so the replies under it keep their context.
 */
export function deletePost(input: {
  circleId: number;
  postId: number;
  userId: number;
  now?: Date;
}): EditResult {
  const now = input.now ?? new Date();
  return inTransaction((tx) => {
    const post = ownPost(tx, input);
    if (!post.ok) return post;
    tx.update(posts)
      .set({ deletedAt: now, source: "", html: "" })
      .where(eq(posts.id, post.id))
      .run();
    tx.delete(postRevisions).where(eq(postRevisions.postId, post.id)).run();
    tx.delete(postReactions).where(eq(postReactions.postId, post.id)).run();
    unindexPost(tx, post.id);
    if (!post.hiddenAt && !isOpeningPost(tx, post))
      tx.update(threads)
        .set({ replyCount: sql`max(${threads.replyCount} - 1, 0)` })
        .where(eq(threads.id, post.threadId))
        .run();
    const event = appendEvent(tx, {
      circleId: input.circleId,
      kind: "post.deleted",
      threadId: post.threadId,
      postId: post.id,
    });
    return { ok: true, events: [event], notified: [] };
  });
}

export function isOpeningPost(tx: Pick<Tx, "select">, post: { id: number; threadId: number }) {
  const first = tx
    .select({ id: posts.id })
    .from(posts)
    .where(eq(posts.threadId, post.threadId))
    .orderBy(asc(posts.id))
    .limit(1)
    .get();
  return first?.id === post.id;
}

/** Adds or takes back one of the fixed reactions. */
export function toggleReaction(input: {
  circleId: number;
  postId: number;
  userId: number;
  reaction: Reaction;
}): EditResult {
  return inTransaction((tx) => {
    const post = tx
      .select({
        id: posts.id,
        threadId: posts.threadId,
        deletedAt: posts.deletedAt,
        hiddenAt: posts.hiddenAt,
      })
      .from(posts)
      .where(and(eq(posts.id, input.postId), eq(posts.circleId, input.circleId)))
      .get();
    if (!post || post.deletedAt || post.hiddenAt) return { ok: false, reason: "not_found" };
    const key = and(
      eq(postReactions.postId, post.id),
      eq(postReactions.userId, input.userId),
      eq(postReactions.reaction, input.reaction),
    );
    const had = tx.select({ postId: postReactions.postId }).from(postReactions).where(key).get();
    if (had) tx.delete(postReactions).where(key).run();
    else
      tx.insert(postReactions)
        .values({ postId: post.id, userId: input.userId, reaction: input.reaction })
        .run();
    const event = appendEvent(tx, {
      circleId: input.circleId,
      kind: "post.reacted",
      threadId: post.threadId,
      postId: post.id,
    });
    return { ok: true, events: [event], notified: [] };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

function markReadIn(
  tx: Pick<Tx, "insert">,
  userId: number,
  threadId: number,
  postId: number,
  now: Date,
) {
  tx.insert(threadReads)
    .values({ userId, threadId, lastReadPostId: postId, readAt: now })
    .onConflictDoUpdate({
      target: [threadReads.userId, threadReads.threadId],
      set: {
        lastReadPostId: sql`max(${threadReads.lastReadPostId}, excluded.last_read_post_id)`,
        readAt: now,
      },
    })
    .run();
}

/**
 * Moves a reader's marker forward (posts that arrived live while the page was open) to a post
 * of this thread in this circle; false when the post is not there.
 */
export function markRead(input: {
  circleId: number;
  threadId: number;
  userId: number;
  postId: number;
  now?: Date;
}): boolean {
  const post = getDb()
    .select({ id: posts.id })
    .from(posts)
    .where(
      and(
        eq(posts.id, input.postId),
        eq(posts.threadId, input.threadId),
        eq(posts.circleId, input.circleId),
      ),
    )
    .get();
  if (!post) return false;
  markReadIn(getDb(), input.userId, input.threadId, post.id, input.now ?? new Date());
  return true;
}

/** A visit to the discussions counts as new after this long away. */
const VISIT_GAP_MS = 30 * 60_000;

/**
 * Records a visit to a circle's thread list and returns the moment of the visit before it:
 * threads with activity since then are "nieuw sinds je laatste bezoek".
 */
export function recordVisit(userId: number, circleId: number, now = new Date()): Date | null {
  const db = getDb();
  const row = db
    .select()
    .from(circleVisits)
    .where(and(eq(circleVisits.userId, userId), eq(circleVisits.circleId, circleId)))
    .get();
  if (!row) {
    db.insert(circleVisits).values({ userId, circleId, visitedAt: now }).run();
    return null;
  }
  if (now.getTime() - row.visitedAt.getTime() < VISIT_GAP_MS) {
    db.update(circleVisits)
      .set({ visitedAt: now })
      .where(and(eq(circleVisits.userId, userId), eq(circleVisits.circleId, circleId)))
      .run();
    return row.previousVisitAt;
  }
  db.update(circleVisits)
    .set({ visitedAt: now, previousVisitAt: row.visitedAt })
    .where(and(eq(circleVisits.userId, userId), eq(circleVisits.circleId, circleId)))
    .run();
  return row.visitedAt;
}

const lastPoster = sql<
  string | null
>`(select ${users.name} from ${users} where ${users.id} = ${threads.lastPosterId})`;

function threadView(row: typeof threads.$inferSelect & { lastPoster: string | null }): ThreadView {
  return {
    id: row.id,
    circleId: row.circleId,
    title: row.title,
    pinned: row.pinnedAt !== null,
    locked: row.lockedAt !== null,
    replyCount: row.replyCount,
    lastPostAt: row.lastPostAt.toISOString(),
    lastPoster: row.lastPoster,
  };
}

/** The circle's threads for one reader: pinned first, then by last activity, with unread counts. */
export function listThreads(circleId: number, userId: number, since: Date | null) {
  const rows = getDb()
    .select({
      thread: threads,
      lastPoster,
      lastRead: threadReads.lastReadPostId,
      unread: sql<number>`(select count(*) from ${posts} where ${posts.threadId} = ${threads.id} and ${posts.id} > coalesce(${threadReads.lastReadPostId}, 0) and ${posts.deletedAt} is null and ${posts.hiddenAt} is null)`,
    })
    .from(threads)
    .leftJoin(
      threadReads,
      and(eq(threadReads.threadId, threads.id), eq(threadReads.userId, userId)),
    )
    .where(eq(threads.circleId, circleId))
    .orderBy(sql`${threads.pinnedAt} is null`, desc(threads.pinnedAt), desc(threads.lastPostAt))
    .all();
  return rows.map((r) => ({
    ...threadView({ ...r.thread, lastPoster: r.lastPoster }),
    /** Never opened: the whole thread is new to this reader. */
    neverRead: r.lastRead === null,
    unread: r.unread,
    newSinceVisit: since !== null && r.thread.lastPostAt > since && r.unread > 0,
  }));
}

export function getThread(circleId: number, threadId: number) {
  const row = getDb()
    .select({ thread: threads, lastPoster })
    .from(threads)
    .where(and(eq(threads.id, threadId), eq(threads.circleId, circleId)))
    .get();
  return row ? threadView({ ...row.thread, lastPoster: row.lastPoster }) : null;
}

type Viewer = { id: number; isCoach: boolean } | null;

/** What postView reads of a post; times as Dates (drizzle) or milliseconds (raw rows). */
type PostRow = Pick<
  typeof posts.$inferSelect,
  "id" | "threadId" | "parentId" | "authorId" | "html" | "hiddenReason"
> & {
  authorName: string | null;
  editedAt: Date | number | null;
  deletedAt: Date | number | null;
  hiddenAt: Date | number | null;
  createdAt: Date | number;
};

/**
 * A thread's posts with their authors' names, as plain rows: drizzle's row mapping was an
 * eighth of a 200-post thread page's CPU, for columns that need no conversion.
 */
const THREAD_POSTS_SQL = `select p.id as id, p.thread_id as threadId, p.parent_id as parentId,
  p.author_id as authorId, p.html as html, p.hidden_reason as hiddenReason,
  p.edited_at as editedAt, p.deleted_at as deletedAt, p.hidden_at as hiddenAt,
  p.created_at as createdAt, u.name as authorName
  from post p left join user u on u.id = p.author_id
  where p.thread_id = ? order by p.id`;

const postColumns = {
  post: posts,
  authorName: users.name,
};

function postView(
  row: PostRow,
  viewer: Viewer,
  reactionCounts: Map<number, Partial<Record<Reaction, number>>>,
  mine: Map<number, Reaction[]>,
): PostView {
  const state = row.deletedAt ? "deleted" : row.hiddenAt ? "hidden" : "visible";
  // A hidden post's words reach only the coach (who may restore it), never a member's page.
  const readable = state === "visible" || (state === "hidden" && viewer?.isCoach === true);
  return {
    id: row.id,
    threadId: row.threadId,
    parentId: row.parentId,
    author: row.authorId === null ? null : { id: row.authorId, name: row.authorName ?? "" },
    state,
    html: readable ? row.html : null,
    hiddenReason: state === "hidden" ? row.hiddenReason : null,
    edited: row.editedAt !== null && state !== "deleted",
    createdAt: new Date(row.createdAt).toISOString(),
    reactions: reactionCounts.get(row.id) ?? {},
    mine: mine.get(row.id) ?? [],
  };
}

function reactionsFor(postIds: number[] | { threadId: number }, viewerId: number | null) {
  const db = getDb();
  const where = Array.isArray(postIds)
    ? inArray(postReactions.postId, postIds)
    : sql`${postReactions.postId} in (select ${posts.id} from ${posts} where ${posts.threadId} = ${postIds.threadId})`;
  const counts = new Map<number, Partial<Record<Reaction, number>>>();
  const mine = new Map<number, Reaction[]>();
  for (const r of db
    .select({
      postId: postReactions.postId,
      reaction: postReactions.reaction,
      n: sql<number>`count(*)`,
      mine: sql<number>`sum(${postReactions.userId} = ${viewerId ?? -1})`,
    })
    .from(postReactions)
    .where(where)
    .groupBy(postReactions.postId, postReactions.reaction)
    .all()) {
    const reaction = r.reaction as Reaction;
    counts.set(r.postId, { ...counts.get(r.postId), [reaction]: r.n });
    if (r.mine > 0) mine.set(r.postId, [...(mine.get(r.postId) ?? []), reaction]);
  }
  return { counts, mine };
}

/**
 * A thread page's data in a fixed number of queries, whatever the number of posts: the thread,
 * its posts with their authors, the reaction counts, the reader's marker and the live log's
 * position. Opening the thread moves the reader's marker to its last post; the returned
 * `firstUnreadPostId` is where the page opens.
 */
export function loadThread(circleId: number, threadId: number, viewer: Viewer, now = new Date()) {
  const db = getDb();
  const thread = getThread(circleId, threadId);
  if (!thread) return null;
  const seq = currentSeq(circleId);
  const rows = db.$client.prepare(THREAD_POSTS_SQL).all(threadId) as PostRow[];
  const { counts, mine } = reactionsFor({ threadId }, viewer?.id ?? null);
  const views = rows.map((r) => postView(r, viewer, counts, mine));
  let firstUnreadPostId: number | null = null;
  if (viewer) {
    const read = db
      .select({ lastReadPostId: threadReads.lastReadPostId })
      .from(threadReads)
      .where(and(eq(threadReads.userId, viewer.id), eq(threadReads.threadId, threadId)))
      .get();
    if (read)
      firstUnreadPostId =
        views.find((p) => p.id > read.lastReadPostId && p.state === "visible")?.id ?? null;
    // Only a marker that moves is written: a reload costs no write (and no fsync).
    const last = rows.at(-1);
    if (last && (!read || read.lastReadPostId < last.id))
      markReadIn(db, viewer.id, threadId, last.id, now);
  }
  return { thread, posts: views, firstUnreadPostId, seq };
}

/** The current state of one post for a viewer (live events, the edit form). */
export function getPost(circleId: number, postId: number, viewer: Viewer) {
  const row = getDb()
    .select(postColumns)
    .from(posts)
    .leftJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.id, postId), eq(posts.circleId, circleId)))
    .get();
  if (!row) return null;
  const full = { ...row.post, authorName: row.authorName };
  const { counts, mine } = reactionsFor([postId], viewer?.id ?? null);
  return {
    view: postView(full, viewer, counts, mine),
    source: full.source,
    authorId: full.authorId,
  };
}

/** Earlier versions of a post, newest first (for the coach and the author). */
export function listRevisions(circleId: number, postId: number) {
  const post = getDb()
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.circleId, circleId), isNull(posts.deletedAt)))
    .get();
  if (!post) return null;
  return getDb()
    .select({ id: postRevisions.id, html: postRevisions.html, writtenAt: postRevisions.writtenAt })
    .from(postRevisions)
    .where(eq(postRevisions.postId, postId))
    .orderBy(desc(postRevisions.id))
    .all()
    .map((r) => ({ id: r.id, html: r.html, writtenAt: r.writtenAt.toISOString() }));
}

/**
 * Live events with the current state of what they name, as a member (not a coach) would see
 * it: a hidden post travels without its words. Pages of coaches reload a hidden post's words
 * through their loader.
 */
export function discussionEvents(refs: EventRef[]): DiscussionEvent[] {
  if (refs.length === 0) return [];
  const db = getDb();
  const postIds = [...new Set(refs.map((r) => r.postId).filter((id): id is number => id !== null))];
  const threadIds = [
    ...new Set(refs.map((r) => r.threadId).filter((id): id is number => id !== null)),
  ];
  const postRows = postIds.length
    ? db
        .select(postColumns)
        .from(posts)
        .leftJoin(users, eq(users.id, posts.authorId))
        .where(inArray(posts.id, postIds))
        .all()
        .map((r) => ({ ...r.post, authorName: r.authorName }))
    : [];
  const threadRows = threadIds.length
    ? db
        .select({ thread: threads, lastPoster })
        .from(threads)
        .where(inArray(threads.id, threadIds))
        .all()
    : [];
  const { counts } = reactionsFor(postIds, null);
  const postById = new Map(postRows.map((r) => [r.id, postView(r, null, counts, new Map())]));
  const threadById = new Map(
    threadRows.map((r) => [r.thread.id, threadView({ ...r.thread, lastPoster: r.lastPoster })]),
  );
  return refs.map((ref) => ({
    circleId: ref.circleId,
    seq: ref.seq,
    kind: ref.kind,
    // A post moved to another thread is shown where it is now; a thread or post that is gone
    // (a circle's data removed) travels as null and the page drops it.
    thread: ref.threadId === null ? null : (threadById.get(ref.threadId) ?? null),
    post: ref.postId === null ? null : (postById.get(ref.postId) ?? null),
  }));
}

/**
 * What a page missed after `since`, for the catch-up after a lost connection. Null when the log
 * no longer reaches back that far: the page reloads instead.
 */
export function eventsSince(circleId: number, since: number) {
  const db = getDb();
  const refs = db
    .select()
    .from(circleEvents)
    .where(and(eq(circleEvents.circleId, circleId), gt(circleEvents.seq, since)))
    .orderBy(asc(circleEvents.seq))
    .limit(EVENT_LOG_KEEP)
    .all();
  const first = refs[0];
  if (first && first.seq !== since + 1) return null;
  return discussionEvents(
    refs.map((r) => ({
      circleId: r.circleId,
      seq: r.seq,
      kind: r.kind as DiscussionEventKind,
      threadId: r.threadId,
      postId: r.postId,
    })),
  );
}

/** What a post would look like in this circle, without storing anything. */
export function previewPost(circleId: number, source: string): string {
  return render(source, circlePeople(circleId)).html;
}
