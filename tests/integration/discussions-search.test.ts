import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { posts } from "../../db/schema";
import { createPost, createThread, deletePost, editPost } from "~/models/discussions.server";
import { ftsQuery, indexPost, markedToHtml, searchCircle } from "~/models/discussion-search.server";
import { getDb } from "~/utils/db.server";
import { makeDiscussionCircle } from "./helpers";

const ok = <T extends { ok: boolean }>(result: T) => {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
};

async function circleWith(
  threadsToMake: Array<{ title: string; source: string; replies?: string[] }>,
) {
  const circle = await makeDiscussionCircle({ members: 2 });
  const [a, b] = circle.members;
  const made = threadsToMake.map((t) => {
    const thread = ok(
      createThread({
        circleId: circle.id,
        authorId: a!.id,
        title: t.title,
        source: t.source,
        key: null,
      }),
    );
    const replies = (t.replies ?? []).map(
      (source) =>
        ok(
          createPost({
            circleId: circle.id,
            threadId: thread.threadId,
            authorId: b!.id,
            source,
            parentId: null,
            key: null,
          }),
        ).postId,
    );
    return { threadId: thread.threadId, postId: thread.postId, replies };
  });
  return { ...circle, made };
}

const postIdsFound = (circleId: number, query: string) =>
  searchCircle(circleId, query).flatMap((t) => t.hits.map((h) => h.postId));

describe("searching a circle's threads", () => {
  it("ignores diacritics both ways: ideeën finds ideeen and back", async () => {
    const { id, made } = await circleWith([
      { title: "Brainstorm", source: "Wie heeft er nog ideeën voor de open dag?" },
      { title: "Zonder trema", source: "Mijn ideeen over de webshop." },
    ]);
    const withTrema = made[0]!.postId;
    const without = made[1]!.postId;
    expect(postIdsFound(id, "ideeen").sort()).toEqual([withTrema, without].sort());
    expect(postIdsFound(id, "ideeën").sort()).toEqual([withTrema, without].sort());
    expect(postIdsFound(id, "IDEEËN").sort()).toEqual([withTrema, without].sort());
    // Typed with a combining diaeresis (NFD), as some keyboards send it.
    expect(postIdsFound(id, "ideee\u0308n").sort()).toEqual([withTrema, without].sort());
  });

  it("finds words by their beginning, and needs every word", async () => {
    const { id, made } = await circleWith([
      { title: "Werving", source: "Personeel vinden is lastig in de zorg." },
      { title: "Inkoop", source: "Personeel is niet het probleem, inkoop wel." },
    ]);
    expect(postIdsFound(id, "perso").sort()).toEqual([made[0]!.postId, made[1]!.postId].sort());
    expect(postIdsFound(id, "perso zorg")).toEqual([made[0]!.postId]);
    expect(postIdsFound(id, "perso bakkerij")).toEqual([]);
  });

  it("ranks a match in the title above matches in a post, and groups hits by thread", async () => {
    const { id, made } = await circleWith([
      {
        title: "Vakantie",
        source: "Subsidie hier, subsidie daar, overal subsidie.",
        replies: ["En nog een keer subsidie."],
      },
      { title: "Subsidie voor scholing", source: "Weet iemand hoe dit werkt bij het UWV?" },
    ]);
    const result = searchCircle(id, "subsidie");
    expect(result.map((t) => t.threadId)).toEqual([made[1]!.threadId, made[0]!.threadId]);
    expect(result[0]!.titleHtml).toBe("<mark>Subsidie</mark> voor scholing");
    // Two hits in the first thread, under one heading, with author and date.
    expect(result[1]!.hits.map((h) => h.postId).sort()).toEqual(
      [made[0]!.postId, made[0]!.replies[0]!].sort(),
    );
    expect(result[1]!.titleHtml).toBe("Vakantie");
    expect(result[1]!.hits[0]).toMatchObject({
      authorName: expect.stringMatching(/^Lid /),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(result[1]!.hits[0]!.snippetHtml).toContain("<mark>");
  });

  it("never finds deleted or hidden posts, and follows edits", async () => {
    const { id, members, made } = await circleWith([
      {
        title: "Kassasysteem",
        source: "Welk kassasysteem gebruiken jullie?",
        replies: ["Wij gebruiken Lightspeed.", "Wij hebben Lightspeed opgezegd."],
      },
    ]);
    const [kept, gone] = made[0]!.replies;
    ok(deletePost({ circleId: id, postId: gone!, userId: members[1]!.id }));
    expect(postIdsFound(id, "lightspeed")).toEqual([kept]);
    // A hidden post is dropped when it is (re)indexed, even if the index is asked to keep it.
    getDb().update(posts).set({ hiddenAt: new Date() }).where(eq(posts.id, kept!)).run();
    indexPost(getDb(), kept!);
    expect(postIdsFound(id, "lightspeed")).toEqual([]);
    const rows = getDb().all<{ n: number }>(
      sql`select count(*) as n from post_search where rowid in (${kept}, ${gone})`,
    );
    expect(rows[0]!.n).toBe(0);
    // An edit replaces the words in the index.
    ok(
      editPost({
        circleId: id,
        postId: made[0]!.postId,
        userId: members[0]!.id,
        source: "Welke boekhouding gebruiken jullie?",
      }),
    );
    expect(postIdsFound(id, "kassasysteem")).toEqual([made[0]!.postId]); // the title still
    expect(postIdsFound(id, "boekhouding")).toEqual([made[0]!.postId]);
  });

  it("stays within the circle", async () => {
    const mine = await circleWith([{ title: "Export", source: "Exporteren naar Duitsland." }]);
    const theirs = await circleWith([{ title: "Export", source: "Exporteren naar België." }]);
    expect(postIdsFound(mine.id, "exporteren")).toEqual([mine.made[0]!.postId]);
    expect(postIdsFound(theirs.id, "duitsland")).toEqual([]);
  });

  it("answers hostile or odd input without an error", async () => {
    const { id, made } = await circleWith([
      { title: "Samen", source: "Samenwerken OR concurreren: NEAR of ver?" },
    ]);
    const hostile = [
      '"',
      '""',
      "*",
      "**",
      "NEAR(",
      "NEAR(samen concurreren, 2)",
      "-samen",
      "samen -concurreren",
      "OR",
      "samen OR",
      "AND NOT",
      "title:samen",
      "{title body}: samen",
      "^samen",
      "samen)",
      "(samen",
      "'; drop table post; --",
      "\u0000samen",
      "\u0301\u0301",
      "\uE000samen\uE001",
      "x".repeat(5000),
      "é é é",
      "🙂 samen",
    ];
    for (const q of hostile) expect(() => searchCircle(id, q), q).not.toThrow();
    // The words still count, the syntax does not.
    expect(postIdsFound(id, "samen -concurreren")).toEqual([made[0]!.postId]);
    expect(postIdsFound(id, "NEAR(samen")).toEqual([made[0]!.postId]);
    expect(postIdsFound(id, '"samen"*')).toEqual([made[0]!.postId]);
  });

  it("returns nothing for an empty or too short query", async () => {
    const { id } = await circleWith([{ title: "A", source: "a b c samen" }]);
    for (const q of ["", "   ", "a", "a b", "*", "-", "é"])
      expect(searchCircle(id, q), q).toEqual([]);
    expect(ftsQuery("a")).toBeNull();
    expect(ftsQuery('samen "NEAR(" -x*')).toBe('"samen"* "near"*');
  });

  it("escapes every snippet and title, and keeps only its own <mark>", async () => {
    const { id } = await circleWith([
      {
        title: "<img src=x onerror=alert(1)> titel",
        source:
          "Pas op met `<script>alert(1)</script>` in je site, en met <b onmouseover=alert(2)>dit</b>.",
      },
    ]);
    const [result] = searchCircle(id, "alert");
    expect(result).toBeDefined();
    const html = result!.hits[0]!.snippetHtml;
    expect(html).not.toMatch(/<(?!\/?mark>)/);
    expect(html).toContain("&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;");
    const [byTitle] = searchCircle(id, "titel");
    expect(byTitle!.titleHtml).toBe("&lt;img src=x onerror=alert(1)&gt; <mark>titel</mark>");
  });

  it("turns only balanced marker pairs into <mark>", () => {
    expect(markedToHtml("a \uE000b\uE001 c")).toBe("a <mark>b</mark> c");
    expect(markedToHtml("\uE001x\uE000 <i>")).toBe("x &lt;i&gt;");
    expect(markedToHtml("\uE000\uE000b\uE001\uE001")).toBe("<mark>b</mark>");
  });
});
