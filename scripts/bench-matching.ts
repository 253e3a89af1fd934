/**
 * Benchmark of the matching engine on synthetic pools: `npm run bench:matching`.
 * Prints a Markdown table: time, memory, circles, placed and unplaced people, the objective and
 * the mean and worst circle fit, and the objective against the plain greedy baseline.
 *
 * Each row runs in a child process of its own, so the peak memory (maxRSS) belongs to that row.
 * Wall time (the best of five runs) is what the target is about. CPU time counts
 * V8's helper threads too (garbage collection, compilation), so it can exceed the wall time.
 * `taskset -c 0 npm run bench:matching` keeps the whole process on one core.
 * Run with `node --expose-gc --import tsx scripts/bench-matching.ts` to measure the heap after a
 * garbage collection; without it the heap figures include garbage not yet collected.
 * Sizes can be chosen: `npm run bench:matching -- 100 1000`; shapes too: `-- --shape oneMunicipality`.
 * `--write-readme` replaces the table in README.md (between the bench-matching marker comments)
 * with the one printed, so the README always shows what this script measured.
 *
 * Pool shapes (app/domain/matching/synthetic.ts): `netherlands` (342 municipalities, real province
 * sizes; the default), `oneMunicipality` (everyone in one town: competitors everywhere),
 * `competitorClusters` (six in ten in clusters of 30 direct competitors), `competitorsOk` (one
 * town, nine in ten do not mind a competitor) and `oneSize` (the Dutch pool, circles of exactly 8).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, greedy, match } from "../app/domain/matching/engine";
import { defaultWeights, objective, type Policy } from "../app/domain/matching/model";
import { syntheticPool, type PoolShape } from "../app/domain/matching/synthetic";

type Shape = PoolShape | "oneSize";
type Row = { size: number; meetingMode: Policy["meetingMode"]; shape: Shape };

const shapes: Shape[] = [
  "netherlands",
  "oneMunicipality",
  "competitorClusters",
  "competitorsOk",
  "oneSize",
];
const rows: Row[] = [
  { size: 100, meetingMode: "in_person", shape: "netherlands" },
  { size: 1_000, meetingMode: "in_person", shape: "netherlands" },
  ...shapes.map((shape): Row => ({ size: 10_000, meetingMode: "in_person", shape })),
  { size: 10_000, meetingMode: "online", shape: "netherlands" },
  ...shapes.map((shape): Row => ({ size: 50_000, meetingMode: "in_person", shape })),
];

/** The issue's targets: 10,000 candidates in under 1 s, 50,000 in under 5 s, on every shape. */
const TARGETS: Record<number, number> = { 10_000: 1_000, 50_000: 5_000 };
const SEED = 1;
const REPEATS = 5;

type Measurement = Row & {
  ms: number;
  cpuMs: number;
  heapBeforeMb: number;
  heapAfterMb: number;
  maxRssMb: number;
  circles: number;
  placed: number;
  unplaced: number;
  unplacedMode: number;
  objective: number;
  mean: number;
  worst: number;
  greedyMs: number;
  greedyObjective: number;
  greedyMean: number;
  greedyWorst: number;
};

function policyFor(meetingMode: Policy["meetingMode"], shape: Shape): Policy {
  const oneSize = shape === "oneSize";
  return {
    sizeMin: oneSize ? 8 : 5,
    sizeTarget: 8,
    sizeMax: oneSize ? 8 : 12,
    sectorPolicy: "mixed",
    meetingMode,
    weights: defaultWeights,
  };
}

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => bytes / 1024 / 1024;

/** One row, in this process. */
function measure({ size, meetingMode, shape }: Row): Measurement {
  const policy = policyFor(meetingMode, shape);
  // Warm the JIT on a small pool first, as a running server would be.
  match(
    syntheticPool(2_000, SEED + 1, { shape: shape === "oneSize" ? "netherlands" : shape }),
    policy,
    { seed: SEED },
  );

  const pool = syntheticPool(size, SEED, { shape: shape === "oneSize" ? "netherlands" : shape });
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const timed = () => {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const result = match(pool, policy, { seed: SEED });
    const cpu = process.cpuUsage(cpuStart);
    return { result, ms: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000 };
  };
  const first = timed();
  const { result } = first;
  gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  // The best of REPEATS runs (the result is the same each time): on this shared machine a single
  // timing jumps with the other processes' load, and the fastest run is the one least disturbed.
  // The CPU time of that run is printed beside it.
  const runs = [first];
  for (let i = 1; i < REPEATS; i++) runs.push(timed());
  const { ms, cpuMs } = runs.sort((a, b) => a.ms - b.ms)[0]!;

  const greedyStart = performance.now();
  const baseline = greedy(pool, policy, SEED);
  const greedyMs = performance.now() - greedyStart;
  const greedyResult = describe(baseline.circles, [], policy);
  greedyResult.objective = objective(baseline.circles, policy, pool);

  return {
    size,
    meetingMode,
    shape,
    ms,
    cpuMs,
    heapBeforeMb: mb(heapBefore),
    heapAfterMb: mb(heapAfter),
    maxRssMb: mb(maxRss),
    circles: result.circles.length,
    placed: result.circles.reduce((s, c) => s + c.members.length, 0),
    unplaced: result.unplaced.length,
    unplacedMode: result.unplaced.filter((u) => u.reason.code === "meetingMode").length,
    objective: result.objective,
    mean: result.mean,
    worst: result.worst,
    greedyMs,
    greedyObjective: greedyResult.objective,
    greedyMean: greedyResult.mean,
    greedyWorst: greedyResult.worst,
  };
}

const number = (n: number, digits = 0) =>
  n.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const duration = (ms: number) => (ms < 10_000 ? `${number(ms)} ms` : `${number(ms / 1000, 1)} s`);

function table(results: Measurement[]) {
  const head = [
    "Pool",
    "Shape",
    "Mode",
    "Time (match)",
    "CPU time",
    "Heap before → after",
    "Peak RSS",
    "Circles",
    "Placed",
    "Unplaced (meeting mode)",
    "Objective",
    "Mean fit",
    "Worst fit",
    "Greedy objective (time)",
    "Greedy mean / worst",
    "vs greedy",
    "Target",
  ];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
  for (const r of results) {
    const gain = ((r.objective - r.greedyObjective) / Math.abs(r.greedyObjective || 1)) * 100;
    const limit = TARGETS[r.size];
    const target =
      limit === undefined
        ? ""
        : r.ms < limit
          ? `PASS (< ${limit / 1000} s)`
          : `FAIL (≥ ${limit / 1000} s)`;
    lines.push(
      `| ${[
        number(r.size),
        r.shape,
        r.meetingMode,
        duration(r.ms),
        duration(r.cpuMs),
        `${number(r.heapBeforeMb, 1)} → ${number(r.heapAfterMb, 1)} MB`,
        `${number(r.maxRssMb)} MB`,
        number(r.circles),
        number(r.placed),
        `${number(r.unplaced)} (${number(r.unplacedMode)})`,
        number(r.objective, 2),
        number(r.mean, 3),
        number(r.worst, 3),
        `${number(r.greedyObjective, 2)} (${number(r.greedyMs)} ms)`,
        `${number(r.greedyMean, 3)} / ${number(r.greedyWorst, 3)}`,
        `${gain >= 0 ? "+" : ""}${number(gain, 1)}%`,
        target,
      ].join(" | ")} |`,
    );
  }
  return lines.join("\n");
}

const rowFlag = process.argv.indexOf("--row");
if (rowFlag >= 0) {
  // Child: measure one row and hand the figures back as JSON.
  const row = JSON.parse(process.argv[rowFlag + 1]!) as Row;
  process.stdout.write(JSON.stringify(measure(row)));
} else {
  const args = process.argv.slice(2);
  const sizes = args.map(Number).filter(Number.isFinite);
  const shapeFlag = args.indexOf("--shape");
  const onlyShape = shapeFlag >= 0 ? args[shapeFlag + 1] : undefined;
  const writeReadme = args.includes("--write-readme");
  const chosen = rows.filter(
    (r) => (!sizes.length || sizes.includes(r.size)) && (!onlyShape || r.shape === onlyShape),
  );
  const results: Measurement[] = [];
  for (const row of chosen) {
    process.stderr.write(`${number(row.size)} ${row.shape} ${row.meetingMode}… `);
    const out = execFileSync(
      process.execPath,
      [...process.execArgv, process.argv[1]!, "--row", JSON.stringify(row)],
      { encoding: "utf8", maxBuffer: 1 << 20, stdio: ["ignore", "pipe", "inherit"] },
    );
    const result = JSON.parse(out) as Measurement;
    process.stderr.write(`${number(result.ms)} ms\n`);
    results.push(result);
  }
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const text = [
    `Matching benchmark: synthetic pools (seed ${SEED}; shapes as in scripts/bench-matching.ts), circles` +
      ` of 5 to 12 (target 8; oneSize: exactly 8), mixed sectors, default weights and penalties.` +
      ` Node ${process.version} on ${cpu} (${os.cpus().length} cores; match runs on one thread),` +
      ` load average ${os.loadavg()[0]!.toFixed(1)} at the end. Time: the best of ${REPEATS} runs (after a warm-up run on 2,000 of the same shape).` +
      ` Objective: circles' size × fit, minus 0.25 per seat from the target and 1 per eligible person` +
      ` left out (so it can be below zero when most cannot meet in person).` +
      (gc
        ? ""
        : " Heap figures include uncollected garbage (run with --expose-gc for exact ones)."),
    "",
    table(results),
  ].join("\n");
  console.log(text);
  if (writeReadme) {
    const readme = path.resolve(import.meta.dirname, "../README.md");
    const start = "<!-- bench-matching:start -->";
    const end = "<!-- bench-matching:end -->";
    const current = fs.readFileSync(readme, "utf8");
    const a = current.indexOf(start);
    const b = current.indexOf(end);
    if (a < 0 || b < a) throw new Error(`README.md has no ${start} … ${end} markers`);
    fs.writeFileSync(
      readme,
      `${current.slice(0, a + start.length)}\n\n${text}\n\n${current.slice(b)}`,
    );
    process.stderr.write("README.md: benchmark table replaced\n");
  }
}
