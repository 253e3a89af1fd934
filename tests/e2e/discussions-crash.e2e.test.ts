/**
 * `kill -9` of the server while ten people post replies in a loop (issue 16, Reliability). Its own
 * production server (`npm start`'s command, as the benchmarks start it) on its own seeded
 * database in a temporary folder, so the shared e2e server is not touched. Each client submits
 * the thread page's reply form as a browser without JavaScript does (intent, body, a fresh
 * idempotency key per submission, the session cookie and a same-origin Origin); a success is the
 * redirect to the new post. Mid-way the server is killed with SIGKILL and started again. Then:
 * every post whose request was answered with success is there exactly once, and re-sending the
 * submissions that got no answer, with the same keys, makes each post exactly once too.
 */
import { afterAll, describe, expect, it } from "vitest";
import { LONG_THREAD } from "../../db/seed-threads";
import {
  openWorkspaceDb,
  seededWorkspace,
  sessionCookieFor,
  spawnServer,
  waitFor200,
  type RunningServer,
  type Workspace,
} from "../../scripts/lib/bench-server";

const CLIENTS = 10;
/** Successful posts to wait for before the kill, so it lands mid-way. */
const BEFORE_KILL = 40;

type Attempt = {
  client: number;
  cookie: string;
  userId: number;
  key: string;
  body: string;
  /** The post the server answered with, or null when the request got no (or no success) answer. */
  postId: number | null;
  status: number | null;
};

let workspace: Workspace | undefined;
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
  workspace?.cleanUp();
});

/** Nothing limits the clients but the server itself. */
const start = () => spawnServer(workspace!, { env: { POSTS_PER_MINUTE: "10000" } });

async function submit(baseURL: string, path: string, attempt: Attempt) {
  try {
    const response = await fetch(`${baseURL}${path}`, {
      method: "POST",
      headers: {
        cookie: attempt.cookie,
        origin: baseURL,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ intent: "reply", body: attempt.body, key: attempt.key }),
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer().catch(() => undefined);
    attempt.status = response.status;
    const location = response.headers.get("location") ?? "";
    const id = location.match(/#post-(\d+)$/)?.[1];
    attempt.postId = response.status >= 300 && response.status < 400 && id ? Number(id) : null;
  } catch {
    // The connection broke (the kill) or was refused (the server was down): no answer.
    attempt.status = null;
    attempt.postId = null;
  }
}

describe("kill -9 while ten people post", () => {
  it("keeps every answered post exactly once, and resending with the same keys adds none", async () => {
    workspace = await seededWorkspace();
    const db = openWorkspaceDb(workspace);
    const thread = db
      .prepare(
        `select t.id, t.circle_id as circleId from thread t join circle c on c.id = t.circle_id
         where t.title = ? and c.name = ?`,
      )
      .get(LONG_THREAD.title, LONG_THREAD.circle) as { id: number; circleId: number };
    const people = db
      .prepare(
        `select u.id, u.email from membership m join user u on u.id = m.user_id
         where m.circle_id = ? and m.state = 'member' and m.house_rules_accepted_at is not null
         order by u.id`,
      )
      .all(thread.circleId) as { id: number; email: string }[];
    db.close();
    expect(people.length).toBeGreaterThanOrEqual(2);
    const path = `/circles/${thread.circleId}/threads/${thread.id}`;
    // Ten clients over the circle's members (some people post from two tabs).
    const clients = await Promise.all(
      Array.from({ length: CLIENTS }, async (_, i) => {
        const person = people[i % people.length]!;
        return { userId: person.id, cookie: await sessionCookieFor(workspace!, person.email) };
      }),
    );

    server = await start();
    await waitFor200(server, `${server.baseURL}/healthz`);
    const attempts: Attempt[] = [];
    let stopped = false;
    const run = async (client: number) => {
      for (let n = 0; !stopped; n++) {
        const attempt: Attempt = {
          client,
          ...clients[client]!,
          key: `crash-${client}-${n}`,
          body: `Bericht ${n} van client ${client}: **vastgehouden** na een crash?`,
          postId: null,
          status: null,
        };
        attempts.push(attempt);
        await submit(server!.baseURL, path, attempt);
      }
    };
    const running = Array.from({ length: CLIENTS }, (_, i) => run(i));
    const deadline = Date.now() + 30_000;
    while (attempts.filter((a) => a.postId !== null).length < BEFORE_KILL) {
      if (Date.now() > deadline)
        throw new Error(`Too few posts before the kill:\n${server.output()}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    server.process.kill("SIGKILL");
    stopped = true;
    await Promise.all(running);
    await new Promise<void>((resolve) =>
      server!.process.exitCode !== null || server!.process.signalCode !== null
        ? resolve()
        : server!.process.once("exit", () => resolve()),
    );
    expect(server.process.signalCode).toBe("SIGKILL");

    const answered = attempts.filter((a) => a.postId !== null);
    const unanswered = attempts.filter((a) => a.postId === null);
    // Every request before the kill got a success: a refusal would mean the test measured nothing.
    expect(attempts.filter((a) => a.status !== null && a.postId === null)).toEqual([]);

    server = await start();
    await waitFor200(server, `${server.baseURL}/healthz`);
    const postsByKey = () => {
      const check = openWorkspaceDb(workspace!);
      try {
        return new Map(
          attempts.map((a) => [
            a.key,
            check
              .prepare(
                `select id, author_id as authorId, thread_id as threadId from post
                 where idempotency_key = ? or source = ?`,
              )
              .all(a.key, a.body) as { id: number; authorId: number; threadId: number }[],
          ]),
        );
      } finally {
        check.close();
      }
    };

    // Every answered post is there, once, as answered.
    let stored = postsByKey();
    for (const a of answered)
      expect(stored.get(a.key), a.key).toEqual([
        { id: a.postId, authorId: a.userId, threadId: thread.id },
      ]);
    // What got no answer is there at most once (committed before the kill, or not at all).
    for (const a of unanswered) expect(stored.get(a.key)!.length, a.key).toBeLessThanOrEqual(1);
    // Those written before the kill whose answer was lost: the case the keys are for.
    const committedUnanswered = unanswered.filter((a) => stored.get(a.key)!.length === 1).length;

    // Resending what got no answer, and a few answered ones, with the same keys.
    const resend = [...unanswered, ...answered.slice(0, 5)];
    const before = new Map(resend.map((a) => [a.key, a.postId]));
    for (const a of resend) await submit(server.baseURL, path, a);
    for (const a of resend) expect(a.postId, `${a.key}: ${a.status}`).not.toBeNull();
    for (const a of answered.slice(0, 5)) expect(a.postId).toBe(before.get(a.key));

    stored = postsByKey();
    for (const a of attempts)
      expect(stored.get(a.key), a.key).toEqual([
        { id: a.postId, authorId: a.userId, threadId: thread.id },
      ]);
    console.log(
      `kill -9: ${answered.length} posts answered before the kill, ${unanswered.length} without an answer (${committedUnanswered} of them written before the kill), all resent; ${attempts.length} in all`,
    );
  });
});
