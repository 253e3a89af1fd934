/**
 * Pure helpers of the ambassadors' profiles: the address (slug) from a name, the initials of
 * the avatar, what of a profile is public, and where a visit came from (`?bron=`).
 */
import { profileFields, type ProfileField } from "./states";

const SLUG_MAX = 60;

/** A name as an address part: plain lower-case ascii and dashes ("Rachid Benali" -> "rachid-benali"). */
export function slugBase(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/æ/gi, "ae")
    .replace(/ø/gi, "o")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/, "");
  return slug || "ambassadeur";
}

/**
 * A slug for `name` that `taken` does not hold yet: the plain one, else with -2, -3, ...
 * `taken` is asked per candidate, so a caller can look each up in the database.
 */
export function uniqueSlug(name: string, taken: (slug: string) => boolean): string {
  const base = slugBase(name);
  if (!taken(base)) return base;
  for (let n = 2; n < 10_000; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
  throw new Error("no free slug");
}

/** What a profile's address may look like; anything else is simply not found. */
export function isSlug(value: unknown): value is string {
  return (
    typeof value === "string" && value.length <= 80 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)
  );
}

/** One or two letters for the avatar: first and last name ("Henk de Wolters" -> "HW"). */
export function initials(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0 && /\p{L}|\p{N}/u.test(w));
  // Dutch surname particles are not the initial of the surname.
  const particles = new Set([
    "van",
    "de",
    "der",
    "den",
    "het",
    "ter",
    "ten",
    "te",
    "op",
    "in",
    "'t",
  ]);
  const first = words[0];
  if (!first) return "?";
  const rest = words.slice(1).filter((w) => !particles.has(w.toLowerCase()));
  const last = rest[rest.length - 1];
  const letter = (w: string) => (w.match(/\p{L}|\p{N}/u)?.[0] ?? "").toLocaleUpperCase("nl");
  return letter(first) + (last ? letter(last) : "");
}

/** Only known field names, each once, in the list's order (a stored list may hold old names). */
export function normalisePublicFields(fields: readonly string[]): ProfileField[] {
  return profileFields.filter((f) => fields.includes(f));
}

export function isPublic(fields: readonly string[], field: ProfileField): boolean {
  return fields.includes(field);
}

/**
 * The profile as the public sees it: every hidden field taken out (not blanked in the page: not
 * in the data at all). The name always shows.
 */
export function publicView<
  T extends {
    name: string;
    slug: string;
    headline: string;
    companyName: string;
    sector: string | null;
    sizeClass: string | null;
    lifePhase: string | null;
    province: string | null;
    themes: string[];
    bioHtml: string;
    offers: string[];
    availability: string;
    hasPhoto: boolean;
    publicFields: string[];
  },
>(p: T) {
  const show = (f: ProfileField) => isPublic(p.publicFields, f);
  return {
    name: p.name,
    slug: p.slug,
    headline: p.headline,
    hasPhoto: show("photo") && p.hasPhoto,
    companyName: show("company") && p.companyName ? p.companyName : null,
    sector: show("sector") ? p.sector : null,
    sizeClass: show("sizeClass") ? p.sizeClass : null,
    lifePhase: show("lifePhase") ? p.lifePhase : null,
    province: show("province") ? p.province : null,
    themes: show("themes") ? p.themes : [],
    bioHtml: show("bio") && p.bioHtml ? p.bioHtml : null,
    offers: show("offers") ? p.offers : [],
    availability: show("availability") && p.availability ? p.availability : null,
  };
}
export type PublicAmbassador = ReturnType<typeof publicView>;

/** Where a visit came from, as counted: a short allow-list, anything else "direct". */
export const reachSources = ["qr", "kaart", "mail", "social", "kennisbank", "direct"] as const;
export type ReachSource = (typeof reachSources)[number];

export function readSource(value: string | null | undefined): ReachSource {
  const v = (value ?? "").trim().toLowerCase();
  return (reachSources as readonly string[]).includes(v) ? (v as ReachSource) : "direct";
}

/** A scan of the business card's QR code is a card scan; every other visit a profile view. */
export function reachKindFor(source: ReachSource): "card_scan" | "profile_view" {
  return source === "qr" ? "card_scan" : "profile_view";
}

/** The day a count belongs to, in Amsterdam (where the ambassadors are): YYYY-MM-DD. */
export function reachDay(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Amsterdam",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}

/** Escapes text for XML/SVG content and attribute values. */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
      // Characters XML 1.0 does not allow at all.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
  );
}

/** Cuts a line to `max` characters on a word boundary, with an ellipsis. */
export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
