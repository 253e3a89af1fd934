/**
 * The knowledge bank's search on 10,000 published items: `npm run bench:knowledge`.
 * Fills a database in a temporary folder with synthetic items (Dutch words, diacritics, tags
 * spread over the taxonomy; each written through indexItem as the model does), then times typical
 * searches: median and worst of 50 runs each after a warm-up, in milliseconds, and prints a
 * Markdown table. The target (issue 18): every search well under 50 ms on this shared machine.
 * `npm run bench:knowledge -- 50000` for another size.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const SIZE = Number(process.argv[2] ?? 10_000);
const RUNS = 50;
const TARGET_MS = 50;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kringwijs-bench-knowledge-"));
process.env.DATABASE_PATH = path.join(dir, "bench.db");

const { getDb, migrateDatabase, closeDb } = await import("../app/utils/db.server");
const { knowledgeItems } = await import("../db/schema");
const { indexItem, relatedItems, searchKnowledge } =
  await import("../app/models/knowledge-search.server");
const { renderMarkdown } = await import("../app/utils/markdown.server");
const { themeCodes, sectorCodes, lifePhaseCodes, sizeClassCodes } =
  await import("../app/domain/taxonomy");

/** Topic words: each item has one or two, so each is in a few per cent of the items. */
const TOPICS = (
  "digitalisering opvolging familiebedrijf coöperatie ideeën samenwerking hogeschool stagiairs " +
  "export Duitsland financiering groeistap circulair bouwmaterialen zelforganisatie leiderschap " +
  "intervisie werkplaats productie kwaliteit software klantreis verkoop marketing werving " +
  "duurzaamheid energie subsidie investering strategie innovatie quickscan zorgtechniek bakkerij"
).split(" ");
const SYLLABLES =
  "be ver ge on der aan lei wer king stel ling heid baar lijk raad plan team kost prijs markt".split(
    " ",
  );

let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
const some = <T>(list: readonly T[], max: number) => [
  ...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(list))),
];
/** A vocabulary of 4,000 made-up words, drawn with a skew like real text (a few are common). */
const VOCABULARY = Array.from(
  { length: 4_000 },
  (_, i) =>
    [pick(SYLLABLES), pick(SYLLABLES), pick(SYLLABLES)].join("") + (i % 7 === 0 ? "en" : ""),
);
const word = () => VOCABULARY[Math.floor(VOCABULARY.length * random() ** 2.5)]!;
const sentence = (n: number, extra: string[] = []) => {
  const words = Array.from({ length: n }, word);
  for (const e of extra) words.splice(Math.floor(random() * words.length), 0, e);
  return words.join(" ") + ".";
};

function fill() {
  const db = getDb();
  migrateDatabase(db);
  const kinds = ["story", "story", "story", "tool", "scan", "link"] as const;
  const started = performance.now();
  db.transaction((tx) => {
    for (let i = 0; i < SIZE; i++) {
      // "ondernemer" in half the items: the worst case of a word nearly everything has.
      const topics = [pick(TOPICS), pick(TOPICS), ...(i % 2 ? ["ondernemer"] : [])];
      const body = Array.from({ length: 6 }, (_, p) => sentence(40, p === 2 ? topics : [])).join(
        "\n\n",
      );
      const { id } = tx
        .insert(knowledgeItems)
        .values({
          kind: pick(kinds),
          slug: `item-${i}`,
          title: `${sentence(5, random() < 0.3 ? [pick(TOPICS)] : [])} ${i}`,
          summary: sentence(20),
          body,
          bodyHtml: renderMarkdown(body),
          status: "published",
          publishedAt: new Date(Date.now() - i * 60_000),
          themes: some(themeCodes, 3),
          sectors: some(sectorCodes, 2),
          lifePhases: some(lifePhaseCodes, 2),
          sizeClasses: some(sizeClassCodes, 2),
        })
        .returning({ id: knowledgeItems.id })
        .get();
      indexItem(tx, id);
    }
  });
  return performance.now() - started;
}

function time(run: () => unknown) {
  for (let i = 0; i < 5; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, worst: times[times.length - 1]! };
}

const fillMs = fill();
const cases: [string, () => unknown][] = [
  ["no words: the newest 20", () => searchKnowledge({})],
  ["no words, theme filter", () => searchKnowledge({ theme: "finance" })],
  ["a topic word: `opvolging`", () => searchKnowledge({ q: "opvolging" })],
  ["prefix: `digitali`", () => searchKnowledge({ q: "digitali" })],
  ["diacritics folded: `cooperatie ideeen`", () => searchKnowledge({ q: "cooperatie ideeen" })],
  [
    "two words + theme + kind",
    () =>
      searchKnowledge({
        q: "opvolging familiebedrijf groei",
        theme: "succession_governance",
        kind: "story",
      }),
  ],
  ["page 5 of a topic word", () => searchKnowledge({ q: "export", page: 5 })],
  ["worst case: `ondernemer`, in half the items", () => searchKnowledge({ q: "ondernemer" })],
  ['hostile: `"NEAR(* -x`', () => searchKnowledge({ q: '"NEAR(* -x' })],
  ["related items (tag overlap)", () => relatedItems(1, { limit: 3 })],
];

const hits = searchKnowledge({ q: "ondernemer" }).total;
console.log(
  `\nKnowledge search, ${SIZE.toLocaleString("en")} published items (filled and indexed in ${(fillMs / 1000).toFixed(1)} s; "ondernemer" matches ${hits.toLocaleString("en")}).\n`,
);
console.log("| search | median ms | worst ms |");
console.log("| --- | ---: | ---: |");
let failed = false;
for (const [name, run] of cases) {
  const { median, worst } = time(run);
  if (median > TARGET_MS && !name.startsWith("worst")) failed = true;
  console.log(`| ${name} | ${median.toFixed(2)} | ${worst.toFixed(2)} |`);
}
console.log(
  `\nTarget: median under ${TARGET_MS} ms for each typical search: ${failed ? "NOT MET" : "met"}.`,
);
closeDb();
if (process.env.KEEP_BENCH_DB) console.log(process.env.DATABASE_PATH);
else fs.rmSync(dir, { recursive: true, force: true });
if (failed) process.exitCode = 1;
