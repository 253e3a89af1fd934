import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { seed } from "../../db/seed";
import { seedKnowledge, seedStories, seedTools } from "../../db/seed-knowledge";
import { readingMinutes } from "~/domain/knowledge";
import { searchKnowledge } from "~/models/knowledge-search.server";
import { getDb } from "~/utils/db.server";
import { htmlToText } from "~/utils/markdown.server";

describe("the knowledge bank's demo seed", () => {
  it("writes published, indexed stories and tools once", async () => {
    const lines: string[] = [];
    await seed((line) => lines.push(line));
    const db = getDb();
    const count = () => db.get<{ n: number }>(sql`select count(*) as n from knowledge_item`)!.n;
    const first = count();
    // Stories by ambassadors the ambassadors' seed has not made are left out, with a log line.
    const present = new Set(
      db.all<{ email: string }>(sql`select email from user`).map((u) => u.email),
    );
    const expected = [...seedStories, ...seedTools].filter((i) => present.has(i.by)).length;
    expect(first).toBe(expected);
    expect(lines.some((l) => l.includes("knowledge-bank items"))).toBe(true);
    expect(seedStories).toHaveLength(15);
    expect(seedTools).toHaveLength(10);
    for (const story of seedStories) {
      const words = story.body.split(/\s+/).length;
      expect(words, story.title).toBeGreaterThanOrEqual(250);
      expect(words, story.title).toBeLessThanOrEqual(600);
    }
    expect(seedKnowledge().written).toBe(0);
    expect(count()).toBe(first);
    const rows = db.all<{ status: string; body_html: string }>(
      sql`select status, body_html from knowledge_item`,
    );
    expect(rows.every((r) => r.status === "published")).toBe(true);
    expect(readingMinutes(htmlToText(rows[0]!.body_html))).toBeGreaterThanOrEqual(1);
    // In the index: Bart's coöperatie, with or without the diaeresis.
    expect(searchKnowledge({ q: "cooperatie" }).hits.map((h) => h.title)).toContain(
      "Samen inkopen met collega-bakkers in een coöperatie",
    );
    expect(searchKnowledge({ theme: "succession_governance" }).total).toBeGreaterThanOrEqual(3);
  });
});
