import { json } from "@remix-run/node";
import { appBaseUrl } from "./env.server";

/** Thrown by guards; the error boundary renders a friendly page for each status. */
export function forbidden(): never {
  throw json({ status: 403 }, { status: 403 });
}

export function notFound(): never {
  throw json({ status: 404 }, { status: 404 });
}

/**
 * C0 and C1 control characters, DEL and backslashes: browsers drop tabs and newlines from URLs
 * and read a backslash as a slash, which turns `/\t/evil.example` or `/\\evil.example` into
 * `//evil.example`. A newline would also break the Location header (a 500 before).
 */
function hasUnsafeCharacter(value: string) {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x5c) return true;
  }
  return false;
}

/**
 * A `redirectTo` from the client, or `fallback`. Only a path on this site passes: it starts with
 * one slash, holds no control characters or backslashes (not even percent-encoded, in case a
 * proxy decodes once more), and resolved against the app's own URL it keeps the app's origin.
 * The result is the parsed path, so the Location header gets exactly what was checked.
 */
/**
 * Where a sign-up continues once the address is confirmed: only a circle's page (from a story or
 * an ambassador's profile to a circle, the signup carries it through the verification link).
 * Anything else is dropped, so the mail's link can never send someone elsewhere.
 */
export function signupNext(value: FormDataEntryValue | string | null | undefined): string | null {
  const path = safeRedirect(value, "");
  return /^\/circles\/[1-9]\d{0,8}$/.test(path) ? path : null;
}

export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  fallback = "/dashboard",
) {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//")) return fallback;
  if (hasUnsafeCharacter(to)) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(to);
  } catch {
    return fallback;
  }
  if (decoded.startsWith("//") || hasUnsafeCharacter(decoded)) return fallback;
  const base = new URL(appBaseUrl());
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin) return fallback;
  // Parsing removes dot segments, so "/.//evil.example" becomes "//evil.example": check the
  // path that will actually be sent, not only what came in.
  if (url.pathname.startsWith("//") || url.pathname.startsWith("/\\")) return fallback;
  return url.pathname + url.search + url.hash;
}

/** A route param as a positive id, or a 404. */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!value || !/^\d{1,12}$/.test(value) || !Number.isSafeInteger(id) || id <= 0) notFound();
  return id;
}
