/**
 * The matching engine: forms circles from a pool of candidates under a programme's policy.
 *
 * Algorithm (deterministic for a seed):
 * 1. Order the eligible candidates so that similar people are near each other (phase group,
 *    day-parts, province, size), with seeded tie-breaks.
 * 2. Greedy construction: each candidate joins the open circle (below target size) where the
 *    average fit with its members is highest and every hard constraint still holds, or starts a
 *    new circle when no open circle fits well enough. This is also the "plain greedy baseline".
 * 3. Repair: circles below the minimum size are dissolved and their members offered to circles
 *    with room; whoever still has no place stays unplaced with a reason a person understands.
 * 4. Leftovers are placed where they raise the objective, and (for pools up to 400) new circles
 *    are started around them when that scores better without making a circle worse than the
 *    current worst.
 * 5. Local search: moves (one person to another circle) and swaps (two people trade places)
 *    between nearby circles, accepted only when the summed fit rises and the worse of the two
 *    circles does not get worse.
 * 6. Small pools get several seeded starts. A result is kept only if it has no circle of misfits:
 *    its worst circle is at least the plain greedy's worst, or at least MISFIT_RATIO of its own
 *    average circle fit. The best such result wins; if none qualifies, the greedy itself.
 * Cost: the greedy looks at a bounded number of open circles and the local search at a window of
 * neighbouring circles, so time grows about linearly with the pool.
 */
import {
  circleBreakdown,
  circleFeasible,
  circleFit,
  circleValue,
  compatible,
  objective,
  eligible,
  neighbouring,
  pairFit,
  random,
  sharedDayParts,
  sizeFit,
  themeFit,
  type Candidate,
  type FitBreakdown,
  type Policy,
} from "./model";
import type { DayPart, LifePhase, SizeClass, Theme } from "../taxonomy";

export type Reason =
  | { code: "samePhase"; count: number; phase: LifePhase }
  | { code: "similarSize"; count: number }
  | { code: "sharedThemes"; themes: Theme[]; count: number }
  | { code: "ownersTogether"; count: number }
  | { code: "sameSector"; count: number }
  | { code: "nearby"; count: number };

export type TradeOff =
  | { code: "onlyPhase"; phase: LifePhase }
  | { code: "onlySize"; size: SizeClass }
  | { code: "noSharedTheme" }
  | { code: "notOwner" }
  | { code: "travel" };

export type UnplacedReason =
  | { code: "meetingMode"; wanted: "online" | "in_person" }
  | { code: "noDayPart" }
  | { code: "tooFewCompatible"; dayParts: DayPart[]; count: number }
  | { code: "competitors" }
  | { code: "region" }
  | { code: "noRoom" };

export type ProposedCircle = {
  members: number[];
  fit: number;
  breakdown: FitBreakdown;
  dayParts: DayPart[];
  explanations: Record<number, { reasons: Reason[]; tradeOffs: TradeOff[] }>;
};

export type MatchResult = {
  circles: ProposedCircle[];
  unplaced: Array<{ id: number; reason: UnplacedReason }>;
  /** Summed circle fit (the objective), its mean and the worst circle's fit. */
  objective: number;
  mean: number;
  worst: number;
};

export type MatchOptions = { seed?: number; localSearch?: boolean; maxPasses?: number };

const OPEN_LOOKBACK = 48;
const NEIGHBOUR_WINDOW = 6;
const EPS = 1e-9;

const phaseGroup: Record<LifePhase, number> = {
  starting: 0,
  growing: 1,
  established: 2,
  renewing: 3,
  succession: 4,
};
const sizeRank: Record<SizeClass, number> = { solo: 0, micro: 1, small: 2, medium: 3 };

function joinsWell(c: Candidate, members: readonly Candidate[], policy: Policy): boolean {
  for (const m of members) if (!compatible(c, m, policy)) return false;
  return members.length === 0 || sharedDayParts([...members, c]).length > 0;
}

function meanFitWith(c: Candidate, members: readonly Candidate[], policy: Policy) {
  if (members.length === 0) return 0;
  let s = 0;
  for (const m of members) s += pairFit(c, m, policy);
  return s / members.length;
}

/** Greedy construction and repair; the baseline and the engine's starting point. */
export function greedy(
  pool: readonly Candidate[],
  policy: Policy,
  seed = 1,
  { shuffled = false, joinThreshold = 0.5 }: { shuffled?: boolean; joinThreshold?: number } = {},
): { circles: Candidate[][]; leftovers: Candidate[] } {
  const rand = random(seed);
  const tiebreak = new Map(pool.map((c) => [c.id, rand()]));
  const order = pool
    .filter((c) => eligible(c, policy))
    .sort((a, b) =>
      shuffled
        ? tiebreak.get(a.id)! - tiebreak.get(b.id)!
        : phaseGroup[a.lifePhase] - phaseGroup[b.lifePhase] ||
          a.dayParts.length - b.dayParts.length ||
          a.dayParts.join().localeCompare(b.dayParts.join()) ||
          (policy.meetingMode === "in_person" ? a.province.localeCompare(b.province) : 0) ||
          sizeRank[a.sizeClass] - sizeRank[b.sizeClass] ||
          tiebreak.get(a.id)! - tiebreak.get(b.id)!,
    );
  const circles: Candidate[][] = [];
  const open: number[] = [];
  // An open circle is joined when the fit is at least joinThreshold; otherwise a new one starts.
  for (const c of order) {
    let best = -1;
    let bestFit = -1;
    for (let k = Math.max(0, open.length - OPEN_LOOKBACK); k < open.length; k++) {
      const members = circles[open[k]!]!;
      if (!joinsWell(c, members, policy)) continue;
      const fit = meanFitWith(c, members, policy);
      // A circle still below its minimum size is worth joining even at a lower fit.
      const score = members.length < policy.sizeMin ? fit + 0.25 : fit;
      if (score > bestFit) {
        bestFit = score;
        best = k;
      }
    }
    if (best >= 0 && bestFit >= joinThreshold) {
      const index = open[best]!;
      circles[index]!.push(c);
      if (circles[index]!.length >= policy.sizeTarget) open.splice(best, 1);
    } else {
      circles.push([c]);
      open.push(circles.length - 1);
    }
  }
  // Repair: dissolve circles below the minimum; offer their members to circles with room.
  const kept = circles.filter((c) => c.length >= policy.sizeMin);
  const loose = circles.filter((c) => c.length < policy.sizeMin).flat();
  const leftovers: Candidate[] = [];
  for (const c of loose) {
    let best: Candidate[] | null = null;
    let bestFit = -1;
    for (const circle of kept) {
      if (circle.length >= policy.sizeMax || !joinsWell(c, circle, policy)) continue;
      const fit = meanFitWith(c, circle, policy);
      if (fit > bestFit) {
        bestFit = fit;
        best = circle;
      }
    }
    if (best) best.push(c);
    else leftovers.push(c);
  }
  // Leftovers that fit each other may still form circles of their own.
  const regrouped =
    leftovers.length >= policy.sizeMin
      ? greedyLeftovers(leftovers, policy)
      : { circles: [], rest: leftovers };
  return { circles: [...kept, ...regrouped.circles], leftovers: regrouped.rest };
}

function greedyLeftovers(pool: Candidate[], policy: Policy) {
  const circles: Candidate[][] = [];
  const rest: Candidate[] = [];
  const remaining = [...pool];
  while (remaining.length > 0) {
    const seed = remaining.shift()!;
    const circle = [seed];
    for (let i = 0; i < remaining.length && circle.length < policy.sizeTarget;) {
      if (joinsWell(remaining[i]!, circle, policy)) circle.push(remaining.splice(i, 1)[0]!);
      else i++;
    }
    if (circle.length >= policy.sizeMin) circles.push(circle);
    else rest.push(...circle);
  }
  return { circles, rest };
}

/** Moves and swaps between nearby circles; see the module comment for the acceptance rule. */
function improve(circles: Candidate[][], policy: Policy, maxPasses: number, seed: number) {
  const rand = random(seed ^ 0x9e3779b9);
  const fits = circles.map((c) => circleFit(c, policy));
  const k = circles.length;
  const window = k <= 24 ? k : NEIGHBOUR_WINDOW;
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    const offset = Math.floor(rand() * Math.max(1, k));
    for (let step = 0; step < k; step++) {
      const a = (step + offset) % k;
      for (let d = 1; d <= window && d < k; d++) {
        const b = (a + d) % k;
        if (tryImprovePair(circles, fits, a, b, policy)) improved = true;
      }
    }
    if (!improved) break;
  }
}

/**
 * Tries one improving move or swap between circles A and B (first improvement wins). Pair fits,
 * compatibility and day-part counts are computed once per pair of circles, so each candidate move
 * or swap is scored in constant time.
 */
function tryImprovePair(
  circles: Candidate[][],
  fits: number[],
  ia: number,
  ib: number,
  policy: Policy,
): boolean {
  const A = circles[ia]!;
  const B = circles[ib]!;
  const n = A.length;
  const m = B.length;
  const value = (fit: number, size: number) => (fit * size) / policy.sizeTarget;
  const fitOf = (sum: number, size: number) => (size < 2 ? 0 : sum / ((size * (size - 1)) / 2));
  const before = value(fits[ia]!, n) + value(fits[ib]!, m);
  const floor = Math.min(fits[ia]!, fits[ib]!);

  const rowA = A.map((x, i) => A.reduce((s, y, j) => (i === j ? s : s + pairFit(x, y, policy)), 0));
  const rowB = B.map((x, i) => B.reduce((s, y, j) => (i === j ? s : s + pairFit(x, y, policy)), 0));
  const sumA = rowA.reduce((s, v) => s + v, 0) / 2;
  const sumB = rowB.reduce((s, v) => s + v, 0) / 2;
  const cross = A.map((x) => B.map((y) => pairFit(x, y, policy)));
  const ok = A.map((x) => B.map((y) => compatible(x, y, policy)));
  const rowCross = cross.map((r) => r.reduce((s, v) => s + v, 0));
  const colCross = B.map((_, j) => cross.reduce((s, r) => s + r[j]!, 0));
  const badForB = ok.map((r) => r.filter((v) => !v).length); // A[i] incompatible with members of B
  const badForA = B.map((_, j) => ok.filter((r) => !r[j]).length); // B[j] incompatible with members of A
  const parts = ["evening", "early_morning", "morning", "afternoon"] as const;
  const countIn = (members: Candidate[]) =>
    parts.map((d) => members.filter((c) => c.dayParts.includes(d)).length);
  const countA = countIn(A);
  const countB = countIn(B);
  const has = (c: Candidate, k: number) => (c.dayParts.includes(parts[k]!) ? 1 : 0);
  const shared = (counts: number[], size: number, out: Candidate | null, add: Candidate | null) =>
    parts.some((_, k) => counts[k]! - (out ? has(out, k) : 0) + (add ? has(add, k) : 0) === size);

  const accept = (fa: number, sa: number, fb: number, sb: number) =>
    value(fa, sa) + value(fb, sb) > before + EPS && Math.min(fa, fb) >= floor - EPS;

  // Moves A -> B.
  if (n > policy.sizeMin && m < policy.sizeMax) {
    for (let x = 0; x < n; x++) {
      const person = A[x]!;
      if (
        badForB[x]! > 0 ||
        !shared(countB, m + 1, null, person) ||
        !shared(countA, n - 1, person, null)
      )
        continue;
      const fa = fitOf(sumA - rowA[x]!, n - 1);
      const fb = fitOf(sumB + rowCross[x]!, m + 1);
      if (accept(fa, n - 1, fb, m + 1)) {
        A.splice(x, 1);
        B.push(person);
        fits[ia] = fa;
        fits[ib] = fb;
        return true;
      }
    }
  }
  // Moves B -> A.
  if (m > policy.sizeMin && n < policy.sizeMax) {
    for (let y = 0; y < m; y++) {
      const person = B[y]!;
      if (
        badForA[y]! > 0 ||
        !shared(countA, n + 1, null, person) ||
        !shared(countB, m - 1, person, null)
      )
        continue;
      const fb = fitOf(sumB - rowB[y]!, m - 1);
      const fa = fitOf(sumA + colCross[y]!, n + 1);
      if (accept(fb, m - 1, fa, n + 1)) {
        B.splice(y, 1);
        A.push(person);
        fits[ib] = fb;
        fits[ia] = fa;
        return true;
      }
    }
  }
  // Swaps.
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < m; y++) {
      const selfClash = ok[x]![y] ? 0 : 1;
      if (badForA[y]! - selfClash > 0 || badForB[x]! - selfClash > 0) continue;
      if (!shared(countA, n, A[x]!, B[y]!) || !shared(countB, m, B[y]!, A[x]!)) continue;
      const fa = fitOf(sumA - rowA[x]! + colCross[y]! - cross[x]![y]!, n);
      const fb = fitOf(sumB - rowB[y]! + rowCross[x]! - cross[x]![y]!, m);
      if (accept(fa, n, fb, m)) {
        const tmp = A[x]!;
        A[x] = B[y]!;
        B[y] = tmp;
        fits[ia] = fa;
        fits[ib] = fb;
        return true;
      }
    }
  }
  return false;
}

/** Why someone could not be placed, in terms a person understands. */
export function unplacedReason(
  c: Candidate,
  pool: readonly Candidate[],
  policy: Policy,
): UnplacedReason {
  if (c.dayParts.length === 0) return { code: "noDayPart" };
  if (!eligible(c, policy))
    return { code: "meetingMode", wanted: c.meetingMode === "online" ? "online" : "in_person" };
  const needed = policy.sizeMin - 1;
  // Counts stop as soon as there are enough: a pool of 50,000 must not be scanned per person.
  const countOthers = (test: (o: Candidate) => boolean) => {
    let found = 0;
    for (const o of pool) {
      if (o.id === c.id || !eligible(o, policy) || !test(o)) continue;
      if (++found >= needed) break;
    }
    return found;
  };
  const compatibleCount = countOthers((o) => compatible(c, o, policy));
  if (compatibleCount >= needed) return { code: "noRoom" };
  const loosened = (rule: "competitors" | "region") =>
    countOthers((o) => {
      if (o.companyKey === c.companyKey || !o.dayParts.some((d) => c.dayParts.includes(d)))
        return false;
      if (rule === "region" || policy.meetingMode === "online") return true;
      return neighbouring(o.province, c.province);
    });
  if (
    policy.meetingMode === "in_person" &&
    loosened("region") >= needed &&
    loosened("competitors") < needed
  )
    return { code: "region" };
  if (loosened("competitors") >= needed) return { code: "competitors" };
  return { code: "tooFewCompatible", dayParts: c.dayParts, count: compatibleCount };
}

/** Concrete reasons each member fits, and the trade-offs made for them. */
export function explain(
  members: readonly Candidate[],
  policy: Policy,
): ProposedCircle["explanations"] {
  const out: ProposedCircle["explanations"] = {};
  for (const m of members) {
    const others = members.filter((o) => o.id !== m.id);
    const reasons: Reason[] = [];
    const tradeOffs: TradeOff[] = [];
    const samePhase = others.filter((o) => o.lifePhase === m.lifePhase).length;
    if (samePhase > 0) reasons.push({ code: "samePhase", count: samePhase, phase: m.lifePhase });
    else tradeOffs.push({ code: "onlyPhase", phase: m.lifePhase });
    const similarSize = others.filter((o) => sizeFit(o.sizeClass, m.sizeClass) >= 0.6).length;
    if (similarSize > 0) reasons.push({ code: "similarSize", count: similarSize });
    else tradeOffs.push({ code: "onlySize", size: m.sizeClass });
    const shared = m.themes.filter((t) => others.some((o) => o.themes.includes(t)));
    const withShared = others.filter((o) => themeFit(o.themes, m.themes) > 0).length;
    if (shared.length > 0)
      reasons.push({ code: "sharedThemes", themes: shared, count: withShared });
    else tradeOffs.push({ code: "noSharedTheme" });
    const owners = others.filter((o) => o.companyRole === "owner").length;
    if (m.companyRole === "owner" && owners > 0)
      reasons.push({ code: "ownersTogether", count: owners });
    if (m.companyRole !== "owner" && owners === others.length && others.length > 0)
      tradeOffs.push({ code: "notOwner" });
    if (policy.sectorPolicy === "same") {
      const sameSector = others.filter((o) => o.sector === m.sector).length;
      if (sameSector > 0) reasons.push({ code: "sameSector", count: sameSector });
    }
    if (policy.meetingMode === "in_person") {
      const sameProvince = others.filter((o) => o.province === m.province).length;
      if (sameProvince > 0) reasons.push({ code: "nearby", count: sameProvince });
      if (sameProvince < others.length / 2) tradeOffs.push({ code: "travel" });
    }
    out[m.id] = { reasons, tradeOffs };
  }
  return out;
}

/** Describes a set of circles (scores, day-parts, explanations); also used after manual moves. */
export function describe(
  circles: readonly (readonly Candidate[])[],
  unplaced: MatchResult["unplaced"],
  policy: Policy,
): MatchResult {
  const proposed = circles.map((members) => ({
    members: members.map((m) => m.id),
    fit: circleFit(members, policy),
    breakdown: circleBreakdown(members, policy),
    dayParts: sharedDayParts(members),
    explanations: explain(members, policy),
  }));
  const objectiveValue = objective(circles, policy);
  return {
    circles: proposed,
    unplaced,
    objective: objectiveValue,
    mean: proposed.length ? proposed.reduce((s, c) => s + c.fit, 0) / proposed.length : 0,
    worst: proposed.length ? Math.min(...proposed.map((c) => c.fit)) : 0,
  };
}

/** Places people who are left over into circles with room, or swaps them in where that scores better. */
function placeLeftovers(circles: Candidate[][], leftovers: Candidate[], policy: Policy) {
  let changed = true;
  while (changed && leftovers.length > 0) {
    changed = false;
    for (let i = 0; i < leftovers.length; i++) {
      const person = leftovers[i]!;
      let best = -1;
      let bestGain = EPS;
      let swapWith = -1;
      for (let k = 0; k < circles.length; k++) {
        const circle = circles[k]!;
        const now = circleValue(circle, policy);
        if (circle.length < policy.sizeMax && joinsWell(person, circle, policy)) {
          const gain = circleValue([...circle, person], policy) - now;
          if (gain > bestGain) [best, bestGain, swapWith] = [k, gain, -1];
        }
        for (let x = 0; x < circle.length; x++) {
          const swapped = circle.map((m, j) => (j === x ? person : m));
          if (!circleFeasible(swapped, policy)) continue;
          const gain = circleValue(swapped, policy) - now;
          if (gain > bestGain) [best, bestGain, swapWith] = [k, gain, x];
        }
      }
      if (best < 0) continue;
      const circle = circles[best]!;
      if (swapWith < 0) {
        circle.push(person);
        leftovers.splice(i, 1);
      } else {
        leftovers[i] = circle[swapWith]!;
        circle[swapWith] = person;
      }
      changed = true;
      break;
    }
  }
}

/**
 * Starts a new circle around someone left over, taking spare members (from circles above the
 * minimum) and other leftovers who fit; kept only if the objective rises.
 */
function spawnCircles(circles: Candidate[][], leftovers: Candidate[], policy: Policy) {
  for (let i = 0; i < leftovers.length; i++) {
    const before = objective(circles, policy);
    const trial = circles.map((c) => [...c]);
    const loose = leftovers.filter((_, j) => j !== i);
    const fresh = [leftovers[i]!];
    while (fresh.length < policy.sizeTarget) {
      let best: { from: number; index: number; fit: number } | null = null;
      for (let k = -1; k < trial.length; k++) {
        const source = k < 0 ? loose : trial[k]!;
        if (k >= 0 && source.length <= policy.sizeMin) continue;
        for (let x = 0; x < source.length; x++) {
          const person = source[x]!;
          if (!joinsWell(person, fresh, policy)) continue;
          if (k >= 0 && sharedDayParts(source.filter((_, j) => j !== x)).length === 0) continue;
          const fit = meanFitWith(person, fresh, policy);
          if (!best || fit > best.fit) best = { from: k, index: x, fit };
        }
      }
      if (!best) break;
      const source = best.from < 0 ? loose : trial[best.from]!;
      fresh.push(source.splice(best.index, 1)[0]!);
    }
    if (fresh.length < policy.sizeMin) continue;
    const candidate = [...trial, fresh];
    // Never buy a higher total with a circle of misfits: the new circle and every donor must stay
    // at least as good as the worst circle was.
    const floor = circles.length ? Math.min(...circles.map((c) => circleFit(c, policy))) : 0;
    if (candidate.some((c) => circleFit(c, policy) < floor - EPS)) continue;
    if (objective(candidate, policy) > before + EPS) {
      circles.splice(0, circles.length, ...candidate);
      leftovers.splice(0, leftovers.length, ...loose);
      i = -1;
    }
  }
}

/** One run: greedy construction from a seeded order, then improvement. */
function run(
  pool: readonly Candidate[],
  policy: Policy,
  seed: number,
  options: MatchOptions,
  start = 0,
  baseline?: { circles: Candidate[][]; leftovers: Candidate[] },
) {
  // The first start is the plain greedy; later ones vary the order and how eagerly circles are joined.
  const variant =
    start === 0
      ? {}
      : { shuffled: start % 2 === 1, joinThreshold: [0.5, 0.3, 0.65, 0.4, 0.2, 0.75][start % 6] };
  const { circles, leftovers } = baseline
    ? { circles: baseline.circles.map((c) => [...c]), leftovers: [...baseline.leftovers] }
    : greedy(pool, policy, seed, variant);
  if (options.localSearch !== false) {
    placeLeftovers(circles, leftovers, policy);
    if (pool.length <= 400) spawnCircles(circles, leftovers, policy);
    improve(circles, policy, options.maxPasses ?? passesFor(pool.length), seed);
    placeLeftovers(circles, leftovers, policy);
  }
  return { circles, value: objective(circles, policy) };
}

/** Small pools get several seeded starts (cheap, and worth it); large pools one. */
function startsFor(size: number) {
  return size <= 40 ? 80 : size <= 400 ? 8 : 1;
}

/** Local-search passes: thorough for the pools programmes have, bounded for national-scale runs. */
function passesFor(size: number) {
  return size <= 2_000 ? 12 : 1;
}

/**
 * A circle of misfits is one that fits far worse than the rest. A result is acceptable when its
 * worst circle is at least as good as the plain greedy's worst, or within MISFIT_RATIO of its own
 * average (so adding a reasonable extra circle is allowed, an outlier is not).
 */
export const MISFIT_RATIO = 0.75;
export function noMisfits(stats: { worst: number; mean: number }, greedyStats: { worst: number }) {
  return stats.worst >= greedyStats.worst - EPS || stats.worst >= MISFIT_RATIO * stats.mean - EPS;
}

function fitStats(circles: readonly (readonly Candidate[])[], policy: Policy) {
  const fits = circles.map((c) => circleFit(c, policy));
  return {
    worst: fits.length ? Math.min(...fits) : 0,
    mean: fits.length ? fits.reduce((s, f) => s + f, 0) / fits.length : 0,
  };
}

/**
 * Forms circles from the pool. Deterministic: the same pool, policy and seed give the same result.
 * Of all starts, the best objective wins among those without a circle of misfits (see noMisfits);
 * if none qualifies, the greedy itself is returned. So the engine is never below the greedy
 * baseline and never trades a circle of misfits for a better total.
 */
export function match(
  pool: readonly Candidate[],
  policy: Policy,
  options: MatchOptions = {},
): MatchResult {
  const seed = options.seed ?? 1;
  const baseline = greedy(pool, policy, seed);
  const floor = fitStats(baseline.circles, policy);
  let best = {
    circles: baseline.circles.map((c) => [...c]),
    value: objective(baseline.circles, policy),
  };
  if (options.localSearch !== false) {
    for (let start = 0; start < startsFor(pool.length); start++) {
      const attempt = run(
        pool,
        policy,
        start === 0 ? seed : seed + start * 7919,
        options,
        start,
        start === 0 ? baseline : undefined,
      );
      const stats = fitStats(attempt.circles, policy);
      if (!noMisfits(stats, floor)) continue;
      if (attempt.value > best.value + EPS) best = attempt;
    }
  }
  const placed = new Set(best.circles.flat().map((c) => c.id));
  const unplaced = pool
    .filter((c) => !placed.has(c.id))
    .map((c) => ({ id: c.id, reason: unplacedReason(c, pool, policy) }));
  return describe(best.circles, unplaced, policy);
}
