import { describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { ambassadorProfiles, userRoles, users } from "../../db/schema";
import { seed } from "../../db/seed";
import { ambassadorSeeds, seedAmbassadors } from "../../db/seed-ambassadors";
import { listFeatured, listPublicAmbassadors } from "~/models/ambassadors.server";
import { getDb } from "~/utils/db.server";

describe("the demo seed's ambassadors", () => {
  it("writes five published profiles, three featured, once", async () => {
    await seed();
    const db = getDb();
    const emails = ambassadorSeeds.map((a) => a.email);
    const people = db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.email, emails))
      .all();
    expect(people).toHaveLength(5);
    const profiles = db
      .select()
      .from(ambassadorProfiles)
      .where(
        inArray(
          ambassadorProfiles.userId,
          people.map((p) => p.id),
        ),
      )
      .all();
    expect(profiles).toHaveLength(5);
    for (const p of profiles) {
      expect(p.published).toBe(true);
      expect(p.offers.length).toBeGreaterThan(0);
      expect(p.availability).not.toBe("");
      expect(p.bioHtml).toContain("<p>");
    }
    expect(listPublicAmbassadors().length).toBeGreaterThanOrEqual(5);
    expect(
      listFeatured(12)
        .map((f) => f.name)
        .sort(),
    ).toEqual(["Henk Wolters", "Rachid Benali", "Sanne Kuipers"]);

    const rachid = people.find((p) => p.email === "rachid.benali@kringwijs.test")!;
    const roles = db
      .select({ role: userRoles.role })
      .from(userRoles)
      .where(eq(userRoles.userId, rachid.id))
      .all();
    expect(roles.map((r) => r.role)).toEqual(["ambassador"]);

    // A second run adds nothing.
    expect(await seedAmbassadors("kring-demo-2027")).toBe(0);
    await seed();
    expect(db.select().from(ambassadorProfiles).all()).toHaveLength(profiles.length);
  });
});
