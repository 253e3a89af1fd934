/**
 * Borging: before a meeting's summary or a thread's outcome becomes a knowledge-bank draft, the
 * names of the people and companies in it must go. Two checks, both pure:
 * - `findKnownNames`: the circle's own people and companies (the model passes them), found
 *   whole-word, case- and diacritics-insensitively, first and last names on their own too.
 *   These are certain, and the draft cannot be saved while one is left.
 * - `findLikelyNames`: capitalised words in the middle of a sentence, which in Dutch are mostly
 *   names (of people, companies, places). A hint for the coach, who confirms having looked.
 * `redactKnownNames` replaces the known ones with a neutral placeholder to start from.
 */

export type KnownName = { text: string; kind: "person" | "company" };
export type NameHit = { text: string; kind: "person" | "company" | "likely"; index: number };

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("nl");

/** Dutch name particles: never a name on their own. */
const PARTICLES = new Set(["van", "de", "der", "den", "het", "ter", "ten", "te", "el", "la", "le"]);
/** Words too common to flag when they are part of a company name ("Bakkerij", "BV"). */
const COMPANY_WORDS = new Set([
  "bv",
  "b.v.",
  "nv",
  "vof",
  "en",
  "zonen",
  "groep",
  "holding",
  "bakkerij",
  "metaalbewerking",
  "techniek",
  "installatietechniek",
  "zorgtechniek",
  "familiebakkerij",
  "bouw",
  "cooperatie",
  "stichting",
  "vereniging",
  "media",
  "design",
  "consultancy",
  "advies",
  "services",
]);

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The strings to look for: the whole name, and its parts that identify on their own. */
export function nameVariants(name: KnownName): string[] {
  const whole = name.text.trim().replace(/\s+/g, " ");
  if (whole.length < 2) return [];
  const parts = whole
    .split(" ")
    .filter((p) => p.length >= 3 && !PARTICLES.has(fold(p)) && !COMPANY_WORDS.has(fold(p)));
  // "Lotte van Dijk": "Lotte van Dijk", "van Dijk", "Lotte", "Dijk".
  const words = whole.split(" ");
  const surname =
    name.kind === "person" && words.length > 2 && PARTICLES.has(fold(words[1]!))
      ? [words.slice(1).join(" ")]
      : [];
  return [...new Set([whole, ...surname, ...parts])].sort((a, b) => b.length - a.length);
}

/** Every place a known name (or a telling part of it) occurs, longest match first, no overlaps. */
export function findKnownNames(text: string, names: KnownName[]): NameHit[] {
  const folded = fold(text);
  const hits: NameHit[] = [];
  const taken: Array<[number, number]> = [];
  const variants = names
    .flatMap((name) => nameVariants(name).map((v) => ({ v, kind: name.kind })))
    .sort((a, b) => b.v.length - a.v.length);
  for (const { v, kind } of variants) {
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${escapeRegExp(fold(v))}(?![\\p{L}\\p{N}])`,
      "gu",
    );
    for (const m of folded.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      hits.push({ text: text.slice(start, end), kind, index: start });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** Known names replaced by a neutral placeholder, so the coach starts from an anonymous text. */
export function redactKnownNames(
  text: string,
  names: KnownName[],
  placeholders: { person: string; company: string },
): string {
  const hits = findKnownNames(text, names);
  let out = "";
  let at = 0;
  for (const hit of hits) {
    out += text.slice(at, hit.index) + placeholders[hit.kind as "person" | "company"];
    at = hit.index + hit.text.length;
  }
  return out + text.slice(at);
}

/** Capitalised words that start no sentence, list item or heading: probably names. */
export function findLikelyNames(text: string, ignore: readonly string[] = []): NameHit[] {
  const skip = new Set(ignore.map(fold));
  const hits: NameHit[] = [];
  const word = /[\p{Lu}][\p{L}\p{M}'-]+/gu;
  for (const m of text.matchAll(word)) {
    const before = text.slice(0, m.index).replace(/[ \t"'“‘(*_]+$/u, "");
    // The start of the text, a sentence, a line (list items, headings) or a quote: no hint.
    if (before === "" || /[.!?:\n#>-]$/.test(before) || /\n\s*(\d+[.)])?$/.test(before)) continue;
    if (skip.has(fold(m[0]))) continue;
    hits.push({ text: m[0], kind: "likely", index: m.index });
  }
  return hits;
}
