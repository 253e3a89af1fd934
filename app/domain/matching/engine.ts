/**
 * The matching engine: forms circles from a pool of candidates under a programme's policy.
 *
 * The objective (model.ts `objective`): each circle counts its size times its average pairwise
 * fit, minus a penalty per seat away from the target size; every eligible person left out costs a
 * penalty too. So the engine prefers circles near the target size and placing everyone it can.
 *
 * Algorithm (deterministic for a seed; the pool is put in id order first, so the order it comes in
 * does not matter):
 * 1. Order the eligible candidates so that similar people are near each other (phase group,
 *    day-parts, province, size), with seeded tie-breaks.
 * 2. Greedy construction: each candidate joins the open circle (below target size, among the last
 *    OPEN_LOOKBACK opened) where the average fit with its members is highest and every hard
 *    constraint still holds, or starts a new circle. This is also the "plain greedy baseline".
 * 3. Repair: circles below the minimum size are dissolved and their members offered to circles
 *    with room; leftovers that fit each other form circles of their own.
 * 4. Leftovers are placed where they raise the objective: into a circle with room, or swapped in
 *    for a member who then becomes a leftover. Circles are found through an index by day-part and
 *    province, each person looks at a bounded number of them, and a circle's pair sums are kept
 *    up to date, so a trial costs the circle's size, not its square (small pools also start new
 *    circles around leftovers, taking spare members from circles above the minimum).
 * 5. Local search: moves (one person to another circle) and swaps (two people trade places)
 *    between nearby circles, accepted only when the objective rises and the worse of the two
 *    circles does not get worse.
 * 6. Small pools get several seeded starts. A result is kept only if it has no circle of misfits:
 *    its worst circle is at least the plain greedy's worst, or at least MISFIT_RATIO of its own
 *    average circle fit. The best such result wins; if none qualifies, the greedy itself.
 * Cost: every step looks at a bounded number of circles per person, so time grows about linearly
 * with the pool, whatever its shape. A time budget (`deadline`) stops the improvement steps and
 * returns the best result so far, marked `complete: false`; every intermediate state is feasible.
 */
import {
  circleBreakdown,
  circleFit,
  circleValue,
  eligible,
  penaltiesOf,
  random,
  sharedDayParts,
  sizeFit,
  themeFit,
  type Candidate,
  type FitBreakdown,
  type Policy,
} from "./model";
import { buildSpace, FULL_MASK, type Person, type Space } from "./fast";
import type { DayPart, LifePhase, SizeClass, Theme } from "../taxonomy";

export type Reason =
  | { code: "samePhase"; count: number; phase: LifePhase }
  | { code: "similarSize"; count: number }
  | { code: "sharedThemes"; themes: Theme[]; count: number }
  | { code: "ownersTogether"; count: number }
  | { code: "sameSector"; count: number }
  | { code: "nearby"; count: number }
  /** Given when nothing else applies: the circle meets on a day-part everyone chose. */
  | { code: "dayPart"; dayParts: DayPart[] };

export type TradeOff =
  | { code: "onlyPhase"; phase: LifePhase }
  | { code: "onlySize"; size: SizeClass }
  | { code: "noSharedTheme" }
  | { code: "notOwner" }
  | { code: "travel" };

export type UnplacedReason =
  | { code: "meetingMode"; wanted: "online" | "in_person" }
  | { code: "noDayPart" }
  /** No day-part of theirs has `size - 1` others who may sit with them. */
  | { code: "tooFewCompatible"; dayParts: DayPart[]; count: number; size: number }
  /** Enough others share a day-part, but too many of them are their direct competitors. */
  | { code: "competitors" }
  /** Enough others share a day-part, but too few live in the same or a neighbouring province. */
  | { code: "region" }
  /** Enough others may sit with them, but no `size` of them may all sit together. */
  | { code: "excludeEachOther"; size: number }
  /** A valid circle with them exists, but the circles chosen fit the others better. */
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
  /** The objective (see model.ts), the circles' mean fit and the worst circle's fit. */
  objective: number;
  mean: number;
  worst: number;
};

export type MatchProgress = {
  /** 0..1, an estimate. */
  done: number;
  phase: "greedy" | "leftovers" | "improve" | "reasons";
};

export type MatchOptions = {
  seed?: number;
  localSearch?: boolean;
  maxPasses?: number;
  /** A `performance.now()` time after which improvement stops and the best so far is returned. */
  deadline?: number;
  /** Called now and then (at most about every 100 ms) with an estimate of how far the run is. */
  onProgress?: (progress: MatchProgress) => void;
};

const OPEN_LOOKBACK = 48;
const NEIGHBOUR_WINDOW = 6;
/** How many circles one person's leftover search looks at. */
const CIRCLE_LOOKUP = 48;
const EPS = 1e-9;

const phaseGroup: Record<LifePhase, number> = {
  starting: 0,
  growing: 1,
  established: 2,
  renewing: 3,
  succession: 4,
};
const sizeRank: Record<SizeClass, number> = { solo: 0, micro: 1, small: 2, medium: 3 };

// ---------------------------------------------------------------------------------------------
// The run's clock: the deadline and progress reports.

class Clock {
  private lastReport = 0;
  stopped = false;
  constructor(private readonly options: MatchOptions) {}
  expired() {
    if (this.stopped) return true;
    if (this.options.deadline !== undefined && performance.now() > this.options.deadline)
      this.stopped = true;
    return this.stopped;
  }
  report(progress: MatchProgress, force = false) {
    if (!this.options.onProgress) return;
    const now = performance.now();
    if (!force && now - this.lastReport < 100) return;
    this.lastReport = now;
    this.options.onProgress({ ...progress, done: Math.min(1, Math.max(0, progress.done)) });
  }
}

// ---------------------------------------------------------------------------------------------
// Circles with their pair sums and day-part counts kept up to date.

class Circle {
  members: Person[] = [];
  /** Sum of the pair fits inside the circle. */
  sum = 0;
  /** How many members have each day-part. */
  counts = [0, 0, 0, 0];
  /** Each member's summed fit with the others (same order as members), or null when stale. */
  private rows: Float64Array | null = null;

  constructor(
    private readonly space: Space,
    members: Person[] = [],
  ) {
    for (const p of members) this.add(p);
  }

  get size() {
    return this.members.length;
  }

  /** Day-parts every member has. */
  mask() {
    let m = 0;
    const n = this.members.length;
    for (let k = 0; k < 4; k++) if (this.counts[k] === n) m |= 1 << k;
    return n === 0 ? FULL_MASK : m;
  }

  /** Day-parts every member but the one at index x has. */
  maskWithout(x: number) {
    const out = this.members[x]!;
    const n = this.members.length - 1;
    let m = 0;
    for (let k = 0; k < 4; k++) {
      const c = this.counts[k]! - ((out.mask >> k) & 1);
      if (c === n) m |= 1 << k;
    }
    return n === 0 ? FULL_MASK : m;
  }

  add(p: Person, cross?: number) {
    let s = cross;
    if (s === undefined) {
      s = 0;
      for (const m of this.members) s += this.space.fit(p, m);
    }
    this.members.push(p);
    this.sum += s;
    for (let k = 0; k < 4; k++) this.counts[k]! += (p.mask >> k) & 1;
    this.rows = null;
  }

  removeAt(x: number) {
    const p = this.members[x]!;
    let s = 0;
    for (let j = 0; j < this.members.length; j++)
      if (j !== x) s += this.space.fit(p, this.members[j]!);
    this.members.splice(x, 1);
    this.sum -= s;
    for (let k = 0; k < 4; k++) this.counts[k]! -= (p.mask >> k) & 1;
    this.rows = null;
    return p;
  }

  /** Puts p in place of the member at x; `cross` is p's fit with everyone but that member. */
  replaceAt(x: number, p: Person, cross: number) {
    const out = this.members[x]!;
    this.sum += cross - this.row(x);
    this.members[x] = p;
    for (let k = 0; k < 4; k++) this.counts[k]! += ((p.mask >> k) & 1) - ((out.mask >> k) & 1);
    this.rows = null;
    return out;
  }

  row(x: number) {
    if (!this.rows) {
      const n = this.members.length;
      const rows = new Float64Array(n);
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          const f = this.space.fit(this.members[i]!, this.members[j]!);
          rows[i]! += f;
          rows[j]! += f;
        }
      this.rows = rows;
    }
    return this.rows[x]!;
  }

  /** Recomputes the pair sum from scratch (after a series of incremental updates). */
  resum() {
    let s = 0;
    for (let i = 0; i < this.members.length; i++)
      for (let j = i + 1; j < this.members.length; j++)
        s += this.space.fit(this.members[i]!, this.members[j]!);
    this.sum = s;
    this.rows = null;
  }
}

const fitOf = (sum: number, size: number) => (size < 2 ? 0 : sum / ((size * (size - 1)) / 2));

function valueOf(sum: number, size: number, policy: Policy) {
  return fitOf(sum, size) * size - penaltiesOf(policy).seat * Math.abs(size - policy.sizeTarget);
}

function joins(space: Space, p: Person, circle: Circle) {
  if ((circle.mask() & p.mask) === 0) return false;
  for (const m of circle.members) if (!space.ok(p, m)) return false;
  return true;
}

function meanFitWith(space: Space, p: Person, circle: Circle) {
  if (circle.size === 0) return 0;
  let s = 0;
  for (const m of circle.members) s += space.fit(p, m);
  return s / circle.size;
}

/**
 * Circles by (day-part, province of the first member), so that a person looks only at circles
 * they could join: one of their day-parts, a province they may meet in. Built per step; a circle
 * whose day-parts change later may be missed, which costs quality, never correctness, since every
 * placement is checked in full.
 */
class CircleIndex {
  private buckets = new Map<number, number[]>();
  private stamp: Int32Array;
  private round = 0;
  constructor(
    private readonly space: Space,
    private readonly circles: Circle[],
  ) {
    this.stamp = new Int32Array(circles.length + 1024);
    circles.forEach((c, i) => this.insert(i));
  }
  private key(dayPart: number, province: number) {
    return this.space.inPerson ? dayPart * 16 + province : dayPart;
  }
  insert(i: number) {
    const c = this.circles[i]!;
    if (c.size === 0) return;
    if (i >= this.stamp.length) {
      const grown = new Int32Array(this.stamp.length * 2 + i);
      grown.set(this.stamp);
      this.stamp = grown;
    }
    const mask = c.mask();
    for (let k = 0; k < 4; k++) {
      if (!(mask & (1 << k))) continue;
      const key = this.key(k, c.members[0]!.province);
      let b = this.buckets.get(key);
      if (!b) this.buckets.set(key, (b = []));
      b.push(i);
    }
  }
  /**
   * Up to `limit` circles for person p, starting at a place in each bucket that depends on p (so
   * leftovers spread over a large bucket), deterministic.
   */
  lookup(p: Person, limit: number, accept: (c: Circle) => boolean): number[] {
    const out: number[] = [];
    this.round++;
    const provinces = this.space.inPerson ? this.space.reachable[p.province]! : [0];
    const keys: number[] = [];
    for (let k = 0; k < 4; k++) {
      if (!(p.mask & (1 << k))) continue;
      for (const q of provinces) keys.push(this.key(k, q));
    }
    const perKey = Math.max(4, Math.ceil(limit / Math.max(1, keys.length)));
    for (const key of keys) {
      const b = this.buckets.get(key);
      if (!b || b.length === 0) continue;
      const start = (Math.imul(p.index + 1, 2654435761) >>> 0) % b.length;
      let taken = 0;
      for (let t = 0; t < b.length && taken < perKey; t++) {
        const i = b[(start + t) % b.length]!;
        if (this.stamp[i] === this.round) continue;
        this.stamp[i] = this.round;
        if (!accept(this.circles[i]!)) continue;
        out.push(i);
        taken++;
      }
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Greedy construction and repair.

function order(space: Space, policy: Policy, seed: number, shuffled: boolean) {
  const rand = random(seed);
  const tiebreak = new Float64Array(space.people.length);
  for (let i = 0; i < tiebreak.length; i++) tiebreak[i] = rand();
  const people = space.people.filter((p) => eligible(p.c, policy));
  if (shuffled) return people.sort((x, y) => tiebreak[x.index]! - tiebreak[y.index]!);
  // Phase group, number of day-parts, which day-parts, province (in person), size: one number per
  // person, so the sort compares numbers.
  const joined = [...new Set(people.map((p) => p.c.dayParts.join()))].sort();
  const dayRank = new Map(joined.map((d, i) => [d, i]));
  const key = new Float64Array(space.people.length);
  for (const p of people) {
    const c = p.c;
    key[p.index] =
      (((phaseGroup[c.lifePhase] * 5 + c.dayParts.length) * joined.length +
        dayRank.get(c.dayParts.join())!) *
        16 +
        (policy.meetingMode === "in_person" ? p.province : 0)) *
        4 +
      sizeRank[c.sizeClass];
  }
  return people.sort(
    (x, y) => key[x.index]! - key[y.index]! || tiebreak[x.index]! - tiebreak[y.index]!,
  );
}

function greedyCircles(
  space: Space,
  policy: Policy,
  seed: number,
  { shuffled = false, joinThreshold = 0.5 }: { shuffled?: boolean; joinThreshold?: number } = {},
): { circles: Circle[]; leftovers: Person[] } {
  const circles: Circle[] = [];
  const open: number[] = [];
  // An open circle is joined when the fit is at least joinThreshold; otherwise a new one starts.
  for (const p of order(space, policy, seed, shuffled)) {
    let best = -1;
    let bestFit = -1;
    for (let k = Math.max(0, open.length - OPEN_LOOKBACK); k < open.length; k++) {
      const circle = circles[open[k]!]!;
      if (!joins(space, p, circle)) continue;
      const fit = meanFitWith(space, p, circle);
      // A circle still below its minimum size is worth joining even at a lower fit.
      const score = circle.size < policy.sizeMin ? fit + 0.25 : fit;
      if (score > bestFit) {
        bestFit = score;
        best = k;
      }
    }
    if (best >= 0 && bestFit >= joinThreshold) {
      const circle = circles[open[best]!]!;
      circle.add(p);
      if (circle.size >= policy.sizeTarget) open.splice(best, 1);
    } else {
      circles.push(new Circle(space, [p]));
      open.push(circles.length - 1);
    }
  }
  // Repair: dissolve circles below the minimum; offer their members to circles with room.
  const kept = circles.filter((c) => c.size >= policy.sizeMin);
  const loose = circles.filter((c) => c.size < policy.sizeMin).flatMap((c) => c.members);
  const index = new CircleIndex(space, kept);
  const leftovers: Person[] = [];
  for (const p of loose) {
    let best = -1;
    let bestFit = -1;
    for (const i of index.lookup(p, CIRCLE_LOOKUP, (c) => c.size < policy.sizeMax)) {
      const circle = kept[i]!;
      if (!joins(space, p, circle)) continue;
      const fit = meanFitWith(space, p, circle);
      if (fit > bestFit || (fit === bestFit && i < best)) {
        bestFit = fit;
        best = i;
      }
    }
    if (best >= 0) kept[best]!.add(p);
    else leftovers.push(p);
  }
  // Leftovers that fit each other may still form circles of their own.
  const regrouped =
    leftovers.length >= policy.sizeMin
      ? greedyLeftovers(space, leftovers, policy)
      : { circles: [], rest: leftovers };
  return { circles: [...kept, ...regrouped.circles], leftovers: regrouped.rest };
}

/** How far ahead a leftover circle looks for members: bounded, so a pool of misfits stays linear. */
const LEFTOVER_SCAN = 400;

function greedyLeftovers(space: Space, pool: Person[], policy: Policy) {
  const circles: Circle[] = [];
  const rest: Person[] = [];
  const remaining = [...pool];
  while (remaining.length > 0) {
    const circle = new Circle(space, [remaining.shift()!]);
    for (
      let i = 0, scanned = 0;
      i < remaining.length && circle.size < policy.sizeTarget && scanned < LEFTOVER_SCAN;
      scanned++
    ) {
      if (joins(space, remaining[i]!, circle)) circle.add(remaining.splice(i, 1)[0]!);
      else i++;
    }
    if (circle.size >= policy.sizeMin) circles.push(circle);
    else rest.push(...circle.members);
  }
  return { circles, rest };
}

// ---------------------------------------------------------------------------------------------
// Leftovers: into a circle with room, or swapped in for someone who fits there less well.

function placeLeftovers(
  space: Space,
  circles: Circle[],
  leftovers: Person[],
  policy: Policy,
  clock: Clock,
  progress: (share: number) => void,
) {
  if (leftovers.length === 0 || circles.length === 0) return;
  const penalty = penaltiesOf(policy).unplaced;
  const index = new CircleIndex(space, circles);
  const queue = [...leftovers];
  const rest: Person[] = [];
  // Every swap raises the objective, so this ends; the budget keeps it linear regardless.
  let swapsLeft = 4 * queue.length + 64;
  const cross = new Float64Array(policy.sizeMax + 1);
  for (let q = 0; q < queue.length; q++) {
    if ((q & 63) === 0) {
      if (clock.expired()) {
        rest.push(...queue.slice(q));
        break;
      }
      progress(q / queue.length);
    }
    const p = queue[q]!;
    let best = -1;
    let bestGain = EPS;
    let bestSwap = -1;
    let bestCross = 0;
    for (const i of index.lookup(p, CIRCLE_LOOKUP, () => true)) {
      const circle = circles[i]!;
      const n = circle.size;
      let bad = 0;
      let badAt = -1;
      let total = 0;
      for (let j = 0; j < n; j++) {
        const m = circle.members[j]!;
        if (!space.ok(p, m)) {
          bad++;
          badAt = j;
          if (bad > 1) break;
        }
        const f = space.fit(p, m);
        cross[j] = f;
        total += f;
      }
      if (bad > 1) continue;
      const now = valueOf(circle.sum, n, policy);
      if (bad === 0 && n < policy.sizeMax && (circle.mask() & p.mask) !== 0) {
        const gain = valueOf(circle.sum + total, n + 1, policy) - now + penalty;
        if (gain > bestGain + EPS) [best, bestGain, bestSwap, bestCross] = [i, gain, -1, total];
      }
      if (swapsLeft <= 0) continue;
      const from = bad === 1 ? badAt : 0;
      const to = bad === 1 ? badAt + 1 : n;
      for (let x = from; x < to; x++) {
        if ((circle.maskWithout(x) & p.mask) === 0) continue;
        const withP = total - cross[x]!;
        const gain = valueOf(circle.sum - circle.row(x) + withP, n, policy) - now;
        if (gain > bestGain + EPS) [best, bestGain, bestSwap, bestCross] = [i, gain, x, withP];
      }
    }
    if (best < 0) {
      rest.push(p);
      continue;
    }
    const circle = circles[best]!;
    if (bestSwap < 0) circle.add(p, bestCross);
    else {
      swapsLeft--;
      queue.push(circle.replaceAt(bestSwap, p, bestCross));
    }
  }
  for (const c of circles) c.resum();
  leftovers.splice(0, leftovers.length, ...rest);
}

/**
 * Starts a new circle around someone left over, taking spare members (from circles above the
 * minimum) and other leftovers who fit; kept only if the objective rises and no circle gets worse
 * than the worst circle was. For small pools only (it copies the whole partition per trial).
 */
function spawnCircles(
  space: Space,
  circles: Circle[],
  leftovers: Person[],
  policy: Policy,
  clock: Clock,
) {
  const penalty = penaltiesOf(policy).unplaced;
  const total = (cs: Person[][], left: number) =>
    cs.reduce((s, c) => s + valueOf(new Circle(space, c).sum, c.length, policy), 0) -
    penalty * left;
  for (let i = 0; i < leftovers.length; i++) {
    if (clock.expired()) return;
    const current = circles.map((c) => [...c.members]);
    const before = total(current, leftovers.length);
    const trial = current.map((c) => [...c]);
    const loose = leftovers.filter((_, j) => j !== i);
    const fresh = new Circle(space, [leftovers[i]!]);
    while (fresh.size < policy.sizeTarget) {
      let best: { from: number; index: number; fit: number } | null = null;
      for (let k = -1; k < trial.length; k++) {
        const source = k < 0 ? loose : trial[k]!;
        if (k >= 0 && source.length <= policy.sizeMin) continue;
        for (let x = 0; x < source.length; x++) {
          const person = source[x]!;
          if (!joins(space, person, fresh)) continue;
          if (
            k >= 0 &&
            new Circle(
              space,
              source.filter((_, j) => j !== x),
            ).mask() === 0
          )
            continue;
          const fit = meanFitWith(space, person, fresh);
          if (!best || fit > best.fit) best = { from: k, index: x, fit };
        }
      }
      if (!best) break;
      const source = best.from < 0 ? loose : trial[best.from]!;
      fresh.add(source.splice(best.index, 1)[0]!);
    }
    if (fresh.size < policy.sizeMin) continue;
    const candidate = [...trial, fresh.members];
    const fits = (cs: Person[][]) => cs.map((c) => fitOf(new Circle(space, c).sum, c.length));
    const floor = current.length ? Math.min(...fits(current)) : 0;
    if (fits(candidate).some((f) => f < floor - EPS)) continue;
    if (total(candidate, loose.length) > before + EPS) {
      circles.splice(0, circles.length, ...candidate.map((c) => new Circle(space, c)));
      leftovers.splice(0, leftovers.length, ...loose);
      i = -1;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Local search between nearby circles.

function improve(
  space: Space,
  circles: Circle[],
  policy: Policy,
  maxPasses: number,
  seed: number,
  clock: Clock,
  progress: (share: number) => void,
) {
  const rand = random(seed ^ 0x9e3779b9);
  const k = circles.length;
  const window = k <= 24 ? k : NEIGHBOUR_WINDOW;
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    const offset = Math.floor(rand() * Math.max(1, k));
    for (let step = 0; step < k; step++) {
      if ((step & 31) === 0) {
        if (clock.expired()) return;
        progress((pass + step / k) / maxPasses);
      }
      const a = (step + offset) % k;
      for (let d = 1; d <= window && d < k; d++) {
        const b = (a + d) % k;
        if (tryImprovePair(space, circles[a]!, circles[b]!, policy)) improved = true;
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
function tryImprovePair(space: Space, ca: Circle, cb: Circle, policy: Policy): boolean {
  const A = ca.members;
  const B = cb.members;
  const n = A.length;
  const m = B.length;
  const before = valueOf(ca.sum, n, policy) + valueOf(cb.sum, m, policy);
  const floor = Math.min(fitOf(ca.sum, n), fitOf(cb.sum, m));
  const s = scratch(n, m);
  for (let x = 0; x < n; x++) {
    s.rowA[x] = ca.row(x);
    s.rowCross[x] = 0;
    s.badForB[x] = 0;
  }
  for (let y = 0; y < m; y++) {
    s.rowB[y] = cb.row(y);
    s.colCross[y] = 0;
    s.badForA[y] = 0;
  }
  for (let x = 0; x < n; x++) {
    const a = A[x]!;
    for (let y = 0; y < m; y++) {
      const b = B[y]!;
      const f = space.fit(a, b);
      s.cross[x * m + y] = f;
      s.rowCross[x]! += f;
      s.colCross[y]! += f;
      const ok = space.ok(a, b);
      s.ok[x * m + y] = ok ? 1 : 0;
      if (!ok) {
        s.badForB[x]!++;
        s.badForA[y]!++;
      }
    }
  }
  const shared = (c: Circle, size: number, out: Person | null, add: Person | null) => {
    for (let k = 0; k < 4; k++)
      if (c.counts[k]! - (out ? (out.mask >> k) & 1 : 0) + (add ? (add.mask >> k) & 1 : 0) === size)
        return true;
    return false;
  };
  const accept = (sa: number, na: number, sb: number, nb: number) =>
    valueOf(sa, na, policy) + valueOf(sb, nb, policy) > before + EPS &&
    Math.min(fitOf(sa, na), fitOf(sb, nb)) >= floor - EPS;

  // Moves A -> B.
  if (n > policy.sizeMin && m < policy.sizeMax) {
    for (let x = 0; x < n; x++) {
      const person = A[x]!;
      if (s.badForB[x]! > 0 || !shared(cb, m + 1, null, person) || !shared(ca, n - 1, person, null))
        continue;
      const rc = s.rowCross[x]!;
      if (accept(ca.sum - s.rowA[x]!, n - 1, cb.sum + rc, m + 1)) {
        ca.removeAt(x);
        cb.add(person, rc);
        return true;
      }
    }
  }
  // Moves B -> A.
  if (m > policy.sizeMin && n < policy.sizeMax) {
    for (let y = 0; y < m; y++) {
      const person = B[y]!;
      if (s.badForA[y]! > 0 || !shared(ca, n + 1, null, person) || !shared(cb, m - 1, person, null))
        continue;
      const cc = s.colCross[y]!;
      if (accept(ca.sum + cc, n + 1, cb.sum - s.rowB[y]!, m - 1)) {
        cb.removeAt(y);
        ca.add(person, cc);
        return true;
      }
    }
  }
  // Swaps.
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < m; y++) {
      const selfClash = s.ok[x * m + y] ? 0 : 1;
      if (s.badForA[y]! - selfClash > 0 || s.badForB[x]! - selfClash > 0) continue;
      if (!shared(ca, n, A[x]!, B[y]!) || !shared(cb, m, B[y]!, A[x]!)) continue;
      const c = s.cross[x * m + y]!;
      const sa = ca.sum - s.rowA[x]! + s.colCross[y]! - c;
      const sb = cb.sum - s.rowB[y]! + s.rowCross[x]! - c;
      if (accept(sa, n, sb, m)) {
        const a = A[x]!;
        const b = B[y]!;
        const intoA = s.colCross[y]! - c;
        const intoB = s.rowCross[x]! - c;
        ca.replaceAt(x, b, intoA);
        cb.replaceAt(y, a, intoB);
        return true;
      }
    }
  }
  return false;
}

/** Buffers for tryImprovePair, reused across calls (circles are small). */
let buffers = makeScratch(32);
function makeScratch(size: number) {
  return {
    size,
    rowA: new Float64Array(size),
    rowB: new Float64Array(size),
    rowCross: new Float64Array(size),
    colCross: new Float64Array(size),
    badForA: new Int32Array(size),
    badForB: new Int32Array(size),
    cross: new Float64Array(size * size),
    ok: new Uint8Array(size * size),
  };
}
function scratch(n: number, m: number) {
  if (n > buffers.size || m > buffers.size) buffers = makeScratch(Math.max(n, m) * 2);
  return buffers;
}

// ---------------------------------------------------------------------------------------------
// Reasons.

/** Looks for `need` people in `list` who may all sit together (a clique), within a budget. */
function findGroup(
  space: Space,
  list: readonly Person[],
  need: number,
  budget: { nodes: number },
): "found" | "none" | "unknown" {
  if (need <= 0) return "found";
  if (list.length < need) return "none";
  const chosen: Person[] = [];
  let exhausted = false;
  const search = (from: number): boolean => {
    if (chosen.length === need) return true;
    for (let i = from; i <= list.length - (need - chosen.length); i++) {
      if (--budget.nodes < 0) {
        exhausted = true;
        return false;
      }
      const p = list[i]!;
      if (!chosen.every((c) => space.ok(p, c))) continue;
      chosen.push(p);
      if (search(i + 1)) return true;
      chosen.pop();
      if (exhausted) return false;
    }
    return false;
  };
  if (search(0)) return "found";
  return exhausted ? "unknown" : "none";
}

/**
 * Why one person could not be placed, true to the hard constraints: a circle needs `sizeMin`
 * people who share one day-part and may all sit together pairwise.
 * - meetingMode / noDayPart: they cannot be in any circle of this policy.
 * - tooFewCompatible: on none of their day-parts are there sizeMin - 1 others who may sit with
 *   them; `count` is the most there are on one day-part.
 * - competitors / region: there would be enough on one day-part if the competitor rule (or the
 *   province rule) did not apply.
 * - excludeEachOther: enough others may sit with them on a day-part, but no sizeMin - 1 of those
 *   may all sit with each other (competitors or companies among themselves, or too far apart).
 * - noRoom: a valid circle with them exists; the proposal fitted the others better (also when the
 *   search for such a circle ran out of its budget, which takes hundreds of candidates).
 */
export function unplacedReason(
  c: Candidate,
  pool: readonly Candidate[],
  policy: Policy,
): UnplacedReason {
  return unplacedReasons([c], pool, policy)[0]!.reason;
}

function spaceWith(pool: readonly Candidate[], people: readonly Candidate[], policy: Policy) {
  const ids = new Set(pool.map((c) => c.id));
  return buildSpace([...pool, ...people.filter((p) => !ids.has(p.id))], policy);
}

/** unplacedReason for several people at once (the pool is prepared once). */
export function unplacedReasons(
  people: readonly Candidate[],
  pool: readonly Candidate[],
  policy: Policy,
  space: Space = spaceWith(pool, people, policy),
): Array<{ id: number; reason: UnplacedReason }> {
  const byId = new Map(space.people.map((p) => [p.c.id, p]));
  const others = space.people.filter((o) => eligible(o.c, policy));
  const need = policy.sizeMin - 1;
  return people.map((c) => ({ id: c.id, reason: reasonFor(space, byId.get(c.id)!, others) }));

  function reasonFor(space: Space, p: Person, others: Person[]): UnplacedReason {
    const c = p.c;
    if (c.dayParts.length === 0) return { code: "noDayPart" };
    if (!eligible(c, policy))
      return { code: "meetingMode", wanted: c.meetingMode === "online" ? "online" : "in_person" };
    const bits = [0, 1, 2, 3].filter((k) => p.mask & (1 << k));
    const lists = bits.map(() => [] as Person[]);
    const loosened = { competitors: bits.map(() => 0), region: bits.map(() => 0) };
    const budget = { nodes: 20_000 };
    let nextCheck = bits.map(() => need);
    let unknown = false;
    for (const o of others) {
      if (o.c.id === c.id) continue;
      const full = space.ok(p, o);
      const noCompetitors = !full && space.okIgnoringCompetitors(p, o);
      const noRegion = !full && space.okIgnoringRegion(p, o);
      for (let b = 0; b < bits.length; b++) {
        if (!(o.mask & (1 << bits[b]!))) continue;
        if (noCompetitors) loosened.competitors[b]!++;
        if (noRegion) loosened.region[b]!++;
        if (!full) continue;
        const list = lists[b]!;
        list.push(o);
        // Look for a group each time the list doubles: one is usually found at once.
        if (list.length >= nextCheck[b]!) {
          const found = findGroup(space, list, need, budget);
          if (found === "found") return { code: "noRoom" };
          if (found === "unknown") unknown = true;
          nextCheck = nextCheck.map((v, i) => (i === b ? v * 2 : v));
        }
      }
    }
    const counts = lists.map((l) => l.length);
    const most = Math.max(0, ...counts);
    if (most >= need) {
      for (const list of lists) {
        if (list.length < need) continue;
        const found = findGroup(space, list, need, { nodes: 200_000 });
        if (found === "found") return { code: "noRoom" };
        if (found === "unknown") unknown = true;
      }
      return unknown ? { code: "noRoom" } : { code: "excludeEachOther", size: policy.sizeMin };
    }
    const reaches = (extra: number[]) => counts.some((n, b) => n + extra[b]! >= need);
    if (reaches(loosened.competitors)) return { code: "competitors" };
    if (space.inPerson && reaches(loosened.region)) return { code: "region" };
    return {
      code: "tooFewCompatible",
      dayParts: c.dayParts,
      count: most,
      size: policy.sizeMin,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Explanations and the result.

/** Concrete reasons each member fits, and the trade-offs made for them. */
export function explain(
  members: readonly Candidate[],
  policy: Policy,
): ProposedCircle["explanations"] {
  const out: ProposedCircle["explanations"] = {};
  const together = sharedDayParts(members);
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
    // Every placed person gets at least one true reason: the day-part the circle shares.
    if (reasons.length === 0 && together.length > 0)
      reasons.push({ code: "dayPart", dayParts: together });
    out[m.id] = { reasons, tradeOffs };
  }
  return out;
}

const ineligibleCodes = new Set<UnplacedReason["code"]>(["meetingMode", "noDayPart"]);

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
  const left = unplaced.filter((u) => !ineligibleCodes.has(u.reason.code)).length;
  const objectiveValue =
    circles.reduce((s, c) => s + circleValue(c, policy), 0) - penaltiesOf(policy).unplaced * left;
  return {
    circles: proposed,
    unplaced,
    objective: objectiveValue,
    mean: proposed.length ? proposed.reduce((s, c) => s + c.fit, 0) / proposed.length : 0,
    worst: proposed.length ? Math.min(...proposed.map((c) => c.fit)) : 0,
  };
}

// ---------------------------------------------------------------------------------------------
// The runs.

/** The pool in id order, so the result depends on the seed alone, not on the input order. */
function inIdOrder(pool: readonly Candidate[]) {
  return [...pool].sort((a, b) => a.id - b.id);
}

/** The plain greedy baseline (construction and repair, no improvement). */
export function greedy(
  pool: readonly Candidate[],
  policy: Policy,
  seed = 1,
  variant: { shuffled?: boolean; joinThreshold?: number } = {},
): { circles: Candidate[][]; leftovers: Candidate[] } {
  const space = buildSpace(inIdOrder(pool), policy);
  const { circles, leftovers } = greedyCircles(space, policy, seed, variant);
  return {
    circles: circles.map((c) => c.members.map((p) => p.c)),
    leftovers: leftovers.map((p) => p.c),
  };
}

function score(circles: Circle[], leftovers: number, policy: Policy) {
  let total = -penaltiesOf(policy).unplaced * leftovers;
  for (const c of circles) total += valueOf(c.sum, c.size, policy);
  return total;
}

function fitStats(circles: readonly Circle[]) {
  const fits = circles.map((c) => fitOf(c.sum, c.size));
  return {
    worst: fits.length ? Math.min(...fits) : 0,
    mean: fits.length ? fits.reduce((s, f) => s + f, 0) / fits.length : 0,
  };
}

/** Small pools get several seeded starts (cheap, and worth it); large pools one. */
function startsFor(size: number) {
  return size <= 40 ? 80 : size <= 400 ? 8 : 1;
}

/** Local-search passes: thorough for the pools programmes have, bounded for national-scale runs. */
function passesFor(size: number) {
  return size <= 2_000 ? 12 : size <= 20_000 ? 2 : 1;
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

export type MatchOutcome = MatchResult & {
  /** False when the deadline stopped the search: the result is the best found until then. */
  complete: boolean;
};

/**
 * Forms circles from the pool. Deterministic: the same pool (in any order), policy and seed give
 * the same result (unless a deadline cuts the search short). Of all starts, the best objective
 * wins among those without a circle of misfits (see noMisfits); if none qualifies, the greedy
 * itself. So the engine is never below the greedy baseline and never trades a circle of misfits
 * for a better total.
 */
export function match(
  pool: readonly Candidate[],
  policy: Policy,
  options: MatchOptions = {},
): MatchOutcome {
  const clock = new Clock(options);
  const seed = options.seed ?? 1;
  const space = buildSpace(inIdOrder(pool), policy);
  clock.report({ phase: "greedy", done: 0 }, true);
  const baseline = greedyCircles(space, policy, seed);
  const floor = fitStats(baseline.circles);
  let best = {
    circles: baseline.circles.map((c) => [...c.members]),
    value: score(baseline.circles, baseline.leftovers.length, policy),
  };
  const starts = options.localSearch === false ? 0 : startsFor(pool.length);
  const share = (start: number, from: number, to: number) => (x: number) =>
    clock.report({
      phase: from < 0.3 ? "leftovers" : "improve",
      done: 0.05 + (0.9 * (start + from + (to - from) * x)) / starts,
    });
  for (let start = 0; start < starts && !clock.expired(); start++) {
    // The first start improves the plain greedy; later ones vary the order and how eagerly
    // circles are joined.
    const variant =
      start === 0
        ? {}
        : { shuffled: start % 2 === 1, joinThreshold: [0.5, 0.3, 0.65, 0.4, 0.2, 0.75][start % 6] };
    const runSeed = start === 0 ? seed : seed + start * 7919;
    const { circles, leftovers } =
      start === 0
        ? {
            circles: baseline.circles.map((c) => new Circle(space, [...c.members])),
            leftovers: [...baseline.leftovers],
          }
        : greedyCircles(space, policy, runSeed, variant);
    placeLeftovers(space, circles, leftovers, policy, clock, share(start, 0, 0.2));
    if (pool.length <= 400) spawnCircles(space, circles, leftovers, policy, clock);
    improve(
      space,
      circles,
      policy,
      options.maxPasses ?? passesFor(pool.length),
      runSeed,
      clock,
      share(start, 0.3, 0.9),
    );
    placeLeftovers(space, circles, leftovers, policy, clock, share(start, 0.9, 1));
    const live = circles.filter((c) => c.size > 0);
    if (!noMisfits(fitStats(live), floor)) continue;
    const value = score(live, leftovers.length, policy);
    if (value > best.value + EPS) best = { circles: live.map((c) => [...c.members]), value };
  }
  const complete = !clock.stopped;
  clock.report({ phase: "reasons", done: 0.96 }, true);
  const placed = new Set(best.circles.flat().map((p) => p.index));
  const unplaced = unplacedReasons(
    space.people.filter((p) => !placed.has(p.index)).map((p) => p.c),
    space.people.map((p) => p.c),
    policy,
    space,
  );
  const result = describe(
    best.circles.map((c) => c.map((p) => p.c)),
    unplaced,
    policy,
  );
  clock.report({ phase: "reasons", done: 1 }, true);
  return { ...result, complete };
}
