/**
 * Date polls (datumprikker): the coach proposes 2 to 10 slots, the circle's members answer each
 * with yes / if need be / no (and may change), and the coach picks one, which plans the meeting
 * in the same transaction. A member who has not answered gets one reminder, a job in the
 * database like the meeting reminders, cancelled when the poll is decided or stopped.
 *
 * Only the circle's current members vote and count: someone who left keeps their rows, but their
 * answers drop out of the tally (as a left member's seat does in meetings.server.ts). Access is
 * decided by the routes (poll.vote, meeting.manage); these check what only the data can tell.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import {
  circles,
  meetingPollSlots,
  meetingPollVotes,
  meetingPolls,
  memberships,
  users,
} from "../../db/schema";
import type { NotificationType } from "../domain/notifications";
import type { PollAnswer } from "../domain/states";
import { getDb } from "../utils/db.server";
import { recordAudit } from "./audit.server";
import { cancelJobs, scheduleJob, type Tx } from "./jobs.server";
import { insertMeeting, type MeetingInput } from "./meetings.server";
import { notify } from "./notifications.server";

export const POLL_SLOTS_MIN = 2;
export const POLL_SLOTS_MAX = 10;

const HOUR = 3_600_000;
/** The reminder comes after three days, or halfway to the first slot when that is sooner. */
const REMINDER_AFTER = 72 * HOUR;

export type Poll = typeof meetingPolls.$inferSelect;
export type PollSlotInput = { startsAt: Date; endsAt: Date };
export type PollInput = { title: string; note: string; slots: PollSlotInput[] };

function inTransaction<T>(fn: (tx: Tx) => T): T {
  return getDb().transaction(fn, { behavior: "immediate" });
}

export function getPoll(pollId: number): Poll | null {
  return getDb().select().from(meetingPolls).where(eq(meetingPolls.id, pollId)).get() ?? null;
}

/** The circle's current members: who votes, whose answers count, who gets the reminder. */
function memberIds(tx: Pick<Tx, "select">, circleId: number): number[] {
  return tx
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.circleId, circleId), eq(memberships.state, "member")))
    .all()
    .map((r) => r.id);
}

function tellAboutPoll(
  tx: Tx,
  userIds: number[],
  type: NotificationType,
  poll: Pick<Poll, "id" | "circleId" | "title">,
  now: Date,
): number[] {
  const circle = tx
    .select({ name: circles.name })
    .from(circles)
    .where(eq(circles.id, poll.circleId))
    .get();
  return userIds.map((userId) =>
    notify(
      tx,
      {
        userId,
        type,
        circleId: poll.circleId,
        data: { circle: circle?.name ?? "", title: poll.title },
        url: `/circles/${poll.circleId}/polls/${poll.id}`,
      },
      now,
    ),
  );
}

/** When the one reminder is due: three days on, or halfway to the first slot if that is sooner. */
export function pollReminderDue(slots: PollSlotInput[], now: Date): Date {
  const first = Math.min(...slots.map((s) => s.startsAt.getTime()));
  const wait = Math.min(REMINDER_AFTER, Math.max(0, (first - now.getTime()) / 2));
  return new Date(now.getTime() + wait);
}

/**
 * Opens a poll and asks the circle's members. The form has checked the slots (2 to 10, in the
 * future, each ending after it starts, no two the same); this refuses anything else as a bug.
 */
export function createPoll(
  circleId: number,
  actorId: number,
  input: PollInput,
  now = new Date(),
): { pollId: number; notified: number[] } {
  const { slots } = input;
  if (slots.length < POLL_SLOTS_MIN || slots.length > POLL_SLOTS_MAX)
    throw new Error(`A poll has ${POLL_SLOTS_MIN} to ${POLL_SLOTS_MAX} slots`);
  if (slots.some((s) => s.endsAt <= s.startsAt || s.startsAt <= now))
    throw new Error("A poll's slots lie in the future and end after they start");
  return inTransaction((tx) => {
    const poll = tx
      .insert(meetingPolls)
      .values({ circleId, createdById: actorId, title: input.title, note: input.note })
      .returning()
      .get();
    const ordered = [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    tx.insert(meetingPollSlots)
      .values(ordered.map((s) => ({ pollId: poll.id, startsAt: s.startsAt, endsAt: s.endsAt })))
      .run();
    scheduleJob(tx, "poll.reminder", poll.id, pollReminderDue(slots, now));
    recordAudit(
      {
        actorId,
        action: "poll.created",
        subjectType: "poll",
        subjectId: poll.id,
        details: { circleId, slots: slots.length },
      },
      tx,
    );
    const people = memberIds(tx, circleId).filter((id) => id !== actorId);
    return { pollId: poll.id, notified: tellAboutPoll(tx, people, "meeting.poll", poll, now) };
  });
}

export type VoteOutcome =
  { ok: true } | { ok: false; reason: "not_found" | "closed" | "not_member" | "slots" };

/**
 * Records (or changes) a member's answers: one per slot of the poll, all at once, so the tally
 * never shows half a vote. Answers for slots of another poll are refused.
 */
export function votePoll(
  pollId: number,
  userId: number,
  answers: ReadonlyMap<number, PollAnswer>,
  now = new Date(),
): VoteOutcome {
  return inTransaction((tx) => {
    const poll = tx.select().from(meetingPolls).where(eq(meetingPolls.id, pollId)).get();
    if (!poll) return { ok: false, reason: "not_found" };
    if (poll.status !== "open") return { ok: false, reason: "closed" };
    if (!memberIds(tx, poll.circleId).includes(userId)) return { ok: false, reason: "not_member" };
    const slotIds = tx
      .select({ id: meetingPollSlots.id })
      .from(meetingPollSlots)
      .where(eq(meetingPollSlots.pollId, pollId))
      .all()
      .map((r) => r.id);
    if (slotIds.length !== answers.size || slotIds.some((id) => !answers.has(id)))
      return { ok: false, reason: "slots" };
    for (const slotId of slotIds) {
      const answer = answers.get(slotId)!;
      tx.insert(meetingPollVotes)
        .values({ slotId, pollId, userId, answer, updatedAt: now })
        .onConflictDoUpdate({
          target: [meetingPollVotes.slotId, meetingPollVotes.userId],
          set: { answer, updatedAt: now },
        })
        .run();
    }
    return { ok: true };
  });
}

type Person = { userId: number; name: string };

export type PollSlotView = {
  id: number;
  startsAt: Date;
  endsAt: Date;
  yes: Person[];
  maybe: Person[];
  no: Person[];
  /** The slot most can make (most yes, then most yes-or-if-need-be); none before any answer. */
  best: boolean;
};

export type PollView = {
  poll: Poll;
  slots: PollSlotView[];
  /** Members who have answered / not yet, by name. */
  answered: Person[];
  notAnswered: Person[];
  /** The viewer's answers per slot id (empty when they have not answered). */
  mine: Record<number, PollAnswer>;
};

/** A poll with its tally as the circle's current members answered it. */
export function pollView(poll: Poll, viewerId: number): PollView {
  const db = getDb();
  const members = db
    .select({ userId: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.circleId, poll.circleId), eq(memberships.state, "member")))
    .orderBy(asc(users.name))
    .all();
  const byId = new Map(members.map((m) => [m.userId, m]));
  const slotRows = db
    .select()
    .from(meetingPollSlots)
    .where(eq(meetingPollSlots.pollId, poll.id))
    .orderBy(asc(meetingPollSlots.startsAt), asc(meetingPollSlots.id))
    .all();
  const votes = db
    .select({
      slotId: meetingPollVotes.slotId,
      userId: meetingPollVotes.userId,
      answer: meetingPollVotes.answer,
    })
    .from(meetingPollVotes)
    .where(eq(meetingPollVotes.pollId, poll.id))
    .all();
  const mine: Record<number, PollAnswer> = {};
  const voted = new Set<number>();
  const slots: PollSlotView[] = slotRows.map((s) => ({
    id: s.id,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    yes: [],
    maybe: [],
    no: [],
    best: false,
  }));
  const slotById = new Map(slots.map((s) => [s.id, s]));
  for (const vote of votes) {
    if (vote.userId === viewerId) mine[vote.slotId] = vote.answer;
    const person = byId.get(vote.userId);
    const slot = slotById.get(vote.slotId);
    if (!person || !slot) continue;
    voted.add(vote.userId);
    slot[vote.answer].push(person);
  }
  const score = (s: PollSlotView) => [s.yes.length, s.yes.length + s.maybe.length] as const;
  let best: PollSlotView | null = null;
  for (const slot of slots) {
    const [yes, possible] = score(slot);
    if (possible === 0) continue;
    if (!best) best = slot;
    else {
      const [bestYes, bestPossible] = score(best);
      if (yes > bestYes || (yes === bestYes && possible > bestPossible)) best = slot;
    }
  }
  if (best) best.best = true;
  for (const slot of slots)
    for (const list of [slot.yes, slot.maybe, slot.no])
      list.sort((a, b) => a.name.localeCompare(b.name));
  return {
    poll,
    slots,
    answered: members.filter((m) => voted.has(m.userId)),
    notAnswered: members.filter((m) => !voted.has(m.userId)),
    mine,
  };
}

export type PollSummary = {
  id: number;
  title: string;
  slotCount: number;
  firstStartsAt: Date;
  lastStartsAt: Date;
  answered: number;
  /** Whether the viewer has answered. */
  mine: boolean;
};

/** A circle's open polls, newest first, with whether the viewer has answered each. */
export function openPolls(circleId: number, viewerId: number): PollSummary[] {
  const db = getDb();
  // One grouped join, not correlated subqueries: drizzle writes a column unqualified inside a
  // subquery, and the slot table's own "id" would shadow the poll's.
  const polls = db
    .select({
      id: meetingPolls.id,
      title: meetingPolls.title,
      slotCount: sql<number>`count(${meetingPollSlots.id})`,
      firstStartsAt: sql<number>`min(${meetingPollSlots.startsAt})`,
      lastStartsAt: sql<number>`max(${meetingPollSlots.startsAt})`,
    })
    .from(meetingPolls)
    .innerJoin(meetingPollSlots, eq(meetingPollSlots.pollId, meetingPolls.id))
    .where(and(eq(meetingPolls.circleId, circleId), eq(meetingPolls.status, "open")))
    .groupBy(meetingPolls.id)
    .orderBy(desc(meetingPolls.id))
    .all();
  if (polls.length === 0) return [];
  const members = new Set(memberIds(db, circleId));
  const voters = db
    .selectDistinct({ pollId: meetingPollVotes.pollId, userId: meetingPollVotes.userId })
    .from(meetingPollVotes)
    .where(
      inArray(
        meetingPollVotes.pollId,
        polls.map((p) => p.id),
      ),
    )
    .all();
  return polls.map((p) => {
    const who = voters.filter((v) => v.pollId === p.id && members.has(v.userId));
    return {
      id: p.id,
      title: p.title,
      slotCount: p.slotCount,
      firstStartsAt: new Date(p.firstStartsAt),
      lastStartsAt: new Date(p.lastStartsAt),
      answered: who.length,
      mine: voters.some((v) => v.pollId === p.id && v.userId === viewerId),
    };
  });
}

export type DecideOutcome =
  | { ok: true; meetingId: number; notified: number[] }
  | { ok: false; reason: "not_found" | "closed" | "slot" };

/**
 * The coach picks a slot: the meeting is planned (and the circle told, by insertMeeting) and the
 * poll closed in one transaction, so a poll is never decided twice nor a meeting planned for a
 * poll that another tab stopped. Throws HostNotMemberError as insertMeeting does.
 */
export function decidePoll(
  pollId: number,
  actorId: number,
  slotId: number,
  input: MeetingInput,
  now = new Date(),
): DecideOutcome {
  return inTransaction((tx) => {
    const poll = tx.select().from(meetingPolls).where(eq(meetingPolls.id, pollId)).get();
    if (!poll) return { ok: false, reason: "not_found" };
    if (poll.status !== "open") return { ok: false, reason: "closed" };
    const slot = tx
      .select()
      .from(meetingPollSlots)
      .where(and(eq(meetingPollSlots.id, slotId), eq(meetingPollSlots.pollId, pollId)))
      .get();
    if (!slot) return { ok: false, reason: "slot" };
    const { meetingId, notified } = insertMeeting(tx, {
      circleId: poll.circleId,
      actorId,
      input,
      now,
    });
    tx.update(meetingPolls)
      .set({ status: "decided", decidedSlotId: slot.id, meetingId, decidedAt: now })
      .where(eq(meetingPolls.id, pollId))
      .run();
    cancelJobs(tx, ["poll.reminder"], pollId);
    recordAudit(
      {
        actorId,
        action: "poll.decided",
        subjectType: "poll",
        subjectId: pollId,
        details: { slotId: slot.id, meetingId },
      },
      tx,
    );
    return { ok: true, meetingId, notified };
  });
}

/** The coach stops a poll without picking a date: no reminder follows, answers are kept. */
export function cancelPoll(pollId: number, actorId: number): { ok: boolean } {
  return inTransaction((tx) => {
    const poll = tx.select().from(meetingPolls).where(eq(meetingPolls.id, pollId)).get();
    if (!poll || poll.status !== "open") return { ok: false };
    tx.update(meetingPolls).set({ status: "cancelled" }).where(eq(meetingPolls.id, pollId)).run();
    cancelJobs(tx, ["poll.reminder"], pollId);
    recordAudit({ actorId, action: "poll.cancelled", subjectType: "poll", subjectId: pollId }, tx);
    return { ok: true };
  });
}

/** The poll's one reminder (a job): the members who have not answered yet, if it is still open. */
export function remindPollNonResponders(tx: Tx, pollId: number, now: Date): number[] {
  const poll = tx.select().from(meetingPolls).where(eq(meetingPolls.id, pollId)).get();
  if (!poll || poll.status !== "open") return [];
  const voted = new Set(
    tx
      .selectDistinct({ userId: meetingPollVotes.userId })
      .from(meetingPollVotes)
      .where(eq(meetingPollVotes.pollId, pollId))
      .all()
      .map((r) => r.userId),
  );
  const silent = memberIds(tx, poll.circleId).filter((id) => !voted.has(id));
  return tellAboutPoll(tx, silent, "poll.reminder", poll, now);
}

/** One slot of a poll (the coach picking it), or null when it is not that poll's. */
export function pollSlot(pollId: number, slotId: number) {
  return (
    getDb()
      .select()
      .from(meetingPollSlots)
      .where(and(eq(meetingPollSlots.id, slotId), eq(meetingPollSlots.pollId, pollId)))
      .get() ?? null
  );
}
