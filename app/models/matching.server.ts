/**
 * Matching in the product: loads a programme's candidates, runs the pure engine, saves the
 * proposal so an organiser can come back to it, applies manual moves, and accepts a proposal by
 * creating circles in `forming` with invitations. Also ranks open circles for one entrepreneur.
 */
import { and, asc, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import {
  circles,
  companies,
  matchingProposals,
  matchingRuns,
  memberships,
  profiles,
  programmes,
  userRoles,
  users,
} from "../../db/schema";
import { DEFAULT_HOUSE_RULES } from "../domain/house-rules";
import { describe, match, unplacedReasons, type MatchResult } from "../domain/matching/engine";
import type { JobMessage } from "../domain/matching/job";
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
import { cancelWorker, isWorkerActive, startWorker } from "../server/matching-runner.server";
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
  return (
    getDb()
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
      // In id order, so the pool (and with it the proposal) never depends on how SQLite reads rows.
      .orderBy(asc(users.id))
      .all()
  );
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
  return saveProposal({
    actorId,
    programmeId,
    policy,
    seed,
    circles: result.circles.map((c) => c.members),
  });
}

function saveProposal({
  actorId,
  programmeId,
  policy,
  seed,
  circles: proposed,
  runId,
  complete = true,
}: {
  actorId: number | null;
  programmeId: number;
  policy: Policy;
  seed: number;
  circles: number[][];
  runId?: number;
  complete?: boolean;
}): number {
  const db = getDb();
  return db.transaction((tx) => {
    const { id } = tx
      .insert(matchingProposals)
      .values({
        programmeId,
        createdById: actorId,
        policy,
        circles: proposed,
        seed,
      })
      .returning({ id: matchingProposals.id })
      .get();
    if (runId !== undefined)
      tx.update(matchingRuns)
        .set({
          status: complete ? "done" : "timed_out",
          progress: 1000,
          proposalId: id,
          finishedAt: new Date(),
        })
        .where(and(eq(matchingRuns.id, runId), eq(matchingRuns.status, "running")))
        .run();
    recordAudit(
      {
        actorId,
        action: "matching.proposed",
        subjectType: "programme",
        subjectId: programmeId,
        details: {
          proposalId: id,
          circles: proposed.length,
          ...(complete ? {} : { timedOut: true }),
        },
      },
      tx,
    );
    return id;
  });
}

// ---------------------------------------------------------------------------------------------
// Runs in a worker thread (issue 19): one per programme at a time, with progress, cancel and a
// time budget after which the best result so far is saved and marked as such.

/** How long a run may search before the best result so far is taken. */
export const MATCHING_BUDGET_MS = 30_000;
/** Progress is written and announced at most this often. */
const PROGRESS_EVERY_MS = 250;

export type RunStatus = (typeof matchingRuns.$inferSelect)["status"];

export type RunView = {
  id: number;
  programmeId: number;
  status: RunStatus;
  /** 0..1 */
  progress: number;
  candidates: number;
  proposalId: number | null;
  startedAt: Date;
  finishedAt: Date | null;
};

/** What changed in a run, for the organisers' open pages (see realtime.server.ts). */
export type RunChange = {
  programmeId: number;
  runId: number;
  status: RunStatus;
  progress: number;
};

function toView(r: typeof matchingRuns.$inferSelect): RunView {
  return {
    id: r.id,
    programmeId: r.programmeId,
    status: r.status,
    progress: r.progress / 1000,
    candidates: r.candidates,
    proposalId: r.proposalId,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
  };
}

/**
 * A run marked running whose worker is not alive in this process was cut off by a restart: it is
 * marked failed, so the programme can run again.
 */
function closeInterrupted(programmeId: number) {
  const db = getDb();
  const running = db
    .select({ id: matchingRuns.id })
    .from(matchingRuns)
    .where(and(eq(matchingRuns.programmeId, programmeId), eq(matchingRuns.status, "running")))
    .all();
  for (const r of running)
    if (!isWorkerActive(r.id))
      db.update(matchingRuns)
        .set({ status: "failed", finishedAt: new Date() })
        .where(and(eq(matchingRuns.id, r.id), eq(matchingRuns.status, "running")))
        .run();
}

/** The programme's latest run (running or finished), or null. */
export function latestRun(programmeId: number): RunView | null {
  closeInterrupted(programmeId);
  const row = getDb()
    .select()
    .from(matchingRuns)
    .where(eq(matchingRuns.programmeId, programmeId))
    .orderBy(desc(matchingRuns.id))
    .limit(1)
    .get();
  return row ? toView(row) : null;
}

/** The run that produced a proposal, if it came from one. */
export function runOfProposal(proposalId: number): RunView | null {
  const row = getDb()
    .select()
    .from(matchingRuns)
    .where(eq(matchingRuns.proposalId, proposalId))
    .get();
  return row ? toView(row) : null;
}

/**
 * Starts a run in a worker thread and returns at once. Refused while the programme has a run
 * going (checked here and enforced by the database's partial unique index, so two requests at
 * the same moment cannot both start one). `onChange` hears progress (throttled) and the end.
 */
export function startMatchingRun({
  actorId,
  programmeId,
  policy,
  seed = 1,
  budgetMs = MATCHING_BUDGET_MS,
  onChange = () => {},
}: {
  actorId: number;
  programmeId: number;
  policy: Policy;
  seed?: number;
  budgetMs?: number;
  onChange?: (change: RunChange) => void;
}): { ok: true; runId: number } | { ok: false; reason: "running" } {
  closeInterrupted(programmeId);
  const db = getDb();
  const { candidates } = loadCandidates(programmeId);
  let runId: number;
  try {
    runId = db.transaction(
      (tx) => {
        const busy = tx
          .select({ id: matchingRuns.id })
          .from(matchingRuns)
          .where(and(eq(matchingRuns.programmeId, programmeId), eq(matchingRuns.status, "running")))
          .get();
        if (busy) return -1;
        const { id } = tx
          .insert(matchingRuns)
          .values({
            programmeId,
            createdById: actorId,
            status: "running",
            candidates: candidates.length,
          })
          .returning({ id: matchingRuns.id })
          .get();
        recordAudit(
          {
            actorId,
            action: "matching.started",
            subjectType: "programme",
            subjectId: programmeId,
            details: { runId: id, candidates: candidates.length },
          },
          tx,
        );
        return id;
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (String((error as { code?: string }).code).startsWith("SQLITE_CONSTRAINT"))
      return { ok: false, reason: "running" };
    throw error;
  }
  if (runId < 0) return { ok: false, reason: "running" };
  const id = runId;
  let lastWrite = 0;
  const announce = (status: RunStatus, progress: number) =>
    onChange({ programmeId, runId: id, status, progress });
  const finish = (status: "failed") => {
    db.update(matchingRuns)
      .set({ status, finishedAt: new Date() })
      .where(and(eq(matchingRuns.id, id), eq(matchingRuns.status, "running")))
      .run();
    announce(status, 1);
  };
  startWorker(
    id,
    { pool: candidates, policy, seed, budgetMs },
    {
      onProgress(message: Extract<JobMessage, { type: "progress" }>) {
        const now = Date.now();
        if (now - lastWrite < PROGRESS_EVERY_MS) return;
        lastWrite = now;
        const permille = Math.round(message.done * 1000);
        db.update(matchingRuns)
          .set({ progress: Math.min(999, permille) })
          .where(and(eq(matchingRuns.id, id), eq(matchingRuns.status, "running")))
          .run();
        announce("running", message.done);
      },
      onResult(message) {
        saveProposal({
          actorId,
          programmeId,
          policy,
          seed,
          circles: message.circles,
          runId: id,
          complete: message.complete,
        });
        announce(message.complete ? "done" : "timed_out", 1);
      },
      onError(error) {
        console.warn(`matching run ${id} failed:`, error);
        finish("failed");
      },
    },
  );
  announce("running", 0);
  return { ok: true, runId: id };
}

/** Cancels the programme's running run (if this is it); nothing is saved. */
export function cancelMatchingRun({
  actorId,
  programmeId,
  runId,
  onChange = () => {},
}: {
  actorId: number;
  programmeId: number;
  runId: number;
  onChange?: (change: RunChange) => void;
}): boolean {
  const db = getDb();
  const cancelled = db.transaction((tx) => {
    const changed = tx
      .update(matchingRuns)
      .set({ status: "cancelled", finishedAt: new Date() })
      .where(
        and(
          eq(matchingRuns.id, runId),
          eq(matchingRuns.programmeId, programmeId),
          eq(matchingRuns.status, "running"),
        ),
      )
      .run().changes;
    if (changed === 0) return false;
    recordAudit(
      {
        actorId,
        action: "matching.cancelled",
        subjectType: "programme",
        subjectId: programmeId,
        details: { runId },
      },
      tx,
    );
    return true;
  });
  if (!cancelled) return false;
  cancelWorker(runId);
  onChange({ programmeId, runId, status: "cancelled", progress: 0 });
  return true;
}

/** The organisers, who see a programme's runs live. */
export function organiserIds(): number[] {
  return getDb()
    .select({ userId: userRoles.userId })
    .from(userRoles)
    .where(eq(userRoles.role, "organiser"))
    .all()
    .map((r) => r.userId);
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
  const unplaced = unplacedReasons(
    pool.filter((c) => !placed.has(c.id)),
    pool,
    policy,
  );
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
