/**
 * An exact solver for small pools (up to about 12 candidates): tries every way to split the pool
 * into feasible circles (and people left out), with pruning, and returns the best objective.
 * Used as the test oracle for the engine; far too slow for real pools.
 */
import {
  circleValue,
  compatible,
  eligible,
  sharedDayParts,
  type Candidate,
  type Policy,
} from "./model";

export function exactOptimum(
  pool: readonly Candidate[],
  policy: Policy,
): { objective: number; circles: Candidate[][] } {
  const people = pool.filter((c) => eligible(c, policy));
  const groups: Candidate[][] = [];
  let best = { objective: 0, circles: [] as Candidate[][] };

  const complete = () => {
    const circles = groups.filter((g) => g.length > 0);
    if (circles.some((g) => g.length < policy.sizeMin || sharedDayParts(g).length === 0)) return;
    const value = circles.reduce((s, g) => s + circleValue(g, policy), 0);
    if (value > best.objective + 1e-12)
      best = { objective: value, circles: circles.map((g) => [...g]) };
  };

  const place = (i: number) => {
    if (i === people.length) return complete();
    const person = people[i]!;
    // Into an existing group.
    for (const g of groups) {
      if (g.length >= policy.sizeMax) continue;
      if (!g.every((m) => compatible(person, m, policy))) continue;
      if (sharedDayParts([...g, person]).length === 0) continue;
      g.push(person);
      place(i + 1);
      g.pop();
    }
    // Into a new group (groups are created in order, so each split is visited once).
    groups.push([person]);
    place(i + 1);
    groups.pop();
    // Left out.
    place(i + 1);
  };
  place(0);
  return best;
}
