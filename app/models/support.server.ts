/**
 * The wegwijzer: support organisations (innovation desks, centres of expertise, regional
 * development agencies, funding schemes, networks) by province and theme, kept by organisers.
 * Contact requests refer visitors to them (`supportFor`), the knowledge bank links to
 * `/support?theme=`. The directory holds tens of rows, not thousands, so the filters on the
 * JSON lists run in memory after one indexed-free scan; that keeps "national serves every
 * province" in one pure function (app/domain/support.ts).
 */
import { asc, eq, inArray } from "drizzle-orm";
import { supportOrganisations } from "../../db/schema";
import { rankForReferral, servesProvince, servesTheme } from "../domain/support";
import type { SupportKind } from "../domain/states";
import { getDb } from "../utils/db.server";
import { recordAudit } from "./audit.server";

export type SupportOrganisation = typeof supportOrganisations.$inferSelect;

export type SupportInput = {
  name: string;
  kind: SupportKind;
  description: string;
  url: string;
  email: string | null;
  phone: string | null;
  provinces: string[];
  themes: string[];
};

export type SupportFilter = {
  province?: string | null;
  theme?: string | null;
  kind?: SupportKind | null;
};

function allOrganisations(): SupportOrganisation[] {
  return getDb()
    .select()
    .from(supportOrganisations)
    .orderBy(asc(supportOrganisations.name), asc(supportOrganisations.id))
    .all();
}

/** The directory, filtered: national organisations show for every province. */
export function listSupportOrganisations(filter: SupportFilter = {}): SupportOrganisation[] {
  return allOrganisations().filter(
    (org) =>
      servesProvince(org, filter.province) &&
      servesTheme(org, filter.theme) &&
      (!filter.kind || org.kind === filter.kind),
  );
}

export function getSupportOrganisation(id: number): SupportOrganisation | null {
  return (
    getDb().select().from(supportOrganisations).where(eq(supportOrganisations.id, id)).get() ?? null
  );
}

/** The organisations with these ids (a referral), in the order given; unknown ids drop out. */
export function supportOrganisationsByIds(ids: readonly number[]): SupportOrganisation[] {
  if (ids.length === 0) return [];
  const rows = getDb()
    .select()
    .from(supportOrganisations)
    .where(inArray(supportOrganisations.id, [...ids]))
    .all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is SupportOrganisation => Boolean(r));
}

/**
 * For a referral: every organisation, the ones that serve the province and share a theme
 * first (marked `suggested`), so the ambassador refers with a click and still sees the rest.
 */
export function supportFor(want: { themes: readonly string[]; province?: string | null }) {
  return rankForReferral(allOrganisations(), want);
}

export function createSupportOrganisation(actorId: number, input: SupportInput): number {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const { id } = tx
        .insert(supportOrganisations)
        .values({ ...input, createdById: actorId, updatedAt: new Date() })
        .returning({ id: supportOrganisations.id })
        .get();
      recordAudit(
        { actorId, action: "support.created", subjectType: "support_organisation", subjectId: id },
        tx,
      );
      return id;
    },
    { behavior: "immediate" },
  );
}

/** Returns false when the organisation is gone (deleted in another tab). */
export function updateSupportOrganisation(
  actorId: number,
  id: number,
  input: SupportInput,
): boolean {
  return getDb().transaction(
    (tx) => {
      const changed = tx
        .update(supportOrganisations)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(supportOrganisations.id, id))
        .run().changes;
      if (changed === 0) return false;
      recordAudit(
        { actorId, action: "support.updated", subjectType: "support_organisation", subjectId: id },
        tx,
      );
      return true;
    },
    { behavior: "immediate" },
  );
}

/** Deletes it; earlier referrals keep its id, which `supportOrganisationsByIds` then skips. */
export function deleteSupportOrganisation(actorId: number, id: number): boolean {
  return getDb().transaction(
    (tx) => {
      const gone = tx
        .delete(supportOrganisations)
        .where(eq(supportOrganisations.id, id))
        .returning({ name: supportOrganisations.name })
        .get();
      if (!gone) return false;
      recordAudit(
        { actorId, action: "support.deleted", subjectType: "support_organisation", subjectId: id },
        tx,
      );
      return true;
    },
    { behavior: "immediate" },
  );
}
