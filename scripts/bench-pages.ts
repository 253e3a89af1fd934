/**
 * Page throughput against the bare limit: `npm run bench:pages` (after `npm run build`; this
 * script builds nothing). Options: `--quick` (one round, shorter runs), `--rounds N`,
 * `--duration S`, `--cold-runs N`, `--cold-tsx` (also time the server under the TypeScript
 * loader, interleaved, for comparison), `--encoding VALUE` (the Accept-Encoding to send, default
 * `gzip, deflate, br` as browsers send it; `identity` for none).
 *
 * It seeds a database in a temporary folder, starts the production server exactly as `npm start`
 * does (LOG_LEVEL=silent) and the bare limit server (scripts/bench-limit-server.ts: node:http and
 * better-sqlite3 rendering the open circles as a string), then measures with autocannon, 10
 * connections, interleaved: for every page and round the limit and the page run back to back
 * (the order flips each round), so the noise of this shared 2-core machine hits both alike. A
 * page's ratio is the median of its rounds over the median of the limit runs paired with it;
 * only ratios measured in one run mean anything, never the absolute numbers.
 *
 * Requests send a browser's Accept-Encoding and User-Agent, so the app compresses as it does for
 * people; the limit server never compresses (it is the bare floor). Afterwards: the server's RSS
 * once it has served at least 10,000 requests (with `--quick`, after what the runs served), and the cold start (process start to the first
 * page served with 200), the median of several fresh starts.
 */
import autocannon from "autocannon";
import {
  median,
  openWorkspaceDb,
  requireBuild,
  residentBytes,
  seededWorkspace,
  sessionCookieFor,
  spawnServer,
  startServer,
  waitFor200,
  type RunningServer,
  type Workspace,
} from "./lib/bench-server";
import {
  CONNECTIONS,
  browserHeaders as browserHeadersFor,
  kb,
  load,
  ms,
  pageBytes,
  pass,
  cliOptions,
  pct,
  type Run,
} from "./lib/bench-http";

const { flag, option, text } = cliOptions();
const quick = flag("--quick");
const ROUNDS = option("--rounds", quick ? 1 : 3);
const DURATION_S = option("--duration", quick ? 2 : 3);
const WARMUP_S = quick ? 1 : 2;
const COLD_RUNS = option("--cold-runs", quick ? 3 : 5);
const COLD_TSX = flag("--cold-tsx");
const ENCODING = text("--encoding", "gzip, deflate, br");
const RSS_AFTER_REQUESTS = 10_000;

/** The targets (issue 15). */
const TARGET_P99_MS = 50;
const TARGET_COLD_START_MS = 1_500;

/** The seeded entrepreneur who is a member of a circle (db/seed-data.ts pins them). */
const MEMBER_EMAIL = "ondernemer@kringwijs.test";

const browserHeaders = browserHeadersFor(ENCODING);

type Page = { name: string; path: string; cookie: string | null; target: number };

const headersFor = (page: Page) =>
  page.cookie ? { ...browserHeaders, cookie: page.cookie } : browserHeaders;

function startLimitServer(workspace: Workspace) {
  return spawnServer(workspace, {
    args: ["--import", "tsx", "scripts/bench-limit-server.ts"],
  });
}

async function coldStart(workspace: Workspace, args?: string[]): Promise<number> {
  const started = performance.now();
  const server = await spawnServer(workspace, { args });
  try {
    return (await waitFor200(server, `${server.baseURL}/`)) - started;
  } finally {
    await server.stop();
  }
}

async function main() {
  requireBuild();
  const began = performance.now();
  console.error("Seeding a database in a temporary folder…");
  const workspace = await seededWorkspace();
  let app: RunningServer | undefined;
  let limit: RunningServer | undefined;
  try {
    const db = openWorkspaceDb(workspace);
    const circle = db
      .prepare(
        `select m.circle_id as id from membership m join user u on u.id = m.user_id
         where u.email = ? and m.state = 'member' order by m.circle_id limit 1`,
      )
      .get(MEMBER_EMAIL) as { id: number } | undefined;
    db.close();
    if (!circle) throw new Error(`${MEMBER_EMAIL} is no member of a circle in the seed`);
    const cookie = await sessionCookieFor(workspace, MEMBER_EMAIL);

    const pages: Page[] = [
      { name: "/ (anonymous)", path: "/", cookie: null, target: 0.08 },
      { name: "/circles (anonymous)", path: "/circles", cookie: null, target: 0.08 },
      { name: "/dashboard (signed in)", path: "/dashboard", cookie, target: 0.06 },
      { name: "circle home (signed in)", path: `/circles/${circle.id}/home`, cookie, target: 0.06 },
      { name: "/healthz", path: "/healthz", cookie: null, target: 0.5 },
    ];

    console.error("Starting the production server and the limit server…");
    app = await startServer(workspace);
    limit = await startLimitServer(workspace);
    await waitFor200(limit, `${limit.baseURL}/`);
    const limitURL = `${limit.baseURL}/`;

    // Every page must really be served (a signed-in page that redirects to /login measures nothing).
    const bytes = new Map<string, { wire: number; html: number; encoding: string }>();
    for (const page of pages) {
      const measured = await pageBytes(`${app.baseURL}${page.path}`, headersFor(page));
      if (measured.status !== 200) {
        throw new Error(`${page.path} answered ${measured.status}, not 200`);
      }
      bytes.set(page.name, measured);
    }
    const limitBytes = await pageBytes(limitURL, browserHeaders);

    let served = 0;
    console.error(`Warming up (${WARMUP_S} s per page)…`);
    await load(limitURL, browserHeaders, WARMUP_S);
    for (const page of pages) {
      served += (await load(`${app.baseURL}${page.path}`, headersFor(page), WARMUP_S)).requests;
    }

    const runs = new Map<string, { app: Run[]; limit: Run[] }>(
      pages.map((p) => [p.name, { app: [], limit: [] }]),
    );
    let failures = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const page of pages) {
        console.error(`Round ${round + 1}/${ROUNDS}: ${page.name}`);
        const measureLimit = async () => {
          const run = await load(limitURL, browserHeaders, DURATION_S);
          failures += run.bad;
          runs.get(page.name)!.limit.push(run);
        };
        const measureApp = async () => {
          const run = await load(`${app!.baseURL}${page.path}`, headersFor(page), DURATION_S);
          failures += run.bad;
          served += run.requests;
          runs.get(page.name)!.app.push(run);
        };
        // A B, then B A: drift on the shared machine does not favour either side.
        if (round % 2 === 0) {
          await measureLimit();
          await measureApp();
        } else {
          await measureApp();
          await measureLimit();
        }
      }
    }

    if (!quick && served < RSS_AFTER_REQUESTS) {
      // Top up with the pages in turn (not /healthz alone), so memory reflects real rendering.
      // Skipped with --quick: at today's page rates it would take longer than the rest.
      const rest = RSS_AFTER_REQUESTS - served;
      console.error(`${rest} more requests before reading the RSS…`);
      const result = await autocannon({
        url: app.baseURL,
        connections: CONNECTIONS,
        amount: rest,
        requests: pages.map((p) => ({ method: "GET", path: p.path, headers: headersFor(p) })),
      });
      served += result.requests.total;
      failures += result.non2xx + result.errors + result.timeouts;
    }
    const memory = residentBytes(app.process.pid!);

    await app.stop();
    await limit.stop();
    app = undefined;
    limit = undefined;

    console.error(`Cold starts (${COLD_RUNS} runs${COLD_TSX ? ", interleaved with tsx" : ""})…`);
    const cold: number[] = [];
    const coldTsx: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      cold.push(await coldStart(workspace));
      if (COLD_TSX)
        coldTsx.push(await coldStart(workspace, ["--import", "tsx", "scripts/server.ts"]));
    }

    // The tables, in Markdown, for the README.
    const lines: string[] = [];
    lines.push(
      `bench:pages — ${ROUNDS} round(s) × ${DURATION_S} s per run, ${CONNECTIONS} connections, ` +
        `Accept-Encoding: ${ENCODING}, node ${process.version}`,
    );
    lines.push("");
    lines.push(
      "| page | req/s | limit req/s | ratio | target | p99 | body (wire / html) | result |",
    );
    lines.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    const limitRps: number[] = [];
    for (const page of pages) {
      const { app: a, limit: l } = runs.get(page.name)!;
      const rps = median(a.map((r) => r.rps));
      const lim = median(l.map((r) => r.rps));
      limitRps.push(...l.map((r) => r.rps));
      const ratio = rps / lim;
      const p99 = median(a.map((r) => r.p99));
      const b = bytes.get(page.name)!;
      const ok = ratio >= page.target && p99 < TARGET_P99_MS;
      lines.push(
        `| ${page.name} | ${rps.toFixed(0)} | ${lim.toFixed(0)} | ${pct(ratio)} | ≥ ${pct(page.target)}, p99 < ${TARGET_P99_MS} ms | ${ms(p99)} | ${kb(b.wire)} ${b.encoding} / ${kb(b.html)} | ${pass(ok)} |`,
      );
    }
    lines.push("");
    lines.push(
      `Limit server: median ${median(limitRps).toFixed(0)} req/s over ${limitRps.length} runs, ` +
        `${kb(limitBytes.html)} per page, uncompressed.`,
    );
    lines.push(
      memory
        ? `Server memory after ${served} requests: RSS ${(memory.rss / 1024 / 1024).toFixed(0)} MB (peak ${(memory.peak / 1024 / 1024).toFixed(0)} MB).`
        : `Server memory: not readable on this platform (no /proc).`,
    );
    lines.push("");
    lines.push("| cold start (process start to first page) | median | runs | target | result |");
    lines.push("| --- | ---: | --- | ---: | --- |");
    const coldMedian = median(cold);
    lines.push(
      `| \`npm start\` | ${ms(coldMedian)} | ${cold.map(ms).join(", ")} | < ${ms(TARGET_COLD_START_MS)} | ${pass(coldMedian < TARGET_COLD_START_MS)} |`,
    );
    if (COLD_TSX) {
      const tsxMedian = median(coldTsx);
      lines.push(
        `| \`node --import tsx scripts/server.ts\` | ${ms(tsxMedian)} | ${coldTsx.map(ms).join(", ")} | (comparison) | |`,
      );
    }
    if (failures > 0) {
      lines.push("");
      lines.push(`WARNING: ${failures} responses were errors, timeouts or not 2xx.`);
    }
    lines.push("");
    lines.push(`(${((performance.now() - began) / 1000).toFixed(0)} s)`);
    console.log(lines.join("\n"));
    if (failures > 0) process.exitCode = 1;
  } finally {
    await app?.stop();
    await limit?.stop();
    workspace.cleanUp();
  }
}

await main();
