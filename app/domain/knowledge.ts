/**
 * Pure rules of the knowledge bank: reading time, slugs, the tag lists and whether an item may be
 * published. The model (app/models/knowledge.server.ts) and the pages use these.
 */
import type { Locale } from "../i18n/locales";
import type { KnowledgeKind, KnowledgeStatus } from "./states";
import { lifePhases, sectors, sizeClasses, themes, type Labelled } from "./taxonomy";

export const WORDS_PER_MINUTE = 200;

/** Minutes to read a text: words / 200, rounded up, at least 1. */
export function readingMinutes(text: string): number {
  const words = text.trim() ? text.trim().split(/\s+/u).length : 0;
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

export const SLUG_MAX = 80;

/**
 * A URL-safe slug from a title: lower case, accents dropped ("coöperatie" -> "cooperatie"),
 * everything that is not a letter or digit becomes one hyphen. Never empty.
 */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, "");
  return slug || "item";
}

/** Whether a slug could be one of ours (a cheap check before a lookup). */
export function isSlug(value: string | undefined): value is string {
  return (
    typeof value === "string" &&
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) &&
    value.length <= SLUG_MAX + 8
  );
}

/** Tools and links point somewhere; only http(s) addresses with a host name are accepted. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

/** The kinds that carry a link (a story and a scan may have one too, it is optional there). */
export const linkKinds: readonly KnowledgeKind[] = ["tool", "link"];

export type KnowledgeTags = {
  themes: readonly string[];
  sectors: readonly string[];
  lifePhases: readonly string[];
  sizeClasses: readonly string[];
};

export const tagTables = {
  themes,
  sectors,
  lifePhases,
  sizeClasses,
} as const satisfies Record<keyof KnowledgeTags, Record<string, Labelled>>;

/** The labels of an item's tags in one language, in the order of the lists. */
export function tagLabels(tags: KnowledgeTags, locale: Locale): string[] {
  return (Object.keys(tagTables) as (keyof KnowledgeTags)[]).flatMap((group) =>
    tags[group]
      .map((code) => (tagTables[group] as Record<string, Labelled>)[code]?.[locale])
      .filter((l): l is string => Boolean(l)),
  );
}

const TOKEN_PREFIX: Record<keyof KnowledgeTags, string> = {
  themes: "kwtheme",
  sectors: "kwsector",
  lifePhases: "kwphase",
  sizeClasses: "kwsize",
};

/**
 * A tag as one search token ("kwthemesustainability"): letters and digits only, so the FTS5
 * tokenizer keeps it whole. Filters match these in the index instead of reading the JSON
 * columns of every row (scripts/bench-knowledge.ts).
 */
export function tagToken(group: keyof KnowledgeTags, code: string): string {
  return `${TOKEN_PREFIX[group]}${code.toLowerCase().replace(/[^a-z0-9]/g, "")}`;
}

/**
 * The text the search index holds for the tags: every label in both languages (so
 * "duurzaamheid" finds an item tagged sustainability), then each tag's token, a theme's twice
 * (related items rank a shared theme above a shared sector).
 */
export function tagIndexText(tags: KnowledgeTags): string {
  const tokens = (Object.keys(TOKEN_PREFIX) as (keyof KnowledgeTags)[]).flatMap((group) =>
    tags[group].flatMap((code) => {
      const token = tagToken(group, code);
      return group === "themes" ? [token, token] : [token];
    }),
  );
  return [...tagLabels(tags, "nl"), ...tagLabels(tags, "en"), ...tokens].join(" · ");
}

/**
 * Whether an item can go public now: a draft or unpublished item with no pending approval and,
 * for a tool or link, an address.
 */
export function publishBlocker(item: {
  status: KnowledgeStatus;
  kind: KnowledgeKind;
  url: string | null;
  pendingApprovals: number;
}): "published" | "approval" | "url" | null {
  if (item.status === "published") return "published";
  if (item.pendingApprovals > 0) return "approval";
  if (linkKinds.includes(item.kind) && !item.url) return "url";
  return null;
}

/** How many tags two items share, weighing a theme twice (related items are found by this). */
export function tagOverlap(a: KnowledgeTags, b: KnowledgeTags): number {
  const shared = (x: readonly string[], y: readonly string[]) =>
    x.filter((v) => y.includes(v)).length;
  return (
    2 * shared(a.themes, b.themes) +
    shared(a.sectors, b.sectors) +
    shared(a.lifePhases, b.lifePhases) +
    shared(a.sizeClasses, b.sizeClasses)
  );
}
