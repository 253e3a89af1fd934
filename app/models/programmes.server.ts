import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { circles, programmeCoaches, programmes, userRoles, users } from "../../db/schema";
import { defaultWeights, type WeightKey } from "../domain/matching/model";
import { getDb } from "../utils/db.server";
import { recordAudit } from "./audit.server";
import { endCoaching, hasActiveCoach } from "./circles.server";

export type ProgrammeInput = {
  name: string;
  description: string;
  themes: string[];
  province: string | null;
  startsOn: string;
  endsOn: string;
  sizeMin: number;
  sizeTarget: number;
  sizeMax: number;
  sectorPolicy: "same" | "mixed";
  weights: Record<WeightKey, number>;
  coachIds: number[];
};

/** Users with the coach role, to choose from. */
export function listCoaches() {
  return getDb()
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "coach")))
    .orderBy(asc(users.name))
    .all();
}

function validCoachIds(tx: Pick<ReturnType<typeof getDb>, "select">, ids: number[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: userRoles.userId })
    .from(userRoles)
    .where(and(inArray(userRoles.userId, ids), eq(userRoles.role, "coach")))
    .all()
    .map((r) => r.id);
}

/**
 * Nobody appoints themselves coach, of a programme or of a circle: an organiser who also holds
 * the coach role could otherwise reach any circle's private pages alone. Keeping a place that
 * someone else gave them is fine. Records the refused attempt; returns true when refused.
 */
export function refuseSelfAppointment(input: {
  actorId: number;
  coachIds: number[];
  /** Who coaches it now (empty for something new). */
  current: number[];
  subjectType: "programme" | "circle";
  subjectId: number | null;
}): boolean {
  const refused = input.coachIds.includes(input.actorId) && !input.current.includes(input.actorId);
  if (refused)
    recordAudit({
      actorId: input.actorId,
      action: "coach.self_appointment_refused",
      subjectType: input.subjectType,
      subjectId: input.subjectId,
    });
  return refused;
}

export function listProgrammes({ includeArchived = false } = {}) {
  return getDb()
    .select({
      id: programmes.id,
      name: programmes.name,
      province: programmes.province,
      startsOn: programmes.startsOn,
      endsOn: programmes.endsOn,
      archivedAt: programmes.archivedAt,
      circleCount: count(circles.id),
      /** Circles that are not closed and have no coach (any more): the organiser's to-do. */
      circlesWithoutCoach:
        sql<number>`coalesce(sum(case when ${circles.id} is not null and ${circles.status} != 'closed' and not ${hasActiveCoach} then 1 else 0 end), 0)`.mapWith(
          Number,
        ),
    })
    .from(programmes)
    .leftJoin(circles, eq(circles.programmeId, programmes.id))
    .where(includeArchived ? undefined : isNull(programmes.archivedAt))
    .groupBy(programmes.id)
    .orderBy(desc(programmes.startsOn), asc(programmes.name))
    .all();
}

export function getProgramme(id: number) {
  const db = getDb();
  const programme = db.select().from(programmes).where(eq(programmes.id, id)).get();
  if (!programme) return null;
  const coaches = db
    .select({ id: users.id, name: users.name })
    .from(programmeCoaches)
    .innerJoin(users, eq(users.id, programmeCoaches.userId))
    .where(eq(programmeCoaches.programmeId, id))
    .orderBy(asc(users.name))
    .all();
  return { ...programme, coaches };
}

export function createProgramme(actorId: number, input: ProgrammeInput): number {
  const { coachIds, ...values } = input;
  return getDb().transaction((tx) => {
    const { id } = tx
      .insert(programmes)
      .values({ ...values, createdById: actorId })
      .returning({ id: programmes.id })
      .get();
    for (const userId of validCoachIds(tx, coachIds))
      tx.insert(programmeCoaches).values({ programmeId: id, userId }).run();
    recordAudit(
      { actorId, action: "programme.created", subjectType: "programme", subjectId: id },
      tx,
    );
    return id;
  });
}

/**
 * Saves a programme. A coach taken off it stops coaching its circles in the same transaction;
 * returns those coaches so the caller can re-check their open sockets after commit.
 */
export function updateProgramme(actorId: number, id: number, input: ProgrammeInput): number[] {
  const { coachIds, ...values } = input;
  return getDb().transaction((tx) => {
    tx.update(programmes).set(values).where(eq(programmes.id, id)).run();
    const before = tx
      .delete(programmeCoaches)
      .where(eq(programmeCoaches.programmeId, id))
      .returning({ userId: programmeCoaches.userId })
      .all()
      .map((r) => r.userId);
    const after = validCoachIds(tx, coachIds);
    for (const userId of after)
      tx.insert(programmeCoaches).values({ programmeId: id, userId }).run();
    const removed = before.filter((userId) => !after.includes(userId));
    for (const userId of removed)
      endCoaching(tx, { actorId, userId, programmeId: id, reason: "programme_removed" });
    recordAudit(
      {
        actorId,
        action: "programme.updated",
        subjectType: "programme",
        subjectId: id,
        details: removed.length ? { coachesRemoved: removed } : undefined,
      },
      tx,
    );
    return removed;
  });
}

export function setProgrammeArchived(actorId: number, id: number, archived: boolean) {
  getDb().transaction((tx) => {
    tx.update(programmes)
      .set({ archivedAt: archived ? new Date() : null })
      .where(eq(programmes.id, id))
      .run();
    recordAudit(
      {
        actorId,
        action: archived ? "programme.archived" : "programme.restored",
        subjectType: "programme",
        subjectId: id,
      },
      tx,
    );
  });
}

// The weights live with the matching model; re-exported for the programme pages and the seed.
export { defaultWeights };
