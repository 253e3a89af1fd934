import { redirect } from "@remix-run/node";
import { can, type PlainAction } from "../domain/permissions";
import type { Publisher } from "../server/realtime.server";
import { userSummaryFromRow, type UserSummary } from "../models/users.server";
import { forbidden } from "./http.server";
import { noteRequestUser } from "./request-facts.server";
import {
  createSession,
  getSessionFromCookie,
  invalidateSession,
  readSessionToken,
  serializeBlankSessionCookie,
  serializeSessionCookie,
  validateSessionTokenWithUser,
  type Session,
} from "./session.server";

export type Auth = { user: UserSummary; session: Session; fresh: boolean; token: string };

/** The signed-in user of this request, or null. */
export async function getAuth(request: Request): Promise<Auth | null> {
  const token = await readSessionToken(request.headers.get("Cookie"));
  const found = token ? validateSessionTokenWithUser(token) : null;
  if (!token || !found) return null;
  const user = userSummaryFromRow(found.user);
  noteRequestUser(user.id);
  return { user, session: found.session, fresh: found.fresh, token };
}

export async function getOptionalUser(request: Request) {
  return (await getAuth(request))?.user ?? null;
}

/** The one way to send a visitor to the login page, remembering where they were going. */
export function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const redirectTo = url.pathname + url.search;
  const params = new URLSearchParams(redirectTo === "/" ? {} : { redirectTo });
  return redirect(`/login${params.size ? `?${params}` : ""}`);
}

/** Throws a redirect to the login page when nobody is signed in. */
export async function requireUser(request: Request): Promise<UserSummary> {
  const auth = await getAuth(request);
  if (!auth) throw loginRedirect(request);
  return auth.user;
}

export async function requireAuth(request: Request): Promise<Auth> {
  const auth = await getAuth(request);
  if (!auth) throw loginRedirect(request);
  return auth;
}

/** Throws a 403 when the signed-in user may not do `action`. */
export async function requirePermission(
  request: Request,
  action: PlainAction,
): Promise<UserSummary> {
  const user = await requireUser(request);
  if (!can(user, action)) forbidden();
  return user;
}

/** Signed-in people have no business on the login and sign-up pages. */
export async function requireAnonymous(request: Request) {
  if (await getAuth(request)) throw redirect("/dashboard");
}

/** Starts a session and returns the Set-Cookie header value for it. */
export async function startSession(userId: number): Promise<string> {
  const { token, session } = createSession(userId);
  return serializeSessionCookie(token, session.expiresAt);
}

/** When the session was just extended, the cookie has to be renewed with the new expiry. */
export async function renewedSessionCookie(auth: Auth | null): Promise<string | null> {
  return auth?.fresh ? serializeSessionCookie(auth.token, auth.session.expiresAt) : null;
}

/**
 * Ends this request's session and closes the sockets opened under it, so that browser hears
 * nothing more; returns the Set-Cookie header value that clears the cookie.
 */
export async function endSession(request: Request, publisher: Publisher): Promise<string> {
  const validation = await getSessionFromCookie(request.headers.get("Cookie"));
  if (validation) {
    invalidateSession(validation.session.id);
    publisher.disconnectSession(validation.session.id);
  }
  return serializeBlankSessionCookie();
}
