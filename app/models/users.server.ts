import { and, asc, count, eq, inArray, or, sql } from "drizzle-orm";
import { programmeCoaches, userRoles, users } from "../../db/schema";
import { roles as allRoles, type Role } from "../domain/states";
import type { Locale } from "../i18n/locales";
import { getDb } from "../utils/db.server";
import type { SessionUserRow } from "../utils/session.server";
import { burnPasswordCheck, hashPassword, verifyPassword } from "../utils/password.server";
import { recordAudit } from "./audit.server";
import { endCoaching } from "./circles.server";
import { notify } from "./notifications.server";

export type UserSummary = {
  id: number;
  name: string;
  email: string;
  locale: Locale | null;
  emailVerified: boolean;
  roles: Role[];
};

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

function rolesOf(userId: number): Role[] {
  const rows = getDb()
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
    .all();
  return allRoles.filter((r) => rows.some((row) => row.role === r));
}

/** The summary from the session lookup's row (see validateSessionTokenWithUser). */
export function userSummaryFromRow(row: SessionUserRow): UserSummary {
  const roleList = row.roles?.split(",") ?? [];
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    locale: row.locale,
    emailVerified: row.emailVerifiedAt !== null,
    roles: allRoles.filter((r) => roleList.includes(r)),
  };
}

export function getUserById(id: number): UserSummary | null {
  const row = getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      verifiedAt: users.emailVerifiedAt,
    })
    .from(users)
    .where(eq(users.id, id))
    .get();
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    locale: row.locale,
    emailVerified: row.verifiedAt !== null,
    roles: rolesOf(row.id),
  };
}

export function findUserIdByEmail(email: string): number | null {
  const row = getDb()
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .get();
  return row?.id ?? null;
}

export type NewUser = {
  name: string;
  email: string;
  /** The password, or its argon2id hash when many accounts share one (seed data, tests). */
  password: string | { hash: string };
  locale?: Locale | null;
  roles?: Role[];
  verified?: boolean;
};

/** Creates an account; returns null when the e-mail address is taken. */
export async function createUser(input: NewUser): Promise<number | null> {
  const passwordHash =
    typeof input.password === "string" ? await hashPassword(input.password) : input.password.hash;
  const db = getDb();
  return db.transaction((tx) => {
    const existing = tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, normaliseEmail(input.email)))
      .get();
    if (existing) return null;
    const created = tx
      .insert(users)
      .values({
        name: input.name.trim(),
        email: normaliseEmail(input.email),
        passwordHash,
        locale: input.locale ?? null,
        emailVerifiedAt: input.verified ? new Date() : null,
      })
      .returning({ id: users.id })
      .get();
    for (const role of input.roles ?? ["entrepreneur"]) {
      tx.insert(userRoles).values({ userId: created.id, role }).run();
    }
    recordAudit(
      { actorId: created.id, action: "user.created", subjectType: "user", subjectId: created.id },
      tx,
    );
    return created.id;
  });
}

/**
 * Checks an e-mail and password. Unknown addresses cost the same time as known ones, so the
 * answer does not reveal whether an account exists.
 */
export async function verifyLogin(
  email: string,
  password: string,
): Promise<{ userId: number; verified: boolean } | null> {
  const row = getDb()
    .select({ id: users.id, hash: users.passwordHash, verifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .get();
  if (!row) {
    await burnPasswordCheck(password);
    return null;
  }
  if (!(await verifyPassword(row.hash, password))) return null;
  return { userId: row.id, verified: row.verifiedAt !== null };
}

export async function setPassword(userId: number, password: string) {
  const passwordHash = await hashPassword(password);
  const db = getDb();
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
    recordAudit(
      { actorId: userId, action: "user.password_changed", subjectType: "user", subjectId: userId },
      tx,
    );
  });
}

export function markEmailVerified(userId: number) {
  getDb()
    .update(users)
    .set({ emailVerifiedAt: new Date() })
    .where(and(eq(users.id, userId), sql`${users.emailVerifiedAt} is null`))
    .run();
}

export function updateUserSettings(userId: number, input: { name: string; locale: Locale | null }) {
  getDb()
    .update(users)
    .set({ name: input.name.trim(), locale: input.locale })
    .where(eq(users.id, userId))
    .run();
}

export function setUserLocale(userId: number, locale: Locale) {
  getDb().update(users).set({ locale }).where(eq(users.id, userId)).run();
}

export const USERS_PAGE_SIZE = 25;

export function listUsers({ query, page }: { query?: string; page: number }) {
  const db = getDb();
  const pattern = query ? `%${query.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
  const where = pattern
    ? or(
        sql`${users.name} like ${pattern} escape '\\'`,
        sql`${users.email} like ${pattern} escape '\\'`,
      )
    : undefined;
  const total = db.select({ n: count() }).from(users).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      verifiedAt: users.emailVerifiedAt,
    })
    .from(users)
    .where(where)
    .orderBy(asc(users.name), asc(users.id))
    .limit(USERS_PAGE_SIZE)
    .offset((page - 1) * USERS_PAGE_SIZE)
    .all();
  const roleRows = rows.length
    ? db
        .select({ userId: userRoles.userId, role: userRoles.role })
        .from(userRoles)
        .where(
          inArray(
            userRoles.userId,
            rows.map((r) => r.id),
          ),
        )
        .all()
    : [];
  return {
    total,
    users: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      emailVerified: r.verifiedAt !== null,
      roles: allRoles.filter((role) => roleRows.some((x) => x.userId === r.id && x.role === role)),
    })),
  };
}

export type RoleChangeResult = "changed" | "unchanged" | "not_found" | "own_roles";

/**
 * Grants or revokes a role, with an audit event in the same transaction. Revoking the coach role
 * ends their coaching in the same transaction; the caller re-checks their sockets after commit.
 */
export function changeRole(input: {
  actorId: number;
  userId: number;
  role: Role;
  grant: boolean;
}): RoleChangeResult {
  // Nobody grants or revokes their own roles: an organiser who could make themselves an
  // entrepreneur could invite themselves into any circle. Each attempt is kept in the audit log.
  if (input.actorId === input.userId) {
    recordAudit({
      actorId: input.actorId,
      action: "role.change_refused",
      subjectType: "user",
      subjectId: input.userId,
      details: { role: input.role, grant: input.grant, reason: "own_roles" },
    });
    return "own_roles";
  }
  const db = getDb();
  return db.transaction((tx) => {
    const target = tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).get();
    if (!target) return "not_found";
    const has = tx
      .select({ role: userRoles.role })
      .from(userRoles)
      .where(and(eq(userRoles.userId, input.userId), eq(userRoles.role, input.role)))
      .get();
    if (Boolean(has) === input.grant) return "unchanged";
    if (input.grant) {
      tx.insert(userRoles)
        .values({ userId: input.userId, role: input.role, grantedById: input.actorId })
        .run();
      notify(tx, {
        userId: input.userId,
        type: "role.granted",
        data: { role: input.role },
        url: "/dashboard",
      });
    } else {
      tx.delete(userRoles)
        .where(and(eq(userRoles.userId, input.userId), eq(userRoles.role, input.role)))
        .run();
      // Without the role they coach nothing: not their circles, not their programmes.
      if (input.role === "coach") {
        endCoaching(tx, { actorId: input.actorId, userId: input.userId, reason: "role_revoked" });
        const programmes = tx
          .delete(programmeCoaches)
          .where(eq(programmeCoaches.userId, input.userId))
          .returning({ programmeId: programmeCoaches.programmeId })
          .all();
        for (const { programmeId } of programmes)
          recordAudit(
            {
              actorId: input.actorId,
              action: "programme.coach_removed",
              subjectType: "programme",
              subjectId: programmeId,
              details: { userId: input.userId, reason: "role_revoked" },
            },
            tx,
          );
      }
    }
    recordAudit(
      {
        actorId: input.actorId,
        action: input.grant ? "role.granted" : "role.revoked",
        subjectType: "user",
        subjectId: input.userId,
        details: { role: input.role },
      },
      tx,
    );
    return "changed";
  });
}
