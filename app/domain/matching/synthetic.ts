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

/**
 * The Netherlands' 342 municipalities (2024) by province, and the provinces' populations in
 * thousands (CBS, 2024): the default pool puts candidates in a municipality with the odds of where
 * people live, larger towns more often (Zipf within a province).
 */
const municipalitiesPerProvince: Record<Province, number> = {
  GR: 10,
  FR: 18,
  DR: 12,
  OV: 25,
  FL: 6,
  GE: 51,
  UT: 26,
  NH: 44,
  ZH: 50,
  ZE: 13,
  NB: 56,
  LI: 31,
};
const populationPerProvince: Record<Province, number> = {
  GR: 596,
  FR: 659,
  DR: 502,
  OV: 1184,
  FL: 444,
  GE: 2133,
  UT: 1387,
  NH: 2952,
  ZH: 3804,
  ZE: 391,
  NB: 2626,
  LI: 1118,
};
const dutchMunicipalities: Array<[{ name: string; province: Province }, number]> =
  provinceCodes.flatMap((province) => {
    const count = municipalitiesPerProvince[province];
    const harmonic = Array.from({ length: count }, (_, k) => 1 / (k + 1)).reduce((s, v) => s + v);
    return Array.from({ length: count }, (_, k): [{ name: string; province: Province }, number] => [
      { name: `${province.toLowerCase()}-${k + 1}`, province },
      (populationPerProvince[province] * (1 / (k + 1))) / harmonic,
    ]);
  });
export const DUTCH_MUNICIPALITY_COUNT = dutchMunicipalities.length;

export type PoolShape =
  /** Like the Netherlands: 342 municipalities, real province sizes (the benchmark's default). */
  | "netherlands"
  /** Everyone in one municipality (Utrecht): direct competitors everywhere. */
  | "oneMunicipality"
  /** Clusters of 30 direct competitors (same division, same town, same evenings) and the rest. */
  | "competitorClusters"
  /** One municipality where nine in ten do not mind a competitor. */
  | "competitorsOk";

export const poolShapes: PoolShape[] = [
  "netherlands",
  "oneMunicipality",
  "competitorClusters",
  "competitorsOk",
];

/**
 * A synthetic pool. With `municipalities` (the older form, used by the tests) candidates are
 * spread over that many municipalities m0..m{n-1} whatever their province; with `shape` they get a
 * municipality and the province it lies in.
 */
export function syntheticPool(
  size: number,
  seed: number,
  { municipalities, shape }: { municipalities?: number; shape?: PoolShape } = {},
): Candidate[] {
  const rand = random(seed);
  const base = Array.from({ length: size }, (_, i): Candidate => {
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
    const division = rand() < 0.6 ? String(10 + Math.floor(rand() * 3)) : null;
    const oldMunicipality = `m${Math.floor(rand() * (municipalities ?? 6))}`;
    const oldProvince = weighted(rand, provinces);
    return {
      id: i + 1,
      companyKey: `c${i + 1 - (rand() < 0.02 && i > 0 ? 1 : 0)}`,
      sector,
      division,
      municipality: oldMunicipality,
      province: oldProvince,
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
  if (!shape) return base;
  const place = random(seed ^ 0x5bd1e995);
  return base.map((c, i) => {
    if (shape === "oneMunicipality" || shape === "competitorsOk")
      return {
        ...c,
        municipality: "Utrecht",
        province: "UT" as const,
        competitorsOk: shape === "competitorsOk" ? place() < 0.9 : c.competitorsOk,
      };
    const town = weighted(place, dutchMunicipalities);
    const placed = { ...c, municipality: town.name, province: town.province };
    if (shape === "competitorClusters" && i % 10 < 6) {
      // Six in ten belong to a cluster of 30: one trade in one town, all on the same evening.
      const cluster = Math.floor(i / 50);
      const anchor = dutchMunicipalities[(cluster * 7919) % dutchMunicipalities.length]![0];
      return {
        ...placed,
        municipality: anchor.name,
        province: anchor.province,
        sector: "F" as const,
        division: "43",
        dayParts: ["evening" as const],
        competitorsOk: false,
      };
    }
    return placed;
  });
}

/** One plain candidate for a hand-built pool in a test: change only what the case is about. */
export function person(id: number, fields: Partial<Candidate> = {}): Candidate {
  return {
    id,
    companyKey: `company-${id}`,
    sector: "C",
    division: null,
    municipality: `town-${id}`,
    province: "GE",
    sizeClass: "micro",
    lifePhase: "established",
    companyRole: "owner",
    themes: ["growth"],
    dayParts: ["evening"],
    meetingMode: "either",
    competitorsOk: false,
    ...fields,
  };
}
