/**
 * What `synchronous = FULL` costs against `NORMAL` (WAL mode, as the app runs): commits per
 * second and commit latency on this machine's disk. `npm run bench:durability [-- commits]`.
 *
 * Each commit is like an app write a person is told succeeded (a row and its audit event in one
 * transaction). The database lives next to DATABASE_PATH, on the disk production would use:
 * on a RAM disk (tmpfs) an fsync costs nothing and the comparison says nothing.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { auditEvents } from "../db/schema";
import { migrateDatabase, openDatabase } from "../app/utils/db.server";
import { getEnv } from "../app/utils/env.server";

const commits = Number(process.argv[2] ?? 2000);
const rounds = 3;
const modes = ["NORMAL", "FULL"] as const;

const dir = path.join(
  path.dirname(path.resolve(getEnv().DATABASE_PATH)),
  `bench-${crypto.randomBytes(4).toString("hex")}`,
);
fs.mkdirSync(dir, { recursive: true });

function run(mode: (typeof modes)[number]) {
  const file = path.join(dir, `${mode}-${crypto.randomBytes(4).toString("hex")}.db`);
  const db = openDatabase(file);
  migrateDatabase(db);
  db.$client.pragma(`synchronous = ${mode}`);
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  for (let i = 0; i < commits; i++) {
    const t = process.hrtime.bigint();
    db.transaction((tx) => {
      tx.insert(auditEvents)
        .values({ action: "bench.write", subjectType: "bench", subjectId: i, details: { i } })
        .run();
      tx.insert(auditEvents)
        .values({ action: "bench.audit", subjectType: "bench", subjectId: i })
        .run();
    });
    latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.$client.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { perSecond: commits / seconds, p50: at(0.5), p99: at(0.99) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  const results = Object.fromEntries(modes.map((m) => [m, [] as ReturnType<typeof run>[]]));
  // Alternate the modes, so a busy moment on the machine does not land on one of them only.
  for (let r = 0; r < rounds; r++) for (const mode of modes) results[mode]!.push(run(mode));
  console.log(`${commits} commits per run, median of ${rounds} runs, in ${dir}`);
  console.log("| synchronous | commits/s | p50 ms | p99 ms |");
  console.log("|---|---:|---:|---:|");
  for (const mode of modes) {
    const rs = results[mode]!;
    console.log(
      `| ${mode} | ${median(rs.map((x) => x.perSecond)).toFixed(0)} | ${median(rs.map((x) => x.p50)).toFixed(3)} | ${median(rs.map((x) => x.p99)).toFixed(3)} |`,
    );
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
