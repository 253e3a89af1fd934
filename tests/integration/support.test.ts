/**
 * The wegwijzer: the public directory's filters (a province shows its own and the national
 * organisations; themes; kinds; unknown values ignored), organiser-only editing with bad input
 * (an address that is not https is refused next to its field, input kept, nothing stored),
 * deleting after a confirmation, and `supportFor`'s order for referrals.
 */
import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { loader as directoryLoader } from "~/routes/support._index";
import { action as newAction, loader as newLoader } from "~/routes/support.new";
import { action as editAction, loader as editLoader } from "~/routes/support.$organisationId.edit";
import {
  createSupportOrganisation,
  getSupportOrganisation,
  supportFor,
  type SupportInput,
} from "~/models/support.server";
import { getDb } from "~/utils/db.server";
import { auditEvents, supportOrganisations } from "../../db/schema";
import { load, makeUser, signedIn, submit } from "./helpers";

const count = () =>
  getDb().get<{ n: number }>(sql`select count(*) as n from support_organisation`)!.n;

function org(name: string, values: Partial<SupportInput> = {}): SupportInput {
  return {
    name,
    kind: "innovation_desk",
    description: `${name} helpt ondernemers verder.`,
    url: "https://example.org/",
    email: null,
    phone: null,
    provinces: [],
    themes: [],
    ...values,
  };
}

const fields = {
  name: "Kenniscentrum Slim Maken",
  kind: "expertise_centre",
  description: "Studenten en docenten van de hogeschool denken mee over digitalisering.",
  url: "https://example.org/slim-maken",
  email: "info@example.org",
  phone: "+31 (0)38 123 45 67",
  provinces: ["OV", "GE"],
  themes: ["digitalisation", "education"],
};

type Reply = { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };

async function directory(query = "", cookie?: string) {
  const res = await load(directoryLoader, `/support${query}`, { cookie });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    organisations: Array<{ id: number; name: string }>;
    canManage: boolean;
    filter: Record<string, string>;
  };
}

describe("the wegwijzer directory", () => {
  it("filters by province (national ones always), theme and kind, and ignores unknown values", async () => {
    const organiser = await makeUser({ roles: ["organiser"] });
    const national = createSupportOrganisation(
      organiser.id,
      org("Landelijk Fonds Vernieuwing", { kind: "funding_scheme", themes: ["finance"] }),
    );
    const overijssel = createSupportOrganisation(
      organiser.id,
      org("Innovatieloket Overijssel", { provinces: ["OV"], themes: ["digitalisation"] }),
    );
    const brabant = createSupportOrganisation(
      organiser.id,
      org("Opvolgingsnetwerk Brabant", {
        kind: "network",
        provinces: ["NB"],
        themes: ["succession_governance"],
      }),
    );
    const ids = (d: { organisations: Array<{ id: number }> }) => d.organisations.map((o) => o.id);

    expect(ids(await directory())).toEqual(expect.arrayContaining([national, overijssel, brabant]));
    const inOverijssel = ids(await directory("?province=OV"));
    expect(inOverijssel).toContain(national);
    expect(inOverijssel).toContain(overijssel);
    expect(inOverijssel).not.toContain(brabant);
    expect(ids(await directory("?theme=succession_governance"))).toEqual([brabant]);
    expect(ids(await directory("?province=OV&theme=finance"))).toEqual([national]);
    expect(ids(await directory("?kind=network"))).toEqual([brabant]);
    expect(ids(await directory("?province=NB&kind=innovation_desk"))).toEqual([]);

    const odd = await directory("?province=XX&theme=%3Cscript%3E&kind=" + "k".repeat(5000));
    expect(odd.filter).toEqual({ province: "", theme: "", kind: "" });
    expect(ids(odd)).toHaveLength(3);
  });

  it("shows the add and edit links to organisers only", async () => {
    const organiser = await signedIn({ roles: ["organiser"] });
    const coach = await signedIn({ roles: ["coach"] });
    expect((await directory("", organiser.cookie)).canManage).toBe(true);
    expect((await directory("", coach.cookie)).canManage).toBe(false);
    expect((await directory()).canManage).toBe(false);
  });
});

describe("keeping the wegwijzer", () => {
  it("lets only organisers add, edit and delete", async () => {
    const organiser = await makeUser({ roles: ["organiser"] });
    const id = createSupportOrganisation(organiser.id, org("Ontwikkelingsmaatschappij Oost"));
    for (const roles of [["entrepreneur"], ["coach"], ["ambassador"]] as const) {
      const who = await signedIn({ roles: [...roles] });
      expect((await load(newLoader, "/support/new", { cookie: who.cookie })).status).toBe(403);
      expect((await submit(newAction, "/support/new", fields, { cookie: who.cookie })).status).toBe(
        403,
      );
      const params = { organisationId: String(id) };
      expect(
        (await load(editLoader, `/support/${id}/edit`, { cookie: who.cookie, params })).status,
      ).toBe(403);
      const del = await submit(
        editAction,
        `/support/${id}/edit`,
        { intent: "delete", confirm: "on" },
        { cookie: who.cookie, params },
      );
      expect(del.status).toBe(403);
    }
    const anonymous = await load(newLoader, "/support/new");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
    expect(getSupportOrganisation(id)).not.toBeNull();
  });

  it("adds an organisation, with the audit row", async () => {
    const organiser = await signedIn({ roles: ["organiser"] });
    const before = count();
    const res = await submit(newAction, "/support/new", fields, { cookie: organiser.cookie });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/support");
    expect(count()).toBe(before + 1);
    const stored = getDb()
      .select()
      .from(supportOrganisations)
      .where(eq(supportOrganisations.name, fields.name))
      .get()!;
    expect(stored).toMatchObject({
      kind: "expertise_centre",
      url: "https://example.org/slim-maken",
      email: "info@example.org",
      phone: "+31 (0)38 123 45 67",
      provinces: ["OV", "GE"],
      themes: ["digitalisation", "education"],
      createdById: organiser.id,
    });
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectType, "support_organisation"))
      .all();
    expect(audit.some((a) => a.action === "support.created" && a.subjectId === stored.id)).toBe(
      true,
    );
  });

  it("refuses an address that is not https, and other bad input, keeping what was typed", async () => {
    const organiser = await signedIn({ roles: ["organiser"] });
    const before = count();
    const cases: Array<[Record<string, string | string[]>, string, string]> = [
      [{ ...fields, url: "http://example.org/" }, "url", "support.error.url"],
      [{ ...fields, url: "javascript:alert(1)" }, "url", "support.error.url"],
      [{ ...fields, url: "example.org" }, "url", "support.error.url"],
      [{ ...fields, url: "" }, "url", "validation.required"],
      [{ ...fields, name: "" }, "name", "validation.required"],
      [{ ...fields, name: "n".repeat(151) }, "name", "validation.tooLong|150"],
      [{ ...fields, kind: "bank" }, "kind", "validation.choose"],
      [{ ...fields, email: "geen-adres" }, "email", "validation.email"],
      [{ ...fields, phone: "bel me" }, "phone", "support.error.phone"],
      [{ ...fields, description: "x".repeat(2001) }, "description", "validation.tooLong|2000"],
    ];
    for (const [input, field, message] of cases) {
      const res = await submit(newAction, "/support/new", input, { cookie: organiser.cookie });
      expect(res.status, `${field}: ${String(input[field]).slice(0, 30)}`).toBe(400);
      const reply = (await res.json()) as Reply;
      expect(reply.error?.[field]).toEqual([message]);
      expect(reply.initialValue?.description).toBe(input.description);
    }
    const bad = await submit(
      newAction,
      "/support/new",
      { ...fields, provinces: ["OV", "Atlantis"] },
      { cookie: organiser.cookie },
    );
    expect(bad.status).toBe(400);
    expect(count()).toBe(before);
  });

  it("edits an organisation, and deletes it only after the tick", async () => {
    const organiser = await signedIn({ roles: ["organiser"] });
    const id = createSupportOrganisation(organiser.id, org("Regeling Oud", { provinces: ["UT"] }));
    const path = `/support/${id}/edit`;
    const params = { organisationId: String(id) };
    const page = await (await load(editLoader, path, { cookie: organiser.cookie, params })).json();
    expect(page.organisation).toMatchObject({ name: "Regeling Oud", provinces: ["UT"] });

    const saved = await submit(
      editAction,
      path,
      { intent: "save", ...fields, name: "Regeling Nieuw", provinces: [] },
      { cookie: organiser.cookie, params },
    );
    expect(saved.status).toBe(302);
    expect(getSupportOrganisation(id)).toMatchObject({ name: "Regeling Nieuw", provinces: [] });

    const badEdit = await submit(
      editAction,
      path,
      { intent: "save", ...fields, url: "ftp://example.org" },
      { cookie: organiser.cookie, params },
    );
    expect(badEdit.status).toBe(400);
    expect(getSupportOrganisation(id)!.url).toBe(fields.url);

    const unticked = await submit(
      editAction,
      path,
      { intent: "delete" },
      { cookie: organiser.cookie, params },
    );
    expect(unticked.status).toBe(400);
    expect(((await unticked.json()) as Reply).error?.confirm).toEqual([
      "support.error.confirmDelete",
    ]);
    expect(getSupportOrganisation(id)).not.toBeNull();

    const deleted = await submit(
      editAction,
      path,
      { intent: "delete", confirm: "on" },
      { cookie: organiser.cookie, params },
    );
    expect(deleted.status).toBe(302);
    expect(getSupportOrganisation(id)).toBeNull();
    // Gone is a 404, as is an id that never was or is no id at all.
    for (const missing of [String(id), "abc", "0", "9".repeat(30)]) {
      const res = await load(editLoader, `/support/${missing}/edit`, {
        cookie: organiser.cookie,
        params: { organisationId: missing },
      });
      expect(res.status, missing).toBe(404);
    }
  });
});

describe("supportFor", () => {
  it("puts the organisations of the province and the themes first, and keeps the rest", async () => {
    const organiser = await makeUser({ roles: ["organiser"] });
    const local = createSupportOrganisation(
      organiser.id,
      org("Zz Loket Gelderland", { provinces: ["GE"], themes: ["people"] }),
    );
    const national = createSupportOrganisation(
      organiser.id,
      org("Zz Landelijk", { themes: ["people"] }),
    );
    const elsewhere = createSupportOrganisation(
      organiser.id,
      org("Zz Loket Zeeland", { provinces: ["ZE"], themes: ["people"] }),
    );
    const ranked = supportFor({ themes: ["people"], province: "GE" });
    const position = (id: number) => ranked.findIndex((o) => o.id === id);
    expect(position(local)).toBeLessThan(position(national));
    expect(position(national)).toBeLessThan(position(elsewhere));
    expect(ranked.find((o) => o.id === elsewhere)!.suggested).toBe(false);
    expect(ranked.find((o) => o.id === local)!.suggested).toBe(true);
  });
});
