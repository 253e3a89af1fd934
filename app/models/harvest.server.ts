/**
 * Borging, from circle to knowledge: what a coach may turn into an anonymised knowledge-bank
 * draft (a meeting's summary or a thread), the text to start from, the names to keep out of
 * it, and who must agree. The draft itself is made by the knowledge model (createItem with
 * approvers), so publishing waits until every one of them has approved.
 * Who must agree: for a thread, every member who wrote a visible post in it; for a meeting, the
 * members who were there (so attendance must have been taken) and whoever brought in a case.
 * The coach who makes the draft does not approve it: they wrote it.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne } from "drizzle-orm";
import {
  circleCoaches,
  companies,
  meetingAttendance,
  meetingCases,
  meetings,
  memberships,
  posts,
  threads,
  users,
} from "../../db/schema";
import type { KnownName } from "../domain/anonymise";
import { MENTION_PATTERN, QUOTE_LINK_PATTERN } from "../domain/discussions";
import { getDb } from "../utils/db.server";

export type HarvestSource = {
  kind: "meeting" | "thread";
  id: number;
  title: string;
  /** Markdown to start the draft from (the names are still in it; the page redacts them). */
  text: string;
  /** The members who must approve before the draft can be published. */
  approvers: Array<{ id: number; name: string }>;
};

/** The meetings with a summary and the threads of a circle, newest first, for the picker. */
export function harvestCandidates(circleId: number, now = new Date()) {
  const db = getDb();
  const withSummary = db
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      attendanceTaken: isNotNull(meetings.attendanceTakenAt),
    })
    .from(meetings)
    .where(
      and(
        eq(meetings.circleId, circleId),
        ne(meetings.summary, ""),
        eq(meetings.status, "scheduled"),
      ),
    )
    .orderBy(desc(meetings.startsAt))
    .all()
    .filter((m) => m.startsAt.getTime() <= now.getTime());
  const circleThreads = db
    .select({ id: threads.id, title: threads.title, lastPostAt: threads.lastPostAt })
    .from(threads)
    .where(eq(threads.circleId, circleId))
    .orderBy(desc(threads.lastPostAt))
    .limit(50)
    .all();
  return {
    meetings: withSummary.map((m) => ({ ...m, attendanceTaken: Boolean(m.attendanceTaken) })),
    threads: circleThreads,
  };
}

function coachIds(circleId: number): Set<number> {
  return new Set(
    getDb()
      .select({ id: circleCoaches.userId })
      .from(circleCoaches)
      .where(eq(circleCoaches.circleId, circleId))
      .all()
      .map((r) => r.id),
  );
}

function named(ids: number[]) {
  if (ids.length === 0) return [];
  return getDb()
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, ids))
    .orderBy(asc(users.name))
    .all();
}

/**
 * A meeting's summary as a source; null when it is not this circle's, has no summary, or lies
 * in the future. "attendance" when nobody can say who was there yet.
 */
export function meetingSource(
  circleId: number,
  meetingId: number,
  now = new Date(),
): HarvestSource | "attendance" | null {
  const db = getDb();
  const meeting = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.circleId, circleId)))
    .get();
  if (!meeting || meeting.summary.trim() === "" || meeting.startsAt > now) return null;
  if (!meeting.attendanceTakenAt) return "attendance";
  const coaches = coachIds(circleId);
  const present = db
    .select({ id: meetingAttendance.userId })
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.present, true)))
    .all()
    .map((r) => r.id);
  const caseOwners = db
    .select({ id: meetingCases.authorId })
    .from(meetingCases)
    .where(and(eq(meetingCases.meetingId, meetingId), isNotNull(meetingCases.authorId)))
    .all()
    .map((r) => r.id!);
  const ids = [...new Set([...present, ...caseOwners])].filter((id) => !coaches.has(id));
  return {
    kind: "meeting",
    id: meeting.id,
    title: meeting.title,
    text: meeting.summary,
    approvers: named(ids),
  };
}

/** A thread's visible posts as a source, the opening post first; null when not this circle's. */
export function threadSource(circleId: number, threadId: number): HarvestSource | null {
  const db = getDb();
  const thread = db
    .select({ id: threads.id, title: threads.title })
    .from(threads)
    .where(and(eq(threads.id, threadId), eq(threads.circleId, circleId)))
    .get();
  if (!thread) return null;
  const rows = db
    .select({ authorId: posts.authorId, source: posts.source })
    .from(posts)
    .where(and(eq(posts.threadId, threadId), isNull(posts.deletedAt), isNull(posts.hiddenAt)))
    .orderBy(asc(posts.id))
    .all();
  if (rows.length === 0) return null;
  const coaches = coachIds(circleId);
  const ids = [
    ...new Set(rows.map((r) => r.authorId).filter((id): id is number => id !== null)),
  ].filter((id) => !coaches.has(id));
  // The opening post as it is, the replies as a list of what was shared: a start, to rewrite.
  // Mentions and quote links are the discussion's own markup; outside it they are plain text.
  const plain = (source: string) =>
    source
      .replace(MENTION_PATTERN, "$1")
      .replace(QUOTE_LINK_PATTERN, ">")
      .replace(/^>:/gm, ">")
      .trim();
  const [opening, ...replies] = rows;
  const text = [
    plain(opening!.source),
    ...replies.map((r) => `- ${plain(r.source).replace(/\s*\n+\s*/g, " ")}`),
  ].join("\n\n");
  return { kind: "thread", id: thread.id, title: thread.title, text, approvers: named(ids) };
}

/**
 * Every name that must not appear in a draft from this circle: everyone who ever had a place in
 * it (members, people who left, applicants) and its coaches, and their companies. (Not the
 * circle's name: its words are themes and places, which a lesson may name.)
 */
export function circleKnownNames(circleId: number): KnownName[] {
  const db = getDb();
  const people = db
    .select({ name: users.name, company: companies.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(companies, eq(companies.ownerId, memberships.userId))
    .where(eq(memberships.circleId, circleId))
    .all();
  const coaches = db
    .select({ name: users.name })
    .from(circleCoaches)
    .innerJoin(users, eq(users.id, circleCoaches.userId))
    .where(eq(circleCoaches.circleId, circleId))
    .all();
  const names: KnownName[] = [
    ...people.map((p) => ({ text: p.name, kind: "person" as const })),
    ...coaches.map((c) => ({ text: c.name, kind: "person" as const })),
    ...people.filter((p) => p.company).map((p) => ({ text: p.company!, kind: "company" as const })),
  ];
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(n.text) && seen.add(n.text));
}
