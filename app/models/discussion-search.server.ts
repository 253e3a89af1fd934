/**
 * The discussions' search index: an FTS5 table (`post_search`, created in migration 0005) with
 * one row per readable post, keyed by the post id. The Unicode tokenizer with
 * remove_diacritics folds "ideeën" and "ideeen" to the same word in the index and in queries.
 * The discussions model calls indexPost/unindexPost in the transaction of every write, so the
 * index never shows a hidden or deleted post, nor misses a new one.
 */
import { sql } from "drizzle-orm";
import { getDb } from "../utils/db.server";
import { ftsQuery, MARK_CLOSE, MARK_OPEN, markedToHtml, stripMarks } from "../utils/fts.server";
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

// Moved to app/utils/fts.server.ts (the knowledge bank's search uses them too).
export { ftsQuery, markedToHtml, SEARCH_MAX_LENGTH, SEARCH_MIN_WORD } from "../utils/fts.server";

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
