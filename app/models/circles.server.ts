import { and, asc, count, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import {
  circleCoaches,
  circles,
  companies,
  memberships,
  programmes,
  programmeCoaches,
  userRoles,
  users,
} from "../../db/schema";
import type { CircleStatus, MembershipState } from "../domain/states";
import type { CircleResource } from "../domain/permissions";
import { sizeClassFor } from "../domain/taxonomy";
import { getDb } from "../utils/db.server";
import { recordAudit } from "./audit.server";

export type CircleInput = {
  name: string;
  theme: string;
  description: string;
  status: CircleStatus;
  capacityMin: number;
  capacityMax: number;
  timeCommitment: string;
  meetingMode: "in_person" | "online" | "hybrid";
  dayPart: string | null;
  province: string | null;
  openForApplications: boolean;
  houseRules: string;
  coachIds: number[];
};

const memberCount = sql<number>`(select count(*) from ${memberships} where ${memberships.circleId} = ${circles.id} and ${memberships.state} = 'member')`;

/**
 * A circle_coach row counts only while its person holds the coach role and is a coach of the
 * circle's programme. Losing either deletes the row (endCoaching); this condition also disarms
 * rows left behind by revocations from before that rule.
 */
export const activeCoach = sql`(exists (select 1 from ${userRoles} where ${userRoles.userId} = ${circleCoaches.userId} and ${userRoles.role} = 'coach') and exists (select 1 from ${programmeCoaches} inner join ${circles} as "coached_circle" on "coached_circle"."programme_id" = ${programmeCoaches.programmeId} where "coached_circle"."id" = ${circleCoaches.circleId} and ${programmeCoaches.userId} = ${circleCoaches.userId}))`;

/** Whether a circle has at least one active coach (for the organiser's "needs a coach"). */
export const hasActiveCoach = sql<boolean>`exists (select 1 from ${circleCoaches} where ${circleCoaches.circleId} = ${circles.id} and ${activeCoach})`;

/** The circle with what permission checks and pages need; null when it does not exist. */
export function getCircle(circleId: number) {
  const db = getDb();
  const row = db
    .select({
      circle: circles,
      programmeName: programmes.name,
      programmeArchived: sql<boolean>`${programmes.archivedAt} is not null`.mapWith(Boolean),
      members: memberCount,
    })
    .from(circles)
    .innerJoin(programmes, eq(programmes.id, circles.programmeId))
    .where(eq(circles.id, circleId))
    .get();
  if (!row) return null;
  const coaches = db
    .select({ id: users.id, name: users.name })
    .from(circleCoaches)
    .innerJoin(users, eq(users.id, circleCoaches.userId))
    .where(and(eq(circleCoaches.circleId, circleId), activeCoach))
    .orderBy(asc(users.name))
    .all();
  return {
    ...row.circle,
    programmeName: row.programmeName,
    programmeArchived: row.programmeArchived,
    members: row.members,
    seatsLeft: Math.max(0, row.circle.capacityMax - row.members),
    coaches,
  };
}

export type Circle = NonNullable<ReturnType<typeof getCircle>>;

export function getMembership(circleId: number, userId: number) {
  return (
    getDb()
      .select()
      .from(memberships)
      .where(and(eq(memberships.circleId, circleId), eq(memberships.userId, userId)))
      .get() ?? null
  );
}

/** The facts `can()` needs about a circle and one user. */
export function circleResource(circle: Circle, userId: number | null): CircleResource {
  const membership = userId ? getMembership(circle.id, userId) : null;
  return {
    circle: {
      status: circle.status,
      openForApplications: circle.openForApplications,
      programmeArchived: circle.programmeArchived,
    },
    relation: {
      isCoach: userId !== null && circle.coaches.some((c) => c.id === userId),
      membership: membership?.state ?? null,
    },
  };
}

/**
 * Who may read a circle's private content now, in two queries: its active coaches and the
 * members who accepted the house rules. The same rule as requireCircle's "circle.view_private"
 * (mayViewPrivate in circle-guards.server.ts, tested to agree), for re-checking a whole live
 * room at once.
 */
export function circleReaders(circleId: number): Set<number> {
  const db = getDb();
  const coaches = db
    .select({ id: circleCoaches.userId })
    .from(circleCoaches)
    .where(and(eq(circleCoaches.circleId, circleId), activeCoach))
    .all();
  const members = db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.circleId, circleId),
        eq(memberships.state, "member"),
        isNotNull(memberships.houseRulesAcceptedAt),
      ),
    )
    .all();
  return new Set([...coaches, ...members].map((r) => r.id));
}

/** Sets a circle's coaches; returns the people who coached it before and no longer do. */
function setCoaches(
  tx: Pick<ReturnType<typeof getDb>, "delete" | "insert" | "select">,
  {
    circleId,
    programmeId,
    coachIds,
  }: { circleId: number; programmeId: number; coachIds: number[] },
): number[] {
  const before = tx
    .delete(circleCoaches)
    .where(eq(circleCoaches.circleId, circleId))
    .returning({ userId: circleCoaches.userId })
    .all()
    .map((r) => r.userId);
  if (coachIds.length === 0) return before;
  // Only coaches assigned to the programme can lead its circles.
  const allowed = tx
    .select({ userId: programmeCoaches.userId })
    .from(programmeCoaches)
    .where(
      and(
        eq(programmeCoaches.programmeId, programmeId),
        inArray(programmeCoaches.userId, coachIds),
      ),
    )
    .all();
  for (const { userId } of allowed) tx.insert(circleCoaches).values({ circleId, userId }).run();
  return before.filter((userId) => !allowed.some((a) => a.userId === userId));
}

/** Whether someone coaches this circle now (the same rule as the coaches getCircle lists). */
export function isActiveCoach(
  tx: Pick<ReturnType<typeof getDb>, "select">,
  circleId: number,
  userId: number,
): boolean {
  return Boolean(
    tx
      .select({ userId: circleCoaches.userId })
      .from(circleCoaches)
      .where(
        and(eq(circleCoaches.circleId, circleId), eq(circleCoaches.userId, userId), activeCoach),
      )
      .get(),
  );
}

type CoachingTx = Pick<ReturnType<typeof getDb>, "delete" | "insert" | "select">;

/**
 * Ends someone's coaching, in the caller's transaction: in every circle (their coach role was
 * revoked) or in one programme's circles (they were taken off it). One audit event per circle.
 * Returns the circles they no longer coach; the caller re-checks their sockets after commit.
 */
export function endCoaching(
  tx: CoachingTx,
  input: {
    actorId: number;
    userId: number;
    reason: "role_revoked" | "programme_removed";
    programmeId?: number;
  },
): number[] {
  const rows = tx
    .select({ circleId: circleCoaches.circleId })
    .from(circleCoaches)
    .innerJoin(circles, eq(circles.id, circleCoaches.circleId))
    .where(
      and(
        eq(circleCoaches.userId, input.userId),
        input.programmeId === undefined ? undefined : eq(circles.programmeId, input.programmeId),
      ),
    )
    .all();
  const circleIds = rows.map((r) => r.circleId);
  if (circleIds.length === 0) return [];
  tx.delete(circleCoaches)
    .where(and(eq(circleCoaches.userId, input.userId), inArray(circleCoaches.circleId, circleIds)))
    .run();
  for (const circleId of circleIds)
    recordAudit(
      {
        actorId: input.actorId,
        action: "circle.coach_removed",
        subjectType: "circle",
        subjectId: circleId,
        details: { userId: input.userId, reason: input.reason },
      },
      tx,
    );
  return circleIds;
}

export function createCircle(actorId: number, programmeId: number, input: CircleInput): number {
  const { coachIds, ...values } = input;
  return getDb().transaction((tx) => {
    const { id } = tx
      .insert(circles)
      .values({ ...values, programmeId })
      .returning({ id: circles.id })
      .get();
    setCoaches(tx, { circleId: id, programmeId, coachIds });
    recordAudit({ actorId, action: "circle.created", subjectType: "circle", subjectId: id }, tx);
    return id;
  });
}

/** Saves a circle; returns the coaches taken off it, whose open sockets the caller re-checks. */
export function updateCircle({
  actorId,
  circleId,
  input,
  coachesToo,
}: {
  actorId: number;
  circleId: number;
  input: CircleInput;
  /** Whether the coaches may change too (organisers); a coach editing keeps the coach list. */
  coachesToo: boolean;
}): number[] {
  const { coachIds, ...values } = input;
  return getDb().transaction((tx) => {
    const { programmeId } = tx
      .select({ programmeId: circles.programmeId })
      .from(circles)
      .where(eq(circles.id, circleId))
      .get()!;
    tx.update(circles).set(values).where(eq(circles.id, circleId)).run();
    const removed = coachesToo ? setCoaches(tx, { circleId, programmeId, coachIds }) : [];
    recordAudit(
      {
        actorId,
        action: "circle.updated",
        subjectType: "circle",
        subjectId: circleId,
        details: removed.length ? { coachesRemoved: removed } : undefined,
      },
      tx,
    );
    return removed;
  });
}

/** Circles that accept applications, with seats left; never who the members are. */
export function listOpenCircles(filter: { theme?: string; province?: string } = {}) {
  const db = getDb();
  const rows = db
    .select({
      id: circles.id,
      name: circles.name,
      theme: circles.theme,
      description: circles.description,
      status: circles.status,
      capacityMax: circles.capacityMax,
      meetingMode: circles.meetingMode,
      province: circles.province,
      timeCommitment: circles.timeCommitment,
      programmeName: programmes.name,
      members: memberCount,
    })
    .from(circles)
    .innerJoin(programmes, eq(programmes.id, circles.programmeId))
    .where(
      and(
        eq(circles.openForApplications, true),
        inArray(circles.status, ["forming", "active"]),
        isNull(programmes.archivedAt),
        filter.theme ? eq(circles.theme, filter.theme) : undefined,
        filter.province ? eq(circles.province, filter.province) : undefined,
      ),
    )
    .orderBy(asc(circles.name))
    .all();
  return rows.map((r) => ({ ...r, seatsLeft: Math.max(0, r.capacityMax - r.members) }));
}

/**
 * "Kringen over dit thema" on a story or an ambassador's profile: open circles on any of these
 * themes, those with seats first, then by name; counts only, as on /circles.
 */
export function listOpenCirclesForThemes(themeCodes: readonly string[], limit = 4) {
  if (themeCodes.length === 0) return [];
  return listOpenCircles()
    .filter((c) => themeCodes.includes(c.theme))
    .sort(
      (a, b) =>
        Number(b.seatsLeft > 0) - Number(a.seatsLeft > 0) || a.name.localeCompare(b.name, "nl"),
    )
    .slice(0, limit)
    .map(({ id, name, theme, seatsLeft, meetingMode, province }) => ({
      id,
      name,
      theme,
      seatsLeft,
      meetingMode,
      province,
    }));
}

/** Counts of members' life phases, size classes and provinces: a profile without names. */
export function circleComposition(circleId: number) {
  const rows = getDb()
    .select({
      lifePhase: companies.lifePhase,
      employees: companies.employees,
      province: companies.province,
    })
    .from(memberships)
    .leftJoin(companies, eq(companies.ownerId, memberships.userId))
    .where(and(eq(memberships.circleId, circleId), eq(memberships.state, "member")))
    .all();
  const tally = (values: Array<string | null>) => {
    const out: Record<string, number> = {};
    for (const v of values) if (v) out[v] = (out[v] ?? 0) + 1;
    return out;
  };
  return {
    phases: tally(rows.map((r) => r.lifePhase)),
    sizes: tally(rows.map((r) => (r.employees === null ? null : sizeClassFor(r.employees)))),
    provinces: tally(rows.map((r) => r.province)),
  };
}

export function listProgrammeCircles(programmeId: number) {
  const db = getDb();
  const rows = db
    .select({
      id: circles.id,
      name: circles.name,
      status: circles.status,
      capacityMax: circles.capacityMax,
      theme: circles.theme,
      hasCoach: hasActiveCoach.mapWith(Boolean),
    })
    .from(circles)
    .where(eq(circles.programmeId, programmeId))
    .orderBy(asc(circles.name))
    .all();
  const counts = rows.length
    ? db
        .select({ circleId: memberships.circleId, state: memberships.state, n: count() })
        .from(memberships)
        .where(
          inArray(
            memberships.circleId,
            rows.map((r) => r.id),
          ),
        )
        .groupBy(memberships.circleId, memberships.state)
        .all()
    : [];
  return rows.map((r) => {
    const byState: Partial<Record<MembershipState, number>> = {};
    for (const c of counts) if (c.circleId === r.id) byState[c.state] = c.n;
    const { hasCoach, ...rest } = r;
    // A closed circle needs nobody; any other circle without a coach waits for the organiser.
    return { ...rest, byState, needsCoach: !hasCoach && r.status !== "closed" };
  });
}

/** The circles a user is in, applied to, invited to or waiting for. */
export function listUserMemberships(userId: number) {
  return getDb()
    .select({
      circleId: circles.id,
      name: circles.name,
      status: circles.status,
      state: memberships.state,
      houseRulesAcceptedAt: memberships.houseRulesAcceptedAt,
      message: memberships.message,
    })
    .from(memberships)
    .innerJoin(circles, eq(circles.id, memberships.circleId))
    .where(
      and(
        eq(memberships.userId, userId),
        inArray(memberships.state, ["applied", "invited", "waitlisted", "member", "declined"]),
      ),
    )
    .orderBy(asc(circles.name))
    .all();
}

/** The circles a coach leads, with what waits for them. */
export function listCoachedCircles(userId: number) {
  return getDb()
    .select({
      id: circles.id,
      name: circles.name,
      status: circles.status,
      capacityMax: circles.capacityMax,
      members: memberCount,
      pending: sql<number>`(select count(*) from ${memberships} where ${memberships.circleId} = ${circles.id} and ${memberships.state} = 'applied')`,
    })
    .from(circleCoaches)
    .innerJoin(circles, eq(circles.id, circleCoaches.circleId))
    .where(and(eq(circleCoaches.userId, userId), activeCoach))
    .orderBy(asc(circles.name))
    .all();
}
