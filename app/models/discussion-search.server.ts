/**
 * The discussions' search index: an FTS5 table (`post_search`, created in migration 0005) with
 * one row per readable post, keyed by the post id. The Unicode tokenizer with
 * remove_diacritics folds "ideeën" and "ideeen" to the same word in the index and in queries.
 * The discussions model calls indexPost/unindexPost in the transaction of every write, so the
 * index never shows a hidden or deleted post, nor misses a new one.
 */
import { sql } from "drizzle-orm";
import type { getDb } from "../utils/db.server";
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
