import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { ambassadorProfiles, knowledgeItems, notifications } from "../../db/schema";
import { getDb } from "~/utils/db.server";
import { getItemBySlug, createItem, approvalsOf } from "~/models/knowledge.server";
import { searchKnowledge } from "~/models/knowledge-search.server";
import * as editRoute from "~/routes/knowledge.$slug.edit";
import * as itemRoute from "~/routes/knowledge.$slug._index";
import * as newRoute from "~/routes/knowledge.new";
import * as approvalsRoute from "~/routes/knowledge.approvals";
import * as indexRoute from "~/routes/knowledge._index";
import { load, signedIn, submit } from "./helpers";

let n = 0;
const word = () => `zqr${(n += 1)}y${Math.random().toString(36).slice(2, 6)}`;

const story = (over: Record<string, string | string[]> = {}) => ({
  intent: "save",
  kind: "story",
  title: `Ons verhaal ${word()}`,
  summary: "Hoe wij het aanpakten.",
  body: "We begonnen klein.\n\nEn toen werd het groter.",
  themes: ["social_innovation"],
  ...over,
});

async function json(res: Response) {
  return (await res.json()) as Record<string, unknown>;
}

const slugFrom = (res: Response) => {
  const location = res.headers.get("Location") ?? "";
  const m = /^\/knowledge\/([^/]+)/.exec(location);
  if (!m) throw new Error(`no item in ${location} (${res.status})`);
  return m[1]!;
};

describe("knowledge editor", () => {
  it("keeps the input and stores nothing on bad input, with the message next to the field", async () => {
    const coach = await signedIn({ roles: ["coach"] });
    const title = `Slecht ${word()}`;
    const res = await submit(
      newRoute.action,
      "/knowledge/new",
      { intent: "save", kind: "tool", title, summary: "", url: "javascript:alert(1)" },
      { cookie: coach.cookie },
    );
    expect(res.status).toBe(400);
    const reply = await json(res);
    const error = reply.error as Record<string, string[]>;
    expect(error.summary).toEqual(["validation.required"]);
    expect(error.url).toEqual(["knowledge.error.url"]);
    expect((reply.initialValue as Record<string, string>).title).toBe(title);
    expect(
      getDb().select().from(knowledgeItems).where(eq(knowledgeItems.title, title)).get(),
    ).toBeUndefined();
  });

  it("refuses a non-http address and a tool without one, and huge input", async () => {
    const coach = await signedIn({ roles: ["organiser"] });
    for (const url of ["ftp://example.org/x", "data:text/html,hi", "mailto:a@b.nl"]) {
      const res = await submit(
        newRoute.action,
        "/knowledge/new",
        { ...story({ kind: "link", url }) },
        { cookie: coach.cookie },
      );
      expect(res.status).toBe(400);
      expect(((await json(res)).error as Record<string, string[]>).url).toEqual([
        "knowledge.error.url",
      ]);
    }
    const none = await submit(newRoute.action, "/knowledge/new", story({ kind: "tool" }), {
      cookie: coach.cookie,
    });
    expect(((await json(none)).error as Record<string, string[]>).url).toEqual([
      "knowledge.error.urlRequired",
    ]);
    const huge = await submit(
      newRoute.action,
      "/knowledge/new",
      story({ body: "x".repeat(40_000), themes: ["nope"] }),
      { cookie: coach.cookie },
    );
    expect(huge.status).toBe(400);
  });

  it("lets an ambassador write, publish and unpublish their own story", async () => {
    const amb = await signedIn({ roles: ["ambassador"] });
    // Kind and ambassador are not theirs to choose: always a story of their own.
    const res = await submit(
      newRoute.action,
      "/knowledge/new",
      story({ kind: "tool", ambassadorId: "1" }),
      { cookie: amb.cookie },
    );
    expect(res.status).toBe(302);
    const slug = slugFrom(res);
    const item = getItemBySlug(slug)!;
    expect(item).toMatchObject({ kind: "story", ambassadorId: amb.id, status: "draft" });
    expect(approvalsOf(item.id)).toEqual([]);
    const pub = await submit(
      editRoute.action,
      `/knowledge/${slug}/edit`,
      { intent: "publish" },
      { cookie: amb.cookie, params: { slug } },
    );
    expect(pub.headers.get("Location")).toBe(`/knowledge/${slug}`);
    expect(getItemBySlug(slug)!.status).toBe("published");
    expect((await load(itemRoute.loader, `/knowledge/${slug}`, { params: { slug } })).status).toBe(
      200,
    );
    await submit(
      editRoute.action,
      `/knowledge/${slug}/edit`,
      { intent: "unpublish" },
      { cookie: amb.cookie, params: { slug } },
    );
    expect((await load(itemRoute.loader, `/knowledge/${slug}`, { params: { slug } })).status).toBe(
      404,
    );
    // Only a draft can be deleted.
    const del = await submit(
      editRoute.action,
      `/knowledge/${slug}/edit`,
      { intent: "delete" },
      { cookie: amb.cookie, params: { slug } },
    );
    expect(del.status).toBe(400);
    expect(getItemBySlug(slug)).toBeDefined();
  });

  it("holds an on-behalf story until the ambassador approved, and asks again after an edit", async () => {
    const coach = await signedIn({ roles: ["coach"] });
    const amb = await signedIn({ roles: ["ambassador"] });
    const entrepreneur = await signedIn();
    // Only an ambassador can be picked.
    const wrong = await submit(
      newRoute.action,
      "/knowledge/new",
      story({ ambassadorId: String(entrepreneur.id) }),
      { cookie: coach.cookie },
    );
    expect(((await json(wrong)).error as Record<string, string[]>).ambassadorId).toEqual([
      "knowledge.error.ambassador",
    ]);

    const w = word();
    const res = await submit(
      newRoute.action,
      "/knowledge/new",
      story({ title: `Namens ${w}`, ambassadorId: String(amb.id) }),
      { cookie: coach.cookie },
    );
    const slug = slugFrom(res);
    const item = getItemBySlug(slug)!;
    expect(item.ambassadorId).toBe(amb.id);
    const asked = getDb()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, amb.id), eq(notifications.type, "knowledge.approval")))
      .all();
    expect(asked).toHaveLength(1);

    const params = { slug };
    const refused = await submit(
      editRoute.action,
      `/knowledge/${slug}/edit`,
      { intent: "publish" },
      { cookie: coach.cookie, params },
    );
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await json(refused))).toContain("knowledge.error.approval");
    expect(getItemBySlug(slug)!.status).toBe("draft");

    // The ambassador sees a preview and the request; another ambassador does not.
    expect(
      (await load(itemRoute.loader, `/knowledge/${slug}`, { cookie: amb.cookie, params })).status,
    ).toBe(200);
    const other = await signedIn({ roles: ["ambassador"] });
    expect(
      (await load(itemRoute.loader, `/knowledge/${slug}`, { cookie: other.cookie, params })).status,
    ).toBe(404);
    expect(
      (await load(editRoute.loader, `/knowledge/${slug}/edit`, { cookie: other.cookie, params }))
        .status,
    ).toBe(404);
    const list = await json(
      await load(approvalsRoute.loader, "/knowledge/approvals", { cookie: amb.cookie }),
    );
    expect((list.items as { slug: string }[]).map((i) => i.slug)).toContain(slug);

    // Sent back: the coach hears it with the note; still pending.
    const back = await submit(
      approvalsRoute.action,
      "/knowledge/approvals",
      { intent: "return", itemId: item.id, note: "Mijn bedrijfsnaam klopt niet." },
      { cookie: amb.cookie },
    );
    expect(back.status).toBe(302);
    const returned = getDb()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, coach.id), eq(notifications.type, "knowledge.returned")))
      .get();
    expect(returned?.data).toMatchObject({ message: "Mijn bedrijfsnaam klopt niet." });
    // Someone who is not asked cannot approve it.
    const stranger = await submit(
      approvalsRoute.action,
      "/knowledge/approvals",
      { intent: "approve", itemId: item.id },
      { cookie: other.cookie },
    );
    expect(stranger.status).toBe(400);

    const ok = await submit(
      approvalsRoute.action,
      "/knowledge/approvals",
      { intent: "approve", itemId: item.id },
      { cookie: amb.cookie },
    );
    expect(ok.status).toBe(302);
    const published = await submit(
      editRoute.action,
      `/knowledge/${slug}/edit`,
      { intent: "publish" },
      { cookie: coach.cookie, params },
    );
    expect(published.status).toBe(302);
    expect(searchKnowledge({ q: w }).hits.map((h) => h.slug)).toEqual([slug]);

    // The coach edits the published story: it goes offline and the ambassador is asked again.
    const edit = await submit(
      editRoute.action,
      `/knowledge/${slug}/edit`,
      story({ title: `Namens ${w}`, body: "Een nieuwe versie.", ambassadorId: String(amb.id) }),
      { cookie: coach.cookie, params },
    );
    expect(edit.status).toBe(302);
    expect(getItemBySlug(slug)!.status).toBe("unpublished");
    expect(approvalsOf(item.id).map((a) => a.approvedAt)).toEqual([null]);
    expect(searchKnowledge({ q: w }).hits).toEqual([]);
    const again = await submit(
      editRoute.action,
      `/knowledge/${slug}/edit`,
      { intent: "publish" },
      { cookie: coach.cookie, params },
    );
    expect(again.status).toBe(400);
  });

  it("lets only the author and staff edit: 403 for a published story of someone else, 404 for a draft", async () => {
    const amb = await signedIn({ roles: ["ambassador"] });
    const other = await signedIn({ roles: ["ambassador"] });
    const entrepreneur = await signedIn();
    const organiser = await signedIn({ roles: ["organiser"] });
    const res = await submit(newRoute.action, "/knowledge/new", story(), { cookie: amb.cookie });
    const slug = slugFrom(res);
    const params = { slug };
    for (const who of [other, entrepreneur])
      expect(
        (
          await submit(editRoute.action, `/knowledge/${slug}/edit`, story(), {
            cookie: who.cookie,
            params,
          })
        ).status,
      ).toBe(404);
    await submit(
      editRoute.action,
      `/knowledge/${slug}/edit`,
      { intent: "publish" },
      { cookie: amb.cookie, params },
    );
    for (const who of [other, entrepreneur]) {
      expect(
        (await load(editRoute.loader, `/knowledge/${slug}/edit`, { cookie: who.cookie, params }))
          .status,
      ).toBe(403);
      expect(
        (
          await submit(
            editRoute.action,
            `/knowledge/${slug}/edit`,
            { intent: "unpublish" },
            { cookie: who.cookie, params },
          )
        ).status,
      ).toBe(403);
    }
    expect(
      (
        await load(editRoute.loader, `/knowledge/${slug}/edit`, {
          cookie: organiser.cookie,
          params,
        })
      ).status,
    ).toBe(200);
    // An entrepreneur cannot write at all.
    expect(
      (await submit(newRoute.action, "/knowledge/new", story(), { cookie: entrepreneur.cookie }))
        .status,
    ).toBe(403);
  });

  it("answers bad slugs and parameters with a 404 or a plain page, never an error", async () => {
    for (const slug of ["..%2F", "Hoofdletter", "a".repeat(300), "bestaat-niet"])
      expect((await load(itemRoute.loader, `/knowledge/x`, { params: { slug } })).status).toBe(404);
    const res = await load(
      indexRoute.loader,
      `/knowledge?q=${"%22".repeat(300)}&kind=nope&theme=x&page=-4&sizeClass[]=1`,
    );
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.filters).toMatchObject({ page: 1 });
    expect((body.filters as Record<string, unknown>).kind).toBeUndefined();
  });

  it("shows the author card with a photo only when the profile shows it, and Open Graph data", async () => {
    const amb = await signedIn({ roles: ["ambassador"], name: "Henk Wolters" });
    const profileSlug = `henk-${word()}`;
    getDb()
      .insert(ambassadorProfiles)
      .values({
        userId: amb.id,
        slug: profileSlug,
        headline: "Metaal met zelfsturing",
        published: true,
        publicFields: [],
        photo: Buffer.from("jpeg"),
      })
      .run();
    const { id, slug } = createItem(amb.id, {
      kind: "story",
      title: `Verhaal ${word()}`,
      summary: "Samenvatting",
      body: "Tekst",
      url: null,
      ambassadorId: amb.id,
      themes: ["growth"],
      sectors: [],
      lifePhases: [],
      sizeClasses: [],
    });
    getDb()
      .update(knowledgeItems)
      .set({ status: "published", publishedAt: new Date() })
      .where(eq(knowledgeItems.id, id))
      .run();
    const params = { slug };
    let data = await json(await load(itemRoute.loader, `/knowledge/${slug}`, { params }));
    expect(data.author).toMatchObject({
      name: "Henk Wolters",
      slug: profileSlug,
      photoVersion: null,
    });
    expect((data.og as { url: string; image: string | null }).image).toBeNull();
    expect((data.og as { url: string }).url).toMatch(new RegExp(`/knowledge/${slug}$`));
    getDb()
      .update(ambassadorProfiles)
      .set({ publicFields: ["photo"] })
      .where(eq(ambassadorProfiles.userId, amb.id))
      .run();
    data = await json(await load(itemRoute.loader, `/knowledge/${slug}`, { params }));
    expect((data.author as { photoVersion: number | null }).photoVersion).not.toBeNull();
    expect((data.og as { image: string }).image).toMatch(
      new RegExp(`^https?://.+/ambassadors/${profileSlug}/photo\\?v=\\d+$`),
    );
    const meta = itemRoute.meta({ data, matches: [] } as never) as Record<string, string>[];
    expect(meta).toContainEqual({ property: "og:type", content: "article" });
    expect(meta).toContainEqual({ property: "og:description", content: "Samenvatting" });
    // An unpublished profile shows no card at all.
    getDb()
      .update(ambassadorProfiles)
      .set({ published: false })
      .where(eq(ambassadorProfiles.userId, amb.id))
      .run();
    data = await json(await load(itemRoute.loader, `/knowledge/${slug}`, { params }));
    expect(data.author).toBeNull();
  });
});
