/**
 * The discussions' search index: an FTS5 table (`post_search`, created in migration 0005) with
 * one row per readable post, keyed by the post id. The Unicode tokenizer with
 * remove_diacritics folds "ideeën" and "ideeen" to the same word in the index and in queries.
 * The discussions model calls indexPost/unindexPost in the transaction of every write, so the
 * index never shows a hidden or deleted post, nor misses a new one.
 */
import { sql } from "drizzle-orm";
import { getDb } from "../utils/db.server";
import { htmlToText } from "../utils/markdown.server";

type Tx = Pick<ReturnType<typeof getDb>, "run" | "get">;

/** (Re)writes a post's row in the index from its current state; unreadable posts are removed. */
export function indexPost(tx: Tx, postId: number) {
  unindexPost(tx, postId);
  const row = tx.get<
    | {
        html: string;
        threadId: number;
        circleId: number;
        title: string;
        opening: number;
      }
    | undefined
  >(sql`
    select p.html as html, p.thread_id as threadId, p.circle_id as circleId, t.title as title,
      (p.id = (select min(id) from post where thread_id = p.thread_id)) as opening
    from post p join thread t on t.id = p.thread_id
    where p.id = ${postId} and p.deleted_at is null and p.hidden_at is null`);
  if (!row) return;
  // The title is indexed with the opening post only, so a thread's title counts once.
  tx.run(sql`insert into post_search (rowid, title, body, thread_id, circle_id)
    values (${postId}, ${row.opening ? row.title : ""}, ${htmlToText(row.html)}, ${row.threadId}, ${row.circleId})`);
}

export function unindexPost(tx: Tx, postId: number) {
  tx.run(sql`delete from post_search where rowid = ${postId}`);
}

// ---------------------------------------------------------------------------------------------
// Searching

/** Words shorter than this are left out: a one-letter prefix matches nearly every post. */
export const SEARCH_MIN_WORD = 2;
/** More words than this add little and cost a phrase each; the rest is ignored. */
const SEARCH_MAX_WORDS = 8;
export const SEARCH_MAX_LENGTH = 200;

/**
 * Private-use characters that cannot come from the tokenizer's own output as markup: snippet()
 * puts them around matches, and they become <mark> only after the text has been escaped.
 */
const MARK_OPEN = "\uE000";
const MARK_CLOSE = "\uE001";

/**
 * The user's words as an FTS5 query that cannot be a syntax error: only runs of letters and
 * digits survive (so `"`, `*`, `(`, `-`, `:` and `^` are gone), each becomes a quoted string,
 * which FTS5 reads as a plain phrase even when it spells OR, NOT or NEAR, and gets a prefix `*`.
 * The strings go through the table's tokenizer, which drops the diacritics as it did when
 * indexing: "ideeën" and "ideeen" are the same word both ways. Words are joined by FTS5's
 * implicit AND. Null when nothing searchable is left.
 */
export function ftsQuery(input: string): string | null {
  const words = (
    input
      .slice(0, SEARCH_MAX_LENGTH)
      .normalize("NFC")
      .match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? []
  )
    .filter((word) => [...word.normalize("NFD").replace(/\p{M}/gu, "")].length >= SEARCH_MIN_WORD)
    .slice(0, SEARCH_MAX_WORDS);
  if (words.length === 0) return null;
  return [...new Set(words.map((w) => w.toLocaleLowerCase("nl")))]
    .map((word) => `"${word}"*`)
    .join(" ");
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Turns snippet() output into HTML that can only contain text and <mark> elements: everything
 * is escaped first, then each marker pair becomes <mark>…</mark>. A marker character the
 * author typed themselves (an unpaired one, or one inside a pair) is dropped, so the marks are
 * always balanced.
 */
export function markedToHtml(marked: string): string {
  const escaped = marked.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
  return escaped
    .replace(
      new RegExp(`${MARK_OPEN}([^${MARK_OPEN}${MARK_CLOSE}]*)${MARK_CLOSE}`, "g"),
      (_, inner: string) => (inner ? `<mark>${inner}</mark>` : ""),
    )
    .replace(new RegExp(`[${MARK_OPEN}${MARK_CLOSE}]`, "g"), "");
}

export type SearchHit = {
  postId: number;
  authorName: string | null;
  createdAt: string;
  /** Escaped text with <mark> around the matched words; safe to set as HTML. */
  snippetHtml: string;
};

export type SearchThread = {
  threadId: number;
  title: string;
  /** The title, escaped, with <mark> when the title itself matched; safe to set as HTML. */
  titleHtml: string;
  hits: SearchHit[];
};

type SearchRow = {
  postId: number;
  threadId: number;
  title: string;
  titleMarked: string;
  snippet: string;
  createdAt: number;
  authorName: string | null;
};

/**
 * Searches one circle's readable posts. Posts rank by bm25 with a thread's title weighing ten
 * times a word in a post (the title is indexed with the opening post only); hits are grouped
 * by thread, the threads in the order of their best hit. Hidden and deleted posts are not in the
 * index at all (indexPost keeps them out); the join checks it once more, and checks the circle
 * on the post itself, so an index row that went stale can never show another circle's words.
 */
export function searchCircle(
  circleId: number,
  query: string,
  { limit = 50 }: { limit?: number } = {},
): SearchThread[] {
  const match = ftsQuery(query);
  if (!match) return [];
  const rows = getDb().all<SearchRow>(sql`
    select post_search.rowid as postId, p.thread_id as threadId, t.title as title,
      highlight(post_search, 0, ${MARK_OPEN}, ${MARK_CLOSE}) as titleMarked,
      snippet(post_search, 1, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 16) as snippet,
      p.created_at as createdAt, u.name as authorName
    from post_search
      join post p on p.id = post_search.rowid
      join thread t on t.id = p.thread_id
      left join user u on u.id = p.author_id
    where post_search match ${match}
      and post_search.circle_id = ${circleId}
      and p.circle_id = ${circleId}
      and p.hidden_at is null and p.deleted_at is null
    order by bm25(post_search, 10.0, 1.0)
    limit ${limit}`);
  const byThread = new Map<number, SearchThread>();
  for (const row of rows) {
    let group = byThread.get(row.threadId);
    if (!group) {
      group = {
        threadId: row.threadId,
        title: row.title,
        titleHtml: markedToHtml(row.title),
        hits: [],
      };
      byThread.set(row.threadId, group);
    }
    // The opening post's row carries the title; use its highlighted form when it is current.
    if (row.titleMarked && stripMarks(row.titleMarked) === row.title)
      group.titleHtml = markedToHtml(row.titleMarked);
    group.hits.push({
      postId: row.postId,
      authorName: row.authorName,
      createdAt: new Date(row.createdAt).toISOString(),
      snippetHtml: markedToHtml(row.snippet),
    });
  }
  return [...byThread.values()];
}

function stripMarks(text: string) {
  return text.replace(new RegExp(`[${MARK_OPEN}${MARK_CLOSE}]`, "g"), "");
}
