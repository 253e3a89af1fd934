/**
 * The full-text search helpers shared by the discussions' index (post_search) and the knowledge
 * bank's (knowledge_search): user input to a safe FTS5 query, and snippet() output to escaped
 * HTML with <mark>. Both tables use the tokenizer `unicode61 remove_diacritics 2`.
 */

/** Words shorter than this are left out: a one-letter prefix matches nearly every post. */
export const SEARCH_MIN_WORD = 2;
/** More words than this add little and cost a phrase each; the rest is ignored. */
export const SEARCH_MAX_WORDS = 8;
export const SEARCH_MAX_LENGTH = 200;

/**
 * Private-use characters that cannot come from the tokenizer's own output as markup: snippet()
 * puts them around matches, and they become <mark> only after the text has been escaped.
 */
export const MARK_OPEN = "\uE000";
export const MARK_CLOSE = "\uE001";

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

/** The text without the snippet markers. */
export function stripMarks(text: string) {
  return text.replace(new RegExp(`[${MARK_OPEN}${MARK_CLOSE}]`, "g"), "");
}
