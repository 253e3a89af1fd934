/**
 * Live fan-out against a bare broadcast: `npm run bench:live` (after `npm run build`; this script
 * builds nothing). Options: `--rounds N` (measured rounds, default 3, after one warm-up round),
 * `--spread S` (seconds over which a round's posts are sent, default 5), `--circles N` (250),
 * `--members N` (8), `--profile DIR` (a CPU profile of the app server), `--keep-notifications`
 * (see below).
 *
 * It seeds a database in a temporary folder and adds 250 active circles of 8 members each (users,
 * sessions, memberships with the house rules accepted, written straight into the copy), starts
 * the production server exactly as `npm start` does (POSTS_PER_MINUTE raised so the bench is not
 * refused), and the bare limit (scripts/bench-live-ws-server.ts: node:http + `ws`). Each gets
 * 2,000 clients, in a client process of its own (scripts/lib/bench-live-clients.ts): signed-in
 * Socket.IO sockets (Cookie header) that join their circle's room, and plain WebSockets.
 *
 * A round posts one reply per circle, spread evenly over a few seconds, through the app's own
 * action (POST /circles/:id/threads/:id, intent=reply, as the thread page's fetcher sends it), and
 * then the very same event texts to the bare server (POST /post?circle=N, which sends the body to
 * that circle's sockets). Latency is post-to-event: from just before the HTTP request is sent to
 * the moment each of the circle's 8 clients has the event, on the wall clock of one machine. The
 * app's figure therefore includes what the limit does not do: the session and membership checks,
 * the transaction (post, counters, search index, live log, notifications) and reading the event
 * back. Only the ratio, measured in one run, means anything on this shared 2-core machine.
 */
import { fork, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createCookie } from "@remix-run/node";
import { generateSecureRandomString, hashSecret } from "../app/utils/crypto.server";
import {
  openWorkspaceDb,
  requireBuild,
  residentBytes,
  root,
  seededWorkspace,
  spawnServer,
  waitFor200,
  type RunningServer,
  type Workspace,
} from "./lib/bench-server";
import { startCommand } from "./lib/start-command";
import type { ClientSpec, FromClients, ToClients } from "./lib/bench-live-clients";
import { cliOptions } from "./lib/bench-http";

const { flag, option, text } = cliOptions();
const ROUNDS = option("--rounds", 3);
const SPREAD_S = option("--spread", 5);
const CIRCLES = option("--circles", 250);
const MEMBERS = option("--members", 8);
/**
 * `--keep-notifications`: leave the "new thread" notifications of the setup unread. By default
 * they are marked read before measuring: with 1,750 people holding an unread notification, the
 * mail worker's digest pass (runDigests, every 5 s) took about half the server's CPU and blocked
 * its event loop for seconds, which is a finding of its own, not the fan-out this measures.
 */
const KEEP_NOTIFICATIONS = flag("--keep-notifications");
/** `--profile DIR`: the app server writes a V8 CPU profile there when it stops. */
const PROFILE_DIR = flag("--profile") ? text("--profile", "") : undefined;
/** After the last post of a round is answered, the clients get this long to receive it. */
const DRAIN_MS = 1_500;

/** The issue's target: the app's p99 at most twice the bare broadcast's. */
const TARGET_RATIO = 2;

const THREAD_ROUTE = "routes/circles.$circleId.threads.$threadId";
const wallClock = () => performance.timeOrigin + performance.now();

type Member = { userId: number; cookie: string };
type BenchCircle = { id: number; threadId: number; members: Member[] };

/**
 * The bench's circles, written into the workspace's database: active, closed to applications,
 * in the first programme; members with a month-long session and the house rules accepted.
 */
async function addCircles(workspace: Workspace): Promise<Array<Omit<BenchCircle, "threadId">>> {
  const cookie = createCookie("kw_session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secrets: [workspace.sessionSecret],
  });
  const db = openWorkspaceDb(workspace);
  const rows: Array<{ id: number; members: Array<{ userId: number; token: string }> }> = [];
  try {
    const programme = db
      .prepare("select id from programme where archived_at is null order by id limit 1")
      .get() as { id: number };
    const now = Date.now();
    const expiresAt = now + 30 * 24 * 60 * 60 * 1000;
    const insertCircle = db.prepare(
      `insert into circle (programme_id, name, theme, status, capacity_min, capacity_max,
         meeting_mode, open_for_applications, house_rules)
       values (?, ?, 'growth', 'active', 2, ?, 'online', 0, 'Wat hier gezegd wordt, blijft hier.')`,
    );
    const insertUser = db.prepare(
      `insert into user (email, name, password_hash, email_verified_at) values (?, ?, 'bench', ?)`,
    );
    const insertRole = db.prepare(
      "insert into user_role (user_id, role) values (?, 'entrepreneur')",
    );
    const insertMembership = db.prepare(
      `insert into membership (circle_id, user_id, state, house_rules_accepted_at)
       values (?, ?, 'member', ?)`,
    );
    const insertSession = db.prepare(
      "insert into session (id, secret_hash, user_id, expires_at, created_at) values (?, ?, ?, ?, ?)",
    );
    db.transaction(() => {
      for (let c = 0; c < CIRCLES; c += 1) {
        const circleId = Number(
          insertCircle.run(programme.id, `Benchkring ${c + 1}`, MEMBERS).lastInsertRowid,
        );
        const members: Array<{ userId: number; token: string }> = [];
        for (let m = 0; m < MEMBERS; m += 1) {
          const userId = Number(
            insertUser.run(`bench-${c}-${m}@bench.test`, `Lid ${m + 1} van kring ${c + 1}`, now)
              .lastInsertRowid,
          );
          insertRole.run(userId);
          insertMembership.run(circleId, userId, now);
          const id = generateSecureRandomString(15);
          const secret = generateSecureRandomString(24);
          insertSession.run(id, hashSecret(secret), userId, expiresAt, now);
          members.push({ userId, token: `${id}.${secret}` });
        }
        rows.push({ id: circleId, members });
      }
    })();
  } finally {
    db.close();
  }
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      members: await Promise.all(
        row.members.map(async (m) => ({
          userId: m.userId,
          cookie: (await cookie.serialize(m.token)).split(";")[0]!,
        })),
      ),
    })),
  );
}

/** Runs `tasks` with at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
    }),
  );
}

/** One thread per circle, opened by its first member through the app's form. */
async function openThreads(
  app: RunningServer,
  circles: Array<Omit<BenchCircle, "threadId">>,
): Promise<BenchCircle[]> {
  const withThreads: BenchCircle[] = [];
  await pool(circles, 4, async (circle) => {
    const response = await fetch(`${app.baseURL}/circles/${circle.id}/threads/new`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Cookie: circle.members[0]!.cookie,
        Origin: app.baseURL,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        title: "Hoe houden jullie je team betrokken?",
        body: "Ik ben benieuwd hoe jullie dat aanpakken.",
        key: crypto.randomUUID(),
      }),
    });
    const threadId = Number(response.headers.get("Location")?.match(/threads\/(\d+)/)?.[1]);
    if (response.status !== 302 || !threadId)
      throw new Error(`Opening a thread in circle ${circle.id}: ${response.status}`);
    withThreads.push({ ...circle, threadId });
  });
  return withThreads.sort((a, b) => a.id - b.id);
}

/** The members saw the new threads (see --keep-notifications). */
function markNotificationsRead(workspace: Workspace) {
  const db = openWorkspaceDb(workspace);
  try {
    db.prepare("update notification set read_at = ? where read_at is null").run(Date.now());
  } finally {
    db.close();
  }
}

/** A forked client process and a way to ask it something and wait for its answer. */
function clientProcess() {
  const child: ChildProcess = fork(path.join(root, "scripts/lib/bench-live-clients.ts"), [], {
    execArgv: ["--import", "tsx"],
    cwd: root,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ask = <T extends FromClients["type"]>(message: ToClients, answer: T) =>
    new Promise<Extract<FromClients, { type: T }>>((resolve, reject) => {
      const onMessage = (reply: FromClients) => {
        if (reply.type !== answer) return;
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(reply as Extract<FromClients, { type: T }>);
      };
      const onExit = (code: number | null) =>
        reject(new Error(`The client process exited (${code})`));
      child.on("message", onMessage);
      child.once("exit", onExit);
      child.send(message);
    });
  return { child, ask };
}

type Clients = ReturnType<typeof clientProcess>;

type RoundResult = {
  latencies: number[];
  /** From the post's own timestamp (taken as the write begins) to the event: write, commit, fan-out. */
  fromWrite: number[];
  delivered: number;
  expected: number;
  postP99: number;
  messages: Record<number, string>;
  /** The server's CPU time per post over the round (from the first post to the last answer). */
  cpuPerPost: number;
  /** That CPU time over the round's wall time: 1 is one core busy throughout. */
  busy: number;
};

/**
 * Sends one post per circle, evenly spread over SPREAD_S, waits for the answers and for the
 * clients to receive, and returns each delivery's post-to-event latency.
 */
async function round(
  circles: BenchCircle[],
  clients: Clients,
  server: RunningServer,
  send: (circle: BenchCircle) => Promise<boolean>,
): Promise<RoundResult> {
  const cpuBefore = cpuMs(server.process.pid!);
  const wallBefore = performance.now();
  const sentAt = new Map<number, number>();
  const postTimes: number[] = [];
  const interval = (SPREAD_S * 1000) / circles.length;
  const start = performance.now() + 50;
  let failed = 0;
  await Promise.all(
    circles.map(
      (circle, i) =>
        new Promise<void>((resolve) => {
          setTimeout(
            () => {
              const at = wallClock();
              sentAt.set(circle.id, at);
              send(circle)
                .then((ok) => {
                  if (!ok) failed += 1;
                  postTimes.push(wallClock() - at);
                })
                .catch(() => (failed += 1))
                .finally(resolve);
            },
            Math.max(0, start + i * interval - performance.now()),
          );
        }),
    ),
  );
  if (failed > 0) throw new Error(`${failed} posts failed`);
  const cpu = cpuMs(server.process.pid!) - cpuBefore;
  const wall = performance.now() - wallBefore;
  await new Promise((r) => setTimeout(r, DRAIN_MS));
  const { samples, messages } = await clients.ask({ type: "collect" }, "received");
  const latencies = samples.map(([circleId, , at]) => at - sentAt.get(circleId)!);
  return {
    latencies,
    fromWrite: samples.map(([, createdAt, at]) => at - createdAt),
    delivered: samples.length,
    expected: circles.length * MEMBERS,
    postP99: percentile(postTimes, 0.99),
    messages,
    cpuPerPost: cpu / circles.length,
    busy: cpu / wall,
  };
}

/** The CPU time a process has used so far (user + system), from /proc (Linux). */
function cpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime are fields 14 and 15 of stat, counted from the state (field 3) here.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
const CLOCK_TICKS = 100;

function percentile(values: number[], p: number) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (bytes: number | undefined) =>
  bytes === undefined ? "n/a" : `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  requireBuild();
  console.log(`Seeding a database with ${CIRCLES} circles of ${MEMBERS} members …`);
  const workspace = await seededWorkspace();
  const running: RunningServer[] = [];
  const clientProcesses: Clients[] = [];
  try {
    const circles0 = await addCircles(workspace);
    const app = await spawnServer(workspace, {
      env: { POSTS_PER_MINUTE: "10000" },
      args: PROFILE_DIR
        ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`, ...startCommand().args]
        : undefined,
    });
    running.push(app);
    const bare = await spawnServer(workspace, {
      args: ["--import", "tsx", "scripts/bench-live-ws-server.ts"],
    });
    running.push(bare);
    await waitFor200(app, `${app.baseURL}/`);
    await waitFor200(bare, `${bare.baseURL}/`);
    const circles = await openThreads(app, circles0);
    if (!KEEP_NOTIFICATIONS) markNotificationsRead(workspace);

    const sockets = circles.flatMap((circle) =>
      circle.members.map((m): ClientSpec => ({ circleId: circle.id, cookie: m.cookie })),
    );
    const sio = clientProcess();
    const ws = clientProcess();
    clientProcesses.push(sio, ws);
    const sioReady = await sio.ask(
      { type: "connect", mode: "socketio", url: app.baseURL, clients: sockets },
      "ready",
    );
    const wsReady = await ws.ask(
      {
        type: "connect",
        mode: "ws",
        url: bare.baseURL,
        clients: sockets.map((s) => ({ circleId: s.circleId })),
      },
      "ready",
    );
    if (sioReady.refused > 0 || wsReady.refused > 0)
      throw new Error(`Refused: ${sioReady.refused} Socket.IO, ${wsReady.refused} ws clients`);
    await new Promise((r) => setTimeout(r, 1_000));
    const appRss = residentBytes(app.process.pid!)?.rss;
    const bareRss = residentBytes(bare.process.pid!)?.rss;
    console.log(
      `${sioReady.connected} Socket.IO sockets signed in and joined in ${(sioReady.ms / 1000).toFixed(1)} s; ` +
        `${wsReady.connected} ws sockets in ${(wsReady.ms / 1000).toFixed(1)} s.`,
    );

    let n = 0;
    const sendReply = (circle: BenchCircle) => {
      const author = circle.members[(n + circle.id) % MEMBERS]!;
      const url = `${app.baseURL}/circles/${circle.id}/threads/${circle.threadId}?_data=${encodeURIComponent(THREAD_ROUTE)}`;
      return fetch(url, {
        method: "POST",
        headers: {
          Cookie: author.cookie,
          Origin: app.baseURL,
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({
          intent: "reply",
          body: `Bij ons helpt een vast moment in de week. (${n})`,
          key: crypto.randomUUID(),
        }),
      }).then(async (response) => {
        const body = (await response.json()) as { ok?: boolean };
        return response.status === 200 && body.ok === true;
      });
    };

    const results = { app: [] as RoundResult[], bare: [] as RoundResult[] };
    for (let r = 0; r <= ROUNDS; r += 1) {
      n = r;
      const appRound = await round(circles, sio, app, sendReply);
      const bareRound = await round(circles, ws, bare, (circle) =>
        fetch(`${bare.baseURL}/post?circle=${circle.id}`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: appRound.messages[circle.id] ?? "{}",
        }).then(async (response) => {
          await response.arrayBuffer();
          return response.status === 204;
        }),
      );
      const label = r === 0 ? "warm-up" : `round ${r}`;
      console.log(
        `${label}: app p99 ${ms(percentile(appRound.latencies, 0.99))} ` +
          `(${appRound.delivered}/${appRound.expected}), bare ws p99 ` +
          `${ms(percentile(bareRound.latencies, 0.99))} (${bareRound.delivered}/${bareRound.expected}); ` +
          `server CPU per post ${ms(appRound.cpuPerPost)} vs ${ms(bareRound.cpuPerPost)}, ` +
          `busy ${(appRound.busy * 100).toFixed(0)} % vs ${(bareRound.busy * 100).toFixed(0)} % of a core; ` +
          `load average ${os.loadavg()[0]!.toFixed(1)}`,
      );
      if (r === 0) continue;
      results.app.push(appRound);
      results.bare.push(bareRound);
    }

    const summary = (rounds: RoundResult[]) => {
      const all = rounds.flatMap((r) => r.latencies);
      return {
        p50: percentile(all, 0.5),
        p99: percentile(all, 0.99),
        max: Math.max(...all),
        delivered: rounds.reduce((s, r) => s + r.delivered, 0),
        expected: rounds.reduce((s, r) => s + r.expected, 0),
      };
    };
    const a = summary(results.app);
    const b = summary(results.bare);
    const ratio = a.p99 / b.p99;
    const postP99 = percentile(
      results.app.map((r) => r.postP99),
      0.5,
    );
    console.log("");
    console.log(
      `Live fan-out: ${CIRCLES} circles × ${MEMBERS} members = ${sockets.length} sockets; ` +
        `${CIRCLES} posts spread over ${SPREAD_S} s; ${ROUNDS} rounds after a warm-up`,
    );
    console.log("");
    console.log("| post-to-event         |      p50 |      p99 |      max | delivered   |");
    console.log("|-----------------------|---------:|---------:|---------:|-------------|");
    for (const [name, s] of [
      ["Kringwijs (Socket.IO)", a],
      ["bare ws broadcast", b],
    ] as const)
      console.log(
        `| ${name.padEnd(21)} | ${ms(s.p50).padStart(8)} | ${ms(s.p99).padStart(8)} | ` +
          `${ms(s.max).padStart(8)} | ${`${s.delivered}/${s.expected}`.padEnd(11)} |`,
      );
    console.log("");
    console.log(
      `p99 ratio Kringwijs / bare: ${ratio.toFixed(2)}x (target ≤ ${TARGET_RATIO}x) ` +
        `${ratio <= TARGET_RATIO ? "met" : "NOT met"}`,
    );
    const fromWrite = results.app.flatMap((r) => r.fromWrite);
    console.log(
      `Kringwijs from the write's start (the post's createdAt) to the event: p50 ` +
        `${ms(percentile(fromWrite, 0.5))}, p99 ${ms(percentile(fromWrite, 0.99))}; ` +
        `the reply's HTTP answer p99 (median of rounds): ${ms(postP99)}`,
    );
    const medianOf = (rounds: RoundResult[], pick: (r: RoundResult) => number) =>
      percentile(rounds.map(pick), 0.5);
    console.log(
      `Server CPU per post (median of rounds): Kringwijs ${ms(medianOf(results.app, (r) => r.cpuPerPost))}, ` +
        `bare ${ms(medianOf(results.bare, (r) => r.cpuPerPost))}; load average at the end ` +
        `${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
    );
    console.log(
      `Server RSS with ${sioReady.connected} sockets joined: ${mb(appRss)} ` +
        `(bare ws server with ${wsReady.connected}: ${mb(bareRss)})`,
    );
    process.exitCode = a.delivered === a.expected && ratio <= TARGET_RATIO ? 0 : 1;
  } finally {
    for (const clients of clientProcesses)
      await clients.ask({ type: "close" }, "closed").catch(() => undefined);
    for (const server of running) await server.stop();
    workspace.cleanUp();
  }
}

await main();
