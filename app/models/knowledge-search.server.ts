/**
 * The knowledge bank's search: an FTS5 table (`knowledge_search`, migration 0008) with one row
 * per published item, rowid = the item's id, and the same tokenizer and query rules as the
 * discussions' search (app/utils/fts.server.ts): diacritics-insensitive ("coöperatie" and
 * "cooperatie" are the same word), every word a prefix, ranked by bm25 with the title weighing
 * most, snippets escaped with only <mark> added. The model calls indexItem in the transaction
 * of every change, so an unpublished or edited item is reflected at once.
 */
import { sql } from "drizzle-orm";
import { tagIndexText, tagToken, type KnowledgeTags } from "../domain/knowledge";
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
        kind: KnowledgeKind;
        title: string;
        summary: string;
        bodyHtml: string;
        themes: string;
        sectors: string;
        lifePhases: string;
        sizeClasses: string;
      }
    | undefined
  >(sql`select kind, title, summary, body_html as bodyHtml, themes, sectors,
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
    values (${itemId}, ${row.title}, ${row.summary}, ${htmlToText(row.bodyHtml)},
      ${`${tags} · ${kindToken(row.kind)}`})`);
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

/**
 * The filters as FTS5 terms on the tags column (their tokens, see tagToken), or null for none.
 * Reading the JSON columns instead meant reading every item's whole row, body included: 35 ms on
 * 10,000 items against under 1 ms in the index (bench:knowledge).
 */
/** The kind as a token in the tags column too: the kind column is not in the status index. */
const kindToken = (kind: KnowledgeKind) => `kwkind${kind}`;

function tagMatch(f: KnowledgeFilters): string | null {
  const terms: string[] = [];
  if (f.kind) terms.push(`tags : "${kindToken(f.kind)}"`);
  const add = (group: keyof KnowledgeTags, code: string | undefined) => {
    if (code) terms.push(`tags : "${tagToken(group, code)}"`);
  };
  add("themes", f.theme);
  add("sectors", f.sector);
  add("lifePhases", f.lifePhase);
  add("sizeClasses", f.sizeClass);
  return terms.length ? terms.join(" AND ") : null;
}

/**
 * Published items, read from the status index rather than the rows: the
 * index holds only published items already, this keeps a stale row from ever showing. Used as
 * `+rowid in (...)`: the unary plus keeps SQLite from driving the FTS table by rowid from this
 * list (a MATCH per id: over a second on 10,000 items) instead of checking each match.
 */
const PUBLISHED = sql`(select id from knowledge_item where status = 'published')`;

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
  const words = filters.q ? ftsQuery(filters.q) : null;
  const tags = tagMatch(filters);
  const match = [words, tags].filter(Boolean).join(" AND ") || null;
  const published = PUBLISHED;
  let ids: number[];
  let total: number;
  if (words && match) {
    total =
      db.get<{ n: number }>(sql`select count(*) as n from knowledge_search
        where knowledge_search match ${match} and +rowid in ${published}`)?.n ?? 0;
    ids = db
      .all<{ id: number }>(
        sql`select rowid as id from knowledge_search
        where knowledge_search match ${match} and +rowid in ${published}
        order by ${WEIGHTS}
        limit ${pageSize} offset ${offset}`,
      )
      .map((r) => r.id);
  } else if (match) {
    // Filters without words: the newest first, from the status index.
    const matching = sql`(select rowid from knowledge_search where knowledge_search match ${match})`;
    const where = sql`k.status = 'published' and k.id in ${matching}`;
    total =
      db.get<{ n: number }>(sql`select count(*) as n from knowledge_item k where ${where}`)?.n ?? 0;
    ids = db
      .all<{ id: number }>(
        sql`select k.id as id from knowledge_item k
        where ${where} order by k.published_at desc, k.id desc
        limit ${pageSize} offset ${offset}`,
      )
      .map((r) => r.id);
  } else {
    const where = sql`k.status = 'published'`;
    total =
      db.get<{ n: number }>(sql`select count(*) as n from knowledge_item k where ${where}`)?.n ?? 0;
    ids = db
      .all<{ id: number }>(
        sql`select k.id as id from knowledge_item k
        where ${where} order by k.published_at desc, k.id desc
        limit ${pageSize} offset ${offset}`,
      )
      .map((r) => r.id);
  }
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  // Only the page's rows are read whole, and highlighted: snippet() on every match before the
  // sort was most of the time of a common word.
  const rows =
    ids.length === 0
      ? []
      : words
        ? db.all<Row>(sql`select ${COLUMNS},
            highlight(knowledge_search, 0, ${MARK_OPEN}, ${MARK_CLOSE}) as titleMarked,
            highlight(knowledge_search, 1, ${MARK_OPEN}, ${MARK_CLOSE}) as summaryMarked,
            snippet(knowledge_search, 2, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 24) as snippet
          from knowledge_search
            join knowledge_item k on k.id = knowledge_search.rowid
            left join user u on u.id = k.ambassador_id
          where knowledge_search match ${words} and knowledge_search.rowid in (${list})
            and k.status = 'published'`)
        : db.all<Row>(sql`select ${COLUMNS}, null as titleMarked, null as summaryMarked,
            null as snippet
          from knowledge_item k left join user u on u.id = k.ambassador_id
          where k.id in (${list}) and k.status = 'published'`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    hits: ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toHit(row)] : [];
    }),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    searched: words !== null,
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
};

/**
 * Published items that share themes (counted twice), sectors, life phases or size classes with
 * an item, the most overlap first. `kind` limits them (e.g. "story").
 */
export function relatedItems(
  itemId: number,
  { limit = 3, kind }: { limit?: number; kind?: KnowledgeKind } = {},
): RelatedItem[] {
  const db = getDb();
  const src = db.get<
    { themes: string; sectors: string; lifePhases: string; sizeClasses: string } | undefined
  >(sql`select themes, sectors, life_phases as lifePhases, size_classes as sizeClasses
    from knowledge_item where id = ${itemId}`);
  if (!src) return [];
  const tokens = [
    ...parseList(src.themes).map((c) => tagToken("themes", c)),
    ...parseList(src.sectors).map((c) => tagToken("sectors", c)),
    ...parseList(src.lifePhases).map((c) => tagToken("lifePhases", c)),
    ...parseList(src.sizeClasses).map((c) => tagToken("sizeClasses", c)),
  ];
  if (tokens.length === 0) return [];
  const only = kind ? `tags : "${kindToken(kind)}" AND ` : "";
  // Any shared tag, ranked by bm25 on the tags column alone: more shared tags first (a theme is
  // indexed twice, so it weighs double), and a rare tag above a common one.
  const match = `${only}tags : (${[...new Set(tokens)].map((t) => `"${t}"`).join(" OR ")})`;
  const ids = db
    .all<{ id: number }>(
      sql`select rowid as id from knowledge_search
      where knowledge_search match ${match} and rowid != ${itemId}
        and +rowid in ${PUBLISHED}
      order by bm25(knowledge_search, 0.0, 0.0, 0.0, 1.0)
      limit ${limit}`,
    )
    .map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = db.all<RelatedItem>(sql`select id, kind, slug, title, summary from knowledge_item
    where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}) and status = 'published'`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => (byId.get(id) ? [byId.get(id)!] : []));
}
