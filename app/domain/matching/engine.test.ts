import fc from "fast-check";
import { describe as group, expect, it } from "vitest";
import {
  describe,
  explain,
  greedy,
  match,
  noMisfits,
  type MatchResult,
  type UnplacedReason,
} from "./engine";
import { exactOptimum } from "./exact";
import {
  circleFit,
  circleValue,
  defaultWeights,
  neighbouring,
  objective,
  type Candidate,
  type Policy,
} from "./model";
import { person, syntheticPool } from "./synthetic";
import { dayPartCodes, provinceCodes, themeCodes, type Province } from "../taxonomy";

const EPS = 1e-9;

// The hard constraints, written out again from their definitions (DESIGN.md section 4) so the
// checks below do not lean on the model's own circleFeasible.

/** Provinces that share a border (on land or across water with a fixed link). */
const borders: Array<[Province, Province]> = [
  ["GR", "FR"],
  ["GR", "DR"],
  ["FR", "DR"],
  ["FR", "OV"],
  ["FR", "FL"],
  ["FR", "NH"],
  ["DR", "OV"],
  ["OV", "FL"],
  ["OV", "GE"],
  ["FL", "GE"],
  ["FL", "UT"],
  ["FL", "NH"],
  ["GE", "UT"],
  ["GE", "ZH"],
  ["GE", "NB"],
  ["GE", "LI"],
  ["UT", "ZH"],
  ["UT", "NH"],
  ["NH", "ZH"],
  ["ZH", "ZE"],
  ["ZH", "NB"],
  ["ZE", "NB"],
  ["NB", "LI"],
];

function nearby(a: Province, b: Province) {
  return a === b || borders.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

function sameMunicipality(a: Candidate, b: Candidate) {
  return a.municipality.trim().toLowerCase() === b.municipality.trim().toLowerCase();
}

/** Same SBI division (or section, when either has no division) in the same municipality. */
function rivals(a: Candidate, b: Candidate) {
  if (!sameMunicipality(a, b)) return false;
  return a.division && b.division ? a.division === b.division : a.sector === b.sector;
}

function canJoin(c: Candidate, policy: Policy) {
  if (c.dayParts.length === 0) return false;
  return policy.meetingMode === "online"
    ? c.meetingMode !== "in_person"
    : c.meetingMode !== "online";
}

/** Every hard constraint a proposed circle breaks, as readable messages (empty when it is fine). */
function violations(members: readonly Candidate[], policy: Policy): string[] {
  const out: string[] = [];
  const ids = members.map((m) => m.id).join(",");
  if (members.length < policy.sizeMin || members.length > policy.sizeMax)
    out.push(
      `[${ids}] has ${members.length} members, outside ${policy.sizeMin}..${policy.sizeMax}`,
    );
  for (const m of members)
    if (!canJoin(m, policy)) out.push(`${m.id} cannot join a ${policy.meetingMode} circle`);
  for (let i = 0; i < members.length; i++)
    for (let j = i + 1; j < members.length; j++) {
      const a = members[i]!;
      const b = members[j]!;
      const pair = `${a.id}/${b.id}`;
      if (a.id === b.id) out.push(`${pair}: the same person twice`);
      if (a.companyKey === b.companyKey) out.push(`${pair}: same company ${a.companyKey}`);
      if (rivals(a, b) && !(a.competitorsOk && b.competitorsOk))
        out.push(`${pair}: direct competitors`);
      if (!a.dayParts.some((d) => b.dayParts.includes(d))) out.push(`${pair}: no common day-part`);
      if (policy.meetingMode === "in_person" && !nearby(a.province, b.province))
        out.push(`${pair}: ${a.province} and ${b.province} are too far apart`);
    }
  if (!dayPartCodes.some((d) => members.every((m) => m.dayParts.includes(d))))
    out.push(`[${ids}] has no day-part everyone can make`);
  return out;
}

function membersOf(result: MatchResult, pool: readonly Candidate[]): Candidate[][] {
  const byId = new Map(pool.map((c) => [c.id, c]));
  return result.circles.map((c) => c.members.map((id) => byId.get(id)!));
}

const unplacedCodes: UnplacedReason["code"][] = [
  "meetingMode",
  "noDayPart",
  "tooFewCompatible",
  "competitors",
  "region",
  "excludeEachOther",
  "noRoom",
];

// Arbitrary pools and policies.

/** A few SBI sections, each with two of its divisions. */
const divisionsOf = {
  C: ["10", "25"],
  F: ["41", "43"],
  G: ["46", "47"],
  M: ["69", "70"],
} as const;

const candidateArb = fc.record({
  sector: fc.constantFrom("C", "F", "G", "M" as const),
  pickDivision: fc.option(fc.nat(1), { freq: 3 }),
  // Spelling variants of the same municipality count as one.
  municipality: fc.constantFrom("Zwolle", " zwolle", "Deventer", "Kampen"),
  // Mostly a few neighbouring provinces, so in-person circles can form; sometimes anywhere.
  province: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom("OV", "GE", "FL" as const) },
    { weight: 1, arbitrary: fc.constantFrom(...provinceCodes) },
  ),
  sizeClass: fc.constantFrom("solo", "micro", "small", "medium" as const),
  lifePhase: fc.constantFrom(
    "starting",
    "growing",
    "established",
    "renewing",
    "succession" as const,
  ),
  companyRole: fc.constantFrom("owner", "manager", "employee" as const),
  themes: fc.subarray(themeCodes, { minLength: 1, maxLength: 3 }),
  // Mostly evenings plus maybe more; sometimes any set of day-parts, including none.
  dayParts: fc.oneof(
    {
      weight: 3,
      arbitrary: fc.subarray(dayPartCodes.slice(1)).map((d) => ["evening" as const, ...d]),
    },
    { weight: 1, arbitrary: fc.subarray(dayPartCodes, { maxLength: 4 }) },
  ),
  meetingMode: fc.oneof(
    { weight: 2, arbitrary: fc.constant("either" as const) },
    { weight: 1, arbitrary: fc.constantFrom("in_person", "online" as const) },
  ),
  competitorsOk: fc.boolean(),
  /** Same company as the previous candidate (a colleague signed up too). */
  colleague: fc.nat(7).map((n) => n === 0),
});

const poolArb = fc.array(candidateArb, { minLength: 3, maxLength: 20, size: "max" }).map((rows) => {
  let company = 0;
  return rows.map(({ pickDivision, colleague, ...rest }, i) => {
    if (!(colleague && i > 0)) company += 1;
    return {
      ...rest,
      id: i + 1,
      companyKey: `k${company}`,
      division: pickDivision === null ? null : divisionsOf[rest.sector][pickDivision]!,
    } satisfies Candidate;
  });
});

const weight = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 5, noNaN: true }));

const policyArb = fc
  .integer({ min: 3, max: 6 })
  .chain((sizeMin) => fc.tuple(fc.constant(sizeMin), fc.integer({ min: sizeMin, max: 12 })))
  .chain(([sizeMin, sizeMax]) =>
    fc.record({
      sizeMin: fc.constant(sizeMin),
      sizeTarget: fc.integer({ min: sizeMin, max: sizeMax }),
      sizeMax: fc.constant(sizeMax),
      sectorPolicy: fc.constantFrom("same", "mixed" as const),
      meetingMode: fc.constantFrom("in_person", "online" as const),
      weights: fc.record({
        phase: weight,
        size: weight,
        role: weight,
        themes: weight,
        sector: weight,
        region: weight,
      }),
    }),
  );

const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });

group("match: properties over arbitrary pools and policies", () => {
  it("proposes no circle that breaks a hard constraint, and accounts for everyone exactly once", () => {
    fc.assert(
      fc.property(poolArb, policyArb, seedArb, (pool, policy, seed) => {
        const snapshot = structuredClone(pool);
        const result = match(pool, policy, { seed });
        expect(pool, "match must not change its input").toEqual(snapshot);

        // (a) Hard constraints, checked from their definitions.
        const circles = membersOf(result, pool);
        for (const [k, members] of circles.entries()) {
          expect(members.every(Boolean), "a circle names someone outside the pool").toBe(true);
          expect(violations(members, policy)).toEqual([]);
          const shared = dayPartCodes.filter((d) => members.every((m) => m.dayParts.includes(d)));
          expect([...result.circles[k]!.dayParts].sort()).toEqual([...shared].sort());
          expect(result.circles[k]!.fit).toBeCloseTo(circleFit(members, policy), 9);
        }
        expect(result.objective).toBeCloseTo(objective(circles, policy, pool), 9);

        // (b) Placed exactly once, or unplaced with a reason; never both, never missing.
        const placed = new Map<number, number>();
        for (const c of result.circles)
          for (const id of c.members) placed.set(id, (placed.get(id) ?? 0) + 1);
        const unplaced = new Map<number, number>();
        for (const u of result.unplaced) {
          unplaced.set(u.id, (unplaced.get(u.id) ?? 0) + 1);
          expect(unplacedCodes).toContain(u.reason.code);
        }
        const ids = new Set(pool.map((c) => c.id));
        for (const id of [...placed.keys(), ...unplaced.keys()]) expect(ids.has(id)).toBe(true);
        for (const c of pool) {
          const times = placed.get(c.id) ?? 0;
          const listed = unplaced.get(c.id) ?? 0;
          // Both are counts, so a sum of exactly 1 means placed once xor listed once.
          expect(times + listed, `candidate ${c.id}: placed ${times}x, unplaced ${listed}x`).toBe(
            1,
          );
          if (!canJoin(c, policy)) expect(times).toBe(0);
        }

        // Local search only adds to the plain greedy.
        const baseline = objective(greedy(pool, policy, seed).circles, policy, pool);
        expect(result.objective).toBeGreaterThanOrEqual(baseline - EPS);

        // (c) Deterministic for a seed.
        expect(match(pool, policy, { seed })).toEqual(result);
      }),
      { seed: 20260427, numRuns: 100 },
    );
  }, 60_000);
});

// The exact optimum on small pools, and the plain greedy as the floor.

function policyFor(
  [sizeMin, sizeTarget, sizeMax]: readonly [number, number, number],
  sectorPolicy: Policy["sectorPolicy"],
  meetingMode: Policy["meetingMode"],
): Policy {
  return { sizeMin, sizeTarget, sizeMax, sectorPolicy, meetingMode, weights: defaultWeights };
}

const oraclePolicies = (["mixed", "same"] as const).flatMap((sector) =>
  (["online", "in_person"] as const).flatMap((mode) =>
    (
      [
        [3, 4, 5],
        [3, 4, 6],
      ] as const
    ).map((sizes) => policyFor(sizes, sector, mode)),
  ),
);

group("match against the exact optimum", () => {
  it("is within 2% of the optimum on at least 95% of 160 small pools, and never below greedy", () => {
    const misses: string[] = [];
    const belowGreedy: string[] = [];
    const aboveOptimum: string[] = [];
    const seeds = Array.from({ length: 160 }, (_, i) => i + 1);
    for (const seed of seeds) {
      // 7 to 10 people, all fine with either meeting mode, in three municipalities so that
      // competitors and companies with two people turn up.
      const pool = syntheticPool(7 + (seed % 4), seed, { municipalities: 3 }).map((c) => ({
        ...c,
        meetingMode: "either" as const,
      }));
      const policy = oraclePolicies[seed % oraclePolicies.length]!;
      const engine = match(pool, policy, { seed }).objective;
      const exact = exactOptimum(pool, policy).objective;
      const baseline = objective(greedy(pool, policy, seed).circles, policy, pool);
      const label = `seed ${seed} (n ${pool.length}, ${policy.sizeMin}/${policy.sizeTarget}/${policy.sizeMax} ${policy.sectorPolicy} ${policy.meetingMode})`;
      // The objective can be negative (penalties), so the gap is measured against what the optimum
      // gains over placing nobody (every eligible person's penalty).
      const empty = -pool.length;
      if (exact - engine > 0.02 * (exact - empty) + EPS)
        misses.push(`${label}: ${engine.toFixed(4)} vs optimum ${exact.toFixed(4)}`);
      if (engine < baseline - EPS)
        belowGreedy.push(`${label}: ${engine.toFixed(4)} vs greedy ${baseline.toFixed(4)}`);
      if (engine > exact + EPS) aboveOptimum.push(label);
    }
    const share = 1 - misses.length / seeds.length;
    console.log(
      `oracle: within 2% of the optimum on ${seeds.length - misses.length}/${seeds.length} pools (${(share * 100).toFixed(1)}%)` +
        (misses.length ? `; misses:\n  ${misses.join("\n  ")}` : ""),
    );
    expect(
      share,
      `within 2% on ${(share * 100).toFixed(1)}%:\n${misses.join("\n")}`,
    ).toBeGreaterThanOrEqual(0.95);
    expect(belowGreedy).toEqual([]);
    // Beating the exhaustive optimum would mean an infeasible circle (or a broken oracle).
    expect(aboveOptimum).toEqual([]);
  }, 60_000);
});

// "No circle of misfits": local search may raise the mean, never by sinking the worst circle.

function fitStats(circles: readonly (readonly Candidate[])[], policy: Policy) {
  const fits = circles.map((c) => circleFit(c, policy));
  return {
    worst: fits.length ? Math.min(...fits) : 0,
    mean: fits.length ? fits.reduce((s, f) => s + f, 0) / fits.length : 0,
  };
}

const misfitCases = [
  { n: 40, sizes: [3, 4, 6], sector: "mixed", mode: "in_person" },
  { n: 60, sizes: [4, 5, 7], sector: "same", mode: "online" },
  { n: 80, sizes: [3, 4, 5], sector: "mixed", mode: "online" },
  { n: 100, sizes: [5, 8, 12], sector: "mixed", mode: "in_person" },
  { n: 120, sizes: [3, 4, 6], sector: "same", mode: "in_person" },
  { n: 150, sizes: [4, 5, 7], sector: "mixed", mode: "online" },
  { n: 180, sizes: [3, 4, 5], sector: "same", mode: "in_person" },
  { n: 200, sizes: [3, 4, 6], sector: "mixed", mode: "online" },
] as const;

/**
 * Pools that once broke the guarantee (found by scanning seeds 1..200 with n = 40..200): `match`
 * kept the start with the highest objective whatever its worst circle, and leftovers were placed
 * without a floor. `match` now only accepts starts without a circle of misfits (noMisfits: the
 * worst circle at least the greedy's worst, or at least MISFIT_RATIO of the result's own mean), so
 * the worst circle may still end a little below the greedy's (seeds 20 and 48 here do).
 */
const knownMisfitViolations = [
  { seed: 20, n: 136, sizes: [3, 4, 5], sector: "mixed", mode: "in_person" }, // worst 0.5545 < 0.5616
  { seed: 48, n: 45, sizes: [3, 4, 5], sector: "mixed", mode: "online" }, // worst 0.5556 < 0.5861
  { seed: 54, n: 106, sizes: [5, 8, 12], sector: "mixed", mode: "in_person" }, // worst 0.4936 < 0.5253
  { seed: 150, n: 116, sizes: [5, 8, 12], sector: "mixed", mode: "in_person" }, // mean 0.6036 < 0.6042
  { seed: 183, n: 49, sizes: [3, 4, 6], sector: "mixed", mode: "in_person" }, // both
] as const;

function checkNoMisfits(
  n: number,
  seed: number,
  sizes: readonly [number, number, number],
  sector: Policy["sectorPolicy"],
  mode: Policy["meetingMode"],
) {
  const policy = policyFor(sizes, sector, mode);
  const pool = syntheticPool(n, seed, { municipalities: Math.round(n / 20) });
  const result = match(pool, policy, { seed });
  const base = fitStats(
    greedy(pool, policy, seed).circles.filter(
      (c) => c.length >= policy.sizeMin && c.length <= policy.sizeMax,
    ),
    policy,
  );
  expect(result.circles.length).toBeGreaterThan(0);
  // No circle of misfits: the worst circle is at least the greedy's worst, or close to the average.
  expect(
    noMisfits({ worst: result.worst, mean: result.mean }, base),
    `worst ${result.worst} vs greedy ${base.worst}, mean ${result.mean}`,
  ).toBe(true);
  // The total (objective) may rise by forming more or fuller circles whose average fit is a little
  // lower; what must never happen is a worse worst circle.
  expect(result.objective, "objective below greedy's").toBeGreaterThanOrEqual(
    objective(greedy(pool, policy, seed).circles, policy, pool) - EPS,
  );
}

group("no circle of misfits (noMisfits), and an objective at least the plain greedy's", () => {
  for (const [index, { n, sizes, sector, mode }] of misfitCases.entries())
    for (const seed of [index + 1, index + 101])
      it(`n ${n}, seed ${seed}, ${sizes.join("/")} ${sector} ${mode}`, () =>
        checkNoMisfits(n, seed, sizes, sector, mode));

  for (const { seed, n, sizes, sector, mode } of knownMisfitViolations)
    it(`formerly failing pool: n ${n}, seed ${seed}, ${sizes.join("/")} ${sector} ${mode}`, () =>
      checkNoMisfits(n, seed, sizes, sector, mode));
});

// Explanations and reasons, on hand-built people.

const inPerson = policyFor([3, 4, 6], "mixed", "in_person");
const online = policyFor([3, 4, 6], "mixed", "online");

group("explanations and reasons", () => {
  const circle = [
    person(1, { lifePhase: "starting", themes: ["finance", "growth"] }),
    person(2, { themes: ["finance"] }),
    person(3, { themes: ["growth", "people"] }),
    person(4, { themes: ["sustainability"] }),
  ];

  it("names the trade-off for the only starter, and the shared phase for the others", () => {
    const why = explain(circle, inPerson);
    expect(why[1]!.tradeOffs).toContainEqual({ code: "onlyPhase", phase: "starting" });
    expect(why[1]!.reasons.map((r) => r.code)).not.toContain("samePhase");
    for (const id of [2, 3, 4]) {
      expect(why[id]!.reasons).toContainEqual({
        code: "samePhase",
        count: 2,
        phase: "established",
      });
      expect(why[id]!.tradeOffs.map((t) => t.code)).not.toContain("onlyPhase");
    }
  });

  it("lists the themes a member shares, and says so when there are none", () => {
    const why = explain(circle, inPerson);
    // Person 1 shares finance with 2 and growth with 3.
    expect(why[1]!.reasons).toContainEqual({
      code: "sharedThemes",
      themes: ["finance", "growth"],
      count: 2,
    });
    expect(why[3]!.reasons).toContainEqual({ code: "sharedThemes", themes: ["growth"], count: 1 });
    expect(why[4]!.tradeOffs).toContainEqual({ code: "noSharedTheme" });
    expect(why[4]!.reasons.map((r) => r.code)).not.toContain("sharedThemes");
  });

  it("explains every member of every proposed circle", () => {
    const pool = syntheticPool(60, 5, { municipalities: 3 });
    const result = match(pool, online, { seed: 5 });
    expect(result.circles.length).toBeGreaterThan(0);
    for (const c of result.circles)
      expect(Object.keys(c.explanations).map(Number).sort()).toEqual([...c.members].sort());
  });

  // Eight people who fit each other on evenings, in Gelderland and next door.
  const regulars = Array.from({ length: 8 }, (_, i) =>
    person(i + 1, { province: i % 2 ? "GE" : "UT", sizeClass: i % 3 ? "micro" : "small" }),
  );

  it("says who has too few compatible people, and on which day-parts", () => {
    const loner = person(9, { dayParts: ["afternoon"] });
    const result = match([...regulars, loner], inPerson, { seed: 3 });
    expect(result.unplaced).toEqual([
      {
        id: 9,
        reason: { code: "tooFewCompatible", dayParts: ["afternoon"], count: 0, size: 3 },
      },
    ]);
    expect(result.circles.flatMap((c) => c.members).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
  });

  it("says when the meeting mode is the reason, or the missing day-parts", () => {
    const onlineOnly = person(9, { meetingMode: "online" });
    const noTime = person(10, { dayParts: [] });
    const result = match([...regulars, onlineOnly, noTime], inPerson, { seed: 3 });
    expect(result.unplaced).toEqual([
      { id: 9, reason: { code: "meetingMode", wanted: "online" } },
      { id: 10, reason: { code: "noDayPart" } },
    ]);
    const inPersonOnly = person(11, { meetingMode: "in_person" });
    expect(match([...regulars, inPersonOnly], online, { seed: 3 }).unplaced).toEqual([
      { id: 11, reason: { code: "meetingMode", wanted: "in_person" } },
    ]);
  });

  it("reports the worst circle's fit as the minimum circle fit, and the mean as their mean", () => {
    const policy = policyFor([4, 5, 7], "mixed", "in_person");
    const pool = syntheticPool(120, 11, { municipalities: 6 });
    const result = match(pool, policy, { seed: 11 });
    const circles = membersOf(result, pool);
    expect(circles.length).toBeGreaterThan(1);
    const fits = circles.map((c) => circleFit(c, policy));
    expect(result.worst).toBe(Math.min(...result.circles.map((c) => c.fit)));
    expect(result.worst).toBeCloseTo(Math.min(...fits), 12);
    expect(result.mean).toBeCloseTo(fits.reduce((s, f) => s + f, 0) / fits.length, 12);
    expect(result.objective).toBeCloseTo(
      circles.reduce((s, c) => s + circleValue(c, policy), 0) -
        result.unplaced.filter((u) => u.reason.code !== "meetingMode").length,
      12,
    );
  });

  it("rescores the circles after an organiser moves someone by hand", () => {
    const policy = policyFor([3, 5, 7], "mixed", "online");
    const pool = syntheticPool(40, 2, { municipalities: 2 });
    const result = match(pool, policy, { seed: 2 });
    const circles = membersOf(result, pool);
    const from = circles.findIndex((c) => c.length > policy.sizeMin);
    const to = circles.findIndex((c, k) => k !== from && c.length < policy.sizeMax);
    expect(from).toBeGreaterThanOrEqual(0);
    expect(to).toBeGreaterThanOrEqual(0);
    const moved = circles.map((c) => [...c]);
    const mover = moved[from]!.pop()!;
    moved[to]!.push(mover);

    const after = describe(moved, result.unplaced, policy);
    expect(after.circles[from]!.members).not.toContain(mover.id);
    expect(after.circles[to]!.members).toContain(mover.id);
    for (const k of [from, to]) {
      expect(after.circles[k]!.fit).toBeCloseTo(circleFit(moved[k]!, policy), 12);
      expect(after.circles[k]!.explanations).toEqual(explain(moved[k]!, policy));
    }
    expect(after.circles[to]!.fit).not.toBeCloseTo(result.circles[to]!.fit, 6);
    expect(after.objective).toBeCloseTo(objective(moved, policy, pool), 12);
    const fits = moved.map((c) => circleFit(c, policy));
    expect(after.worst).toBeCloseTo(Math.min(...fits), 12);
    expect(after.mean).toBeCloseTo(fits.reduce((s, f) => s + f, 0) / fits.length, 12);
    expect(after.unplaced).toEqual(result.unplaced);
    // Circles nobody touched keep their scores.
    for (const k of circles.keys())
      if (k !== from && k !== to) expect(after.circles[k]).toEqual(result.circles[k]);
  });

  it("uses the same province borders as the rules (symmetric, neighbours only)", () => {
    for (const a of provinceCodes)
      for (const b of provinceCodes) {
        expect(neighbouring(a, b), `${a}-${b}`).toBe(nearby(a, b));
      }
  });
});
