/**
 * From story to circle: a published story and an ambassador's profile show the open circles on
 * their themes (counts only), and the way in is a sign-up that continues to that circle.
 */
import { describe, expect, it } from "vitest";
import { ambassadorProfiles, knowledgeItems } from "../../db/schema";
import { getDb } from "~/utils/db.server";
import { listOpenCirclesForThemes } from "~/models/circles.server";
import * as itemRoute from "~/routes/knowledge.$slug._index";
import * as profileRoute from "~/routes/ambassadors.$slug._index";
import { load, makeCircle, makeUser } from "./helpers";

const tag = () => Math.random().toString(36).slice(2, 8);

describe("Kringen over dit thema", () => {
  it("lists the open circles on the themes, those with seats first, and never their members", async () => {
    const open = await makeCircle({ theme: "succession_governance", name: `Opvolgers ${tag()}` });
    const closed = await makeCircle({
      theme: "succession_governance",
      name: `Dicht ${tag()}`,
      openForApplications: false,
    });
    const other = await makeCircle({ theme: "finance", name: `Geld ${tag()}` });
    const found = listOpenCirclesForThemes(["succession_governance"], 50);
    const ids = found.map((c) => c.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(closed.id);
    expect(ids).not.toContain(other.id);
    expect(Object.keys(found[0]!).sort()).toEqual(
      ["id", "meetingMode", "name", "province", "seatsLeft", "theme"].sort(),
    );
    const seats = found.map((c) => c.seatsLeft > 0);
    expect(seats).toEqual([...seats].sort((a, b) => Number(b) - Number(a)));
    expect(listOpenCirclesForThemes([])).toEqual([]);
  });

  it("shows them on a published story and on the ambassador's public profile", async () => {
    const circle = await makeCircle({ theme: "sustainability", name: `Circulair ${tag()}` });
    const amb = await makeUser({ roles: ["ambassador"], name: "Rachid Test" });
    const slug = `rachid-${tag()}`;
    getDb()
      .insert(ambassadorProfiles)
      .values({
        userId: amb.id,
        slug,
        published: true,
        themes: ["sustainability"],
        publicFields: ["themes"],
      })
      .run();
    const storySlug = `circulair-${tag()}`;
    getDb()
      .insert(knowledgeItems)
      .values({
        kind: "story",
        slug: storySlug,
        title: "Circulair installeren",
        summary: "Hoe wij begonnen.",
        ambassadorId: amb.id,
        themes: ["sustainability"],
        status: "published",
        publishedAt: new Date(),
      })
      .run();
    const story = await (
      await load(itemRoute.loader, `/knowledge/${storySlug}`, { params: { slug: storySlug } })
    ).json();
    expect(story.circles.map((c: { id: number }) => c.id)).toContain(circle.id);
    expect(story.signedIn).toBe(false);
    const profile = await (
      await load(profileRoute.loader, `/ambassadors/${slug}`, { params: { slug } })
    ).json();
    expect(profile.circles.map((c: { id: number }) => c.id)).toContain(circle.id);
  });
});
