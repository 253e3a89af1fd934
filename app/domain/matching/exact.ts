/**
 * An exact solver for small pools (up to about 12 candidates): tries every way to split the pool
 * into feasible circles (and people left out) and returns the best value of the same objective the
 * engine optimises (model.ts `objective`: circle values minus the unplaced penalty). Used as the
 * test oracle for the engine; far too slow for real pools.
 */
import {
  circleValue,
  compatible,
  eligible,
  penaltiesOf,
  sharedDayParts,
  type Candidate,
  type Policy,
} from "./model";

export function exactOptimum(
  pool: readonly Candidate[],
  policy: Policy,
  /** Another objective to optimise (tests compare the old one); the model's by default. */
  score: { circleValue: (members: Candidate[], policy: Policy) => number; unplaced: number } = {
    circleValue,
    unplaced: penaltiesOf(policy).unplaced,
  },
): { objective: number; circles: Candidate[][] } {
  const people = pool.filter((c) => eligible(c, policy));
  const penalty = score.unplaced;
  const groups: Candidate[][] = [];
  let best = { objective: -Infinity, circles: [] as Candidate[][] };

  const complete = (left: number) => {
    const circles = groups.filter((g) => g.length > 0);
    if (circles.some((g) => g.length < policy.sizeMin || sharedDayParts(g).length === 0)) return;
    const value = circles.reduce((s, g) => s + score.circleValue(g, policy), 0) - penalty * left;
    if (value > best.objective + 1e-12)
      best = { objective: value, circles: circles.map((g) => [...g]) };
  };

  const place = (i: number, left: number) => {
    if (i === people.length) return complete(left);
    const person = people[i]!;
    // Into an existing group.
    for (const g of groups) {
      if (g.length >= policy.sizeMax) continue;
      if (!g.every((m) => compatible(person, m, policy))) continue;
      if (sharedDayParts([...g, person]).length === 0) continue;
      g.push(person);
      place(i + 1, left);
      g.pop();
    }
    // Into a new group (groups are created in order, so each split is visited once).
    groups.push([person]);
    place(i + 1, left);
    groups.pop();
    // Left out.
    place(i + 1, left + 1);
  };
  place(0, 0);
  if (best.objective === -Infinity) best.objective = -penalty * people.length;
  return best;
}
