/**
 * Matching in the product: loads a programme's candidates, runs the pure engine, saves the
 * proposal so an organiser can come back to it, applies manual moves, and accepts a proposal by
 * creating circles in `forming` with invitations. Also ranks open circles for one entrepreneur.
 */
import { and, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import {
  circles,
  companies,
  matchingProposals,
  memberships,
  profiles,
  programmes,
  userRoles,
  users,
} from "../../db/schema";
import { DEFAULT_HOUSE_RULES } from "../domain/house-rules";
import { describe, match, unplacedReason, type MatchResult } from "../domain/matching/engine";
import {
  circleWarnings,
  compatibleIgnoringCompanies,
  defaultWeights,
  eligible,
  pairFit,
  phaseFit,
  sharedDayParts,
  sizeFit,
  themeFit,
  type Candidate,
  type Policy,
  type Warning,
} from "../domain/matching/model";
import {
  sizeClassFor,
  type CompanyRole,
  type DayPart,
  type LifePhase,
  type Province,
  type Sector,
  type Theme,
} from "../domain/taxonomy";
import { getDb } from "../utils/db.server";
import { recordAudit } from "./audit.server";
import { inviteUser } from "./memberships.server";
import { companyKey } from "./profiles.server";

type Row = {
  id: number;
  name: string;
  companyId: number;
  kvk: string | null;
  sector: string | null;
  division: string | null;
  employees: number | null;
  lifePhase: string | null;
  province: string | null;
  municipality: string | null;
  companyRole: string | null;
  themes: string[];
  dayParts: string[];
  meetingMode: string | null;
  competitorsOk: boolean;
};

function toCandidate(r: Row): Candidate | null {
  const sizeClass = r.employees === null ? null : sizeClassFor(r.employees);
  if (
    !r.sector ||
    !sizeClass ||
    !r.lifePhase ||
    !r.province ||
    !r.municipality ||
    !r.companyRole ||
    !r.meetingMode
  )
    return null;
  return {
    id: r.id,
    companyKey: companyKey(r.kvk, r.companyId),
    sector: r.sector as Sector,
    division: r.division,
    municipality: r.municipality,
    province: r.province as Province,
    sizeClass,
    lifePhase: r.lifePhase as LifePhase,
    companyRole: r.companyRole as CompanyRole,
    themes: r.themes as Theme[],
    dayParts: r.dayParts as DayPart[],
    meetingMode: r.meetingMode as Candidate["meetingMode"],
    competitorsOk: r.competitorsOk,
  };
}

function candidateRows(userIds?: number[]) {
  return getDb()
    .select({
      id: users.id,
      name: users.name,
      companyId: companies.id,
      kvk: companies.kvkNumber,
      sector: companies.sector,
      division: companies.sbiDivision,
      employees: companies.employees,
      lifePhase: companies.lifePhase,
      province: companies.province,
      municipality: companies.municipality,
      companyRole: profiles.companyRole,
      themes: profiles.themes,
      dayParts: profiles.dayParts,
      meetingMode: profiles.meetingMode,
      competitorsOk: profiles.competitorsOk,
      ready: profiles.readyToMatch,
    })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "entrepreneur")))
    .innerJoin(companies, eq(companies.ownerId, users.id))
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(userIds ? inArray(users.id, userIds) : eq(profiles.readyToMatch, true))
    .all();
}

/**
 * The people to match for a programme: entrepreneurs who chose "ready to be matched", with a
 * complete profile, in the programme's province (when it has one), and not already applied,
 * invited, waiting or a member in one of the programme's running circles. Organisers are left
 * out: they join a circle only through its coach (see inviteUser), never through a proposal
 * that an organiser accepts.
 */
export function loadCandidates(programmeId: number): {
  candidates: Candidate[];
  names: Record<number, string>;
} {
  const db = getDb();
  const programme = db.select().from(programmes).where(eq(programmes.id, programmeId)).get();
  if (!programme) return { candidates: [], names: {} };
  const taken = new Set(
    db
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(circles, eq(circles.id, memberships.circleId))
      .where(
        and(
          eq(circles.programmeId, programmeId),
          ne(circles.status, "closed"),
          inArray(memberships.state, ["applied", "invited", "waitlisted", "member"]),
        ),
      )
      .all()
      .map((r) => r.userId),
  );
  const organisers = new Set(
    db
      .select({ userId: userRoles.userId })
      .from(userRoles)
      .where(eq(userRoles.role, "organiser"))
      .all()
      .map((r) => r.userId),
  );
  const names: Record<number, string> = {};
  const candidates: Candidate[] = [];
  for (const row of candidateRows()) {
    if (taken.has(row.id) || organisers.has(row.id)) continue;
    if (programme.province && row.province !== programme.province) continue;
    const candidate = toCandidate(row);
    if (!candidate) continue;
    names[row.id] = row.name;
    candidates.push(candidate);
  }
  return { candidates, names };
}

export function programmePolicy(
  programmeId: number,
  meetingMode: Policy["meetingMode"] = "in_person",
): Policy | null {
  const p = getDb().select().from(programmes).where(eq(programmes.id, programmeId)).get();
  if (!p) return null;
  return {
    sizeMin: p.sizeMin,
    sizeTarget: p.sizeTarget,
    sizeMax: p.sizeMax,
    sectorPolicy: p.sectorPolicy,
    meetingMode,
    weights: { ...defaultWeights, ...p.weights },
  };
}

export function runMatching({
  actorId,
  programmeId,
  policy,
  seed = 1,
}: {
  actorId: number;
  programmeId: number;
  policy: Policy;
  seed?: number;
}): number {
  const { candidates } = loadCandidates(programmeId);
  const result = match(candidates, policy, { seed });
  const db = getDb();
  return db.transaction((tx) => {
    const { id } = tx
      .insert(matchingProposals)
      .values({
        programmeId,
        createdById: actorId,
        policy,
        circles: result.circles.map((c) => c.members),
        seed,
      })
      .returning({ id: matchingProposals.id })
      .get();
    recordAudit(
      {
        actorId,
        action: "matching.proposed",
        subjectType: "programme",
        subjectId: programmeId,
        details: { proposalId: id, circles: result.circles.length },
      },
      tx,
    );
    return id;
  });
}

export function listProposals(programmeId: number) {
  return getDb()
    .select({
      id: matchingProposals.id,
      createdAt: matchingProposals.createdAt,
      acceptedAt: matchingProposals.acceptedAt,
      circles: matchingProposals.circles,
    })
    .from(matchingProposals)
    .where(eq(matchingProposals.programmeId, programmeId))
    .orderBy(desc(matchingProposals.id))
    .all()
    .map((p) => ({
      id: p.id,
      createdAt: p.createdAt,
      acceptedAt: p.acceptedAt,
      circleCount: p.circles.length,
      people: p.circles.flat().length,
    }));
}

export type ProposalView = {
  id: number;
  programmeId: number;
  acceptedAt: Date | null;
  policy: Policy;
  result: MatchResult;
  warnings: Warning[][];
  people: Record<number, { name: string; candidate: Candidate }>;
};

/** A saved proposal, re-scored against the people's current profiles. */
export function getProposal(programmeId: number, proposalId: number): ProposalView | null {
  const db = getDb();
  const row = db
    .select()
    .from(matchingProposals)
    .where(
      and(eq(matchingProposals.id, proposalId), eq(matchingProposals.programmeId, programmeId)),
    )
    .get();
  if (!row) return null;
  const policy = row.policy as unknown as Policy;
  const ids = row.circles.flat();
  const { candidates: pool } = loadCandidates(programmeId);
  const rows = ids.length ? candidateRows(ids) : [];
  const people: ProposalView["people"] = {};
  for (const r of rows) {
    const c = toCandidate(r);
    if (c) people[r.id] = { name: r.name, candidate: c };
  }
  const groups = row.circles.map((members) =>
    members.map((id) => people[id]?.candidate).filter((c): c is Candidate => Boolean(c)),
  );
  const placed = new Set(ids);
  const unplaced = pool
    .filter((c) => !placed.has(c.id))
    .map((c) => ({ id: c.id, reason: unplacedReason(c, pool, policy) }));
  for (const c of pool) if (!people[c.id]) people[c.id] = { name: nameOf(c.id), candidate: c };
  return {
    id: row.id,
    programmeId,
    acceptedAt: row.acceptedAt,
    policy,
    result: describe(groups, unplaced, policy),
    warnings: groups.map((g) => circleWarnings(g, policy)),
    people,
  };
}

function nameOf(userId: number) {
  return (
    getDb().select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name ?? ""
  );
}

/** Moves one person to another proposed circle (or out); scores and warnings follow on reload. */
export function moveInProposal({
  programmeId,
  proposalId,
  userId,
  toCircle,
}: {
  programmeId: number;
  proposalId: number;
  userId: number;
  /** The proposed circle's index, or null for "not placed". */
  toCircle: number | null;
}): boolean {
  const db = getDb();
  const row = db
    .select()
    .from(matchingProposals)
    .where(
      and(
        eq(matchingProposals.id, proposalId),
        eq(matchingProposals.programmeId, programmeId),
        isNull(matchingProposals.acceptedAt),
      ),
    )
    .get();
  if (!row) return false;
  if (toCircle !== null && (toCircle < 0 || toCircle >= row.circles.length)) return false;
  const groups = row.circles.map((g) => g.filter((id) => id !== userId));
  if (toCircle !== null) groups[toCircle]!.push(userId);
  db.update(matchingProposals)
    .set({ circles: groups })
    .where(eq(matchingProposals.id, proposalId))
    .run();
  return true;
}

/**
 * Accepts a proposal: every proposed circle becomes a circle in `forming`, and its members are
 * invited (through the notifications path). Circles with warnings are refused; fix them first.
 */
export function acceptProposal({
  actorId,
  programmeId,
  proposalId,
  names,
}: {
  actorId: number;
  programmeId: number;
  proposalId: number;
  names: { circle: (n: number) => string };
}):
  | { ok: true; circleIds: number[]; notified: number[] }
  | { ok: false; reason: "not_found" | "warnings" | "accepted" } {
  const view = getProposal(programmeId, proposalId);
  if (!view) return { ok: false, reason: "not_found" };
  if (view.acceptedAt) return { ok: false, reason: "accepted" };
  if (view.warnings.some((w) => w.length > 0)) return { ok: false, reason: "warnings" };
  const policy = view.policy;
  return getDb().transaction(
    (tx) => {
      const circleIds: number[] = [];
      const notified: number[] = [];
      view.result.circles.forEach((proposed, index) => {
        const members = proposed.members.map((id) => view.people[id]!.candidate);
        const themeCounts = new Map<string, number>();
        for (const m of members)
          for (const t of m.themes) themeCounts.set(t, (themeCounts.get(t) ?? 0) + 1);
        const theme = [...themeCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "growth";
        const provinceCounts = new Map<string, number>();
        for (const m of members)
          provinceCounts.set(m.province, (provinceCounts.get(m.province) ?? 0) + 1);
        const { id } = tx
          .insert(circles)
          .values({
            programmeId,
            name: names.circle(index + 1),
            theme,
            description: "",
            status: "forming",
            capacityMin: policy.sizeMin,
            capacityMax: policy.sizeMax,
            timeCommitment: "",
            meetingMode: policy.meetingMode,
            dayPart: sharedDayParts(members)[0] ?? null,
            province:
              policy.meetingMode === "in_person"
                ? ([...provinceCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null)
                : null,
            openForApplications: false,
            houseRules: DEFAULT_HOUSE_RULES,
          })
          .returning({ id: circles.id })
          .get();
        circleIds.push(id);
        recordAudit(
          {
            actorId,
            action: "circle.created",
            subjectType: "circle",
            subjectId: id,
            details: { proposalId },
          },
          tx,
        );
        for (const m of members) {
          const invited = inviteUser(tx, { actorId, circleId: id, userId: m.id });
          if (invited.ok) notified.push(...invited.notified);
        }
      });
      tx.update(matchingProposals)
        .set({ acceptedAt: new Date() })
        .where(eq(matchingProposals.id, proposalId))
        .run();
      recordAudit(
        {
          actorId,
          action: "matching.accepted",
          subjectType: "programme",
          subjectId: programmeId,
          details: { proposalId, circles: circleIds },
        },
        tx,
      );
      return { ok: true as const, circleIds, notified };
    },
    { behavior: "immediate" },
  );
}

export type CircleSuggestion = {
  circleId: number;
  fit: number;
  counts: { samePhase: number; similarSize: number; sharedTheme: number; members: number };
};

/**
 * Open circles with seats, ranked by how well one entrepreneur fits their current members.
 * Circles whose day-parts or (in person) region rule the viewer out are left out. Nothing here
 * depends on a member's KvK number, company, division or municipality: the viewer sets their own
 * values for those, so reacting to them would reveal which company is in which circle. The
 * reasons are counts only, so they reveal nothing personal about the members.
 */
export function suggestCircles(
  userId: number,
  openCircles: Array<{ id: number; meetingMode: string; seatsLeft: number; programmeId?: number }>,
): CircleSuggestion[] {
  const me = candidateRows([userId]).map(toCandidate)[0];
  if (!me || openCircles.length === 0) return [];
  const db = getDb();
  const mine = new Set(
    db
      .select({ circleId: memberships.circleId })
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, userId),
          inArray(memberships.state, ["applied", "invited", "waitlisted", "member"]),
        ),
      )
      .all()
      .map((r) => r.circleId),
  );
  const memberRows = db
    .select({ circleId: memberships.circleId, userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        inArray(
          memberships.circleId,
          openCircles.map((c) => c.id),
        ),
        eq(memberships.state, "member"),
      ),
    )
    .all();
  const people = new Map(
    candidateRows([...new Set(memberRows.map((r) => r.userId))])
      .map(toCandidate)
      .filter((c): c is Candidate => c !== null)
      .map((c) => [c.id, c]),
  );
  const out: CircleSuggestion[] = [];
  for (const circle of openCircles) {
    if (circle.seatsLeft <= 0 || mine.has(circle.id)) continue;
    const members = memberRows
      .filter((r) => r.circleId === circle.id && r.userId !== userId)
      .map((r) => people.get(r.userId))
      .filter((c): c is Candidate => Boolean(c));
    if (members.some((m) => m.id === userId)) continue;
    const policy: Policy = {
      sizeMin: 2,
      sizeTarget: 8,
      sizeMax: 30,
      sectorPolicy: "mixed",
      meetingMode: circle.meetingMode === "online" ? "online" : "in_person",
      weights: defaultWeights,
    };
    if (!eligible(me, policy)) continue;
    // Never the company rules here (see compatibleIgnoringCompanies): the coach weighs those.
    if (members.some((m) => !compatibleIgnoringCompanies(me, m, policy))) continue;
    if (members.length > 0 && sharedDayParts([...members, me]).length === 0) continue;
    const fit = members.length
      ? members.reduce((s, m) => s + pairFit(me, m, policy), 0) / members.length
      : 0.5;
    out.push({
      circleId: circle.id,
      fit,
      counts: {
        members: members.length,
        samePhase: members.filter((m) => phaseFit(m.lifePhase, me.lifePhase) === 1).length,
        similarSize: members.filter((m) => sizeFit(m.sizeClass, me.sizeClass) >= 0.6).length,
        sharedTheme: members.filter((m) => themeFit(m.themes, me.themes) > 0).length,
      },
    });
  }
  return out.sort((a, b) => b.fit - a.fit || a.circleId - b.circleId);
}
