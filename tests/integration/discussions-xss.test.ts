/**
 * Every vector of the XSS corpus (tests/xss-corpus.ts) through everything people write in a
 * discussion: a thread's title and opening post, a reply, a quote of it, an edit (and the kept
 * earlier version), and mentions of members whose names carry markup. The stored HTML, what a
 * page loads and what live events carry are parsed with a real HTML parser: nothing that runs,
 * loads a frame or leaves through a foreign scheme.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { memberships, posts, threads } from "../../db/schema";
import { quoteMarkdown } from "~/domain/discussions";
import {
  createPost,
  createThread,
  discussionEvents,
  editPost,
  listRevisions,
  listThreads,
  loadThread,
} from "~/models/discussions.server";
import { getDb } from "~/utils/db.server";
import { XSS_CORPUS, XSS_MEMBER_NAMES, executableMarkup, isSafeUrl } from "../xss-corpus";
import { makeDiscussionCircle, makeUser } from "./helpers";

const ok = <T extends { ok: boolean }>(result: T) => {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
};

let circleId = 0;
let authorId = 0;
let otherId = 0;
const memberIds: number[] = [];
// Every write a minute after the one before: the posts-per-minute limit never trips.
let clock = Date.now() - 30 * 24 * 60 * 60_000;
const tick = () => new Date((clock += 61_000));

beforeAll(async () => {
  const circle = await makeDiscussionCircle({ members: 2, capacityMax: 10 });
  circleId = circle.id;
  authorId = circle.members[0]!.id;
  otherId = circle.members[1]!.id;
  // Members whose names are markup, so `@[...]` of those names becomes a real mention.
  for (const name of XSS_MEMBER_NAMES) {
    const user = await makeUser({ name });
    getDb()
      .insert(memberships)
      .values({ circleId, userId: user.id, state: "member", houseRulesAcceptedAt: new Date() })
      .run();
    memberIds.push(user.id);
  }
});

function storedHtml(postId: number) {
  return getDb().select({ html: posts.html }).from(posts).where(eq(posts.id, postId)).get()!.html;
}

/** Everything a page or a live event would put into the DOM for this post. */
function htmlsOf(threadId: number, postId: number) {
  const page = loadThread(circleId, threadId, { id: otherId, isCoach: false })!;
  const coachPage = loadThread(circleId, threadId, { id: otherId, isCoach: true })!;
  const [event] = discussionEvents([{ circleId, seq: 0, kind: "post.created", threadId, postId }]);
  return [
    storedHtml(postId),
    page.posts.find((p) => p.id === postId)!.html ?? "",
    coachPage.posts.find((p) => p.id === postId)!.html ?? "",
    event?.post?.html ?? "",
  ];
}

const expectSafe = (htmls: string[]) => {
  for (const html of htmls) expect(executableMarkup(html), html).toEqual([]);
};

describe("the checker", () => {
  // The assertions below can fail: the checker finds each kind of executable markup.
  it("finds script, handlers, styles, frames and foreign schemes", () => {
    expect(executableMarkup("<p>Hallo <strong>daar</strong></p>")).toEqual([]);
    expect(executableMarkup('<a href="https://example.nl">x</a><a href="#post-3">y</a>')).toEqual(
      [],
    );
    expect(executableMarkup("<script>alert(1)</script>")).toEqual(["<script>"]);
    expect(executableMarkup("<img src=x onerror=alert(1)>")).toEqual(["<img onerror>"]);
    expect(executableMarkup('<p style="color:red">x</p>')).toEqual(["<p style>"]);
    expect(executableMarkup("<svg></svg><iframe></iframe>")).toEqual(["<svg>", "<iframe>"]);
    expect(executableMarkup('<a href="java&#x09;script:alert(1)">x</a>')).toHaveLength(1);
    expect(executableMarkup('<a href="//evil.example">x</a>')).toHaveLength(1);
    expect(isSafeUrl(" JaVaScRiPt:alert(1)")).toBe(false);
    expect(isSafeUrl("mailto:a@example.nl")).toBe(true);
  });

  it("has at least 60 vectors", () => {
    expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(60);
  });
});

describe.each(XSS_CORPUS)("XSS vector: $name", ({ source }) => {
  it("is inert as a thread's title and opening post", () => {
    const title = source.slice(0, 150);
    const made = ok(createThread({ circleId, authorId, title, source, key: null, now: tick() }));
    expectSafe(htmlsOf(made.threadId, made.postId));
    // The title is stored as the text typed (pages escape it); the list hands it back as text.
    const stored = getDb()
      .select({ title: threads.title })
      .from(threads)
      .where(eq(threads.id, made.threadId))
      .get()!;
    expect(stored.title).toBe(title);
    expect(listThreads(circleId, authorId, null).find((t) => t.id === made.threadId)?.title).toBe(
      title,
    );
  });

  it("is inert as a reply, in a quote of it, and after an edit", () => {
    const thread = ok(
      createThread({ circleId, authorId, title: "Draad", source: "Start", key: null, now: tick() }),
    );
    const reply = ok(
      createPost({
        circleId,
        threadId: thread.threadId,
        authorId: otherId,
        parentId: thread.postId,
        source,
        key: null,
        now: tick(),
      }),
    );
    expectSafe(htmlsOf(thread.threadId, reply.postId));

    // Quoted as a passage, under an author "name" that is the vector too.
    const quote = ok(
      createPost({
        circleId,
        threadId: thread.threadId,
        authorId,
        parentId: null,
        source: `${quoteMarkdown(source, reply.postId, source)}Eens.`,
        key: null,
        now: tick(),
      }),
    );
    expectSafe(htmlsOf(thread.threadId, quote.postId));

    // Edited from harmless to the vector: the new version and the kept one are both inert.
    const edited = ok(
      createPost({
        circleId,
        threadId: thread.threadId,
        authorId,
        parentId: null,
        source: "Eerst onschuldig.",
        key: null,
        now: tick(),
      }),
    );
    ok(editPost({ circleId, postId: edited.postId, userId: authorId, source, now: tick() }));
    ok(
      editPost({
        circleId,
        postId: edited.postId,
        userId: authorId,
        source: `${source}\n\nbewerkt`,
        now: tick(),
      }),
    );
    expectSafe(htmlsOf(thread.threadId, edited.postId));
    const revisions = listRevisions(circleId, edited.postId)!;
    expect(revisions).toHaveLength(2);
    expectSafe(revisions.map((r) => r.html));
  });
});

describe("mentions of members whose names are markup", () => {
  it("become mentions with the name as text", () => {
    const thread = ok(
      createThread({
        circleId,
        authorId,
        title: "Namen",
        source: XSS_MEMBER_NAMES.map((name) => `@[${name}]`).join(" "),
        key: null,
        now: tick(),
      }),
    );
    const html = storedHtml(thread.postId);
    expectSafe([html]);
    // They did become mentions (so the escaping path, not the plain-text one, was tested).
    for (const id of memberIds) expect(html).toContain(`data-user-id="${id}"`);
  });

  it("leave no unsafe markup anywhere in the circle's stored posts", () => {
    const all = getDb()
      .select({ html: posts.html })
      .from(posts)
      .where(eq(posts.circleId, circleId))
      .all();
    expect(all.length).toBeGreaterThan(XSS_CORPUS.length * 4);
    expectSafe(all.map((p) => p.html));
    const revisions = getDb().all<{ html: string }>(sql`select html from post_revision`);
    expectSafe(revisions.map((r) => r.html));
  });
});
