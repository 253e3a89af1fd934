/**
 * Membership changes. Every change runs in one IMMEDIATE transaction (so two approvals racing
 * for the last seat are serialised and the loser goes to the waitlist), writes an audit event,
 * notifies the people concerned in the same transaction, and returns their ids so the caller can
 * tell their open pages after commit. Becoming a member or ceasing to be one also settles the
 * circle's meetings ahead in the same transaction (see settleMeetingsOnJoining and
 * releaseMeetingAnswers); the ids of the meetings that changed come back as `meetingIds`, so the
 * caller publishes `meetingsChanged` after commit.
 */
import { and, asc, count, eq, sql } from "drizzle-orm";
import { circles, companies, memberships, profiles, userRoles, users } from "../../db/schema";
import { companyConflict, type CompanyConflict } from "../domain/matching/model";
import type { MembershipState, Role } from "../domain/states";
import { sizeClassFor } from "../domain/taxonomy";
import { getDb } from "../utils/db.server";
import { recordAudit } from "./audit.server";
import { isActiveCoach } from "./circles.server";
import { releaseMeetingAnswers, settleMeetingsOnJoining } from "./meetings.server";
import { notify } from "./notifications.server";
import { listCompanyFacts } from "./profiles.server";
import { normaliseEmail } from "./users.server";

type NoticeKind =
  "invited" | "approved" | "declined" | "waitlisted" | "promoted" | "removed" | "applied";

export type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

function inTransaction<T>(fn: (tx: Tx) => T): T {
  return getDb().transaction(fn, { behavior: "immediate" });
}

function membersIn(tx: Tx, circleId: number) {
  return tx
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.circleId, circleId), eq(memberships.state, "member")))
    .get()!.n;
}

function capacityOf(tx: Tx, circleId: number) {
  return (
    tx.select({ max: circles.capacityMax }).from(circles).where(eq(circles.id, circleId)).get()
      ?.max ?? 0
  );
}

/**
 * Moves a membership to a new state, with the columns that change along with it. Every way into
 * the circle passes here, so becoming a member ends the person's guest invitations to the
 * circle's meetings ahead here too. Returns the meetings that changed.
 */
function setState(
  tx: Tx,
  id: number,
  { state, ...extra }: { state: MembershipState } & Partial<typeof memberships.$inferInsert>,
): number[] {
  const now = new Date();
  const row = tx
    .update(memberships)
    .set({ state, updatedAt: now, waitlistedAt: state === "waitlisted" ? now : null, ...extra })
    .where(eq(memberships.id, id))
    .returning({ circleId: memberships.circleId, userId: memberships.userId })
    .get();
  return state === "member" && row
    ? settleMeetingsOnJoining(tx, row.circleId, row.userId, now)
    : [];
}

const noticePath: Record<NoticeKind, string> = {
  applied: "members",
  invited: "",
  approved: "home",
  waitlisted: "",
  promoted: "home",
  declined: "",
  removed: "",
};

/** Notifies one person of a membership change, inside the change's transaction. */
function tell(
  tx: Tx,
  {
    userId,
    circleId,
    kind,
    ...extra
  }: {
    userId: number;
    circleId: number;
    kind: NoticeKind;
    message?: string | null;
    name?: string;
  },
): number {
  const circle = tx
    .select({ name: circles.name })
    .from(circles)
    .where(eq(circles.id, circleId))
    .get();
  const data: Record<string, string> = { circle: circle?.name ?? "" };
  if (extra.message) data.message = extra.message;
  if (extra.name) data.name = extra.name;
  const path = noticePath[kind];
  return notify(tx, {
    userId,
    type: `membership.${kind}`,
    circleId,
    data,
    url: `/circles/${circleId}${path ? `/${path}` : ""}`,
  });
}

/** A seat or the waitlist, whichever is free: the one rule for every way into a circle. */
function admit(
  tx: Tx,
  membership: { id: number; circleId: number },
): { state: "member" | "waitlisted"; meetingIds: number[] } {
  const state =
    membersIn(tx, membership.circleId) < capacityOf(tx, membership.circleId)
      ? "member"
      : "waitlisted";
  return { state, meetingIds: setState(tx, membership.id, { state }) };
}

/** Who was told, and which meetings changed (the caller publishes both after commit). */
export type Changes = { notified: number[]; meetingIds: number[] };

/** Fills free seats from the waitlist, first come first served. */
export function promoteFromWaitlist(tx: Tx, circleId: number, actorId: number | null): Changes {
  const notified: number[] = [];
  const meetingIds: number[] = [];
  let free = capacityOf(tx, circleId) - membersIn(tx, circleId);
  while (free > 0) {
    const next = tx
      .select({ id: memberships.id, userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.circleId, circleId), eq(memberships.state, "waitlisted")))
      .orderBy(asc(memberships.waitlistedAt), asc(memberships.id))
      .get();
    if (!next) break;
    meetingIds.push(...setState(tx, next.id, { state: "member" }));
    recordAudit(
      {
        actorId,
        action: "membership.promoted",
        subjectType: "circle",
        subjectId: circleId,
        details: { userId: next.userId },
      },
      tx,
    );
    notified.push(tell(tx, { userId: next.userId, circleId, kind: "promoted" }));
    free -= 1;
  }
  return { notified, meetingIds };
}

function findMembership(tx: Tx, circleId: number, userId: number) {
  return tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.circleId, circleId), eq(memberships.userId, userId)))
    .get();
}

export type ApplyResult = { ok: true; notified: number[] } | { ok: false; reason: "already" };

export function applyToCircle({
  userId,
  circleId,
  motivation,
  coachIds,
}: {
  userId: number;
  circleId: number;
  motivation: string;
  /** The circle's coaches, who are told about the application. */
  coachIds: number[];
}): ApplyResult {
  return inTransaction((tx) => {
    const existing = findMembership(tx, circleId, userId);
    if (existing && !["left", "declined"].includes(existing.state))
      return { ok: false, reason: "already" } as const;
    if (existing)
      setState(tx, existing.id, {
        state: "applied",
        motivation,
        message: null,
        houseRulesAcceptedAt: null,
      });
    else tx.insert(memberships).values({ circleId, userId, state: "applied", motivation }).run();
    recordAudit(
      {
        actorId: userId,
        action: "membership.applied",
        subjectType: "circle",
        subjectId: circleId,
        details: { userId },
      },
      tx,
    );
    const name =
      tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name ?? "";
    return {
      ok: true,
      notified: coachIds.map((coachId) =>
        tell(tx, { userId: coachId, circleId, kind: "applied", name }),
      ),
    } as const;
  });
}

type Refusal = "self" | "organiser_needs_coach";

export type InviteResult =
  | { ok: true; notified: number[] }
  | { ok: false; reason: "no_such_entrepreneur" | "already" | Refusal };

function hasRole(tx: Tx, userId: number, role: Role) {
  return Boolean(
    tx
      .select({ role: userRoles.role })
      .from(userRoles)
      .where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)))
      .get(),
  );
}

/**
 * Who may bring whom into a circle. Nobody invites themselves, and an organiser (who manages
 * every circle but may read none) becomes a member only through the circle's coach: otherwise an
 * organiser could reach any circle's private pages on their own.
 */
function invitationRefusal(
  tx: Tx,
  { actorId, circleId, userId }: { actorId: number; circleId: number; userId: number },
) {
  if (actorId === userId) return "self" as const;
  if (hasRole(tx, userId, "organiser") && !isActiveCoach(tx, circleId, actorId))
    return "organiser_needs_coach" as const;
  return null;
}

/** Records a refused way into a circle; the refusal itself commits with the transaction. */
function auditRefusal(
  tx: Tx,
  {
    actorId,
    action,
    circleId,
    userId,
    reason,
  }: {
    actorId: number;
    action: "membership.invite_refused" | "membership.accept_refused";
    circleId: number;
    userId: number;
    reason: Refusal;
  },
) {
  recordAudit(
    { actorId, action, subjectType: "circle", subjectId: circleId, details: { userId, reason } },
    tx,
  );
}

/** Invites an entrepreneur by e-mail address (coaches and organisers). */
export function inviteToCircle(actorId: number, circleId: number, email: string): InviteResult {
  return inTransaction((tx) => {
    const target = tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, normaliseEmail(email)))
      .get();
    if (!target) return { ok: false, reason: "no_such_entrepreneur" } as const;
    // Inviting oneself is refused (and audited by inviteUser) even without the entrepreneur role.
    if (target.id !== actorId && !hasRole(tx, target.id, "entrepreneur"))
      return { ok: false, reason: "no_such_entrepreneur" } as const;
    return inviteUser(tx, { actorId, circleId, userId: target.id });
  });
}

/** Invites one person inside the caller's transaction (also used when a proposal is accepted). */
export function inviteUser(
  tx: Tx,
  { actorId, circleId, userId }: { actorId: number; circleId: number; userId: number },
): InviteResult {
  const refusal = invitationRefusal(tx, { actorId, circleId, userId });
  if (refusal) {
    auditRefusal(tx, {
      actorId,
      action: "membership.invite_refused",
      circleId,
      userId,
      reason: refusal,
    });
    return { ok: false, reason: refusal };
  }
  const existing = findMembership(tx, circleId, userId);
  if (existing && !["left", "declined"].includes(existing.state))
    return { ok: false, reason: "already" };
  if (existing)
    setState(tx, existing.id, {
      state: "invited",
      invitedById: actorId,
      message: null,
      houseRulesAcceptedAt: null,
    });
  else
    tx.insert(memberships)
      .values({ circleId, userId, state: "invited", invitedById: actorId })
      .run();
  recordAudit(
    {
      actorId,
      action: "membership.invited",
      subjectType: "circle",
      subjectId: circleId,
      details: { userId },
    },
    tx,
  );
  return { ok: true, notified: [tell(tx, { userId, circleId, kind: "invited" })] };
}

export type Outcome =
  | { ok: true; state: MembershipState; notified: number[]; meetingIds: number[] }
  | { ok: false; reason: "not_found" | "wrong_state" | "organiser_needs_coach" };

export function respondToInvitation(userId: number, circleId: number, accept: boolean): Outcome {
  return inTransaction((tx) => {
    const m = findMembership(tx, circleId, userId);
    if (!m) return { ok: false, reason: "not_found" } as const;
    if (m.state !== "invited") return { ok: false, reason: "wrong_state" } as const;
    // Someone who became an organiser after being invited still needs the coach's invitation.
    if (
      accept &&
      hasRole(tx, userId, "organiser") &&
      (m.invitedById === null || !isActiveCoach(tx, circleId, m.invitedById))
    ) {
      auditRefusal(tx, {
        actorId: userId,
        action: "membership.accept_refused",
        circleId,
        userId,
        reason: "organiser_needs_coach",
      });
      return { ok: false, reason: "organiser_needs_coach" } as const;
    }
    const admitted = accept ? admit(tx, m) : null;
    const state = admitted?.state ?? "declined";
    if (!accept) setState(tx, m.id, { state: "declined" });
    recordAudit(
      {
        actorId: userId,
        action: accept ? "membership.invitation_accepted" : "membership.invitation_declined",
        subjectType: "circle",
        subjectId: circleId,
        details: { userId, state },
      },
      tx,
    );
    return { ok: true, state, notified: [], meetingIds: admitted?.meetingIds ?? [] } as const;
  });
}

/** The coach's decision on an application, with an optional message to the applicant. */
export function decideApplication({
  coachId,
  circleId,
  membershipId,
  approve,
  message,
}: {
  coachId: number;
  circleId: number;
  membershipId: number;
  approve: boolean;
  /** A note to the applicant, shown with the decision. */
  message: string | null;
}): Outcome {
  return inTransaction((tx) => {
    const m = tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.id, membershipId), eq(memberships.circleId, circleId)))
      .get();
    if (!m) return { ok: false, reason: "not_found" } as const;
    if (m.state !== "applied") return { ok: false, reason: "wrong_state" } as const;
    let state: MembershipState = "declined";
    let meetingIds: number[] = [];
    if (approve) ({ state, meetingIds } = admit(tx, m));
    else setState(tx, m.id, { state: "declined" });
    tx.update(memberships).set({ message }).where(eq(memberships.id, m.id)).run();
    recordAudit(
      {
        actorId: coachId,
        action: approve ? "membership.approved" : "membership.declined",
        subjectType: "circle",
        subjectId: circleId,
        details: { userId: m.userId, state },
      },
      tx,
    );
    const kind: NoticeKind =
      state === "member" ? "approved" : state === "waitlisted" ? "waitlisted" : "declined";
    return {
      ok: true,
      state,
      notified: [tell(tx, { userId: m.userId, circleId, kind, message })],
      meetingIds,
    } as const;
  });
}

/**
 * Leaves a circle (or withdraws an application or invitation). A member's answers for the
 * meetings ahead go and the seats they held move on (releaseMeetingAnswers), then the circle's
 * waitlist moves up.
 */
export function leaveCircle(userId: number, circleId: number, now = new Date()): Outcome {
  return inTransaction((tx) => {
    const m = findMembership(tx, circleId, userId);
    if (!m) return { ok: false, reason: "not_found" } as const;
    if (!["applied", "invited", "waitlisted", "member"].includes(m.state))
      return { ok: false, reason: "wrong_state" } as const;
    setState(tx, m.id, { state: "left" });
    recordAudit(
      {
        actorId: userId,
        action: "membership.left",
        subjectType: "circle",
        subjectId: circleId,
        details: { userId, from: m.state },
      },
      tx,
    );
    if (m.state !== "member")
      return { ok: true, state: "left", notified: [], meetingIds: [] } as const;
    const released = releaseMeetingAnswers(tx, circleId, userId, now);
    const promoted = promoteFromWaitlist(tx, circleId, null);
    return {
      ok: true,
      state: "left",
      notified: [...released.notified, ...promoted.notified],
      meetingIds: [...new Set([...released.meetingIds, ...promoted.meetingIds])],
    } as const;
  });
}

/** The coach takes a member out, with the reason they are told; their seats move on as in leaveCircle. */
export function removeMember({
  coachId,
  circleId,
  membershipId,
  reason,
  now = new Date(),
}: {
  coachId: number;
  circleId: number;
  membershipId: number;
  reason: string;
  now?: Date;
}):
  | Extract<Outcome, { ok: false }>
  | { ok: true; state: "removed"; notified: number[]; meetingIds: number[]; userId: number } {
  return inTransaction((tx) => {
    const m = tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.id, membershipId), eq(memberships.circleId, circleId)))
      .get();
    if (!m) return { ok: false, reason: "not_found" } as const;
    if (m.state !== "member") return { ok: false, reason: "wrong_state" } as const;
    setState(tx, m.id, { state: "removed", message: reason });
    recordAudit(
      {
        actorId: coachId,
        action: "membership.removed",
        subjectType: "circle",
        subjectId: circleId,
        details: { userId: m.userId, reason },
      },
      tx,
    );
    const told = tell(tx, { userId: m.userId, circleId, kind: "removed", message: reason });
    const released = releaseMeetingAnswers(tx, circleId, m.userId, now);
    const promoted = promoteFromWaitlist(tx, circleId, coachId);
    return {
      ok: true,
      state: "removed",
      // Whose sockets leave the circle's live room after commit.
      userId: m.userId,
      notified: [told, ...released.notified, ...promoted.notified],
      meetingIds: [...new Set([...released.meetingIds, ...promoted.meetingIds])],
    } as const;
  });
}

/** When a circle's capacity grows, waiting people move up. */
export function fillFreeSeats(actorId: number, circleId: number): Changes {
  return inTransaction((tx) => promoteFromWaitlist(tx, circleId, actorId));
}

export function acceptHouseRules(userId: number, circleId: number) {
  inTransaction((tx) => {
    tx.update(memberships)
      .set({ houseRulesAcceptedAt: new Date() })
      .where(
        and(
          eq(memberships.circleId, circleId),
          eq(memberships.userId, userId),
          eq(memberships.state, "member"),
        ),
      )
      .run();
    recordAudit(
      {
        actorId: userId,
        action: "membership.house_rules_accepted",
        subjectType: "circle",
        subjectId: circleId,
        details: { userId },
      },
      tx,
    );
  });
}

/** Members see when an organiser is among them (they joined through the coach; see inviteUser). */
const isOrganiser =
  sql<boolean>`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${userRoles.role} = 'organiser')`.mapWith(
    Boolean,
  );

/** Members with their company's profile; shown to members and coaches only. */
export function listMembers(circleId: number) {
  return getDb()
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      company: companies.name,
      sector: companies.sector,
      employees: companies.employees,
      lifePhase: companies.lifePhase,
      province: companies.province,
      companyRole: profiles.companyRole,
      organiser: isOrganiser,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(companies, eq(companies.ownerId, users.id))
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(and(eq(memberships.circleId, circleId), eq(memberships.state, "member")))
    .orderBy(asc(users.name))
    .all()
    .map((m) => ({ ...m, sizeClass: m.employees === null ? null : sizeClassFor(m.employees) }));
}

/**
 * What waits for the coach: applications with motivation, open invitations and the waitlist.
 * Each application carries its conflicts with current members (same company, direct competitor):
 * the coach weighs them when deciding. Shown to the coach only, never to the applicant, and never
 * used to hide circles from anyone (see suggestCircles).
 */
export function listPending(circleId: number) {
  const rows = getDb()
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      company: companies.name,
      organiser: isOrganiser,
      state: memberships.state,
      motivation: memberships.motivation,
      since: sql<number>`coalesce(${memberships.updatedAt}, ${memberships.createdAt})`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(companies, eq(companies.ownerId, users.id))
    .where(
      and(
        eq(memberships.circleId, circleId),
        sql`${memberships.state} in ('applied', 'invited', 'waitlisted')`,
      ),
    )
    .orderBy(asc(memberships.waitlistedAt), asc(memberships.id))
    .all();
  const applicants = rows.filter((r) => r.state === "applied").map((r) => r.userId);
  const members = applicants.length
    ? getDb()
        .select({ userId: users.id, name: users.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.circleId, circleId), eq(memberships.state, "member")))
        .orderBy(asc(users.name))
        .all()
    : [];
  const facts = listCompanyFacts([...applicants, ...members.map((m) => m.userId)]);
  return rows.map((r) => {
    const mine = r.state === "applied" ? facts.get(r.userId) : undefined;
    const conflicts: Array<{ kind: CompanyConflict; name: string }> = [];
    for (const m of mine ? members : []) {
      const theirs = facts.get(m.userId);
      const kind = theirs && m.userId !== r.userId ? companyConflict(mine!, theirs) : null;
      if (kind) conflicts.push({ kind, name: m.name });
    }
    return { ...r, conflicts };
  });
}
