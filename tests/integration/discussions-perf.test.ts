/**
 * The thread page's cost does not grow with the thread: the number of SQL statements it runs is
 * the same for 5 posts and for 200 (with replies and reactions), and the queries behind the
 * thread list, its unread counts and the thread's posts find their rows through indexes (no full
 * scan of a discussions table).
 */
import { describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import {
  createPost,
  createThread,
  listThreads,
  loadThread,
  toggleReaction,
} from "~/models/discussions.server";
import { reactionKeys } from "~/domain/discussions";
import { getDb } from "~/utils/db.server";
import { loader as threadPage } from "~/routes/circles.$circleId.threads.$threadId";
import { load, makeContext, makeDiscussionCircle, sessionCookieFor } from "./helpers";

type Executed = { sql: string; params: unknown[] };

const EXECUTE = new Set(["run", "get", "all", "iterate"]);

/** Where executions are recorded while a recording runs (tests in a file run one at a time). */
let recording: Executed[] | null = null;

/**
 * The connection's `prepare` (already wrapped by the statement cache in db.server.ts) is wrapped
 * once more, for this whole file, before anything of the app runs: it hands out statements that
 * record each execution with its SQL and parameters while a recording runs. Statements kept
 * across requests (the session query is prepared once per connection) record too, since they
 * were handed out here. `raw()`, `pluck()` and friends return the recording statement again, so
 * drizzle's array-mode queries are counted as well.
 */
{
  const client = getDb().$client;
  const prepare = client.prepare;
  client.prepare = ((source: string) => {
    const statement = prepare.call(client, source);
    const recorder: Database.Statement = new Proxy(statement, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          if (recording && EXECUTE.has(String(property)))
            recording.push({ sql: source, params: args });
          const out = value.apply(target, args);
          return out === target ? recorder : out;
        };
      },
    });
    return recorder;
  }) as typeof client.prepare;
}

/** Records the statements executed until `stop()`. */
function recordStatements() {
  const statements: Executed[] = [];
  recording = statements;
  return { statements, stop: () => void (recording = null) };
}

/** Runs `fn` (synchronous) and returns what it returned and the statements it executed. */
function executedBy<T>(fn: () => T): { result: T; statements: Executed[] } {
  const recording = recordStatements();
  try {
    return { result: fn(), statements: recording.statements };
  } finally {
    recording.stop();
  }
}

const ok = <T extends { ok: boolean }>(result: T) => {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
};

/**
 * A thread of `count` posts by the circle's members in turn: every third one a reply to an
 * earlier post, every other one with reactions of two people. Written in one transaction (the
 * model's own nest as savepoints) with moments a minute apart, under the posts-per-minute limit.
 */
async function threadWith(count: number) {
  const circle = await makeDiscussionCircle({ members: 4 });
  const people = circle.members;
  const start = Date.now() - count * 60_000 - 3_600_000;
  const ids: number[] = [];
  let threadId = 0;
  getDb().transaction((tx) => {
    void tx;
    for (let i = 0; i < count; i++) {
      const authorId = people[i % people.length]!.id;
      const now = new Date(start + i * 60_000);
      const source = `Bericht ${i}: **ervaring** met [roosters](https://example.nl/${i}).`;
      const written = ok(
        i === 0
          ? createThread({
              circleId: circle.id,
              authorId,
              title: `Draad ${count}`,
              source,
              key: null,
              now,
            })
          : createPost({
              circleId: circle.id,
              threadId,
              authorId,
              source,
              parentId: i % 3 === 0 ? ids[Math.floor(i / 2)]! : null,
              key: null,
              now,
            }),
      );
      threadId = written.threadId;
      ids.push(written.postId);
      if (i % 2 === 0)
        for (const [n, person] of people.slice(0, 2).entries())
          ok(
            toggleReaction({
              circleId: circle.id,
              postId: written.postId,
              userId: person.id,
              reaction: reactionKeys[(i + n) % reactionKeys.length]!,
            }),
          );
    }
  });
  return { circle, threadId, reader: people[1]! };
}

/** The query plan of an executed statement, one line per step. */
function planOf({ sql, params }: Executed): string[] {
  const rows = getDb()
    .$client.prepare(`explain query plan ${sql}`)
    .all(...(params as unknown[])) as { detail: string }[];
  return rows.map((r) => r.detail);
}

const DISCUSSION_TABLES = ["thread", "post", "post_reaction", "thread_read", "circle_event"];
const fullScans = (plan: string[]) =>
  plan.filter((step) =>
    DISCUSSION_TABLES.some((table) => new RegExp(`^SCAN ${table}\\b`).test(step)),
  );

describe("the thread page's SQL", () => {
  it("runs as many statements for 200 posts as for 5", async () => {
    const small = await threadWith(5);
    const large = await threadWith(200);
    const cookies = new Map([
      [small, await sessionCookieFor(small.reader.id)],
      [large, await sessionCookieFor(large.reader.id)],
    ]);
    /** The thread page's loader, as a document request or as a client-side data request. */
    const visit = async (t: typeof small, documentRequest: boolean) => {
      const recording = recordStatements();
      let page: Response;
      try {
        page = await load(threadPage, `/circles/${t.circle.id}/threads/${t.threadId}`, {
          cookie: cookies.get(t),
          params: { circleId: String(t.circle.id), threadId: String(t.threadId) },
          context: makeContext({ documentRequest }),
        });
      } finally {
        recording.stop();
      }
      expect(page.status).toBe(200);
      const data = (await page.json()) as { posts: unknown[] };
      return { statements: recording.statements, posts: data.posts.length };
    };
    for (const documentRequest of [true, false]) {
      const few = await visit(small, documentRequest);
      const many = await visit(large, documentRequest);
      expect(few.posts).toBe(5);
      expect(many.posts).toBe(200);
      expect(many.statements.length).toBeGreaterThan(0);
      expect(many.statements.map((s) => s.sql)).toEqual(few.statements.map((s) => s.sql));
    }
    // The model's part of it, with and without the reader's marker, the same way.
    const model = (t: typeof small) =>
      executedBy(() => loadThread(t.circle.id, t.threadId, { id: t.reader.id, isCoach: false }));
    const largeRun = model(large);
    expect(largeRun.result!.posts.some((p) => Object.keys(p.reactions).length > 0)).toBe(true);
    expect(largeRun.statements.length).toBe(model(small).statements.length);
  });

  it("lists a circle's threads in as many statements for 30 threads as for 2", async () => {
    const circle = await makeDiscussionCircle({ members: 2 });
    const [a, b] = circle.members;
    const start = Date.now() - 3_600_000;
    const write = (n: number) => {
      for (let i = 0; i < n; i++)
        ok(
          createThread({
            circleId: circle.id,
            authorId: (i % 2 ? a : b)!.id,
            title: `Onderwerp ${i}`,
            source: "Vraag",
            key: null,
            now: new Date(start + i * 60_000),
          }),
        );
    };
    write(2);
    const few = executedBy(() => listThreads(circle.id, a!.id, null));
    getDb().transaction(() => write(28));
    const many = executedBy(() => listThreads(circle.id, a!.id, null));
    expect(few.result).toHaveLength(2);
    expect(many.result).toHaveLength(30);
    expect(many.statements.length).toBe(few.statements.length);
  });

  it("finds the list's, the unread counts' and the thread's rows through indexes", async () => {
    const { circle, threadId, reader } = await threadWith(12);
    const statements = [
      ...executedBy(() => listThreads(circle.id, reader.id, new Date(0))).statements,
      ...executedBy(() => loadThread(circle.id, threadId, { id: reader.id, isCoach: false }))
        .statements,
    ].filter((s) => /^\s*select/i.test(s.sql));
    // The statements this test is about are among them: the list with its unread subquery, the
    // thread's posts and their reactions.
    expect(statements.some((s) => /count\(\*\)/i.test(s.sql) && /"thread_read"/.test(s.sql))).toBe(
      true,
    );
    expect(
      statements.some((s) => /from "post"/.test(s.sql) && /"thread_id" = \?/.test(s.sql)),
    ).toBe(true);
    for (const statement of statements) {
      const plan = planOf(statement);
      expect(fullScans(plan), `${statement.sql}\n${plan.join("\n")}`).toEqual([]);
    }
  });

  it("tells a full scan from an index search (the check above can fail)", () => {
    const scan = planOf({ sql: `select * from post where source like ?`, params: ["%x%"] });
    expect(fullScans(scan)).not.toEqual([]);
  });
});
