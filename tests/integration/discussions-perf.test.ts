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
import { makeDiscussionCircle } from "./helpers";

type Executed = { sql: string; params: unknown[] };

const EXECUTE = new Set(["run", "get", "all", "iterate"]);

/**
 * Runs `fn` and returns every statement it executed on this process's connection. The
 * connection's `prepare` (already wrapped by the statement cache in db.server.ts) is wrapped
 * once more for the call, handing out statements that record each execution with its SQL and
 * parameters; `raw()`, `pluck()` and friends return the recording statement again, so drizzle's
 * array-mode queries are counted too.
 */
function executedBy<T>(fn: () => T): { result: T; statements: Executed[] } {
  const client = getDb().$client;
  const prepare = client.prepare;
  const statements: Executed[] = [];
  client.prepare = ((source: string) => {
    const statement = prepare.call(client, source);
    const recording: Database.Statement = new Proxy(statement, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          if (EXECUTE.has(String(property))) statements.push({ sql: source, params: args });
          const out = value.apply(target, args);
          return out === target ? recording : out;
        };
      },
    });
    return recording;
  }) as typeof client.prepare;
  try {
    return { result: fn(), statements };
  } finally {
    client.prepare = prepare;
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
    const viewer = (t: typeof small) => ({ id: t.reader.id, isCoach: false });

    const smallRun = executedBy(() => loadThread(small.circle.id, small.threadId, viewer(small)));
    const largeRun = executedBy(() => loadThread(large.circle.id, large.threadId, viewer(large)));
    expect(smallRun.result!.posts).toHaveLength(5);
    expect(largeRun.result!.posts).toHaveLength(200);
    expect(largeRun.result!.posts.some((p) => Object.keys(p.reactions).length > 0)).toBe(true);
    expect(largeRun.statements.length).toBeGreaterThan(0);
    expect(largeRun.statements.map((s) => s.sql)).toEqual(smallRun.statements.map((s) => s.sql));

    // A second visit (the reader's marker now exists) costs the same for both too.
    const again = (t: typeof small) =>
      executedBy(() => loadThread(t.circle.id, t.threadId, viewer(t))).statements.length;
    expect(again(large)).toBe(again(small));
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
