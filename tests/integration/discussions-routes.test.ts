/**
 * The discussion pages' loaders and actions: bad input gets a 400 with a message and writes
 * nothing, refusals say why, and the posts' HTML travels once per document.
 */
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { action as newThread } from "~/routes/circles.$circleId.threads.new";
import {
  action as threadAction,
  loader as threadLoader,
} from "~/routes/circles.$circleId.threads.$threadId";
import { loader as postLoader } from "~/routes/circles.$circleId.posts.$postId";
import { action as preview } from "~/routes/circles.$circleId.preview";
import { createThread, editPost } from "~/models/discussions.server";
import { getDb } from "~/utils/db.server";
import {
  load,
  makeContext,
  makeDiscussionCircle,
  recordingPublisher,
  sessionCookieFor,
  submit,
} from "./helpers";

const count = (table: "thread" | "post") =>
  getDb().get<{ n: number }>(sql`select count(*) as n from ${sql.identifier(table)}`)!.n;

async function world() {
  const circle = await makeDiscussionCircle({ members: 2 });
  const [a, b] = circle.members;
  const thread = createThread({
    circleId: circle.id,
    authorId: a!.id,
    title: "Personeel",
    source: "Hoe vinden jullie **mensen**?",
    key: null,
  });
  if (!thread.ok) throw new Error("refused");
  return {
    circleId: circle.id,
    thread,
    a: { ...a!, cookie: await sessionCookieFor(a!.id) },
    b: { ...b!, cookie: await sessionCookieFor(b!.id) },
    coach: { ...circle.coach, cookie: await sessionCookieFor(circle.coach.id) },
    path: `/circles/${circle.id}/threads/${thread.threadId}`,
    params: { circleId: String(circle.id), threadId: String(thread.threadId) },
  };
}

describe("bad input on the discussion forms", () => {
  it("a new thread without a title, or with an overlong post, is a 400 with the field's message", async () => {
    const w = await world();
    const before = [count("thread"), count("post")];
    const cases: Array<[Record<string, string | Blob>, string, string]> = [
      [{ title: "", body: "Tekst" }, "title", "validation.required"],
      [{ title: "Vraag", body: "x".repeat(20_001) }, "body", "validation.tooLong|20000"],
      [{ title: "x".repeat(151), body: "Tekst" }, "title", "validation.tooLong|150"],
      [{ title: new Blob(["file"]), body: "Tekst" }, "title", "validation.invalid"],
    ];
    for (const [fields, field, message] of cases) {
      const res = await submit(newThread, `/circles/${w.circleId}/threads/new`, fields, {
        cookie: w.a.cookie,
        params: { circleId: String(w.circleId) },
      });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: Record<string, string[]> };
      expect(body.error[field]).toContain(message);
    }
    expect([count("thread"), count("post")]).toEqual(before);
  });

  it("a reply that is empty, too long, a file or to a locked thread is refused with a reason", async () => {
    const w = await world();
    const before = count("post");
    const reply = (fields: Record<string, string | Blob>) =>
      submit(
        threadAction,
        w.path,
        { intent: "reply", ...fields },
        { cookie: w.b.cookie, params: w.params },
      );
    let res = await reply({ body: "   " });
    expect(res.status).toBe(400);
    expect(
      ((await res.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.body,
    ).toEqual(["validation.required"]);
    res = await reply({ body: "x".repeat(20_001) });
    expect(
      ((await res.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.body,
    ).toEqual(["validation.tooLong|20000"]);
    res = await reply({ body: new Blob(["<script>"]) });
    expect(res.status).toBe(400);
    res = await submit(
      threadAction,
      w.path,
      { intent: "unknown" },
      { cookie: w.b.cookie, params: w.params },
    );
    expect(res.status).toBe(400);
    getDb().run(sql`update thread set locked_at = 1 where id = ${w.thread.threadId}`);
    res = await reply({ body: "Toch nog even" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: string[] }).errors).toEqual([
      "discussion.refused.locked",
    ]);
    expect(count("post")).toBe(before);
  });

  it("says how long to wait after too many posts in a minute", async () => {
    const w = await world();
    for (let i = 0; i < 6; i += 1) {
      const res = await submit(
        threadAction,
        w.path,
        { intent: "reply", body: `Bericht ${i}` },
        {
          cookie: w.b.cookie,
          params: w.params,
        },
      );
      expect(res.status).toBe(200);
    }
    const res = await submit(
      threadAction,
      w.path,
      { intent: "reply", body: "Nog een" },
      {
        cookie: w.b.cookie,
        params: w.params,
      },
    );
    expect(res.status).toBe(400);
    const [message] = ((await res.json()) as { errors: string[] }).errors;
    expect(message).toMatch(/^discussion\.refused\.tooFast\|\d+$/);
  });
});

describe("replies", () => {
  it("answers with the new post and a fresh key, publishes the live event, and a resend with the key makes nothing new", async () => {
    const w = await world();
    const recorder = recordingPublisher();
    const context = makeContext({ publisher: recorder.publisher });
    const send = () =>
      submit(
        threadAction,
        w.path,
        { intent: "reply", body: "Via de **school**.", key: "abc-123" },
        {
          cookie: w.b.cookie,
          params: w.params,
          context,
        },
      );
    const first = (await (await send()).json()) as {
      post: { id: number; html: string };
      key: string;
    };
    expect(first.post.html).toContain("<strong>school</strong>");
    expect(first.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(recorder.discussion.map((e) => e.kind)).toEqual(["post.created"]);
    // A notification for the opener, who was replied to in the thread they started.
    expect(recorder.sent.map((s) => s.userId)).toContain(w.a.id);
    const again = (await (await send()).json()) as { post: { id: number } };
    expect(again.post.id).toBe(first.post.id);
    expect(recorder.discussion).toHaveLength(1);
  });

  it("without JavaScript a reply redirects to the new post", async () => {
    const w = await world();
    const res = await submit(
      threadAction,
      w.path,
      { intent: "reply", body: "Zonder script" },
      {
        cookie: w.b.cookie,
        params: w.params,
        context: makeContext({ documentRequest: true }),
      },
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(new RegExp(`${w.path}#post-\\d+$`));
  });
});

describe("reading markers", () => {
  it("moves only with a post of this thread; another circle's post is a 404 and writes nothing", async () => {
    const w = await world();
    const other = await world();
    const read = (postId: number) =>
      submit(
        threadAction,
        w.path,
        { intent: "read", postId: String(postId) },
        {
          cookie: w.b.cookie,
          params: w.params,
        },
      );
    const markers = () =>
      getDb().all<{ threadId: number }>(
        sql`select thread_id as threadId from thread_read where user_id = ${w.b.id}`,
      );
    expect((await read(other.thread.postId)).status).toBe(404);
    expect(markers()).toEqual([]);
    expect((await read(w.thread.postId)).status).toBe(200);
    expect(markers()).toEqual([{ threadId: w.thread.threadId }]);
  });
});

describe("the thread page's data", () => {
  it("leaves the posts' HTML out of a document's data and hands it to the server render", async () => {
    const w = await world();
    const context = makeContext({ documentRequest: true });
    const res = await load(threadLoader, w.path, { cookie: w.b.cookie, params: w.params, context });
    const text = await res.text();
    expect(text).not.toContain("<strong>mensen</strong>");
    expect(context.serverHtml.get(`b${w.thread.postId}`)).toContain("<strong>mensen</strong>");
    const data = JSON.parse(text) as { htmlInDom: boolean; posts: Array<{ h?: string }> };
    expect(data.htmlInDom).toBe(true);
    expect(data.posts[0]!.h).toBeUndefined();
    // A client-side navigation gets them in the data.
    const asData = await load(threadLoader, w.path, { cookie: w.b.cookie, params: w.params });
    expect(await asData.text()).toContain("<strong>mensen</strong>");
  });

  it("shows a post's source to its author only, and earlier versions to the author and the coach", async () => {
    const w = await world();
    editPost({
      circleId: w.circleId,
      postId: w.thread.postId,
      userId: w.a.id,
      source: "Nieuwe tekst",
    });
    const path = `/circles/${w.circleId}/posts/${w.thread.postId}`;
    const params = { circleId: String(w.circleId), postId: String(w.thread.postId) };
    const asAuthor = (await (
      await load(postLoader, path, { cookie: w.a.cookie, params })
    ).json()) as {
      source: string;
      revisions: Array<{ html: string }>;
    };
    expect(asAuthor.source).toBe("Nieuwe tekst");
    expect(asAuthor.revisions[0]!.html).toContain("mensen");
    const asCoach = (await (
      await load(postLoader, path, { cookie: w.coach.cookie, params })
    ).json()) as {
      source: string | null;
      revisions: unknown[];
    };
    expect(asCoach).toMatchObject({ source: null });
    expect(asCoach.revisions).toHaveLength(1);
    expect((await load(postLoader, path, { cookie: w.b.cookie, params })).status).toBe(403);
  });

  it("previews a post with the circle's people as the only mentions, and stores nothing", async () => {
    const w = await world();
    const name = getDb().get<{ name: string }>(
      sql`select name from user where id = ${w.a.id}`,
    )!.name;
    const before = count("post");
    const res = await submit(
      preview,
      `/circles/${w.circleId}/preview`,
      {
        body: `@[${name}] en @[Iemand Anders] <script>alert(1)</script>`,
      },
      { cookie: w.b.cookie, params: { circleId: String(w.circleId) } },
    );
    const { html } = (await res.json()) as { html: string };
    expect(html).toContain(`class="mention" data-user-id="${w.a.id}"`);
    expect(html).toContain("@[Iemand Anders]");
    expect(html).not.toContain("<script");
    expect(count("post")).toBe(before);
  });
});
