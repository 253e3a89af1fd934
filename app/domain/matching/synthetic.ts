/**
 * Synthetic candidate pools with realistic distributions (weighted towards the provinces,
 * sectors, sizes and phases seen in the programmes), for tests and the benchmark.
 */
import type { Candidate } from "./model";
import { random } from "./model";
import {
  dayPartCodes,
  provinceCodes,
  themeCodes,
  type LifePhase,
  type Province,
  type Sector,
  type SizeClass,
} from "../taxonomy";

function weighted<T>(rand: () => number, items: Array<[T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r <= 0) return item;
  }
  return items[items.length - 1]![0];
}

const sectors: Array<[Sector, number]> = [
  ["C", 20],
  ["F", 12],
  ["G", 14],
  ["Q", 10],
  ["M", 12],
  ["I", 6],
  ["J", 8],
  ["H", 5],
  ["A", 5],
  ["N", 4],
  ["S", 4],
];
const sizes: Array<[SizeClass, number]> = [
  ["solo", 25],
  ["micro", 40],
  ["small", 25],
  ["medium", 10],
];
const phases: Array<[LifePhase, number]> = [
  ["starting", 12],
  ["growing", 20],
  ["established", 35],
  ["renewing", 15],
  ["succession", 18],
];
const provinces: Array<[Province, number]> = provinceCodes.map((p) => [
  p,
  ["OV", "GE", "NB"].includes(p) ? 15 : ["ZH", "NH", "UT"].includes(p) ? 8 : 4,
]);

export function syntheticPool(
  size: number,
  seed: number,
  { municipalities = 6 } = {},
): Candidate[] {
  const rand = random(seed);
  return Array.from({ length: size }, (_, i) => {
    const sector = weighted(rand, sectors);
    const themeCount = 1 + Math.floor(rand() * 3);
    const themes = [
      ...new Set(
        Array.from(
          { length: themeCount },
          () => themeCodes[Math.floor(rand() * themeCodes.length)]!,
        ),
      ),
    ];
    const dayParts = dayPartCodes.filter((_, k) => (k === 0 ? rand() < 0.75 : rand() < 0.35));
    return {
      id: i + 1,
      companyKey: `c${i + 1 - (rand() < 0.02 && i > 0 ? 1 : 0)}`,
      sector,
      division: rand() < 0.6 ? String(10 + Math.floor(rand() * 3)) : null,
      municipality: `m${Math.floor(rand() * municipalities)}`,
      province: weighted(rand, provinces),
      sizeClass: weighted(rand, sizes),
      lifePhase: weighted(rand, phases),
      companyRole: weighted(rand, [
        ["owner", 75],
        ["manager", 18],
        ["employee", 7],
      ] as const),
      themes,
      dayParts: dayParts.length ? dayParts : ["evening"],
      meetingMode: weighted(rand, [
        ["either", 50],
        ["in_person", 30],
        ["online", 20],
      ] as const),
      competitorsOk: rand() < 0.3,
    };
  });
}
