/**
 * The rules of a circle's discussions that both the server and the pages need: limits, the
 * fixed set of reactions, how mentions and quotes are written, and the shapes that travel to a
 * page (in loader data and in live events). No database, no React.
 */

/** A post is refused above this length (characters of Markdown source). */
export const POST_MAX_LENGTH = 20_000;
export const TITLE_MAX_LENGTH = 150;
/** More mentions than this in one post look like a mass call-out; the post is refused. */
export const MENTIONS_PER_POST = 10;
export const FLAG_REASON_MAX_LENGTH = 500;
export const MODERATION_REASON_MAX_LENGTH = 500;
/** Default posts per minute per person; POSTS_PER_MINUTE in the environment overrides it. */
export const DEFAULT_POSTS_PER_MINUTE = 6;

/** The fixed reactions, stored by key; the page shows the emoji with a translated label. */
export const reactions = {
  thumbs_up: "👍",
  heart: "❤️",
  idea: "💡",
  thanks: "🙏",
  laugh: "😄",
} as const;
export type Reaction = keyof typeof reactions;
export const reactionKeys = Object.keys(reactions) as Reaction[];

export function isReaction(value: string): value is Reaction {
  return Object.prototype.hasOwnProperty.call(reactions, value);
}

/**
 * A mention is written `@[Full Name]` (the autocomplete inserts it that way, since names have
 * spaces). Only names of the circle's people become mentions; any other name stays plain text.
 */
export const MENTION_PATTERN = /@\[([^\]\n]{1,100})\]/g;

export function mentionedNames(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(MENTION_PATTERN)) names.add(match[1]!.trim());
  return [...names];
}

/**
 * A quote is a Markdown blockquote whose first line links to the quoted post:
 * `> [Anouk de Vries](#post-12):` followed by the quoted lines. It reads well without the app,
 * and the link lets the server tell the quoted author.
 */
export const QUOTE_LINK_PATTERN = /^>\s*\[[^\]\n]*\]\(#post-(\d+)\)/gm;

export function quotedPostIds(source: string): number[] {
  const ids = new Set<number>();
  for (const match of source.matchAll(QUOTE_LINK_PATTERN)) ids.add(Number(match[1]));
  return [...ids];
}

/** The Markdown a "quote" click inserts for a selected passage of someone's post. */
export function quoteMarkdown(author: string, postId: number, passage: string): string {
  const lines = passage
    .trim()
    .split(/\r?\n/)
    .map((line) => `> ${line}`);
  return `> [${author.replace(/[[\]]/g, "")}](#post-${postId}):\n${lines.join("\n")}\n\n`;
}

export type PostState = "visible" | "deleted" | "hidden";

/** One post as a page shows it. `html` is null when the viewer may not read it. */
export type PostView = {
  id: number;
  threadId: number;
  parentId: number | null;
  author: { id: number; name: string } | null;
  state: PostState;
  html: string | null;
  hiddenReason: string | null;
  edited: boolean;
  createdAt: string;
  reactions: Partial<Record<Reaction, number>>;
  /** The reactions of the viewer; filled per viewer, empty in live events. */
  mine: Reaction[];
};

export type ThreadView = {
  id: number;
  circleId: number;
  title: string;
  pinned: boolean;
  locked: boolean;
  replyCount: number;
  lastPostAt: string;
  lastPoster: string | null;
};

export const discussionEventKinds = [
  "thread.created",
  "thread.locked",
  "thread.unlocked",
  "thread.pinned",
  "thread.unpinned",
  "post.created",
  "post.edited",
  "post.deleted",
  "post.reacted",
  "post.hidden",
  "post.restored",
  "post.moved",
] as const;
export type DiscussionEventKind = (typeof discussionEventKinds)[number];

/**
 * What a circle's live log says happened. Events carry the *current* state of the thread and
 * post they name, so applying one twice, or out of date, leaves the page right.
 */
export type DiscussionEvent = {
  circleId: number;
  seq: number;
  kind: DiscussionEventKind;
  thread: ThreadView | null;
  post: PostView | null;
};

/**
 * A post as the thread page's loader sends it: defaults left out and the author as an id into
 * one map of names. A 200-post thread's data shrank from ~250 to ~40 bytes a post; the words
 * themselves are in the markup (document requests) or, on client-side navigations, in `h`.
 */
export type WirePost = {
  id: number;
  /** parentId */
  p?: number;
  /** author id (absent: a former member whose account is gone) */
  a?: number;
  /** createdAt, in seconds since 1970 (the page shows minutes) */
  t: number;
  /** state, when not visible */
  s?: Exclude<PostState, "visible">;
  /** html, when it travels in the data (not on a document request: then it is in the DOM) */
  h?: string;
  /** edited */
  e?: 1;
  /** readable although not visible (a hidden post, for the coach) */
  x?: 1;
  /** hiddenReason */
  hr?: string;
  /** reaction counts */
  r?: Partial<Record<Reaction, number>>;
  /** the viewer's reactions */
  m?: Reaction[];
};

export function toWire(post: PostView, htmlInDom: boolean): WirePost {
  const wire: WirePost = { id: post.id, t: Math.floor(Date.parse(post.createdAt) / 1000) };
  if (post.parentId !== null) wire.p = post.parentId;
  if (post.author) wire.a = post.author.id;
  if (post.state !== "visible") wire.s = post.state;
  if (!htmlInDom && post.html !== null) wire.h = post.html;
  if (post.edited) wire.e = 1;
  if (post.state !== "visible" && post.html !== null) wire.x = 1;
  if (post.hiddenReason) wire.hr = post.hiddenReason;
  if (Object.keys(post.reactions).length) wire.r = post.reactions;
  if (post.mine.length) wire.m = post.mine;
  return wire;
}

/** `htmlInDom`: the page came as a document, so readable posts' words are in its DOM. */
export function fromWire(
  wire: WirePost,
  {
    threadId,
    authors,
    htmlInDom,
  }: { threadId: number; authors: Record<string, string>; htmlInDom: boolean },
): PostView & { inDom?: boolean } {
  const state = wire.s ?? "visible";
  const readable = state === "visible" || wire.x === 1;
  return {
    id: wire.id,
    threadId,
    parentId: wire.p ?? null,
    author: wire.a === undefined ? null : { id: wire.a, name: authors[wire.a] ?? "" },
    state: wire.s ?? "visible",
    html: wire.h ?? null,
    inDom: htmlInDom && readable && wire.h === undefined,
    hiddenReason: wire.hr ?? null,
    edited: wire.e === 1,
    createdAt: new Date(wire.t * 1000).toISOString(),
    reactions: wire.r ?? {},
    mine: wire.m ?? [],
  };
}
