/**
 * The thread page with 200 posts against the bare limit: `npm run bench:thread` (builds first:
 * `npm run build`). Options: `--quick` (two rounds, shorter runs), `--rounds N`, `--duration S`,
 * `--encoding VALUE` (the Accept-Encoding sent, default a browser's `gzip, deflate, br`).
 *
 * It seeds a database in a temporary folder (db/seed.ts writes the 200-post thread in a circle of
 * the seeded entrepreneur), signs her in with a session written into that database, starts the
 * production server exactly as `npm start` does and the bare limit server
 * (scripts/bench-thread-limit-server.ts: node:http and better-sqlite3 rendering the same 200
 * posts' stored HTML as a string, uncompressed like the limit of bench:pages). Then autocannon,
 * 10 connections, limit and page back to back, the order flipping every round (A B, B A, ...), so
 * the noise of the shared machine hits both alike. The ratio is the median of the page's runs
 * over the median of the limit's.
 *
 * Bytes per page: the decompressed HTML of both, and compressed: the app's as sent, the limit's
 * page compressed here with the app's own encoder and settings (the limit itself sends none). The
 * issue's targets: req/s at least 25 % of the limit's, HTML at most 1.3x the limit's. The "post
 * text copies" column shows whether the posts travel twice (in the markup and again in the
 * serialised loader data): 1.0x means once, as in the limit.
 */
import { execFileSync } from "node:child_process";
import { LONG_THREAD } from "../db/seed-threads";
import { compress } from "../app/server/compression.server";
import {
  median,
  openWorkspaceDb,
  requireBuild,
  root,
  seededWorkspace,
  sessionCookieFor,
  spawnServer,
  startServer,
  waitFor200,
  type RunningServer,
} from "./lib/bench-server";
import {
  CONNECTIONS,
  browserHeaders,
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
const ROUNDS = option("--rounds", quick ? 2 : 4);
const DURATION_S = option("--duration", quick ? 3 : 5);
const WARMUP_S = quick ? 1 : 2;
const ENCODING = text("--encoding", "gzip, deflate, br");

/** The targets (issue 16). */
const TARGET_RATIO = 0.25;
const TARGET_BYTES = 1.3;

const MEMBER_EMAIL = "ondernemer@kringwijs.test";

/**
 * A short run of plain words from each post (letters and spaces only, so it reads the same in
 * HTML and in JSON): counting them in a page tells how often the posts' words travel in it.
 */
function snippets(htmls: string[]): string[] {
  return htmls
    .map((html) => html.replace(/<[^>]*>/g, " ").match(/[A-Za-z][A-Za-z ]{28,}[A-Za-z]/)?.[0])
    .filter((s): s is string => s !== undefined);
}
function occurrences(text: string, needles: string[]) {
  let n = 0;
  for (const needle of needles) n += text.split(needle).length - 1;
  return n;
}

async function main() {
  if (!flag("--no-build")) {
    console.error("Building (npm run build)…");
    execFileSync("npm", ["run", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  }
  requireBuild();
  const began = performance.now();
  console.error("Seeding a database in a temporary folder…");
  const workspace = await seededWorkspace();
  let app: RunningServer | undefined;
  let limit: RunningServer | undefined;
  try {
    const db = openWorkspaceDb(workspace);
    const thread = db
      .prepare(
        `select t.id, t.circle_id as circleId,
                (select count(*) from post p where p.thread_id = t.id) as posts
         from thread t join circle c on c.id = t.circle_id
         where t.title = ? and c.name = ?`,
      )
      .get(LONG_THREAD.title, LONG_THREAD.circle) as
      { id: number; circleId: number; posts: number } | undefined;
    if (!thread) throw new Error(`The seed has no thread "${LONG_THREAD.title}"`);
    const member = db
      .prepare(
        `select 1 from membership m join user u on u.id = m.user_id
         where u.email = ? and m.circle_id = ? and m.state = 'member'`,
      )
      .get(MEMBER_EMAIL, thread.circleId);
    if (!member) throw new Error(`${MEMBER_EMAIL} is no member of the thread's circle`);
    const postHtml = (
      db.prepare("select html from post where thread_id = ? order by id").all(thread.id) as {
        html: string;
      }[]
    ).map((r) => r.html);
    db.close();
    const cookie = await sessionCookieFor(workspace, MEMBER_EMAIL);
    const path = `/circles/${thread.circleId}/threads/${thread.id}`;
    const headers = { ...browserHeaders(ENCODING), cookie };
    const limitHeaders = browserHeaders(ENCODING);

    console.error("Starting the production server and the limit server…");
    app = await startServer(workspace);
    limit = await spawnServer(workspace, {
      args: ["--import", "tsx", "scripts/bench-thread-limit-server.ts"],
      env: { THREAD_ID: String(thread.id) },
    });
    const limitURL = `${limit.baseURL}/`;
    const appURL = `${app.baseURL}${path}`;
    await waitFor200(limit, limitURL);

    // The page must really be served to her (a redirect to /login or a 404 measures nothing).
    const page = await pageBytes(appURL, headers);
    if (page.status !== 200)
      throw new Error(
        `${path} answered ${page.status}, not 200` +
          (page.status === 404 ? " (is the thread page route there yet?)" : ""),
      );
    const limitPage = await pageBytes(limitURL, limitHeaders);
    const words = snippets(postHtml);
    const copies = occurrences(page.text, words) / Math.max(1, occurrences(limitPage.text, words));
    const missing = postHtml.filter((html) => !page.text.includes(html)).length;
    const limitWire =
      page.encoding === "br" || page.encoding === "gzip"
        ? compress(Buffer.from(limitPage.text), page.encoding).length
        : limitPage.html;

    console.error(`Warming up (${WARMUP_S} s each)…`);
    await load(limitURL, limitHeaders, WARMUP_S);
    await waitFor200(limit, limitURL);
    await load(appURL, headers, WARMUP_S);
    await waitFor200(app, `${app.baseURL}/healthz`);

    const runs = { app: [] as Run[], limit: [] as Run[] };
    for (let round = 0; round < ROUNDS; round++) {
      console.error(`Round ${round + 1}/${ROUNDS}`);
      // Each run waits until the server has answered what the run left in flight, so that
      // work does not fall into the other side's run.
      const measureLimit = async () => {
        runs.limit.push(await load(limitURL, limitHeaders, DURATION_S));
        await waitFor200(limit!, limitURL);
      };
      const measureApp = async () => {
        runs.app.push(await load(appURL, headers, DURATION_S));
        await waitFor200(app!, `${app!.baseURL}/healthz`);
      };
      if (round % 2 === 0) {
        await measureLimit();
        await measureApp();
      } else {
        await measureApp();
        await measureLimit();
      }
    }
    const failures = [...runs.app, ...runs.limit].reduce((n, r) => n + r.bad, 0);

    const rps = median(runs.app.map((r) => r.rps));
    const limitRps = median(runs.limit.map((r) => r.rps));
    const ratio = rps / limitRps;
    const bytesRatio = page.html / limitPage.html;
    const lines: string[] = [];
    lines.push(
      `bench:thread — ${thread.posts} posts, ${ROUNDS} rounds × ${DURATION_S} s per run, ` +
        `${CONNECTIONS} connections, Accept-Encoding: ${ENCODING}, node ${process.version}`,
    );
    lines.push("");
    lines.push("| | req/s | p99 | HTML | compressed | post text copies |");
    lines.push("| --- | ---: | ---: | ---: | ---: | ---: |");
    lines.push(
      `| thread page (signed in) | ${rps.toFixed(0)} | ${ms(median(runs.app.map((r) => r.p99)))} | ${kb(page.html)} | ${kb(page.wire)} ${page.encoding} | ${copies.toFixed(1)}x |`,
    );
    lines.push(
      `| limit (node:http + better-sqlite3) | ${limitRps.toFixed(0)} | ${ms(median(runs.limit.map((r) => r.p99)))} | ${kb(limitPage.html)} | ${kb(limitWire)} ${page.encoding} (here) | 1.0x |`,
    );
    lines.push("");
    lines.push("| target | measured | result |");
    lines.push("| --- | ---: | --- |");
    lines.push(
      `| req/s ≥ ${pct(TARGET_RATIO)} of the limit | ${pct(ratio)} | ${pass(ratio >= TARGET_RATIO)} |`,
    );
    lines.push(
      `| HTML ≤ ${TARGET_BYTES}x the limit's | ${bytesRatio.toFixed(2)}x (compressed ${(page.wire / limitWire).toFixed(2)}x) | ${pass(bytesRatio <= TARGET_BYTES)} |`,
    );
    lines.push("");
    lines.push(
      `Runs (req/s): page ${runs.app.map((r) => r.rps.toFixed(0)).join(", ")}; ` +
        `limit ${runs.limit.map((r) => r.rps.toFixed(0)).join(", ")}.`,
    );
    if (missing > 0)
      lines.push(
        `NOTE: ${missing} of the ${postHtml.length} posts' stored HTML is not in the page as stored.`,
      );
    if (failures > 0)
      lines.push(`WARNING: ${failures} responses were errors, timeouts or not 2xx.`);
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
