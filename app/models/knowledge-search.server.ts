/**
 * The knowledge bank's search: an FTS5 table (`knowledge_search`, migration 0008) with one row
 * per published item, rowid = the item's id, and the same tokenizer and query rules as the
 * discussions' search (app/utils/fts.server.ts): diacritics-insensitive ("coöperatie" and
 * "cooperatie" are the same word), every word a prefix, ranked by bm25 with the title weighing
 * most, snippets escaped with only <mark> added. The model calls indexItem in the transaction
 * of every change, so an unpublished or edited item is reflected at once.
 */
import { sql, type SQL } from "drizzle-orm";
import { tagIndexText } from "../domain/knowledge";
import type { KnowledgeKind } from "../domain/states";
import { getDb } from "../utils/db.server";
import { ftsQuery, MARK_CLOSE, MARK_OPEN, markedToHtml } from "../utils/fts.server";
import { htmlToText } from "../utils/markdown.server";

type Tx = Pick<ReturnType<typeof getDb>, "run" | "get">;

/** bm25 weights of the columns title, summary, body, tags: a title match ranks first. */
const WEIGHTS = sql.raw("bm25(knowledge_search, 10.0, 4.0, 1.0, 2.0)");

/** (Re)writes an item's row from its current state; an item that is not published is removed. */
export function indexItem(tx: Tx, itemId: number) {
  tx.run(sql`delete from knowledge_search where rowid = ${itemId}`);
  const row = tx.get<
    | {
        title: string;
        summary: string;
        bodyHtml: string;
        themes: string;
        sectors: string;
        lifePhases: string;
        sizeClasses: string;
      }
    | undefined
  >(sql`select title, summary, body_html as bodyHtml, themes, sectors,
      life_phases as lifePhases, size_classes as sizeClasses
    from knowledge_item where id = ${itemId} and status = 'published'`);
  if (!row) return;
  const tags = tagIndexText({
    themes: parseList(row.themes),
    sectors: parseList(row.sectors),
    lifePhases: parseList(row.lifePhases),
    sizeClasses: parseList(row.sizeClasses),
  });
  tx.run(sql`insert into knowledge_search (rowid, title, summary, body, tags)
    values (${itemId}, ${row.title}, ${row.summary}, ${htmlToText(row.bodyHtml)}, ${tags})`);
}

export function unindexItem(tx: Tx, itemId: number) {
  tx.run(sql`delete from knowledge_search where rowid = ${itemId}`);
}

function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

export const KNOWLEDGE_PAGE_SIZE = 20;
/** Pages beyond this are not served (nobody pages that far; it bounds the OFFSET). */
export const KNOWLEDGE_MAX_PAGE = 500;

export type KnowledgeFilters = {
  q?: string;
  kind?: KnowledgeKind;
  theme?: string;
  sector?: string;
  lifePhase?: string;
  sizeClass?: string;
  /** 1-based. */
  page?: number;
  pageSize?: number;
};

export type KnowledgeHit = {
  id: number;
  kind: KnowledgeKind;
  slug: string;
  title: string;
  summary: string;
  url: string | null;
  /** The title, escaped, with <mark> around matched words; safe to set as HTML. */
  titleHtml: string;
  /** The summary, escaped, marked like the title. */
  summaryHtml: string;
  /** A marked excerpt of the body when the body matched (escaped); null otherwise. */
  snippetHtml: string | null;
  themes: string[];
  sectors: string[];
  lifePhases: string[];
  sizeClasses: string[];
  ambassadorName: string | null;
  publishedAt: string | null;
};

export type KnowledgeResults = {
  hits: KnowledgeHit[];
  total: number;
  page: number;
  pageCount: number;
  /** The query had words to search for (otherwise: the newest items). */
  searched: boolean;
};

type Row = {
  id: number;
  kind: KnowledgeKind;
  slug: string;
  title: string;
  summary: string;
  url: string | null;
  titleMarked: string | null;
  summaryMarked: string | null;
  snippet: string | null;
  themes: string;
  sectors: string;
  lifePhases: string;
  sizeClasses: string;
  ambassadorName: string | null;
  publishedAt: number | null;
};

function filterSql(f: KnowledgeFilters): SQL {
  const parts: SQL[] = [sql`k.status = 'published'`];
  if (f.kind) parts.push(sql`k.kind = ${f.kind}`);
  const tag = (column: string, value: string | undefined) => {
    if (value)
      parts.push(
        sql`exists (select 1 from json_each(${sql.raw(`k.${column}`)}) where value = ${value})`,
      );
  };
  tag("themes", f.theme);
  tag("sectors", f.sector);
  tag("life_phases", f.lifePhase);
  tag("size_classes", f.sizeClass);
  return sql.join(parts, sql` and `);
}

const COLUMNS = sql`k.id as id, k.kind as kind, k.slug as slug, k.title as title,
  k.summary as summary, k.url as url, k.themes as themes, k.sectors as sectors,
  k.life_phases as lifePhases, k.size_classes as sizeClasses, u.name as ambassadorName,
  k.published_at as publishedAt`;

/**
 * Searches the published items. With words: ranked by bm25 (title first); without: the newest
 * published items. Filters by kind and by a theme, sector, life phase or size class the item is
 * tagged with; 20 per page. Only published items show, whatever the index holds.
 */
export function searchKnowledge(filters: KnowledgeFilters): KnowledgeResults {
  const db = getDb();
  const pageSize = filters.pageSize ?? KNOWLEDGE_PAGE_SIZE;
  const page = Math.min(Math.max(1, Math.floor(filters.page ?? 1)), KNOWLEDGE_MAX_PAGE);
  const offset = (page - 1) * pageSize;
  const where = filterSql(filters);
  const match = filters.q ? ftsQuery(filters.q) : null;
  let rows: Row[];
  let total: number;
  if (match) {
    total =
      db.get<{ n: number }>(sql`select count(*) as n from knowledge_search
        join knowledge_item k on k.id = knowledge_search.rowid
        where knowledge_search match ${match} and ${where}`)?.n ?? 0;
    rows = db.all<Row>(sql`select ${COLUMNS},
        highlight(knowledge_search, 0, ${MARK_OPEN}, ${MARK_CLOSE}) as titleMarked,
        highlight(knowledge_search, 1, ${MARK_OPEN}, ${MARK_CLOSE}) as summaryMarked,
        snippet(knowledge_search, 2, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 24) as snippet
      from knowledge_search
        join knowledge_item k on k.id = knowledge_search.rowid
        left join user u on u.id = k.ambassador_id
      where knowledge_search match ${match} and ${where}
      order by ${WEIGHTS}, k.published_at desc
      limit ${pageSize} offset ${offset}`);
  } else {
    total =
      db.get<{ n: number }>(sql`select count(*) as n from knowledge_item k where ${where}`)?.n ?? 0;
    rows = db.all<Row>(sql`select ${COLUMNS}, null as titleMarked, null as summaryMarked,
        null as snippet
      from knowledge_item k left join user u on u.id = k.ambassador_id
      where ${where}
      order by k.published_at desc, k.id desc
      limit ${pageSize} offset ${offset}`);
  }
  return {
    hits: rows.map(toHit),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    searched: match !== null,
  };
}

/** A marked text when it is the current text (a stale index row falls back to the plain one). */
function marked(markedText: string | null, plain: string) {
  if (
    markedText &&
    markedText.replace(new RegExp(`[${MARK_OPEN}${MARK_CLOSE}]`, "g"), "") === plain
  )
    return markedToHtml(markedText);
  return markedToHtml(plain);
}

function toHit(row: Row): KnowledgeHit {
  return {
    id: row.id,
    kind: row.kind,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    url: row.url,
    titleHtml: marked(row.titleMarked, row.title),
    summaryHtml: marked(row.summaryMarked, row.summary),
    snippetHtml: row.snippet && row.snippet.includes(MARK_OPEN) ? markedToHtml(row.snippet) : null,
    themes: parseList(row.themes),
    sectors: parseList(row.sectors),
    lifePhases: parseList(row.lifePhases),
    sizeClasses: parseList(row.sizeClasses),
    ambassadorName: row.ambassadorName,
    publishedAt: row.publishedAt ? new Date(row.publishedAt).toISOString() : null,
  };
}

export type RelatedItem = {
  id: number;
  kind: KnowledgeKind;
  slug: string;
  title: string;
  summary: string;
  score: number;
};

/**
 * Published items that share themes (counted twice), sectors, life phases or size classes with
 * an item, the most overlap first, then the newest. `kind` limits them (e.g. "story").
 */
export function relatedItems(
  itemId: number,
  { limit = 3, kind }: { limit?: number; kind?: KnowledgeKind } = {},
): RelatedItem[] {
  const overlap = (column: string) =>
    sql.raw(`(select count(*) from json_each(k.${column})
      where value in (select value from json_each(src.${column})))`);
  return getDb().all<RelatedItem>(sql`select * from (
      select k.id as id, k.kind as kind, k.slug as slug, k.title as title, k.summary as summary,
        k.published_at as publishedAt,
        2 * ${overlap("themes")} + ${overlap("sectors")} + ${overlap("life_phases")}
          + ${overlap("size_classes")} as score
      from knowledge_item k, knowledge_item src
      where src.id = ${itemId} and k.id != src.id and k.status = 'published'
        ${kind ? sql`and k.kind = ${kind}` : sql``}
    ) where score > 0
    order by score desc, publishedAt desc
    limit ${limit}`);
}
