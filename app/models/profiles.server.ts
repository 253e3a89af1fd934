/** An entrepreneur's company and profile: what they tell about themselves, the input for matching. */
import { eq, inArray } from "drizzle-orm";
import { companies, profiles } from "../../db/schema";
import type { CompanyFacts } from "../domain/matching/model";
import type { Sector } from "../domain/taxonomy";
import { getDb } from "../utils/db.server";
import { recordAudit } from "./audit.server";

export type CompanyInput = {
  name: string;
  kvkNumber: string | null;
  sector: string;
  sbiDivision: string | null;
  employees: number;
  foundedYear: number;
  lifePhase: string;
  province: string;
  municipality: string;
  familyBusiness: boolean;
};

export type ProfileInput = {
  companyRole: "owner" | "manager" | "employee";
  themes: string[];
  dayParts: string[];
  meetingMode: "in_person" | "online" | "either";
  willingToHost: boolean;
  competitorsOk: boolean;
};

export type QuestionInput = {
  questionSituation: string;
  questionTried: string;
  questionWish: string;
};

export function getCompany(userId: number) {
  return getDb().select().from(companies).where(eq(companies.ownerId, userId)).get() ?? null;
}

export function getProfile(userId: number) {
  return getDb().select().from(profiles).where(eq(profiles.userId, userId)).get() ?? null;
}

export function saveCompany(userId: number, input: CompanyInput) {
  const db = getDb();
  db.transaction((tx) => {
    const existing = tx
      .select({ id: companies.id })
      .from(companies)
      .where(eq(companies.ownerId, userId))
      .get();
    if (existing) tx.update(companies).set(input).where(eq(companies.id, existing.id)).run();
    else
      tx.insert(companies)
        .values({ ...input, ownerId: userId })
        .run();
    recordAudit(
      {
        actorId: userId,
        action: existing ? "company.updated" : "company.created",
        subjectType: "user",
        subjectId: userId,
      },
      tx,
    );
  });
}

function upsertProfile(userId: number, values: Partial<typeof profiles.$inferInsert>) {
  const now = new Date();
  getDb()
    .insert(profiles)
    .values({ userId, ...values, updatedAt: now })
    .onConflictDoUpdate({ target: profiles.userId, set: { ...values, updatedAt: now } })
    .run();
}

export function saveProfile(userId: number, input: ProfileInput) {
  upsertProfile(userId, input);
}

export function saveQuestion(userId: number, input: QuestionInput) {
  upsertProfile(userId, input);
}

export function setReadyToMatch(userId: number, ready: boolean) {
  upsertProfile(userId, { readyToMatch: ready });
}

export type OnboardingStep = "company" | "profile" | "question" | "ready";

/** The first step that still needs input, so onboarding can be resumed where it was left. */
export function nextOnboardingStep(userId: number): OnboardingStep {
  const company = getCompany(userId);
  if (!company || !company.sector || company.employees === null || !company.province)
    return "company";
  const profile = getProfile(userId);
  if (!profile || !profile.companyRole || profile.dayParts.length === 0 || !profile.meetingMode)
    return "profile";
  if (!profile.questionSituation || !profile.questionWish) return "question";
  return "ready";
}

/** One company, one key: by KvK number when given (two accounts can name the same company). */
export function companyKey(kvkNumber: string | null, companyId: number) {
  return kvkNumber ? `kvk:${kvkNumber}` : `company:${companyId}`;
}

/** The facts the company rules need (see companyConflict), for those of these people with a company. */
export function listCompanyFacts(userIds: number[]): Map<number, CompanyFacts> {
  if (userIds.length === 0) return new Map();
  const rows = getDb()
    .select({
      userId: companies.ownerId,
      companyId: companies.id,
      kvkNumber: companies.kvkNumber,
      sector: companies.sector,
      division: companies.sbiDivision,
      municipality: companies.municipality,
      competitorsOk: profiles.competitorsOk,
    })
    .from(companies)
    .leftJoin(profiles, eq(profiles.userId, companies.ownerId))
    .where(inArray(companies.ownerId, userIds))
    .all();
  return new Map(
    rows.map((r) => [
      r.userId,
      {
        companyKey: companyKey(r.kvkNumber, r.companyId),
        sector: (r.sector as Sector | null) ?? null,
        division: r.division,
        municipality: r.municipality,
        competitorsOk: r.competitorsOk ?? false,
      },
    ]),
  );
}
