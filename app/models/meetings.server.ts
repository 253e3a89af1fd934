/**
 * A circle's meetings: planning, moving and cancelling them, RSVPs with a waitlist, guests, and
 * the reminders the worker sends. Every write is one IMMEDIATE transaction with its audit event,
 * its notifications and its scheduled jobs (so two people answering "yes" for the last seat are
 * serialised and the loser waits, as with memberships). Functions return the ids of the people
 * notified; the route publishes after commit.
 *
 * Access is decided before these are called (requireMeeting / requireCircle); they check what
 * only the data can tell: the meeting is still planned, it has not ended, the person is a member.
 */
import { and, asc, desc, eq, gt, inArray, lt, lte, ne, sql } from "drizzle-orm";
import {
  circleCoaches,
  circles,
  companies,
  meetingAttendance,
  meetingGuests,
  meetingRsvps,
  meetings,
  memberships,
  users,
} from "../../db/schema";
import type { NotificationType } from "../domain/notifications";
import type { JobKind, LocationKind, RsvpAnswer, RsvpState } from "../domain/states";
import { formatDateTime } from "../i18n/format";
import { defaultLocale } from "../i18n/locales";
import { getDb } from "../utils/db.server";
import { recordAudit } from "./audit.server";
import { activeCoach } from "./circles.server";
import { cancelJobs, scheduleJob, type Tx } from "./jobs.server";
import { notify } from "./notifications.server";

function inTransaction<T>(fn: (tx: Tx) => T): T {
  return getDb().transaction(fn, { behavior: "immediate" });
}

const HOUR = 3_600_000;

/** The reminders before a meeting, and when each is due. */
export const REMINDERS: ReadonlyArray<{ kind: JobKind; before: number }> = [
  { kind: "meeting.reminder_48h", before: 48 * HOUR },
  { kind: "meeting.reminder_2h", before: 2 * HOUR },
];
const MEETING_JOBS: JobKind[] = ["meeting.reminder_48h", "meeting.reminder_2h", "meeting.feedback"];

export type MeetingInput = {
  title: string;
  startsAt: Date;
  endsAt: Date;
  locationKind: LocationKind;
  address: string;
  hostUserId: number | null;
  videoUrl: string;
  agenda: string;
  capacity: number | null;
};

export type Meeting = typeof meetings.$inferSelect;

export function getMeeting(meetingId: number): Meeting | null {
  return getDb().select().from(meetings).where(eq(meetings.id, meetingId)).get() ?? null;
}

export function isGuest(meetingId: number, userId: number): boolean {
  return !!getDb()
    .select({ one: sql`1` })
    .from(meetingGuests)
    .where(and(eq(meetingGuests.meetingId, meetingId), eq(meetingGuests.userId, userId)))
    .get();
}

/** The circle's members and active coaches: who hears about its meetings. */
function circlePeople(tx: Tx, circleId: number): number[] {
  const members = tx
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.circleId, circleId), eq(memberships.state, "member")))
    .all();
  const coaches = tx
    .select({ id: circleCoaches.userId })
    .from(circleCoaches)
    .where(and(eq(circleCoaches.circleId, circleId), activeCoach))
    .all();
  return [...new Set([...members, ...coaches].map((r) => r.id))];
}

/**
 * The meetings ahead that this person is a guest of, for their dashboard: a guest sees those
 * meetings and nothing else of the circle, so the circle's name is all that comes along.
 */
export function myGuestMeetings(userId: number, now = new Date()) {
  return getDb()
    .select({
      id: meetings.id,
      circleId: meetings.circleId,
      circleName: circles.name,
      title: meetings.title,
      startsAt: meetings.startsAt,
    })
    .from(meetingGuests)
    .innerJoin(meetings, eq(meetings.id, meetingGuests.meetingId))
    .innerJoin(circles, eq(circles.id, meetings.circleId))
    .where(
      and(
        eq(meetingGuests.userId, userId),
        eq(meetings.status, "scheduled"),
        gt(meetings.endsAt, now),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .all();
}

/** The ids of a meeting's guests (their tabs hear the circle's meeting events too). */
export function meetingGuestIds(meetingId: number): number[] {
  return getDb()
    .select({ id: meetingGuests.userId })
    .from(meetingGuests)
    .where(eq(meetingGuests.meetingId, meetingId))
    .all()
    .map((r) => r.id);
}

/** The guests of several meetings: whose tabs hear of a change to any of them. */
export function guestsOfMeetings(meetingIds: number[]): number[] {
  return [...new Set(meetingIds.flatMap((id) => meetingGuestIds(id)))];
}

/**
 * The members who can host a "kijkje in de keuken", with their company (its municipality is the
 * only place the data knows; a street address is typed by the coach).
 */
export function hostCandidates(circleId: number) {
  return getDb()
    .select({
      userId: users.id,
      name: users.name,
      company: companies.name,
      municipality: companies.municipality,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(companies, eq(companies.ownerId, users.id))
    .where(and(eq(memberships.circleId, circleId), eq(memberships.state, "member")))
    .orderBy(asc(users.name))
    .all();
}

/** Who hosts a "kijkje in de keuken" (shown even if they have left the circle since). */
export function meetingHost(hostUserId: number | null) {
  if (hostUserId === null) return null;
  return (
    getDb()
      .select({ userId: users.id, name: users.name, company: companies.name })
      .from(users)
      .leftJoin(companies, eq(companies.ownerId, users.id))
      .where(eq(users.id, hostUserId))
      .get() ?? null
  );
}

/** The host of a "kijkje in de keuken" is not (or no longer) a member of the circle. */
export class HostNotMemberError extends Error {
  constructor() {
    super("The host is not a member of the circle");
    this.name = "HostNotMemberError";
  }
}

function isMember(tx: Tx, circleId: number, userId: number): boolean {
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

/** Throws HostNotMemberError when a company meeting's host is not a member of the circle. */
function checkHost(tx: Tx, circleId: number, input: MeetingInput) {
  if (input.locationKind !== "company") return;
  if (input.hostUserId === null || !isMember(tx, circleId, input.hostUserId))
    throw new HostNotMemberError();
}

/**
 * The people whose answer counts: the circle's members and coaches and the meeting's guests.
 * Someone who left the circle (or whose invitation was withdrawn) keeps a row in meeting_rsvp,
 * but holds no seat, is not next on the waitlist and hears nothing more about the meeting.
 */
function belonging(tx: Tx, meeting: Pick<Meeting, "id" | "circleId">): Set<number> {
  return new Set([...circlePeople(tx, meeting.circleId), ...guestIds(tx, meeting.id)]);
}

function guestIds(tx: Tx, meetingId: number): Set<number> {
  return new Set(
    tx
      .select({ id: meetingGuests.userId })
      .from(meetingGuests)
      .where(eq(meetingGuests.meetingId, meetingId))
      .all()
      .map((r) => r.id),
  );
}

/**
 * Notifies people of a meeting event, each with the meeting's time in their own language.
 * Guests get it without the circle, so their list keeps the link (their page checks access).
 */
export function tellAboutMeeting(
  tx: Tx,
  userIds: Iterable<number>,
  type: NotificationType,
  meeting: Pick<Meeting, "id" | "circleId" | "title" | "startsAt">,
  extra: Record<string, string> = {},
  now = new Date(),
): number[] {
  const circle = tx
    .select({ name: circles.name })
    .from(circles)
    .where(eq(circles.id, meeting.circleId))
    .get();
  const guests = guestIds(tx, meeting.id);
  const told: number[] = [];
  for (const userId of new Set(userIds)) {
    const person = tx
      .select({ locale: users.locale })
      .from(users)
      .where(eq(users.id, userId))
      .get();
    if (!person) continue;
    const locale = person.locale ?? defaultLocale;
    told.push(
      notify(
        tx,
        {
          userId,
          type,
          circleId: guests.has(userId) ? null : meeting.circleId,
          data: {
            circle: circle?.name ?? "",
            title: meeting.title,
            when: formatDateTime(meeting.startsAt, locale, {
              weekday: "long",
              day: "numeric",
              month: "long",
              hour: "2-digit",
              minute: "2-digit",
            }),
            ...extra,
          },
          // The question after a meeting links straight to its one-question page.
          url:
            type === "meeting.feedback"
              ? feedbackPath(meeting)
              : `/circles/${meeting.circleId}/meetings/${meeting.id}`,
        },
        now,
      ),
    );
  }
  return told;
}

export const feedbackPath = (meeting: Pick<Meeting, "id" | "circleId">) =>
  `/circles/${meeting.circleId}/meetings/${meeting.id}/feedback`;

/** Cancels a meeting's pending reminders and schedules the ones still ahead of `now`. */
function scheduleMeetingJobs(
  tx: Tx,
  meeting: Pick<Meeting, "id" | "startsAt" | "endsAt">,
  now: Date,
) {
  cancelJobs(tx, MEETING_JOBS, meeting.id);
  for (const reminder of REMINDERS) {
    const dueAt = new Date(meeting.startsAt.getTime() - reminder.before);
    if (dueAt > now) scheduleJob(tx, reminder.kind, meeting.id, dueAt);
  }
  if (meeting.endsAt > now) scheduleJob(tx, "meeting.feedback", meeting.id, meeting.endsAt);
}

/**
 * Plans a meeting inside the caller's transaction (a decided poll does this too) and tells the
 * circle's people. The host of a "kijkje in de keuken" must be a member of the circle: otherwise
 * it throws HostNotMemberError (the form checks first; this catches a member leaving meanwhile).
 */
export function insertMeeting(
  tx: Tx,
  {
    circleId,
    actorId,
    input,
    now,
  }: { circleId: number; actorId: number; input: MeetingInput; now: Date },
): { meetingId: number; notified: number[] } {
  checkHost(tx, circleId, input);
  const meeting = tx
    .insert(meetings)
    .values({
      circleId,
      createdById: actorId,
      ...normalise(input),
      updatedAt: now,
    })
    .returning()
    .get();
  scheduleMeetingJobs(tx, meeting, now);
  recordAudit(
    {
      actorId,
      action: "meeting.created",
      subjectType: "meeting",
      subjectId: meeting.id,
      details: { circleId },
    },
    tx,
  );
  // A meeting recorded afterwards (its follow-up to be filled in) is no news to announce.
  const people =
    meeting.endsAt <= now ? [] : circlePeople(tx, circleId).filter((id) => id !== actorId);
  return {
    meetingId: meeting.id,
    notified: tellAboutMeeting(tx, people, "meeting.created", meeting, {}, now),
  };
}

/** Keeps only the location fields of the chosen kind. */
function normalise(input: MeetingInput) {
  return {
    title: input.title,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    locationKind: input.locationKind,
    address: input.locationKind === "video" ? "" : input.address,
    hostUserId: input.locationKind === "company" ? input.hostUserId : null,
    videoUrl: input.locationKind === "video" ? input.videoUrl : "",
    agenda: input.agenda,
    capacity: input.capacity,
  };
}

export function createMeeting(
  circleId: number,
  actorId: number,
  input: MeetingInput,
  now = new Date(),
) {
  return inTransaction((tx) => insertMeeting(tx, { circleId, actorId, input, now }));
}

export type ChangeOutcome =
  | { ok: true; notified: number[]; moved: boolean }
  | { ok: false; reason: "not_found" | "cancelled" | "past" | "into_past" | "host_not_member" }
  | { ok: false; reason: "below_coming"; coming: number };

/**
 * Changes a meeting. Every change raises the calendar SEQUENCE; a new time or place is a move:
 * everyone who answered is told (with the coach's message) and the reminders follow the new time.
 * More seats let the waitlist move up.
 */
export function updateMeeting(
  meetingId: number,
  actorId: number,
  input: MeetingInput,
  message: string,
  now = new Date(),
): ChangeOutcome {
  return inTransaction((tx) => {
    const before = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    if (!before) return { ok: false, reason: "not_found" };
    if (before.status === "cancelled") return { ok: false, reason: "cancelled" };
    // A meeting that has ended is history (its follow-up refers to it): it is not moved any more.
    if (before.endsAt <= now) return { ok: false, reason: "past" };
    // Moved to a start that has passed: a mistake (a meeting recorded afterwards is planned so).
    if (input.startsAt.getTime() !== before.startsAt.getTime() && input.startsAt <= now)
      return { ok: false, reason: "into_past" };
    if (
      input.locationKind === "company" &&
      (input.hostUserId === null || !isMember(tx, before.circleId, input.hostUserId))
    )
      return { ok: false, reason: "host_not_member" };
    // Fewer seats than people already coming would leave some of them without one.
    const coming = seatsTaken(tx, before);
    if (input.capacity !== null && input.capacity < coming)
      return { ok: false, reason: "below_coming", coming };
    const next = normalise(input);
    const moved =
      before.startsAt.getTime() !== next.startsAt.getTime() ||
      before.endsAt.getTime() !== next.endsAt.getTime() ||
      before.locationKind !== next.locationKind ||
      before.address !== next.address ||
      before.hostUserId !== next.hostUserId ||
      before.videoUrl !== next.videoUrl;
    const after = tx
      .update(meetings)
      .set({
        ...next,
        sequence: before.sequence + 1,
        changeMessage: moved ? message || null : before.changeMessage,
        updatedAt: now,
      })
      .where(eq(meetings.id, meetingId))
      .returning()
      .get();
    if (
      before.startsAt.getTime() !== after.startsAt.getTime() ||
      before.endsAt.getTime() !== after.endsAt.getTime()
    )
      scheduleMeetingJobs(tx, after, now);
    recordAudit(
      {
        actorId,
        action: moved ? "meeting.moved" : "meeting.edited",
        subjectType: "meeting",
        subjectId: meetingId,
        details: moved
          ? { from: before.startsAt.toISOString(), to: after.startsAt.toISOString() }
          : {},
      },
      tx,
    );
    // Those who answered, and the guests (their invitation named the time and place).
    const notified = moved
      ? tellAboutMeeting(
          tx,
          [...answeredBy(tx, before), ...guestIds(tx, meetingId)].filter((id) => id !== actorId),
          "meeting.moved",
          after,
          message ? { message } : {},
          now,
        )
      : [];
    notified.push(...promoteWaitlist(tx, after, now));
    return { ok: true, notified, moved };
  });
}

/**
 * Cancels a meeting: the circle's people and its guests are told, reminders are cancelled,
 * feeds say CANCELLED.
 */
export function cancelMeeting(
  meetingId: number,
  actorId: number,
  message: string,
  now = new Date(),
): ChangeOutcome {
  return inTransaction((tx) => {
    const before = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    if (!before) return { ok: false, reason: "not_found" };
    if (before.status === "cancelled") return { ok: false, reason: "cancelled" };
    if (before.endsAt <= now) return { ok: false, reason: "past" };
    const after = tx
      .update(meetings)
      .set({
        status: "cancelled",
        changeMessage: message || null,
        sequence: before.sequence + 1,
        updatedAt: now,
      })
      .where(eq(meetings.id, meetingId))
      .returning()
      .get();
    cancelJobs(tx, MEETING_JOBS, meetingId);
    recordAudit(
      {
        actorId,
        action: "meeting.cancelled",
        subjectType: "meeting",
        subjectId: meetingId,
        details: message ? { message } : {},
      },
      tx,
    );
    // Everyone who was told it was planned (the circle's people), and its guests.
    const notified = tellAboutMeeting(
      tx,
      [...belonging(tx, before)].filter((id) => id !== actorId),
      "meeting.cancelled",
      after,
      message ? { message } : {},
      now,
    );
    return { ok: true, notified, moved: false };
  });
}

/** Everyone with an answer on record (yes, maybe, no or waiting) who still belongs. */
function answeredBy(tx: Tx, meeting: Pick<Meeting, "id" | "circleId">): number[] {
  const belong = belonging(tx, meeting);
  return tx
    .select({ id: meetingRsvps.userId })
    .from(meetingRsvps)
    .where(eq(meetingRsvps.meetingId, meeting.id))
    .all()
    .map((r) => r.id)
    .filter((id) => belong.has(id));
}

/** Seats held by people who still belong (a member who left gives their seat back). */
function seatsTaken(tx: Tx, meeting: Pick<Meeting, "id" | "circleId">): number {
  const belong = belonging(tx, meeting);
  return tx
    .select({ userId: meetingRsvps.userId })
    .from(meetingRsvps)
    .where(and(eq(meetingRsvps.meetingId, meeting.id), eq(meetingRsvps.state, "going")))
    .all()
    .filter((r) => belong.has(r.userId)).length;
}

/** Fills free seats from the waitlist in the order the yeses came in. */
function promoteWaitlist(tx: Tx, meeting: Meeting, now: Date): number[] {
  if (meeting.status !== "scheduled" || meeting.endsAt <= now) return [];
  const promoted: number[] = [];
  const belong = belonging(tx, meeting);
  let free = meeting.capacity === null ? Infinity : meeting.capacity - seatsTaken(tx, meeting);
  const queue = tx
    .select({ userId: meetingRsvps.userId })
    .from(meetingRsvps)
    .where(and(eq(meetingRsvps.meetingId, meeting.id), eq(meetingRsvps.state, "waitlisted")))
    .orderBy(asc(meetingRsvps.waitlistedAt), asc(meetingRsvps.userId))
    .all()
    .filter((r) => belong.has(r.userId));
  for (const next of queue) {
    if (free <= 0) break;
    tx.update(meetingRsvps)
      .set({ state: "going", waitlistedAt: null, updatedAt: now })
      .where(and(eq(meetingRsvps.meetingId, meeting.id), eq(meetingRsvps.userId, next.userId)))
      .run();
    promoted.push(next.userId);
    free -= 1;
  }
  return tellAboutMeeting(tx, promoted, "meeting.seat", meeting, {}, now);
}

/**
 * A member's membership ends (they leave or are taken out), inside that change's transaction.
 * Their answers for the circle's meetings that have not ended are deleted, not kept as "no": an
 * answer belongs to a membership, so someone who comes back later starts without one, as any new
 * member does, and nobody can read a "no" they never gave. Meetings that have ended keep every
 * answer (attendance, the feedback question and the monitor read them); the audit log keeps the
 * leaving. A meeting they are a guest of keeps their answer (the guest invitation still stands).
 * Every seat that frees goes to the first on that meeting's waitlist, who is told
 * ("meeting.seat"). Returns who was told and which meetings changed (the route publishes).
 */
export function releaseMeetingAnswers(
  tx: Tx,
  circleId: number,
  userId: number,
  now: Date,
): { notified: number[]; meetingIds: number[] } {
  const notified: number[] = [];
  const meetingIds: number[] = [];
  const ahead = tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.circleId, circleId), gt(meetings.endsAt, now)))
    .all();
  for (const meeting of ahead) {
    if (guestIds(tx, meeting.id).has(userId)) continue;
    const removed = tx
      .delete(meetingRsvps)
      .where(and(eq(meetingRsvps.meetingId, meeting.id), eq(meetingRsvps.userId, userId)))
      .returning({ state: meetingRsvps.state })
      .all();
    // Also fills a seat left free by anyone else who is gone (a row from before this rule).
    const told = promoteWaitlist(tx, meeting, now);
    if (removed.length > 0 || told.length > 0) meetingIds.push(meeting.id);
    notified.push(...told);
  }
  return { notified, meetingIds };
}

/**
 * Someone becomes a member of the circle (approved, invitation accepted, moved up from the
 * circle's waitlist), inside that change's transaction. Their guest invitations to the circle's
 * meetings that have not ended go: a member is never also a guest, so nobody is counted twice.
 * Their answer to such a meeting stays (same person, same seat or place on the waitlist).
 * Answers on record for other meetings ahead, from an earlier membership that ended before
 * releaseMeetingAnswers existed, are deleted: they would otherwise count again as of now.
 * Meetings that have ended keep their guest rows as history (who came as a guest, invited by
 * whom). Returns the meetings that changed.
 */
export function settleMeetingsOnJoining(
  tx: Tx,
  circleId: number,
  userId: number,
  now: Date,
): number[] {
  const ahead = tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.circleId, circleId), gt(meetings.endsAt, now)))
    .all()
    .map((m) => m.id);
  if (ahead.length === 0) return [];
  const invitedTo = new Set(
    tx
      .delete(meetingGuests)
      .where(and(eq(meetingGuests.userId, userId), inArray(meetingGuests.meetingId, ahead)))
      .returning({ meetingId: meetingGuests.meetingId })
      .all()
      .map((g) => g.meetingId),
  );
  const stale = ahead.filter((id) => !invitedTo.has(id));
  if (stale.length > 0)
    tx.delete(meetingRsvps)
      .where(and(eq(meetingRsvps.userId, userId), inArray(meetingRsvps.meetingId, stale)))
      .run();
  return [...invitedTo];
}

export type RsvpOutcome =
  | { ok: true; state: RsvpState; notified: number[] }
  | { ok: false; reason: "not_found" | "cancelled" | "past" };

/**
 * Records an answer. A yes takes a free seat or joins the waitlist (keeping its place when
 * repeated); giving up a seat lets the first on the waitlist in. One IMMEDIATE transaction, so
 * concurrent yeses from several processes never exceed the capacity.
 */
export function respondToMeeting(
  meetingId: number,
  userId: number,
  answer: RsvpAnswer,
  now = new Date(),
): RsvpOutcome {
  return inTransaction((tx) => {
    const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    if (!meeting) return { ok: false, reason: "not_found" };
    if (meeting.status === "cancelled") return { ok: false, reason: "cancelled" };
    if (meeting.endsAt <= now) return { ok: false, reason: "past" };
    // Seats given back by people who left the circle go to the waitlist first, in its order,
    // so a new yes cannot jump the queue.
    const notified = promoteWaitlist(tx, meeting, now);
    const current = tx
      .select()
      .from(meetingRsvps)
      .where(and(eq(meetingRsvps.meetingId, meetingId), eq(meetingRsvps.userId, userId)))
      .get();
    let state: RsvpState;
    let waitlistedAt: Date | null = null;
    if (answer === "yes") {
      if (current?.state === "going" || current?.state === "waitlisted") {
        return { ok: true, state: current.state, notified };
      }
      const full = meeting.capacity !== null && seatsTaken(tx, meeting) >= meeting.capacity;
      state = full ? "waitlisted" : "going";
      waitlistedAt = full ? now : null;
    } else {
      state = answer === "maybe" ? "maybe" : "declined";
    }
    tx.insert(meetingRsvps)
      .values({ meetingId, userId, state, waitlistedAt, updatedAt: now })
      .onConflictDoUpdate({
        target: [meetingRsvps.meetingId, meetingRsvps.userId],
        set: { state, waitlistedAt, updatedAt: now },
      })
      .run();
    if (current?.state === "going" && state !== "going")
      notified.push(...promoteWaitlist(tx, meeting, now));
    return { ok: true, state, notified };
  });
}

export type MeetingSummary = {
  id: number;
  circleId: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: Meeting["status"];
  locationKind: LocationKind;
  capacity: number | null;
  going: number;
  myState: RsvpState | null;
};

/**
 * Seats taken, as `seatsTaken` counts them: yeses of people who still belong (a current member or
 * a guest of the meeting). Written out with aliases: drizzle leaves a column unqualified inside a
 * subquery, where the inner table's column of that name would win.
 */
const goingCount = sql<number>`(select count(*) from meeting_rsvp r where r.meeting_id = "meeting"."id" and r.state = 'going' and (exists (select 1 from membership m where m.circle_id = "meeting"."circle_id" and m.user_id = r.user_id and m.state = 'member') or exists (select 1 from meeting_guest g where g.meeting_id = r.meeting_id and g.user_id = r.user_id)))`;

function summaries(
  where: ReturnType<typeof and>,
  userId: number,
  order: "asc" | "desc",
  limit?: number,
) {
  const query = getDb()
    .select({
      id: meetings.id,
      circleId: meetings.circleId,
      title: meetings.title,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      status: meetings.status,
      locationKind: meetings.locationKind,
      capacity: meetings.capacity,
      going: goingCount,
      myState: meetingRsvps.state,
    })
    .from(meetings)
    .leftJoin(
      meetingRsvps,
      and(eq(meetingRsvps.meetingId, meetings.id), eq(meetingRsvps.userId, userId)),
    )
    .where(where)
    .orderBy(order === "asc" ? asc(meetings.startsAt) : desc(meetings.startsAt));
  return (limit ? query.limit(limit) : query).all() as MeetingSummary[];
}

/** A circle's meetings that have not ended yet (cancelled ones too, marked), soonest first. */
export function upcomingMeetings(circleId: number, userId: number, now = new Date()) {
  return summaries(and(eq(meetings.circleId, circleId), gt(meetings.endsAt, now)), userId, "asc");
}

/** A circle's meetings that have ended, latest first. */
export function pastMeetings(circleId: number, userId: number, now = new Date(), limit = 50) {
  return summaries(
    and(eq(meetings.circleId, circleId), lte(meetings.endsAt, now)),
    userId,
    "desc",
    limit,
  );
}

/** The next planned meeting of a circle, with the viewer's answer. */
export function nextMeeting(
  circleId: number,
  userId: number,
  now = new Date(),
): MeetingSummary | null {
  return (
    summaries(
      and(
        eq(meetings.circleId, circleId),
        gt(meetings.endsAt, now),
        eq(meetings.status, "scheduled"),
      ),
      userId,
      "asc",
      1,
    )[0] ?? null
  );
}

/** The meeting before this one in its circle (for the "terugblik"), or null. */
export function previousMeeting(meeting: Pick<Meeting, "id" | "circleId" | "startsAt">) {
  return (
    getDb()
      .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
      .from(meetings)
      .where(
        and(
          eq(meetings.circleId, meeting.circleId),
          eq(meetings.status, "scheduled"),
          lt(meetings.startsAt, meeting.startsAt),
          ne(meetings.id, meeting.id),
        ),
      )
      .orderBy(desc(meetings.startsAt))
      .get() ?? null
  );
}

/**
 * Who is asked to answer and what each said: the circle's members and the meeting's guests
 * (coaches run the meeting and are not counted), with waitlist order; each person once.
 */
export function meetingResponses(meetingId: number, circleId: number) {
  const db = getDb();
  const people = db
    .select({
      userId: users.id,
      name: users.name,
      company: companies.name,
      guest: sql<boolean>`0`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(companies, eq(companies.ownerId, users.id))
    .where(and(eq(memberships.circleId, circleId), eq(memberships.state, "member")))
    .all();
  const guests = db
    .select({ userId: users.id, name: users.name, company: companies.name, guest: sql<boolean>`1` })
    .from(meetingGuests)
    .innerJoin(users, eq(users.id, meetingGuests.userId))
    .leftJoin(companies, eq(companies.ownerId, users.id))
    .where(eq(meetingGuests.meetingId, meetingId))
    .all();
  const answers = new Map(
    db
      .select()
      .from(meetingRsvps)
      .where(eq(meetingRsvps.meetingId, meetingId))
      .all()
      .map((r) => [r.userId, r]),
  );
  // One row per person: a member who still has a guest row (joined before it was cleared) counts
  // as a member.
  const memberIds = new Set(people.map((p) => p.userId));
  return [...people, ...guests.filter((g) => !memberIds.has(g.userId))]
    .map((p) => ({
      ...p,
      guest: Boolean(p.guest),
      state: answers.get(p.userId)?.state ?? null,
      waitlistedAt: answers.get(p.userId)?.waitlistedAt ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "nl"));
}

export type GuestOutcome =
  | { ok: true; userId: number; notified: number[] }
  | {
      ok: false;
      reason: "unknown_email" | "already_in_circle" | "already_guest" | "not_found" | "closed";
    };

/** Invites someone from outside the circle to one meeting (an ambassador, an expert). */
export function inviteGuest(
  meetingId: number,
  actorId: number,
  email: string,
  now = new Date(),
): GuestOutcome {
  return inTransaction((tx) => {
    const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    if (!meeting) return { ok: false, reason: "not_found" };
    // A cancelled or finished meeting has nothing to invite anyone to.
    if (meeting.status === "cancelled" || meeting.endsAt <= now)
      return { ok: false, reason: "closed" };
    const person = tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, email.trim().toLowerCase()))
      .get();
    if (!person) return { ok: false, reason: "unknown_email" };
    if (circlePeople(tx, meeting.circleId).includes(person.id))
      return { ok: false, reason: "already_in_circle" };
    const inserted = tx
      .insert(meetingGuests)
      .values({ meetingId, userId: person.id, invitedById: actorId })
      .onConflictDoNothing()
      .returning({ userId: meetingGuests.userId })
      .all();
    if (inserted.length === 0) return { ok: false, reason: "already_guest" };
    recordAudit(
      {
        actorId,
        action: "meeting.guest_invited",
        subjectType: "meeting",
        subjectId: meetingId,
        details: { userId: person.id },
      },
      tx,
    );
    return {
      ok: true,
      userId: person.id,
      notified: tellAboutMeeting(tx, [person.id], "meeting.guest", meeting, {}, now),
    };
  });
}

/** Withdraws a guest's invitation: their answer goes too, and a seat they held moves on. */
/**
 * Takes back a guest's invitation (and their answer, handing on a seat they held). Returns the
 * people notified, or null when this person was no guest of the meeting (nothing changed).
 */
export function removeGuest(
  meetingId: number,
  actorId: number,
  userId: number,
  now = new Date(),
): number[] | null {
  return inTransaction((tx) => {
    const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
    if (!meeting) return null;
    const removed = tx
      .delete(meetingGuests)
      .where(and(eq(meetingGuests.meetingId, meetingId), eq(meetingGuests.userId, userId)))
      .returning()
      .all();
    if (removed.length === 0) return null;
    tx.delete(meetingRsvps)
      .where(and(eq(meetingRsvps.meetingId, meetingId), eq(meetingRsvps.userId, userId)))
      .run();
    recordAudit(
      {
        actorId,
        action: "meeting.guest_removed",
        subjectType: "meeting",
        subjectId: meetingId,
        details: { userId },
      },
      tx,
    );
    return promoteWaitlist(tx, meeting, now);
  });
}

/**
 * The people a reminder goes to: those who said yes or maybe and still belong (a member of the
 * circle, a coach, or still a guest of this meeting).
 */
function reminderRecipients(tx: Tx, meeting: Meeting): number[] {
  const belong = belonging(tx, meeting);
  return tx
    .select({ id: meetingRsvps.userId })
    .from(meetingRsvps)
    .where(
      and(eq(meetingRsvps.meetingId, meeting.id), inArray(meetingRsvps.state, ["going", "maybe"])),
    )
    .all()
    .map((r) => r.id)
    .filter((id) => belong.has(id));
}

/** The job behind the 2-hour reminder: nothing for a cancelled meeting or one already begun. */
export function sendMeetingReminder(tx: Tx, meetingId: number, now: Date): number[] {
  const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting || meeting.status !== "scheduled" || meeting.startsAt <= now) return [];
  return tellAboutMeeting(
    tx,
    reminderRecipients(tx, meeting),
    "meeting.reminder",
    meeting,
    {},
    now,
  );
}

/**
 * The job behind the 48-hour reminder. When it runs late, after the 2-hour one is due as well
 * (the worker was down past both), it stays quiet: one reminder then, not two alike at once.
 */
export function sendEarlyMeetingReminder(tx: Tx, meetingId: number, now: Date): number[] {
  const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  const late = REMINDERS.find((r) => r.kind === "meeting.reminder_2h")!.before;
  if (!meeting || now.getTime() >= meeting.startsAt.getTime() - late) return [];
  return sendMeetingReminder(tx, meetingId, now);
}

/**
 * Who is asked "Hoe waardevol was deze bijeenkomst?" and may answer it: the circle's current
 * members who were there, once the coach has taken attendance; until then, the members who said
 * they would come (yes or maybe). Guests and coaches are not asked: the answers are the members'.
 */
export function feedbackAudience(
  tx: Tx,
  meeting: Pick<Meeting, "id" | "circleId" | "attendanceTakenAt">,
): Set<number> {
  const members = new Set(
    tx
      .select({ id: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.circleId, meeting.circleId), eq(memberships.state, "member")))
      .all()
      .map((r) => r.id),
  );
  const candidates = meeting.attendanceTakenAt
    ? tx
        .select({ id: meetingAttendance.userId })
        .from(meetingAttendance)
        .where(
          and(eq(meetingAttendance.meetingId, meeting.id), eq(meetingAttendance.present, true)),
        )
        .all()
        .map((r) => r.id)
    : tx
        .select({ id: meetingRsvps.userId })
        .from(meetingRsvps)
        .where(
          and(
            eq(meetingRsvps.meetingId, meeting.id),
            inArray(meetingRsvps.state, ["going", "maybe"]),
          ),
        )
        .all()
        .map((r) => r.id);
  return new Set(candidates.filter((id) => members.has(id)));
}

/** After the meeting: its feedbackAudience gets the one question about its value. */
export function askForFeedback(tx: Tx, meetingId: number, now: Date): number[] {
  const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting || meeting.status !== "scheduled") return [];
  return tellAboutMeeting(tx, feedbackAudience(tx, meeting), "meeting.feedback", meeting, {}, now);
}
