/**
 * A compact form of the pool for the engine's inner loops: every candidate as small integers
 * (day-parts and themes as bit masks, province, phase, size, role, sector, municipality, division
 * and company as indices), and the pairwise fit and hard constraints computed from lookup tables.
 * The results are the same as model.ts `pairFit` and `compatible` (same arithmetic, same order),
 * which fast.test.ts checks on random pairs; the engine decides with these, and every reported
 * score is computed again with model.ts.
 */
import {
  neighbouring,
  phaseFit,
  regionFit,
  roleFit,
  sectorFit,
  sizeFit,
  type Candidate,
  type Policy,
} from "./model";
import {
  dayPartCodes,
  lifePhaseCodes,
  provinceCodes,
  themeCodes,
  type CompanyRole,
  type SizeClass,
} from "../taxonomy";

export type Person = {
  /** Index in the engine's ordered pool. */
  index: number;
  c: Candidate;
  mask: number;
  province: number;
  phase: number;
  size: number;
  role: number;
  themes: number;
  themeCount: number;
  sector: number;
  municipality: number;
  division: number;
  company: number;
  competitorsOk: boolean;
};

const sizeCodes: SizeClass[] = ["solo", "micro", "small", "medium"];
const roleCodes: CompanyRole[] = ["owner", "manager", "employee"];

export const dayPartBit = (k: number) => 1 << k;
export const FULL_MASK = (1 << dayPartCodes.length) - 1;

export function popcount(x: number) {
  let n = 0;
  while (x) {
    x &= x - 1;
    n++;
  }
  return n;
}

function table<T, V>(codes: readonly T[], fit: (a: T, b: T) => V): V[][] {
  return codes.map((a) => codes.map((b) => fit(a, b)));
}

export type Space = {
  people: Person[];
  fit(a: Person, b: Person): number;
  ok(a: Person, b: Person): boolean;
  /** Whether two people could share a circle if the competitor rule did not exist. */
  okIgnoringCompetitors(a: Person, b: Person): boolean;
  /** Whether two people could share a circle if provinces did not matter. */
  okIgnoringRegion(a: Person, b: Person): boolean;
  /** Province indices a person in this province may share an in-person circle with. */
  reachable: number[][];
  inPerson: boolean;
};

/** Builds the compact form of `pool` (in the order given) for `policy`. */
export function buildSpace(pool: readonly Candidate[], policy: Policy): Space {
  const intern = () => {
    const map = new Map<string, number>();
    return (key: string) => {
      let v = map.get(key);
      if (v === undefined) map.set(key, (v = map.size));
      return v;
    };
  };
  const municipalityId = intern();
  const divisionId = intern();
  const sectorId = intern();
  const companyId = intern();
  const sectorNames: string[] = [];
  const people = pool.map((c, index): Person => {
    let mask = 0;
    for (const d of c.dayParts) {
      const k = dayPartCodes.indexOf(d);
      if (k >= 0) mask |= dayPartBit(k);
    }
    let themes = 0;
    for (const t of c.themes) {
      const k = themeCodes.indexOf(t);
      if (k >= 0) themes |= 1 << k;
    }
    const sector = sectorId(c.sector);
    sectorNames[sector] = c.sector;
    return {
      index,
      c,
      mask,
      province: provinceCodes.indexOf(c.province),
      phase: lifePhaseCodes.indexOf(c.lifePhase),
      size: sizeCodes.indexOf(c.sizeClass),
      role: roleCodes.indexOf(c.companyRole),
      themes,
      themeCount: c.themes.length,
      sector,
      municipality: municipalityId(c.municipality.trim().toLowerCase()),
      division: c.division ? divisionId(c.division) : -1,
      company: companyId(c.companyKey),
      competitorsOk: c.competitorsOk,
    };
  });
  const phaseTable = table(lifePhaseCodes, phaseFit);
  const sizeTable = table(sizeCodes, sizeFit);
  const roleTable = table(roleCodes, roleFit);
  const sectorSame = sectorFit("C", "C", policy.sectorPolicy);
  const sectorOther = sectorFit("C", "F", policy.sectorPolicy);
  const regionTable = table(provinceCodes, regionFit);
  const near = table(provinceCodes, neighbouring);
  const reachable = provinceCodes.map((_, a) =>
    provinceCodes.map((_, b) => b).filter((b) => near[a]![b]),
  );
  const w = policy.weights;
  const inPerson = policy.meetingMode === "in_person";
  const regionWeight = inPerson ? w.region : 0;
  const total = w.phase + w.size + w.role + w.themes + w.sector + regionWeight;

  const themeFit = (a: Person, b: Person) => {
    if (a.themeCount === 0 || b.themeCount === 0) return 0;
    const shared = popcount(a.themes & b.themes);
    return shared / (a.themeCount + b.themeCount - shared);
  };
  const fit = (a: Person, b: Person) => {
    if (total <= 0) return 0;
    return (
      (w.phase * phaseTable[a.phase]![b.phase]! +
        w.size * sizeTable[a.size]![b.size]! +
        w.role * roleTable[a.role]![b.role]! +
        w.themes * themeFit(a, b) +
        w.sector * (a.sector === b.sector ? sectorSame : sectorOther) +
        regionWeight * (regionWeight > 0 ? regionTable[a.province]![b.province]! : 0)) /
      total
    );
  };
  const rivals = (a: Person, b: Person) =>
    a.municipality === b.municipality &&
    (a.division >= 0 && b.division >= 0 ? a.division === b.division : a.sector === b.sector) &&
    !(a.competitorsOk && b.competitorsOk);
  const okIgnoringCompetitors = (a: Person, b: Person): boolean =>
    a.index !== b.index &&
    a.company !== b.company &&
    (a.mask & b.mask) !== 0 &&
    (!inPerson || near[a.province]![b.province]!);
  const okIgnoringRegion = (a: Person, b: Person): boolean =>
    a.index !== b.index && a.company !== b.company && (a.mask & b.mask) !== 0 && !rivals(a, b);
  const ok = (a: Person, b: Person) => okIgnoringCompetitors(a, b) && !rivals(a, b);
  return { people, fit, ok, okIgnoringCompetitors, okIgnoringRegion, reachable, inPerson };
}
