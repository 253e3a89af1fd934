import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { sessions } from "../../db/schema";
import { getDb } from "~/utils/db.server";
import {
  countUserSessions,
  createSession,
  deleteExpiredSessions,
  getSessionFromCookie,
  invalidateUserSessions,
  SESSION_LIFETIME_MS,
  serializeSessionCookie,
  validateSessionToken,
  validateSessionTokenWithUser,
} from "~/utils/session.server";
import { getAuth } from "~/utils/auth.server";
import { userRoles } from "../../db/schema";
import { makeUser } from "./helpers";

describe("sessions (Lucia's design)", () => {
  it("stores only a hash of the secret and validates the token", async () => {
    const { id: userId } = await makeUser();
    const { token, session } = createSession(userId);
    const [id, secret] = token.split(".");
    const row = getDb().select().from(sessions).where(eq(sessions.id, id!)).get()!;
    expect(row.userId).toBe(userId);
    expect(row.secretHash).not.toContain(secret!);
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(validateSessionToken(token)?.session.id).toBe(session.id);
  });

  it("refuses a wrong secret, a malformed token and an unknown id", async () => {
    const { id: userId } = await makeUser();
    const { token } = createSession(userId);
    const [id] = token.split(".");
    expect(validateSessionToken(`${id}.wrongsecretwrongsecretwrongsecret`)).toBeNull();
    expect(validateSessionToken(`${id}`)).toBeNull();
    expect(validateSessionToken(`${token}.extra`)).toBeNull();
    expect(validateSessionToken("unknown.secret")).toBeNull();
  });

  it("expires and deletes old sessions", async () => {
    const { id: userId } = await makeUser();
    const start = new Date("2027-01-01T10:00:00Z");
    const { token, session } = createSession(userId, start);
    const later = new Date(start.getTime() + SESSION_LIFETIME_MS + 1000);
    expect(validateSessionToken(token, later)).toBeNull();
    expect(
      getDb().select().from(sessions).where(eq(sessions.id, session.id)).get(),
    ).toBeUndefined();
  });

  it("slides: a session used in the second half of its life is extended", async () => {
    const { id: userId } = await makeUser();
    const start = new Date("2027-01-01T10:00:00Z");
    const { token } = createSession(userId, start);
    const early = validateSessionToken(token, new Date(start.getTime() + 60_000));
    expect(early?.fresh).toBe(false);
    const lateNow = new Date(start.getTime() + SESSION_LIFETIME_MS * 0.75);
    const late = validateSessionToken(token, lateNow);
    expect(late?.fresh).toBe(true);
    expect(late?.session.expiresAt.getTime()).toBe(lateNow.getTime() + SESSION_LIFETIME_MS);
  });

  it("reads the token from an HttpOnly, SameSite=Lax cookie", async () => {
    const { id: userId } = await makeUser();
    const { token, session } = createSession(userId);
    const setCookie = await serializeSessionCookie(token, session.expiresAt);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/); // only in production
    const found = await getSessionFromCookie(setCookie.split(";")[0]);
    expect(found?.session.userId).toBe(userId);
    expect(await getSessionFromCookie("kw_session=tampered")).toBeNull();
  });

  it("sweeps expired sessions and keeps live ones", async () => {
    const { id: userId } = await makeUser();
    const old = createSession(userId, new Date("2020-01-01T00:00:00Z"));
    const live = createSession(userId);
    deleteExpiredSessions();
    expect(
      getDb().select().from(sessions).where(eq(sessions.id, old.session.id)).get(),
    ).toBeUndefined();
    expect(validateSessionToken(live.token)).not.toBeNull();
  });

  it("logs out everywhere, optionally keeping the current session", async () => {
    const { id: userId } = await makeUser();
    const a = createSession(userId);
    createSession(userId);
    createSession(userId);
    expect(countUserSessions(userId)).toBe(3);
    invalidateUserSessions(userId, a.session.id);
    expect(countUserSessions(userId)).toBe(1);
    expect(validateSessionToken(a.token)).not.toBeNull();
    invalidateUserSessions(userId);
    expect(countUserSessions(userId)).toBe(0);
  });

  it("finds the session, its user and the roles in one lookup, with the same checks", async () => {
    const { id: userId, email } = await makeUser({ roles: ["organiser", "coach"] });
    const start = new Date("2027-01-01T10:00:00Z");
    const { token, session } = createSession(userId, start);
    const [id] = token.split(".");
    const found = validateSessionTokenWithUser(token, new Date(start.getTime() + 60_000));
    expect(found?.session).toEqual(session);
    expect(found?.fresh).toBe(false);
    expect(found?.user).toMatchObject({
      id: userId,
      email,
      locale: null,
      roles: expect.any(String),
    });
    expect(found?.user.emailVerifiedAt).toBeInstanceOf(Date);

    expect(validateSessionTokenWithUser(`${id}.wrongsecretwrongsecretwrongsecret`)).toBeNull();
    expect(validateSessionTokenWithUser(`${token}.extra`)).toBeNull();
    expect(validateSessionTokenWithUser("unknown.secret")).toBeNull();
    const lateNow = new Date(start.getTime() + SESSION_LIFETIME_MS * 0.75);
    expect(validateSessionTokenWithUser(token, lateNow)?.fresh).toBe(true);
    const expired = new Date(lateNow.getTime() + SESSION_LIFETIME_MS + 1000);
    expect(validateSessionTokenWithUser(token, expired)).toBeNull();
    expect(getDb().select().from(sessions).where(eq(sessions.id, id!)).get()).toBeUndefined();
  });

  it("gives getAuth the user's roles in the fixed order, and none when there are none", async () => {
    const { id: userId } = await makeUser({ roles: ["organiser", "entrepreneur", "coach"] });
    const { token, session } = createSession(userId);
    const cookie = (await serializeSessionCookie(token, session.expiresAt)).split(";")[0]!;
    const request = () => new Request("http://localhost/", { headers: { Cookie: cookie } });
    expect((await getAuth(request()))?.user.roles).toEqual(["entrepreneur", "coach", "organiser"]);

    getDb().delete(userRoles).where(eq(userRoles.userId, userId)).run();
    const auth = await getAuth(request());
    expect(auth?.user).toMatchObject({ id: userId, roles: [], emailVerified: true });
    expect(auth?.token).toBe(token);
  });
});
