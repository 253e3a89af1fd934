import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import {
  circleCoaches,
  circles,
  companies,
  memberships,
  programmes,
  programmeCoaches,
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
    .where(eq(circleCoaches.circleId, circleId))
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

function setCoaches(
  tx: Pick<ReturnType<typeof getDb>, "delete" | "insert" | "select">,
  circleId: number,
  programmeId: number,
  coachIds: number[],
) {
  tx.delete(circleCoaches).where(eq(circleCoaches.circleId, circleId)).run();
  if (coachIds.length === 0) return;
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
}

export function createCircle(actorId: number, programmeId: number, input: CircleInput): number {
  const { coachIds, ...values } = input;
  return getDb().transaction((tx) => {
    const { id } = tx
      .insert(circles)
      .values({ ...values, programmeId })
      .returning({ id: circles.id })
      .get();
    setCoaches(tx, id, programmeId, coachIds);
    recordAudit({ actorId, action: "circle.created", subjectType: "circle", subjectId: id }, tx);
    return id;
  });
}

export function updateCircle(
  actorId: number,
  circleId: number,
  input: CircleInput,
  { coachesToo }: { coachesToo: boolean },
) {
  const { coachIds, ...values } = input;
  getDb().transaction((tx) => {
    const { programmeId } = tx
      .select({ programmeId: circles.programmeId })
      .from(circles)
      .where(eq(circles.id, circleId))
      .get()!;
    tx.update(circles).set(values).where(eq(circles.id, circleId)).run();
    if (coachesToo) setCoaches(tx, circleId, programmeId, coachIds);
    recordAudit(
      { actorId, action: "circle.updated", subjectType: "circle", subjectId: circleId },
      tx,
    );
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
    return { ...r, byState };
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
    .where(eq(circleCoaches.userId, userId))
    .orderBy(asc(circles.name))
    .all();
}
