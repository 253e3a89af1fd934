import { describe, expect, it } from "vitest";
import {
  createItem,
  publishItem,
  unpublishItem,
  updateItem,
  type KnowledgeInput,
} from "~/models/knowledge.server";
import { relatedItems, searchKnowledge } from "~/models/knowledge-search.server";
import { makeUser } from "./helpers";

let n = 0;
/** A word no other test uses, so a search finds only this test's items. */
const unique = () => `zqk${(n += 1)}x${Math.random().toString(36).slice(2, 6)}`;

const base = (over: Partial<KnowledgeInput> = {}): KnowledgeInput => ({
  kind: "tool",
  title: "Een hulpmiddel",
  summary: "Kort.",
  body: "Tekst.",
  url: "https://example.org/tool",
  ambassadorId: null,
  themes: [],
  sectors: [],
  lifePhases: [],
  sizeClasses: [],
  ...over,
});

async function staff() {
  return (await makeUser({ roles: ["coach"] })).id;
}

function published(actorId: number, input: KnowledgeInput) {
  const { id, slug } = createItem(actorId, input);
  publishItem(actorId, id);
  return { id, slug };
}

const slugs = (q: string, extra: Parameters<typeof searchKnowledge>[0] = {}) =>
  searchKnowledge({ q, ...extra }).hits.map((h) => h.slug);

describe("knowledge search", () => {
  it("finds Dutch words with and without their diacritics", async () => {
    const me = await staff();
    const w = unique();
    const a = published(me, base({ title: `Samen een coöperatie ${w}`, body: "Over ideeën." }));
    for (const q of ["coöperatie", "cooperatie", "ideeën", "ideeen", "IDEEEN"])
      expect(slugs(`${q} ${w}`)).toEqual([a.slug]);
  });

  it("matches a prefix", async () => {
    const me = await staff();
    const w = unique();
    const a = published(me, base({ title: w, body: "De digitalisering van onze planning." }));
    expect(slugs(`digitali ${w}`)).toEqual([a.slug]);
    expect(slugs(`${w.slice(0, -2)}`)).toContain(a.slug);
  });

  it("ranks a title match above a body match", async () => {
    const me = await staff();
    const w = unique();
    const inBody = published(
      me,
      base({ title: "Iets anders", body: `Hier staat ${w} in de tekst.` }),
    );
    const inTitle = published(me, base({ title: `Over ${w}`, body: "Niets bijzonders." }));
    expect(slugs(w)).toEqual([inTitle.slug, inBody.slug]);
  });

  it("finds an item by the label of its tag, in both languages", async () => {
    const me = await staff();
    const w = unique();
    const a = published(me, base({ title: w, themes: ["sustainability"] }));
    expect(slugs(`duurzaamheid ${w}`)).toEqual([a.slug]);
    expect(slugs(`sustainability ${w}`)).toEqual([a.slug]);
  });

  it("reflects an unpublish and an edit at once", async () => {
    const me = await staff();
    const w = unique();
    const v = unique();
    const a = published(me, base({ title: `Eerst ${w}` }));
    expect(slugs(w)).toEqual([a.slug]);
    updateItem(me, a.id, base({ title: `Daarna ${v}` }));
    expect(slugs(w)).toEqual([]);
    const renamed = searchKnowledge({ q: v }).hits;
    expect(renamed.map((h) => h.id)).toEqual([a.id]);
    unpublishItem(me, a.id);
    expect(slugs(v)).toEqual([]);
    publishItem(me, a.id);
    expect(searchKnowledge({ q: v }).hits.map((h) => h.id)).toEqual([a.id]);
  });

  it("never shows a draft", async () => {
    const me = await staff();
    const w = unique();
    createItem(me, base({ title: w }));
    expect(slugs(w)).toEqual([]);
  });

  it("survives hostile queries", async () => {
    const me = await staff();
    const w = unique();
    published(me, base({ title: w }));
    for (const q of [
      '"',
      `"${w}`,
      "*",
      `${w}*`,
      "NEAR(a b)",
      "a NEAR b",
      "-",
      `-${w}`,
      "OR",
      "AND NOT",
      "(((",
      "title:x",
      "^x",
      "\u0000",
      "x".repeat(5000),
    ])
      expect(() => searchKnowledge({ q })).not.toThrow();
    expect(slugs(`"${w}`)).toHaveLength(1);
  });

  it("filters by kind and tags", async () => {
    const me = await staff();
    const w = unique();
    const tool = published(me, base({ title: `${w} een`, themes: ["finance"], sectors: ["C"] }));
    const link = published(
      me,
      base({ kind: "link", title: `${w} twee`, lifePhases: ["growing"], sizeClasses: ["small"] }),
    );
    expect(slugs(w, { kind: "tool" })).toEqual([tool.slug]);
    expect(slugs(w, { kind: "link" })).toEqual([link.slug]);
    expect(slugs(w, { theme: "finance" })).toEqual([tool.slug]);
    expect(slugs(w, { sector: "C" })).toEqual([tool.slug]);
    expect(slugs(w, { lifePhase: "growing" })).toEqual([link.slug]);
    expect(slugs(w, { sizeClass: "small" })).toEqual([link.slug]);
    expect(slugs(w, { theme: "people" })).toEqual([]);
    // Without words: the newest published first, filters still apply.
    const newest = searchKnowledge({ theme: "finance", pageSize: 100 });
    expect(newest.searched).toBe(false);
    expect(newest.hits.map((h) => h.slug)).toContain(tool.slug);
    expect(newest.hits.every((h) => h.themes.includes("finance"))).toBe(true);
  });

  it("escapes snippets: markup in a body comes back as text", async () => {
    const me = await staff();
    const w = unique();
    published(
      me,
      base({
        title: `<b>${w}</b>`,
        summary: `<img src=x onerror=alert(1)> ${w}`,
        body: `Tekst \`<script>alert(1)</script>\` en ${w} erbij.`,
      }),
    );
    const [hit] = searchKnowledge({ q: w }).hits;
    expect(hit).toBeDefined();
    for (const html of [hit!.titleHtml, hit!.summaryHtml, hit!.snippetHtml ?? ""]) {
      expect(html).not.toMatch(/<(?!\/?mark>)/);
    }
    expect(hit!.titleHtml).toContain("&lt;b&gt;");
    expect(hit!.snippetHtml).toContain("&lt;script&gt;");
    expect(hit!.snippetHtml).toContain(`<mark>${w}</mark>`);
  });

  it("paginates", async () => {
    const me = await staff();
    const w = unique();
    for (let i = 0; i < 5; i++) published(me, base({ title: `${w} nummer ${i}` }));
    const first = searchKnowledge({ q: w, pageSize: 2 });
    expect(first.total).toBe(5);
    expect(first.pageCount).toBe(3);
    const third = searchKnowledge({ q: w, pageSize: 2, page: 3 });
    expect(third.hits).toHaveLength(1);
    expect(searchKnowledge({ q: w, page: 10 ** 9 }).hits).toEqual([]);
  });

  it("relates items by shared tags, most overlap first", async () => {
    const me = await staff();
    const themes = ["international", "product_market"];
    const src = published(me, base({ title: unique(), themes, sectors: ["Q"] }));
    const close = published(me, base({ title: unique(), themes, sectors: ["Q"] }));
    const far = published(me, base({ title: unique(), themes: ["international"] }));
    const draft = createItem(me, base({ title: unique(), themes, sectors: ["Q"] }));
    const related = relatedItems(src.id, { limit: 50 }).map((r) => r.id);
    expect(related.indexOf(close.id)).toBeLessThan(related.indexOf(far.id));
    expect(related).not.toContain(draft.id);
    expect(related).not.toContain(src.id);
  });
});
