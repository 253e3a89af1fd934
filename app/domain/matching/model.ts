/**
 * The matching model: candidates, policy, hard constraints and the pairwise fit. Pure, no I/O.
 * The engine (engine.ts), the exact solver used as a test oracle and the product all score with
 * these functions, so "better" means the same thing everywhere.
 */
import type {
  CompanyRole,
  DayPart,
  LifePhase,
  Province,
  Sector,
  SizeClass,
  Theme,
} from "../taxonomy";

export type Candidate = {
  id: number;
  /** One person per company: two candidates with the same company never share a circle. */
  companyKey: string;
  sector: Sector;
  division: string | null;
  municipality: string;
  province: Province;
  sizeClass: SizeClass;
  lifePhase: LifePhase;
  companyRole: CompanyRole;
  themes: Theme[];
  dayParts: DayPart[];
  meetingMode: "in_person" | "online" | "either";
  /** Said they do not mind a direct competitor in their circle. */
  competitorsOk: boolean;
};

export const weightKeys = ["phase", "size", "role", "themes", "sector", "region"] as const;
export type WeightKey = (typeof weightKeys)[number];
export type Weights = Record<WeightKey, number>;

export type Policy = {
  sizeMin: number;
  sizeTarget: number;
  sizeMax: number;
  sectorPolicy: "same" | "mixed";
  meetingMode: "in_person" | "online";
  weights: Weights;
  /** The objective's penalties (defaultPenalties when absent). */
  penalties?: Penalties;
};

export const defaultWeights: Weights = {
  phase: 3,
  size: 2,
  role: 2,
  themes: 2,
  sector: 1,
  region: 1,
};

const adjacency: Record<Province, Province[]> = {
  GR: ["FR", "DR"],
  FR: ["GR", "DR", "OV", "FL", "NH"],
  DR: ["GR", "FR", "OV"],
  OV: ["DR", "FR", "FL", "GE"],
  FL: ["FR", "OV", "GE", "UT", "NH"],
  GE: ["OV", "FL", "UT", "ZH", "NB", "LI"],
  UT: ["FL", "GE", "ZH", "NH"],
  NH: ["FR", "FL", "UT", "ZH"],
  ZH: ["NH", "UT", "GE", "NB", "ZE"],
  ZE: ["ZH", "NB"],
  NB: ["ZE", "ZH", "GE", "LI"],
  LI: ["NB", "GE"],
};

export function neighbouring(a: Province, b: Province) {
  return a === b || adjacency[a].includes(b);
}

const phaseOrder: LifePhase[] = ["starting", "growing", "established", "renewing"];
const sizeOrder: SizeClass[] = ["solo", "micro", "small", "medium"];

/** Equal is best, adjacent is good, far is poor; succession fits only succession. */
export function phaseFit(a: LifePhase, b: LifePhase): number {
  if (a === b) return 1;
  if (a === "succession" || b === "succession") return 0;
  const d = Math.abs(phaseOrder.indexOf(a) - phaseOrder.indexOf(b));
  return d === 1 ? 0.6 : 0.1;
}

export function sizeFit(a: SizeClass, b: SizeClass): number {
  const d = Math.abs(sizeOrder.indexOf(a) - sizeOrder.indexOf(b));
  return d === 0 ? 1 : d === 1 ? 0.6 : 0.1;
}

/** Owners talk best with owners. */
export function roleFit(a: CompanyRole, b: CompanyRole): number {
  if (a === b) return 1;
  return a === "owner" || b === "owner" ? 0.3 : 0.7;
}

export function themeFit(a: readonly Theme[], b: readonly Theme[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.includes(t)) shared += 1;
  return shared / (a.length + b.length - shared);
}

export function sectorFit(a: Sector, b: Sector, policy: Policy["sectorPolicy"]): number {
  if (policy === "same") return a === b ? 1 : 0;
  return a === b ? 0.5 : 1;
}

export function regionFit(a: Province, b: Province): number {
  return a === b ? 1 : neighbouring(a, b) ? 0.6 : 0;
}

export type FitBreakdown = Record<WeightKey, number>;

/** The fit of two people, 0..1, as a weighted average of the dimensions. */
export function pairFit(a: Candidate, b: Candidate, policy: Policy): number {
  const w = policy.weights;
  const regionWeight = policy.meetingMode === "in_person" ? w.region : 0;
  const total = w.phase + w.size + w.role + w.themes + w.sector + regionWeight;
  if (total <= 0) return 0;
  return (
    (w.phase * phaseFit(a.lifePhase, b.lifePhase) +
      w.size * sizeFit(a.sizeClass, b.sizeClass) +
      w.role * roleFit(a.companyRole, b.companyRole) +
      w.themes * themeFit(a.themes, b.themes) +
      w.sector * sectorFit(a.sector, b.sector, policy.sectorPolicy) +
      regionWeight * (regionWeight > 0 ? regionFit(a.province, b.province) : 0)) /
    total
  );
}

/**
 * What the company rules look at. A candidate always has all of it; a member or applicant whose
 * company is incomplete may lack a sector or municipality, and then is nobody's direct competitor.
 */
export type CompanyFacts = {
  companyKey: string;
  sector: Sector | null;
  division: string | null;
  municipality: string | null;
  competitorsOk: boolean;
};

/** Same SBI division (or section when a division is missing) in the same municipality. */
export function directCompetitors(a: CompanyFacts, b: CompanyFacts): boolean {
  if (!a.municipality || !b.municipality || !a.sector || !b.sector) return false;
  if (a.municipality.trim().toLowerCase() !== b.municipality.trim().toLowerCase()) return false;
  if (a.division && b.division) return a.division === b.division;
  return a.sector === b.sector;
}

export type CompanyConflict = "sameCompany" | "competitors";

/** The company rules: one person per company, and no direct competitors unless both opted in. */
export function companyConflict(a: CompanyFacts, b: CompanyFacts): CompanyConflict | null {
  if (a.companyKey === b.companyKey) return "sameCompany";
  if (directCompetitors(a, b) && !(a.competitorsOk && b.competitorsOk)) return "competitors";
  return null;
}

/**
 * The pairwise rules that need nothing about the other person's company: a shared day-part and,
 * in person, neighbouring provinces. An entrepreneur's own circle suggestions apply only these:
 * the viewer controls their KvK number, division and municipality, so a suggestion that reacted
 * to a member's would tell them which company is in which circle. The company rules are checked
 * by the coach when deciding on the application (see companyConflict).
 */
export function compatibleIgnoringCompanies(a: Candidate, b: Candidate, policy: Policy): boolean {
  if (a.id === b.id) return false;
  if (!a.dayParts.some((d) => b.dayParts.includes(d))) return false;
  if (policy.meetingMode === "in_person" && !neighbouring(a.province, b.province)) return false;
  return true;
}

/** Whether two people may share a circle under this policy (the pairwise hard constraints). */
export function compatible(a: Candidate, b: Candidate, policy: Policy): boolean {
  return companyConflict(a, b) === null && compatibleIgnoringCompanies(a, b, policy);
}

/** Whether one person can be in any circle of this policy at all. */
export function eligible(c: Candidate, policy: Policy): boolean {
  if (c.dayParts.length === 0) return false;
  return policy.meetingMode === "online"
    ? c.meetingMode !== "in_person"
    : c.meetingMode !== "online";
}

/** The day-parts every member shares. */
export function sharedDayParts(members: readonly Candidate[]): DayPart[] {
  if (members.length === 0) return [];
  return members[0]!.dayParts.filter((d) => members.every((m) => m.dayParts.includes(d)));
}

/** All hard constraints of one circle (size aside): pairwise rules and one shared day-part. */
export function circleFeasible(members: readonly Candidate[], policy: Policy): boolean {
  for (let i = 0; i < members.length; i++) {
    if (!eligible(members[i]!, policy)) return false;
    for (let j = i + 1; j < members.length; j++)
      if (!compatible(members[i]!, members[j]!, policy)) return false;
  }
  return sharedDayParts(members).length > 0;
}

/** The average pairwise fit of a circle (0 for fewer than two members). */
export function circleFit(members: readonly Candidate[], policy: Policy): number {
  if (members.length < 2) return 0;
  let sum = 0;
  for (let i = 0; i < members.length; i++)
    for (let j = i + 1; j < members.length; j++) sum += pairFit(members[i]!, members[j]!, policy);
  return sum / ((members.length * (members.length - 1)) / 2);
}

/**
 * What the objective charges, shown to the organiser beside the result: each eligible person left
 * out costs `unplaced`, each seat a circle is away from the target size costs `seat`. A placed
 * person adds their circle's average fit (0..1), so with `unplaced` at 1 placing someone is worth
 * more than any gain in fit, and with `seat` at 0.25 two circles of 4 (target 8) cost 2 against
 * one circle of 8: fewer, fuller circles win unless their fit is clearly worse.
 */
export type Penalties = { unplaced: number; seat: number };
export const defaultPenalties: Penalties = { unplaced: 1, seat: 0.25 };

export function penaltiesOf(policy: Policy): Penalties {
  return policy.penalties ?? defaultPenalties;
}

/**
 * One circle's share of the objective: its size times its average pairwise fit (each member adds
 * the circle's average fit), minus the seat penalty per member away from the target size.
 */
export function circleValue(members: readonly Candidate[], policy: Policy): number {
  return (
    circleFit(members, policy) * members.length -
    penaltiesOf(policy).seat * Math.abs(members.length - policy.sizeTarget)
  );
}

/**
 * The objective of a partition: the circles' values minus the unplaced penalty for every eligible
 * person of the pool who is in no circle. Everyone ineligible (the wrong meeting mode, no day-part)
 * is left out of the count, as no partition could place them. See README "Matching" for a worked
 * example.
 */
export function objective(
  circles: readonly (readonly Candidate[])[],
  policy: Policy,
  pool?: readonly Candidate[],
): number {
  let total = 0;
  let placed = 0;
  for (const c of circles) {
    total += circleValue(c, policy);
    placed += c.length;
  }
  if (pool) {
    let eligibleCount = 0;
    for (const c of pool) if (eligible(c, policy)) eligibleCount++;
    total -= penaltiesOf(policy).unplaced * Math.max(0, eligibleCount - placed);
  }
  return total;
}

/** Per-dimension averages of a circle, for the score breakdown shown to organisers. */
export function circleBreakdown(members: readonly Candidate[], policy: Policy): FitBreakdown {
  const out: FitBreakdown = { phase: 0, size: 0, role: 0, themes: 0, sector: 0, region: 0 };
  const pairs = (members.length * (members.length - 1)) / 2;
  if (pairs === 0) return out;
  for (let i = 0; i < members.length; i++)
    for (let j = i + 1; j < members.length; j++) {
      const a = members[i]!;
      const b = members[j]!;
      out.phase += phaseFit(a.lifePhase, b.lifePhase);
      out.size += sizeFit(a.sizeClass, b.sizeClass);
      out.role += roleFit(a.companyRole, b.companyRole);
      out.themes += themeFit(a.themes, b.themes);
      out.sector += sectorFit(a.sector, b.sector, policy.sectorPolicy);
      out.region += policy.meetingMode === "in_person" ? regionFit(a.province, b.province) : 1;
    }
  for (const k of Object.keys(out) as WeightKey[]) out[k] /= pairs;
  return out;
}

/** A small deterministic PRNG (mulberry32), so a seed always gives the same result. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Warning =
  | "tooSmall"
  | "tooLarge"
  | "competitors"
  | "sameCompany"
  | "noSharedDayPart"
  | "region"
  | "meetingMode";

/** Which hard constraints a circle breaks, for the organiser's review after manual moves. */
export function circleWarnings(members: readonly Candidate[], policy: Policy): Warning[] {
  const out = new Set<Warning>();
  if (members.length < policy.sizeMin) out.add("tooSmall");
  if (members.length > policy.sizeMax) out.add("tooLarge");
  if (members.length > 0 && sharedDayParts(members).length === 0) out.add("noSharedDayPart");
  for (let i = 0; i < members.length; i++) {
    const a = members[i]!;
    if (!eligible(a, policy)) out.add("meetingMode");
    for (let j = i + 1; j < members.length; j++) {
      const b = members[j]!;
      const conflict = companyConflict(a, b);
      if (conflict) out.add(conflict);
      if (policy.meetingMode === "in_person" && !neighbouring(a.province, b.province))
        out.add("region");
    }
  }
  return [...out];
}
