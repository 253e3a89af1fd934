/**
 * Cases (casus inbrengen): before a meeting a member puts a case on its agenda (what is going on,
 * what they want from the group, how urgent it is); the coach orders the cases into the agenda.
 * At the meeting each case follows the protocol (present, clarifying questions, the members share
 * experience rather than advice, the owner says what they will do); that last step becomes an
 * action item linked to the case (see follow-up.server.ts).
 *
 * Every write is one IMMEDIATE transaction with its audit event. Access is decided before these
 * are called (requireMeeting); they check what only the data can tell: the meeting is planned
 * and has not started, the author is still a member, the case belongs to this meeting.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { meetingCases as cases, meetings, memberships, users } from "../../db/schema";
import type { CaseUrgency } from "../domain/states";
import { getDb } from "../utils/db.server";
import { recordAudit } from "./audit.server";
import type { Tx } from "./jobs.server";

function inTransaction<T>(fn: (tx: Tx) => T): T {
  return getDb().transaction(fn, { behavior: "immediate" });
}

export const CASE_TITLE_MAX = 150;
export const CASE_TEXT_MAX = 4000;

export type CaseInput = {
  title: string;
  situation: string;
  request: string;
  urgency: CaseUrgency;
};

export type CaseRefusal = "not_found" | "cancelled" | "started" | "not_member";
export type CaseOutcome =
  { ok: true; caseId: number; notified: number[] } | { ok: false; reason: CaseRefusal };

function isMember(tx: Tx, circleId: number, userId: number) {
  return !!tx
    .select({ one: sql`1` })
    .from(memberships)
    .where(
      and(
        eq(memberships.circleId, circleId),
        eq(memberships.userId, userId),
        eq(memberships.state, "member"),
      ),
    )
    .get();
}

/** Why a case cannot be put on (or changed on) this meeting's agenda now, or null. */
function closedForCases(
  meeting: { status: string; startsAt: Date } | undefined,
  now: Date,
): CaseRefusal | null {
  if (!meeting) return "not_found";
  if (meeting.status === "cancelled") return "cancelled";
  // Once the meeting has begun the agenda is the coach's: a case arriving then is not prepared.
  if (meeting.startsAt <= now) return "started";
  return null;
}

/** A member puts a case on a planned meeting's agenda; it goes last until the coach orders it. */
export function proposeCase(
  meetingId: number,
  authorId: number,
  input: CaseInput,
  now = new Date(),
): CaseOutcome {
  return inTransaction((tx) => {
    const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    const closed = closedForCases(meeting, now);
    if (closed) return { ok: false, reason: closed };
    if (!isMember(tx, meeting!.circleId, authorId)) return { ok: false, reason: "not_member" };
    const row = tx
      .insert(cases)
      .values({ meetingId, authorId, ...input, position: null, createdAt: now })
      .returning({ id: cases.id })
      .get();
    recordAudit(
      {
        actorId: authorId,
        action: "meeting.case_proposed",
        subjectType: "meeting",
        subjectId: meetingId,
        details: { caseId: row.id, urgency: input.urgency },
      },
      tx,
    );
    return { ok: true, caseId: row.id, notified: [] };
  });
}

/** The author's own case of this meeting, or null (someone else's counts as not there). */
function ownCase(tx: Tx, meetingId: number, caseId: number, authorId: number) {
  return (
    tx
      .select()
      .from(cases)
      .where(
        and(eq(cases.id, caseId), eq(cases.meetingId, meetingId), eq(cases.authorId, authorId)),
      )
      .get() ?? null
  );
}

/** The author changes their case, up to the start of the meeting. */
export function editCase(
  meetingId: number,
  caseId: number,
  authorId: number,
  input: CaseInput,
  now = new Date(),
): CaseOutcome {
  return inTransaction((tx) => {
    const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    if (!meeting || !ownCase(tx, meetingId, caseId, authorId))
      return { ok: false, reason: "not_found" };
    const closed = closedForCases(meeting, now);
    if (closed) return { ok: false, reason: closed };
    tx.update(cases).set(input).where(eq(cases.id, caseId)).run();
    recordAudit(
      {
        actorId: authorId,
        action: "meeting.case_edited",
        subjectType: "meeting",
        subjectId: meetingId,
        details: { caseId },
      },
      tx,
    );
    return { ok: true, caseId, notified: [] };
  });
}

/** The author takes their case off the agenda, up to the start of the meeting. */
export function withdrawCase(
  meetingId: number,
  caseId: number,
  authorId: number,
  now = new Date(),
): CaseOutcome {
  return inTransaction((tx) => {
    const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    if (!meeting || !ownCase(tx, meetingId, caseId, authorId))
      return { ok: false, reason: "not_found" };
    const closed = closedForCases(meeting, now);
    if (closed) return { ok: false, reason: closed };
    tx.delete(cases).where(eq(cases.id, caseId)).run();
    // Close the gap, so the coach's order stays 1..n.
    renumber(tx, meetingId);
    recordAudit(
      {
        actorId: authorId,
        action: "meeting.case_withdrawn",
        subjectType: "meeting",
        subjectId: meetingId,
        details: { caseId },
      },
      tx,
    );
    return { ok: true, caseId, notified: [] };
  });
}

/** The meeting's case ids in agenda order: the coach's positions first, then by arrival. */
function orderedIds(tx: Tx, meetingId: number): number[] {
  return tx
    .select({ id: cases.id })
    .from(cases)
    .where(eq(cases.meetingId, meetingId))
    .orderBy(
      sql`${cases.position} is null`,
      asc(cases.position),
      asc(cases.createdAt),
      asc(cases.id),
    )
    .all()
    .map((r) => r.id);
}

function writeOrder(tx: Tx, ids: number[]) {
  ids.forEach((id, index) =>
    tx
      .update(cases)
      .set({ position: index + 1 })
      .where(eq(cases.id, id))
      .run(),
  );
}

/** Positions 1..n in the current order (only once the coach has ordered anything). */
function renumber(tx: Tx, meetingId: number) {
  const ordered = tx
    .select({ one: sql`1` })
    .from(cases)
    .where(and(eq(cases.meetingId, meetingId), sql`${cases.position} is not null`))
    .get();
  if (ordered) writeOrder(tx, orderedIds(tx, meetingId));
}

export type OrderOutcome =
  | { ok: true; order: number[]; notified: number[] }
  | { ok: false; reason: "not_found" | "cancelled" | "foreign_case" };

/** The order inside a transaction: every id must be this meeting's, each once. */
function applyOrder(
  tx: Tx,
  meetingId: number,
  actorId: number,
  orderedCaseIds: readonly number[],
): OrderOutcome {
  const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) return { ok: false, reason: "not_found" };
  if (meeting.status === "cancelled") return { ok: false, reason: "cancelled" };
  const current = orderedIds(tx, meetingId);
  const own = new Set(current);
  if (
    new Set(orderedCaseIds).size !== orderedCaseIds.length ||
    orderedCaseIds.some((id) => !own.has(id))
  )
    return { ok: false, reason: "foreign_case" };
  // Cases the coach's list did not name (one that arrived after the page loaded) follow the
  // named ones in their current order, so positions stay 1..n without gaps.
  const named = new Set(orderedCaseIds);
  const order = [...orderedCaseIds, ...current.filter((id) => !named.has(id))];
  writeOrder(tx, order);
  recordAudit(
    {
      actorId,
      action: "meeting.cases_ordered",
      subjectType: "meeting",
      subjectId: meetingId,
      details: { order },
    },
    tx,
  );
  return { ok: true, order, notified: [] };
}

/** The coach sets the agenda order of a meeting's cases (positions 1..n). */
export function orderCases(meetingId: number, actorId: number, orderedCaseIds: readonly number[]) {
  return inTransaction((tx) => applyOrder(tx, meetingId, actorId, orderedCaseIds));
}

/** Moves one case a place up or down in the agenda (the buttons on the cases page). */
export function moveCase(
  meetingId: number,
  actorId: number,
  caseId: number,
  direction: "up" | "down",
): OrderOutcome {
  return inTransaction((tx) => {
    const order = orderedIds(tx, meetingId);
    const from = order.indexOf(caseId);
    if (from < 0) return { ok: false, reason: "foreign_case" };
    const to = direction === "up" ? from - 1 : from + 1;
    if (to >= 0 && to < order.length) [order[from], order[to]] = [order[to]!, order[from]!];
    return applyOrder(tx, meetingId, actorId, order);
  });
}

export type MeetingCase = {
  id: number;
  title: string;
  situation: string;
  request: string;
  urgency: CaseUrgency;
  position: number | null;
  authorId: number | null;
  authorName: string | null;
  createdAt: Date;
};

/** A meeting's cases in agenda order (the coach's positions, then arrival), with their authors. */
export function meetingCases(meetingId: number): MeetingCase[] {
  return getDb()
    .select({
      id: cases.id,
      title: cases.title,
      situation: cases.situation,
      request: cases.request,
      urgency: cases.urgency,
      position: cases.position,
      authorId: cases.authorId,
      authorName: users.name,
      createdAt: cases.createdAt,
    })
    .from(cases)
    .leftJoin(users, eq(users.id, cases.authorId))
    .where(eq(cases.meetingId, meetingId))
    .orderBy(
      sql`${cases.position} is null`,
      asc(cases.position),
      asc(cases.createdAt),
      asc(cases.id),
    )
    .all();
}
