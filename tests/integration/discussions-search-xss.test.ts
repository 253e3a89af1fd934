/**
 * Search snippets and titles are the one place where the discussions build HTML from words at
 * read time. Every vector of the XSS corpus goes in as a thread title and as a post, each with a
 * word to find it by; every snippet and title that search returns is parsed with a real HTML
 * parser: nothing executable, and the only markup is <mark>.
 */
import { describe, expect, it } from "vitest";
import { createThread } from "~/models/discussions.server";
import { searchCircle } from "~/models/discussion-search.server";
import { XSS_CORPUS, executableMarkup } from "../xss-corpus";
import { makeDiscussionCircle } from "./helpers";

describe("search snippets with the XSS corpus", () => {
  it("returns no executable markup and no tag but <mark> for any vector", async () => {
    const { id: circleId, members } = await makeDiscussionCircle({ members: 1 });
    let clock = Date.now() - 30 * 24 * 60 * 60_000;
    for (const vector of XSS_CORPUS) {
      const result = createThread({
        circleId,
        authorId: members[0]!.id,
        title: `zoekwoord ${vector.source}`.slice(0, 150),
        source: `${vector.source} zoekwoord ${vector.source}`,
        key: null,
        // A minute apart: the posts-per-minute limit never trips.
        now: new Date((clock += 61_000)),
      });
      expect(result.ok, vector.name).toBe(true);
    }
    const found = searchCircle(circleId, "zoekwoord", { limit: 1_000 });
    expect(found).toHaveLength(XSS_CORPUS.length);
    for (const thread of found) {
      const pieces = [thread.titleHtml, ...thread.hits.map((hit) => hit.snippetHtml)];
      for (const html of pieces) {
        expect(executableMarkup(html), html).toEqual([]);
        const tags = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase());
        expect(new Set(tags.filter((tag) => tag !== "mark")), html).toEqual(new Set());
      }
      expect(pieces.some((html) => html.includes("<mark>zoekwoord</mark>"))).toBe(true);
    }
  });
});
