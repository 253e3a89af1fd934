/**
 * Sessions after Lucia's current guide (the `lucia` package itself is deprecated): a token
 * `<id>.<secret>` lives in an HttpOnly cookie; the database keeps the id and a SHA-256 hash of
 * the secret, compared in constant time. Sessions slide: used within the last half of their
 * lifetime, they are extended. Deleting a user's rows logs them out everywhere.
 */
import { createCookie } from "@remix-run/node";
import { and, count, eq, lt, ne, sql } from "drizzle-orm";
import { sessions, userRoles, users } from "../../db/schema";
import { generateSecureRandomString, digestsEqual, hashSecret } from "./crypto.server";
import { getDb, type DB } from "./db.server";
import { getEnv } from "./env.server";

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
const RENEW_WHEN_LEFT_MS = SESSION_LIFETIME_MS / 2;

export const sessionCookie = createCookie("kw_session", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: getEnv().NODE_ENV === "production",
  maxAge: SESSION_LIFETIME_MS / 1000,
  // Signing adds nothing to the token's secrecy, but lets Remix parse it without a warning.
  secrets: [getEnv().SESSION_SECRET],
});

export type Session = { id: string; userId: number; expiresAt: Date };

export type SessionValidation = { session: Session; fresh: boolean } | null;

export function createSession(
  userId: number,
  now = new Date(),
): { token: string; session: Session } {
  const id = generateSecureRandomString(15);
  const secret = generateSecureRandomString(24);
  const session = { id, userId, expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS) };
  getDb()
    .insert(sessions)
    .values({ ...session, secretHash: hashSecret(secret) })
    .run();
  return { token: `${id}.${secret}`, session };
}

function splitToken(token: string): { id: string; secret: string } | null {
  const [id, secret, ...rest] = token.split(".");
  return id && secret && rest.length === 0 ? { id, secret } : null;
}

/** Checks the secret and the expiry of a looked-up row; expired rows go, old ones are extended. */
function checkSession(
  id: string,
  secret: string,
  row: { userId: number; secretHash: string; expiresAt: Date } | undefined,
  now: Date,
): SessionValidation {
  if (!row) return null;
  if (!digestsEqual(hashSecret(secret), row.secretHash)) return null;
  const db = getDb();
  if (row.expiresAt.getTime() <= now.getTime()) {
    db.delete(sessions).where(eq(sessions.id, id)).run();
    return null;
  }
  const session = { id, userId: row.userId, expiresAt: row.expiresAt };
  if (row.expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT_MS) {
    session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, id)).run();
    return { session, fresh: true };
  }
  return { session, fresh: false };
}

export function validateSessionToken(token: string, now = new Date()): SessionValidation {
  const parts = splitToken(token);
  if (!parts) return null;
  const row = getDb().select().from(sessions).where(eq(sessions.id, parts.id)).get();
  return checkSession(parts.id, parts.secret, row, now);
}

function buildSessionWithUserQuery(db: DB) {
  return db
    .select({
      userId: sessions.userId,
      secretHash: sessions.secretHash,
      expiresAt: sessions.expiresAt,
      name: users.name,
      email: users.email,
      locale: users.locale,
      emailVerifiedAt: users.emailVerifiedAt,
      roles: sql<
        string | null
      >`(select group_concat(${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder("id")))
    .prepare();
}

// Prepared once per connection (the tests open one per file).
const sessionWithUserQueries = new WeakMap<DB, ReturnType<typeof buildSessionWithUserQuery>>();

export type SessionUserRow = {
  id: number;
  name: string;
  email: string;
  locale: (typeof users.$inferSelect)["locale"];
  emailVerifiedAt: Date | null;
  /** The user's roles, comma-separated, in no particular order; null when there are none. */
  roles: string | null;
};

/**
 * What every signed-in request needs, in one indexed query: the session (by its primary key),
 * its user and the user's roles (by the user_role primary key).
 */
export function validateSessionTokenWithUser(
  token: string,
  now = new Date(),
): (NonNullable<SessionValidation> & { user: SessionUserRow }) | null {
  const parts = splitToken(token);
  if (!parts) return null;
  const db = getDb();
  let query = sessionWithUserQueries.get(db);
  if (!query) {
    query = buildSessionWithUserQuery(db);
    sessionWithUserQueries.set(db, query);
  }
  const row = query.get({ id: parts.id });
  const validation = checkSession(parts.id, parts.secret, row, now);
  if (!validation || !row) return null;
  const { name, email, locale, emailVerifiedAt, roles } = row;
  return {
    ...validation,
    user: { id: row.userId, name, email, locale, emailVerifiedAt, roles },
  };
}

/** Whether a session still exists and has not expired (for sockets, which hold only its id). */
export function isSessionActive(id: string, now = new Date()): boolean {
  const row = getDb()
    .select({ expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(eq(sessions.id, id))
    .get();
  return !!row && row.expiresAt.getTime() > now.getTime();
}

export function invalidateSession(id: string) {
  getDb().delete(sessions).where(eq(sessions.id, id)).run();
}

/** "Log out everywhere" (optionally keeping the current session), also used after a reset. */
export function invalidateUserSessions(userId: number, exceptSessionId?: string) {
  const mine = eq(sessions.userId, userId);
  getDb()
    .delete(sessions)
    .where(exceptSessionId ? and(mine, ne(sessions.id, exceptSessionId)) : mine)
    .run();
}

export function deleteExpiredSessions(now = new Date()) {
  getDb().delete(sessions).where(lt(sessions.expiresAt, now)).run();
}

export function countUserSessions(userId: number): number {
  return (
    getDb().select({ n: count() }).from(sessions).where(eq(sessions.userId, userId)).get()?.n ?? 0
  );
}

export async function readSessionToken(
  cookieHeader: string | null | undefined,
): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(cookieHeader ?? null);
  return typeof value === "string" && value.length > 0 ? value : null;
}

export function serializeSessionCookie(token: string, expiresAt: Date) {
  return sessionCookie.serialize(token, { expires: expiresAt });
}

export function serializeBlankSessionCookie() {
  return sessionCookie.serialize("", { maxAge: 0 });
}

/** The valid session for a Cookie header (with the token, to renew the cookie), or null. */
export async function getSessionFromCookie(cookieHeader: string | null | undefined) {
  const token = await readSessionToken(cookieHeader);
  const validation = token ? validateSessionToken(token) : null;
  return validation && token ? { ...validation, token } : null;
}
