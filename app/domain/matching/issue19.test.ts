/**
 * Issue 19: a search that stays fast on dense pools, an objective that prefers the target size
 * and placing everyone, reasons that are true, and a result that depends on the seed alone.
 */
import fc from "fast-check";
import { describe as group, expect, it } from "vitest";
import { match, unplacedReason } from "./engine";
import { exactOptimum } from "./exact";
import { buildSpace } from "./fast";
import {
  circleFeasible,
  circleFit,
  compatible,
  defaultWeights,
  eligible,
  pairFit,
  type Candidate,
  type Policy,
} from "./model";
import { person, poolShapes, syntheticPool } from "./synthetic";
import { random } from "./model";

const policy = (
  sizeMin: number,
  sizeTarget: number,
  sizeMax: number,
  meetingMode: Policy["meetingMode"] = "in_person",
  sectorPolicy: Policy["sectorPolicy"] = "mixed",
): Policy => ({ sizeMin, sizeTarget, sizeMax, sectorPolicy, meetingMode, weights: defaultWeights });

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const rand = random(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Every subset of `others` of size k (small pools only). */
function* subsets<T>(others: readonly T[], k: number, from = 0, chosen: T[] = []): Generator<T[]> {
  if (chosen.length === k) {
    yield chosen;
    return;
  }
  for (let i = from; i < others.length; i++)
    yield* subsets(others, k, i + 1, [...chosen, others[i]!]);
}

/** Whether some valid circle (of the minimum size) holds c: by brute force. */
function someCircleHolds(c: Candidate, pool: readonly Candidate[], p: Policy) {
  const others = pool.filter((o) => o.id !== c.id && eligible(o, p) && compatible(c, o, p));
  for (const group of subsets(others, p.sizeMin - 1))
    if (circleFeasible([c, ...group], p)) return true;
  return false;
}

group("the compact model agrees with model.ts", () => {
  it("gives the same pair fit and the same hard constraints on random pairs", () => {
    for (const seed of [1, 2, 3]) {
      const pool = syntheticPool(120, seed, { municipalities: 3 });
      for (const p of [policy(3, 5, 8), policy(3, 5, 8, "online", "same")]) {
        const space = buildSpace(pool, p);
        for (let i = 0; i < pool.length; i++)
          for (let j = i + 1; j < pool.length; j += 7) {
            const [a, b] = [space.people[i]!, space.people[j]!];
            expect(space.fit(a, b)).toBe(pairFit(pool[i]!, pool[j]!, p));
            expect(space.ok(a, b)).toBe(compatible(pool[i]!, pool[j]!, p));
          }
      }
    }
  });
});

group("the result depends on the seed alone", () => {
  it("gives the same circles whatever order the pool comes in", () => {
    for (let seed = 1; seed <= 12; seed++) {
      const pool = syntheticPool(30 + seed * 5, seed, { municipalities: 3 });
      const p = seed % 2 ? policy(3, 5, 7) : policy(4, 6, 8, "online");
      const expected = match(pool, p, { seed });
      expect(match(shuffle(pool, seed + 100), p, { seed }), `pool ${seed}`).toEqual(expected);
      expect(match([...pool].reverse(), p, { seed }), `pool ${seed} reversed`).toEqual(expected);
    }
  });
});

group("an objective that prefers the target size and placing everyone", () => {
  it("makes one circle of the target size from eight people who fit, not two minimal ones", () => {
    const people = Array.from({ length: 8 }, (_, i) => person(i + 1));
    const p = policy(3, 8, 12);
    const exact = exactOptimum(people, p);
    expect(exact.circles.map((c) => c.length)).toEqual([8]);
    expect(match(people, p, { seed: 1 }).circles.map((c) => c.members.length)).toEqual([8]);
  });

  it("keeps the exact optimum's circles nearer the target size than the old objective did", () => {
    // The old objective: each circle's average fit times its size over the target size.
    const old = {
      circleValue: (members: Candidate[], p: Policy) =>
        (circleFit(members, p) * members.length) / p.sizeTarget,
      unplaced: 0,
    };
    const tally = {
      now: { seats: 0, minimal: 0, left: 0 },
      old: { seats: 0, minimal: 0, left: 0 },
    };
    for (let seed = 1; seed <= 30; seed++) {
      const pool = syntheticPool(10, seed, { municipalities: 2 }).map((c) => ({
        ...c,
        meetingMode: "either" as const,
      }));
      const p = policy(3, 6, 9, "online");
      for (const [key, result] of [
        ["now", exactOptimum(pool, p)],
        ["old", exactOptimum(pool, p, old)],
      ] as const) {
        for (const c of result.circles) {
          tally[key].seats += Math.abs(c.length - p.sizeTarget);
          if (c.length === p.sizeMin) tally[key].minimal += 1;
        }
        tally[key].left += pool.length - result.circles.flat().length;
      }
    }
    expect(tally.now.seats).toBeLessThan(tally.old.seats);
    expect(tally.now.minimal).toBeLessThan(tally.old.minimal);
    expect(tally.now.left).toBeLessThanOrEqual(tally.old.left);
  });

  it("places as many people as can be placed on almost every small pool", () => {
    let short = 0;
    const pools = 60;
    for (let seed = 1; seed <= pools; seed++) {
      const pool = syntheticPool(9, seed, { municipalities: 3 }).map((c) => ({
        ...c,
        meetingMode: "either" as const,
      }));
      const p = seed % 2 ? policy(3, 4, 6) : policy(3, 4, 5, "online", "same");
      const placeable = maxPlaceable(pool, p);
      const placed = exactOptimum(pool, p).circles.flat().length;
      if (placed < placeable) short++;
    }
    expect(short).toBeLessThanOrEqual(1);
  });
});

/** The most people any valid partition places (exhaustive, tiny pools). */
function maxPlaceable(pool: readonly Candidate[], p: Policy) {
  const people = pool.filter((c) => eligible(c, p));
  const groups: Candidate[][] = [];
  let best = 0;
  const place = (i: number, placed: number) => {
    if (placed + (people.length - i) <= best) return;
    if (i === people.length) {
      if (groups.every((g) => g.length === 0 || (circleFeasible(g, p) && g.length >= p.sizeMin)))
        best = Math.max(best, placed);
      return;
    }
    const c = people[i]!;
    for (const g of groups)
      if (g.length < p.sizeMax && circleFeasible([...g, c], p)) {
        g.push(c);
        place(i + 1, placed + 1);
        g.pop();
      }
    groups.push([c]);
    place(i + 1, placed + 1);
    groups.pop();
    place(i + 1, placed);
  };
  place(0, 0);
  return best;
}

group("reasons that are true", () => {
  it("says 'no room' only when a valid circle with them exists, and otherwise why none does", () => {
    let checked = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const pool = syntheticPool(8 + (seed % 5), seed, { municipalities: 2 });
      const p = seed % 3 === 0 ? policy(3, 4, 5, "online") : policy(3 + (seed % 2), 4, 6);
      const result = match(pool, p, { seed });
      for (const { id, reason } of result.unplaced) {
        const c = pool.find((o) => o.id === id)!;
        if (reason.code === "meetingMode" || reason.code === "noDayPart") {
          expect(eligible(c, p)).toBe(false);
          continue;
        }
        checked++;
        const possible = someCircleHolds(c, pool, p);
        expect(possible, `seed ${seed}, ${id}: ${JSON.stringify(reason)}`).toBe(
          reason.code === "noRoom",
        );
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("names the real reason for someone whose day-part matches are pairwise only", () => {
    // 1 shares the evening with 2 and the morning with 3, but no day-part with both.
    const pool = [
      person(1, { dayParts: ["evening", "morning"] }),
      person(2, { dayParts: ["evening"] }),
      person(3, { dayParts: ["morning"] }),
    ];
    expect(unplacedReason(pool[0]!, pool, policy(3, 4, 5))).toEqual({
      code: "tooFewCompatible",
      dayParts: ["evening", "morning"],
      count: 1,
      size: 3,
    });
  });

  it("says when the people who fit exclude each other", () => {
    // 2 and 3 both fit 1, but are direct competitors of each other.
    const pool = [
      person(1),
      person(2, { municipality: "Ede", division: "43" }),
      person(3, { municipality: "Ede", division: "43" }),
    ];
    expect(unplacedReason(pool[0]!, pool, policy(3, 4, 5))).toEqual({
      code: "excludeEachOther",
      size: 3,
    });
  });

  it("gives every placed person at least one reason", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const pool = syntheticPool(40, seed, { municipalities: 2 });
        const p = seed % 2 ? policy(3, 5, 7, "online") : policy(3, 5, 7, "in_person", "same");
        for (const c of match(pool, p, { seed }).circles)
          for (const id of c.members)
            expect(c.explanations[id]!.reasons.length, `seed ${seed}, ${id}`).toBeGreaterThan(0);
      }),
      { seed: 19, numRuns: 60 },
    );
  });

  it("gives a reason when the only thing in common is the day-part", () => {
    const pool = [
      person(1, {
        lifePhase: "starting",
        sizeClass: "solo",
        themes: ["finance"],
        companyRole: "employee",
      }),
      person(2, {
        lifePhase: "succession",
        sizeClass: "medium",
        themes: ["growth"],
        companyRole: "manager",
        sector: "F",
      }),
      person(3, {
        lifePhase: "renewing",
        sizeClass: "small",
        themes: ["people"],
        companyRole: "owner",
        sector: "G",
      }),
    ];
    const result = match(pool, policy(3, 3, 3, "online"), { seed: 1 });
    expect(result.circles).toHaveLength(1);
    expect(result.circles[0]!.explanations[1]!.reasons).toContainEqual({
      code: "dayPart",
      dayParts: ["evening"],
    });
  });
});

group("adversarial pool shapes finish in bounded time", () => {
  // Measured at 0.3 to 0.8 s per 10,000 on a loaded 2-core machine; the bound is ten times that
  // and more, so a busy CI machine does not fail it. The benchmark holds the real targets.
  const BOUND_MS = 15_000;
  for (const shape of poolShapes)
    it(`10,000 candidates, ${shape}`, () => {
      const pool = syntheticPool(10_000, 7, { shape });
      const start = performance.now();
      const result = match(pool, policy(5, 8, 12), { seed: 7 });
      expect(performance.now() - start).toBeLessThan(BOUND_MS);
      expect(result.complete).toBe(true);
      expect(result.circles.length).toBeGreaterThan(500);
    }, 60_000);

  it("10,000 candidates in circles of exactly one size", () => {
    const pool = syntheticPool(10_000, 8, { shape: "competitorClusters" });
    const start = performance.now();
    const result = match(pool, policy(8, 8, 8), { seed: 8 });
    expect(performance.now() - start).toBeLessThan(BOUND_MS);
    for (const c of result.circles) expect(c.members).toHaveLength(8);
  }, 60_000);

  it("stops at the deadline with the best result so far, marked as such", () => {
    const pool = syntheticPool(20_000, 9, { shape: "oneMunicipality" });
    const start = performance.now();
    const result = match(pool, policy(5, 8, 12), { seed: 9, deadline: performance.now() + 50 });
    expect(performance.now() - start).toBeLessThan(BOUND_MS);
    expect(result.complete).toBe(false);
    expect(result.circles.length).toBeGreaterThan(0);
  }, 60_000);
});

group("the README's benchmark table", () => {
  it("is the one scripts/bench-matching.ts writes: every shape at 10,000 and 50,000, between its markers", async () => {
    const fs = await import("node:fs");
    const readme = fs.readFileSync("README.md", "utf8");
    const start = readme.indexOf("<!-- bench-matching:start -->");
    const end = readme.indexOf("<!-- bench-matching:end -->");
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const table = readme.slice(start, end);
    expect(table).toMatch(/^\| Pool\s*\| Shape\s*\| Mode\s*\| Time \(match\)/m);
    for (const size of ["10,000", "50,000"])
      for (const shape of [...poolShapes, "oneSize"])
        expect(table, `${size} ${shape}`).toMatch(
          new RegExp(`^\\| ${size}\\s*\\| ${shape}\\s*\\| in_person`, "m"),
        );
  });
});
