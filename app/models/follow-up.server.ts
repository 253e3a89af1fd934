/**
 * The follow-up of a meeting: the coach takes attendance, writes the summary and records the
 * action items ("afspraken"); each owner marks theirs done with a short note; the next meeting
 * opens with a look back ("terugblik") at the previous one's items; and the members answer one
 * question about the meeting's value, kept for the monitor (only counts and an average leave it).
 *
 * Every write is one IMMEDIATE transaction with its audit event and its notifications, returning
 * the ids notified (the route publishes after commit). Access is decided before these are called
 * (requireMeeting / requireUser); they check what only the data can tell: the meeting has begun
 * (or ended, for a rating), it is not cancelled, the owner is a member, the item is yours.
 */
import { and, asc, avg, count, desc, eq, lte, ne, sql } from "drizzle-orm";
import {
  actionItems,
  circles,
  meetingAttendance,
  meetingCases,
  meetingGuests,
  meetingRatings,
  meetingRsvps,
  meetings,
  memberships,
  notifications,
  scheduledJobs,
  users,
} from "../../db/schema";
import { amsterdamToday } from "../domain/meeting-time";
import type { RsvpState } from "../domain/states";
import { getDb } from "../utils/db.server";
import { renderMarkdown } from "../utils/markdown.server";
import { recordAudit } from "./audit.server";
import type { Tx } from "./jobs.server";
import {
  feedbackAudience,
  feedbackPath,
  previousMeeting,
  tellAboutMeeting,
  type Meeting,
} from "./meetings.server";
import { notify } from "./notifications.server";

function inTransaction<T>(fn: (tx: Tx) => T): T {
  return getDb().transaction(fn, { behavior: "immediate" });
}

export const SUMMARY_MAX = 20_000;
export const ACTION_TEXT_MAX = 500;
export const DONE_NOTE_MAX = 500;
export const COMMENT_MAX = 1000;

export type FollowUpRefusal = "not_found" | "cancelled" | "not_started";

/** Why the coach cannot record the follow-up of this meeting now, or null. */
function closedForFollowUp(meeting: Meeting | undefined, now: Date): FollowUpRefusal | null {
  if (!meeting) return "not_found";
  if (meeting.status === "cancelled") return "cancelled";
  // Attendance and commitments are facts of a meeting that has taken place (or is under way).
  if (meeting.startsAt > now) return "not_started";
  return null;
}

function memberIds(tx: Tx, circleId: number): Set<number> {
  return new Set(
    tx
      .select({ id: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.circleId, circleId), eq(memberships.state, "member")))
      .all()
      .map((r) => r.id),
  );
}

// ---------------------------------------------------------------------------------------------
// Attendance

export type AttendanceRow = {
  userId: number;
  name: string;
  guest: boolean;
  /** null: attendance not taken yet. */
  present: boolean | null;
  rsvp: RsvpState | null;
};

/** Who is expected at the meeting (the circle's members and its guests), for the checklist. */
export function attendanceList(meeting: Pick<Meeting, "id" | "circleId">): AttendanceRow[] {
  const db = getDb();
  const members = db
    .select({ userId: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.circleId, meeting.circleId), eq(memberships.state, "member")))
    .all()
    .map((p) => ({ ...p, guest: false }));
  const guests = db
    .select({ userId: users.id, name: users.name })
    .from(meetingGuests)
    .innerJoin(users, eq(users.id, meetingGuests.userId))
    .where(eq(meetingGuests.meetingId, meeting.id))
    .all()
    .map((p) => ({ ...p, guest: true }));
  const present = new Map(
    db
      .select({ userId: meetingAttendance.userId, present: meetingAttendance.present })
      .from(meetingAttendance)
      .where(eq(meetingAttendance.meetingId, meeting.id))
      .all()
      .map((r) => [r.userId, r.present]),
  );
  const rsvps = new Map(
    db
      .select({ userId: meetingRsvps.userId, state: meetingRsvps.state })
      .from(meetingRsvps)
      .where(eq(meetingRsvps.meetingId, meeting.id))
      .all()
      .map((r) => [r.userId, r.state]),
  );
  // One row per person, the membership first (a guest who joined the circle is a member).
  const memberIds = new Set(members.map((p) => p.userId));
  return [...members, ...guests.filter((g) => !memberIds.has(g.userId))]
    .map((p) => ({
      ...p,
      present: present.get(p.userId) ?? null,
      rsvp: rsvps.get(p.userId) ?? null,
    }))
    .sort((a, b) => Number(a.guest) - Number(b.guest) || a.name.localeCompare(b.name, "nl"));
}

export type FollowUpOutcome =
  { ok: true; notified: number[] } | { ok: false; reason: FollowUpRefusal | "unknown_person" };

/**
 * Records who was there: a row per member and guest (present or not), replacing an earlier
 * record. Someone who is neither is refused, so a stale page cannot mark a stranger present.
 */
export function recordAttendance(
  meetingId: number,
  actorId: number,
  presentUserIds: readonly number[],
  now = new Date(),
): FollowUpOutcome {
  return inTransaction((tx) => {
    const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    const closed = closedForFollowUp(meeting, now);
    if (closed) return { ok: false, reason: closed };
    const expected = new Set([
      ...memberIds(tx, meeting!.circleId),
      ...tx
        .select({ id: meetingGuests.userId })
        .from(meetingGuests)
        .where(eq(meetingGuests.meetingId, meetingId))
        .all()
        .map((r) => r.id),
    ]);
    const present = new Set(presentUserIds);
    if ([...present].some((id) => !expected.has(id)))
      return { ok: false, reason: "unknown_person" };
    // People who left since an earlier record keep their row: it says whether they were there.
    for (const userId of expected) {
      const value = present.has(userId);
      tx.insert(meetingAttendance)
        .values({ meetingId, userId, present: value, recordedAt: now })
        .onConflictDoUpdate({
          target: [meetingAttendance.meetingId, meetingAttendance.userId],
          set: { present: value, recordedAt: now },
        })
        .run();
    }
    tx.update(meetings).set({ attendanceTakenAt: now }).where(eq(meetings.id, meetingId)).run();
    recordAudit(
      {
        actorId,
        action: "meeting.attendance_taken",
        subjectType: "meeting",
        subjectId: meetingId,
        details: { present: present.size, expected: expected.size },
      },
      tx,
    );
    return { ok: true, notified: askLateComers(tx, { ...meeting!, attendanceTakenAt: now }, now) };
  });
}

/**
 * Attendance taken after the question went out (or for a meeting recorded afterwards, which had
 * none): the members who were there and have not been asked, nor answered, are asked now. Until
 * the question's job has run, it asks them itself.
 */
function askLateComers(tx: Tx, meeting: Meeting, now: Date): number[] {
  if (meeting.endsAt > now) return [];
  const pending = tx
    .select({ id: scheduledJobs.id })
    .from(scheduledJobs)
    .where(
      and(
        eq(scheduledJobs.kind, "meeting.feedback"),
        eq(scheduledJobs.subjectId, meeting.id),
        eq(scheduledJobs.status, "pending"),
      ),
    )
    .get();
  if (pending) return [];
  const asked = new Set(
    tx
      .select({ id: notifications.userId })
      .from(notifications)
      .where(
        and(
          eq(notifications.type, "meeting.feedback"),
          eq(notifications.url, feedbackPath(meeting)),
        ),
      )
      .all()
      .map((r) => r.id),
  );
  const rated = new Set(
    tx
      .select({ id: meetingRatings.userId })
      .from(meetingRatings)
      .where(eq(meetingRatings.meetingId, meeting.id))
      .all()
      .map((r) => r.id),
  );
  const toAsk = [...feedbackAudience(tx, meeting)].filter((id) => !asked.has(id) && !rated.has(id));
  return tellAboutMeeting(tx, toAsk, "meeting.feedback", meeting, {}, now);
}

// ---------------------------------------------------------------------------------------------
// Summary

/** The coach's summary of the meeting, in Markdown (rendered through the sanitiser when shown). */
export function saveSummary(
  meetingId: number,
  actorId: number,
  markdown: string,
  now = new Date(),
): FollowUpOutcome {
  return inTransaction((tx) => {
    const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    const closed = closedForFollowUp(meeting, now);
    if (closed) return { ok: false, reason: closed };
    tx.update(meetings)
      .set({ summary: markdown, summaryUpdatedAt: now })
      .where(eq(meetings.id, meetingId))
      .run();
    recordAudit(
      {
        actorId,
        action: "meeting.summary_saved",
        subjectType: "meeting",
        subjectId: meetingId,
        details: { length: markdown.length },
      },
      tx,
    );
    return { ok: true, notified: [] };
  });
}

export type LatestSummary = {
  meetingId: number;
  title: string;
  startsAt: Date;
  updatedAt: Date | null;
  html: string;
};

/** The latest summary of a circle's meetings that have taken place (for the circle home). */
export function latestSummary(circleId: number, now = new Date()): LatestSummary | null {
  const row = getDb()
    .select({
      meetingId: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      updatedAt: meetings.summaryUpdatedAt,
      summary: meetings.summary,
    })
    .from(meetings)
    .where(
      and(
        eq(meetings.circleId, circleId),
        eq(meetings.status, "scheduled"),
        lte(meetings.startsAt, now),
        ne(meetings.summary, ""),
      ),
    )
    .orderBy(desc(meetings.startsAt))
    .get();
  if (!row) return null;
  const { summary, ...rest } = row;
  return { ...rest, html: renderMarkdown(summary) };
}

// ---------------------------------------------------------------------------------------------
// Action items

export type ActionInput = {
  ownerId: number;
  text: string;
  /** YYYY-MM-DD, a calendar date in Amsterdam. */
  dueOn: string | null;
  caseId: number | null;
};

export type AddActionOutcome =
  | { ok: true; actionId: number; notified: number[] }
  | { ok: false; reason: FollowUpRefusal | "not_member" | "foreign_case" | "due_before" };

/** Where an action item's owner finds it: their dashboard, with the mark-done form. */
export const MY_ACTIONS_URL = "/dashboard#my-actions";

/**
 * Records an action item for a member (a case owner's commitment links to the case) and tells
 * the owner (`action.assigned`).
 */
export function addActionItem(
  meetingId: number,
  actorId: number,
  input: ActionInput,
  now = new Date(),
): AddActionOutcome {
  return inTransaction((tx) => insertActionItem(tx, meetingId, actorId, input, now));
}

export type CaseCommitmentInput = Omit<ActionInput, "ownerId" | "caseId"> & { caseId: number };

/**
 * The last step of a case's protocol: what the member who brought it in will do. It becomes
 * their action item, linked to the case; the owner is the case's author, never a field a form
 * could change.
 */
export function addCaseCommitment(
  meetingId: number,
  actorId: number,
  input: CaseCommitmentInput,
  now = new Date(),
): AddActionOutcome {
  return inTransaction((tx) => {
    const theCase = tx
      .select({ authorId: meetingCases.authorId })
      .from(meetingCases)
      .where(and(eq(meetingCases.id, input.caseId), eq(meetingCases.meetingId, meetingId)))
      .get();
    if (!theCase) return { ok: false, reason: "foreign_case" };
    // An author whose account is gone leaves the case without an owner to commit.
    if (theCase.authorId === null) return { ok: false, reason: "not_member" };
    return insertActionItem(tx, meetingId, actorId, { ...input, ownerId: theCase.authorId }, now);
  });
}

function insertActionItem(
  tx: Tx,
  meetingId: number,
  actorId: number,
  input: ActionInput,
  now: Date,
): AddActionOutcome {
  const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  const closed = closedForFollowUp(meeting, now);
  if (closed) return { ok: false, reason: closed };
  const circleId = meeting!.circleId;
  if (!memberIds(tx, circleId).has(input.ownerId)) return { ok: false, reason: "not_member" };
  // Due before the meeting it came from: a typo (it would be overdue at once).
  if (input.dueOn !== null && input.dueOn < amsterdamToday(meeting!.startsAt))
    return { ok: false, reason: "due_before" };
  if (input.caseId !== null) {
    const ofMeeting = tx
      .select({ id: meetingCases.id })
      .from(meetingCases)
      .where(and(eq(meetingCases.id, input.caseId), eq(meetingCases.meetingId, meetingId)))
      .get();
    if (!ofMeeting) return { ok: false, reason: "foreign_case" };
  }
  const row = tx
    .insert(actionItems)
    .values({
      circleId,
      meetingId,
      caseId: input.caseId,
      ownerId: input.ownerId,
      text: input.text,
      dueOn: input.dueOn,
      createdById: actorId,
      createdAt: now,
    })
    .returning({ id: actionItems.id })
    .get();
  recordAudit(
    {
      actorId,
      action: "action.created",
      subjectType: "action_item",
      subjectId: row.id,
      details: { meetingId, ownerId: input.ownerId },
    },
    tx,
  );
  const notified: number[] = [];
  if (input.ownerId !== actorId) {
    const circle = tx
      .select({ name: circles.name })
      .from(circles)
      .where(eq(circles.id, circleId))
      .get();
    notified.push(
      notify(
        tx,
        {
          userId: input.ownerId,
          type: "action.assigned",
          circleId,
          data: { circle: circle?.name ?? "", title: shorten(input.text, 120) },
          url: MY_ACTIONS_URL,
        },
        now,
      ),
    );
  }
  return { ok: true, actionId: row.id, notified };
}

function shorten(text: string, max: number) {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/** The coach takes an action item off the meeting's list (a mistake, a duplicate). */
export function removeActionItem(
  meetingId: number,
  actionId: number,
  actorId: number,
): FollowUpOutcome {
  return inTransaction((tx) => {
    const removed = tx
      .delete(actionItems)
      .where(and(eq(actionItems.id, actionId), eq(actionItems.meetingId, meetingId)))
      .returning({ id: actionItems.id, ownerId: actionItems.ownerId })
      .all();
    if (removed.length === 0) return { ok: false, reason: "not_found" };
    recordAudit(
      {
        actorId,
        action: "action.removed",
        subjectType: "action_item",
        subjectId: actionId,
        details: { meetingId, ownerId: removed[0]!.ownerId },
      },
      tx,
    );
    return { ok: true, notified: [] };
  });
}

export type OwnActionOutcome =
  | { ok: true; circleId: number; meetingId: number; notified: number[] }
  | { ok: false; reason: "not_found" };

/**
 * The owner's own item, while they are still a member of its circle; anyone else's (or one of a
 * circle they left) counts as not there, so nobody learns another person's items exist.
 */
function ownAction(tx: Tx, actionId: number, userId: number) {
  const item = tx
    .select()
    .from(actionItems)
    .where(and(eq(actionItems.id, actionId), eq(actionItems.ownerId, userId)))
    .get();
  if (!item || !memberIds(tx, item.circleId).has(userId)) return null;
  return item;
}

/** The owner marks their item done, with an optional short note ("Gebeld, offerte volgt"). */
export function markActionDone(
  actionId: number,
  userId: number,
  note: string | null,
  now = new Date(),
): OwnActionOutcome {
  return inTransaction((tx) => {
    const item = ownAction(tx, actionId, userId);
    if (!item) return { ok: false, reason: "not_found" };
    tx.update(actionItems)
      .set({ status: "done", doneAt: item.status === "done" ? item.doneAt : now, doneNote: note })
      .where(eq(actionItems.id, actionId))
      .run();
    recordAudit(
      {
        actorId: userId,
        action: "action.done",
        subjectType: "action_item",
        subjectId: actionId,
        details: { meetingId: item.meetingId },
      },
      tx,
    );
    return { ok: true, circleId: item.circleId, meetingId: item.meetingId, notified: [] };
  });
}

/** The owner opens a done item again (it was not finished after all); the note goes. */
export function reopenAction(actionId: number, userId: number): OwnActionOutcome {
  return inTransaction((tx) => {
    const item = ownAction(tx, actionId, userId);
    if (!item) return { ok: false, reason: "not_found" };
    tx.update(actionItems)
      .set({ status: "open", doneAt: null, doneNote: null })
      .where(eq(actionItems.id, actionId))
      .run();
    recordAudit(
      {
        actorId: userId,
        action: "action.reopened",
        subjectType: "action_item",
        subjectId: actionId,
        details: { meetingId: item.meetingId },
      },
      tx,
    );
    return { ok: true, circleId: item.circleId, meetingId: item.meetingId, notified: [] };
  });
}

export type ActionItemView = {
  id: number;
  text: string;
  dueOn: string | null;
  status: "open" | "done";
  doneAt: Date | null;
  doneNote: string | null;
  ownerId: number;
  ownerName: string;
  caseId: number | null;
  caseTitle: string | null;
};

/** A meeting's action items, open ones first, with their owners and cases. */
export function meetingActionItems(meetingId: number): ActionItemView[] {
  return getDb()
    .select({
      id: actionItems.id,
      text: actionItems.text,
      dueOn: actionItems.dueOn,
      status: actionItems.status,
      doneAt: actionItems.doneAt,
      doneNote: actionItems.doneNote,
      ownerId: actionItems.ownerId,
      ownerName: users.name,
      caseId: actionItems.caseId,
      caseTitle: meetingCases.title,
    })
    .from(actionItems)
    .innerJoin(users, eq(users.id, actionItems.ownerId))
    .leftJoin(meetingCases, eq(meetingCases.id, actionItems.caseId))
    .where(eq(actionItems.meetingId, meetingId))
    .orderBy(asc(users.name), asc(actionItems.id))
    .all();
}

export type MyAction = {
  id: number;
  text: string;
  dueOn: string | null;
  overdue: boolean;
  circleId: number;
  circleName: string;
  meetingId: number;
  meetingTitle: string;
  meetingStartsAt: Date;
};

/**
 * A person's open action items across the circles they are still a member of (for the
 * dashboard and the circle home): the soonest due first, items without a date last.
 */
export function myOpenActions(
  userId: number,
  { circleId, now = new Date() }: { circleId?: number; now?: Date } = {},
): MyAction[] {
  const today = amsterdamToday(now);
  return (
    getDb()
      .select({
        id: actionItems.id,
        text: actionItems.text,
        dueOn: actionItems.dueOn,
        circleId: actionItems.circleId,
        circleName: circles.name,
        meetingId: meetings.id,
        meetingTitle: meetings.title,
        meetingStartsAt: meetings.startsAt,
      })
      .from(actionItems)
      .innerJoin(meetings, eq(meetings.id, actionItems.meetingId))
      .innerJoin(circles, eq(circles.id, actionItems.circleId))
      .innerJoin(
        memberships,
        and(
          eq(memberships.circleId, actionItems.circleId),
          eq(memberships.userId, actionItems.ownerId),
          eq(memberships.state, "member"),
        ),
      )
      .where(
        and(
          eq(actionItems.ownerId, userId),
          eq(actionItems.status, "open"),
          circleId === undefined ? undefined : eq(actionItems.circleId, circleId),
        ),
      )
      .orderBy(
        sql`${actionItems.dueOn} is null`,
        asc(actionItems.dueOn),
        asc(meetings.startsAt),
        asc(actionItems.id),
      )
      .all()
      // YYYY-MM-DD strings compare as dates.
      .map((item) => ({ ...item, overdue: item.dueOn !== null && item.dueOn < today }))
  );
}

export type LookBack = {
  meeting: { id: number; title: string; startsAt: Date };
  open: ActionItemView[];
  done: ActionItemView[];
};

/**
 * The "terugblik" a meeting opens with: the circle's previous (not cancelled) meeting and what
 * was agreed there, still open and done. Null when there was no earlier meeting.
 */
export function lookBack(meetingId: number): LookBack | null {
  const meeting = getDb().select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) return null;
  const previous = previousMeeting(meeting);
  if (!previous) return null;
  const items = meetingActionItems(previous.id);
  return {
    meeting: previous,
    open: items.filter((i) => i.status === "open"),
    done: items.filter((i) => i.status === "done"),
  };
}

// ---------------------------------------------------------------------------------------------
// "Hoe waardevol was deze bijeenkomst?"

export type RateRefusal = "not_found" | "cancelled" | "not_ended" | "not_attendee";
export type RateOutcome = { ok: true; notified: number[] } | { ok: false; reason: RateRefusal };

/**
 * Whether a member may rate this meeting now: it took place and has ended, and they are in its
 * feedbackAudience (there, once attendance is taken; said they would come, until then).
 */
function rateRefusal(tx: Tx, meeting: Meeting | undefined, userId: number, now: Date) {
  if (!meeting) return "not_found" as const;
  if (meeting.status === "cancelled") return "cancelled" as const;
  if (meeting.endsAt > now) return "not_ended" as const;
  return feedbackAudience(tx, meeting).has(userId) ? null : ("not_attendee" as const);
}

/** Why this member cannot rate the meeting now, or null (for the page, before the form). */
export function mayRate(meetingId: number, userId: number, now = new Date()): RateRefusal | null {
  // A read in a (deferred) transaction, so the meeting and the answers are read together.
  return getDb().transaction((tx) =>
    rateRefusal(
      tx,
      tx.select().from(meetings).where(eq(meetings.id, meetingId)).get(),
      userId,
      now,
    ),
  );
}

/** One answer per person per meeting; answering again replaces it. */
export function rateMeeting(
  meetingId: number,
  userId: number,
  score: number,
  comment: string | null,
  now = new Date(),
): RateOutcome {
  return inTransaction((tx) => {
    const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    const refused = rateRefusal(tx, meeting, userId, now);
    if (refused) return { ok: false, reason: refused };
    if (!Number.isInteger(score) || score < 1 || score > 5) throw new Error("score out of range");
    const text = comment ?? "";
    tx.insert(meetingRatings)
      .values({ meetingId, userId, score, comment: text, createdAt: now })
      .onConflictDoUpdate({
        target: [meetingRatings.meetingId, meetingRatings.userId],
        set: { score, comment: text, createdAt: now },
      })
      .run();
    // The audit keeps that an answer was given, not the score: that stays with the rating.
    recordAudit(
      { actorId: userId, action: "meeting.rated", subjectType: "meeting", subjectId: meetingId },
      tx,
    );
    return { ok: true, notified: [] };
  });
}

export function myRating(meetingId: number, userId: number) {
  return (
    getDb()
      .select({ score: meetingRatings.score, comment: meetingRatings.comment })
      .from(meetingRatings)
      .where(and(eq(meetingRatings.meetingId, meetingId), eq(meetingRatings.userId, userId)))
      .get() ?? null
  );
}

/**
 * Below this many answers the average is not shown: with one or two, the coach could work out
 * who gave what (the page promises they cannot).
 */
export const RATINGS_AVERAGE_FROM = 3;

/**
 * For the coach and, later, the monitor: how many answered and, from RATINGS_AVERAGE_FROM
 * answers on, the average; never who.
 */
export function ratingsSummary(meetingId: number): { count: number; average: number | null } {
  const row = getDb()
    .select({ count: count(), average: avg(meetingRatings.score) })
    .from(meetingRatings)
    .where(eq(meetingRatings.meetingId, meetingId))
    .get();
  const n = row?.count ?? 0;
  return {
    count: n,
    average:
      n < RATINGS_AVERAGE_FROM || row?.average == null
        ? null
        : Math.round(Number(row.average) * 10) / 10,
  };
}
