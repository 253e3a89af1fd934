/** The wegwijzer's demo data: twelve organisations and three requests, once, sending nothing. */
import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { seedSupport, supportSeed } from "../../db/seed-support";
import { provinceCodes, themeCodes } from "~/domain/taxonomy";
import { supportKinds } from "~/domain/states";
import { listSupportOrganisations } from "~/models/support.server";
import { getDb } from "~/utils/db.server";
import { contactRequests } from "../../db/schema";
import { makeUser } from "./helpers";

const n = (table: string) =>
  getDb().get<{ n: number }>(sql.raw(`select count(*) as n from ${table}`))!.n;

describe("the wegwijzer seed", () => {
  it("writes twelve organisations and the demo ambassador's requests once, mailing nobody", async () => {
    const ambassador = await makeUser({
      email: "ambassadeur@kringwijs.test",
      roles: ["entrepreneur", "ambassador"],
    });
    const lines: string[] = [];
    expect(seedSupport((l) => lines.push(l))).toEqual({ organisations: 12, requests: 3 });
    expect(seedSupport()).toEqual({ organisations: 0, requests: 0 });
    expect(lines).toEqual(["Seed: 12 new wegwijzer organisations, 3 new contact requests."]);
    expect(n("support_organisation")).toBe(12);
    expect(n("email_outbox")).toBe(0);
    expect(n("notification")).toBe(0);

    // Valid codes, several provinces, national ones among them, every kind.
    for (const org of supportSeed) {
      for (const p of org.provinces) expect(provinceCodes).toContain(p);
      for (const t of org.themes) expect(themeCodes).toContain(t);
    }
    expect(new Set(supportSeed.map((o) => o.kind))).toEqual(new Set(supportKinds));
    expect(new Set(supportSeed.flatMap((o) => o.provinces)).size).toBeGreaterThanOrEqual(8);
    expect(listSupportOrganisations({ province: "OV" }).length).toBeGreaterThanOrEqual(4);

    const requests = getDb()
      .select()
      .from(contactRequests)
      .where(eq(contactRequests.ambassadorId, ambassador.id))
      .all();
    expect(requests.map((r) => r.status).sort()).toEqual(["answered", "open", "open"]);
    expect(requests.find((r) => r.status === "answered")!.referredIds).toHaveLength(2);
  });
});
