import crypto from "node:crypto";
import { getEnv } from "./env.server";

/**
 * One-click unsubscribe links: a token that names a user and a category, signed with an HMAC of
 * the session secret. It works without logging in, only for its own user and category, and any
 * change to it breaks the signature.
 */
function sign(payload: string) {
  return crypto
    .createHmac("sha256", `unsubscribe:${getEnv().SESSION_SECRET}`)
    .update(payload)
    .digest("base64url");
}

export function unsubscribeToken(userId: number, category: string): string {
  const payload = Buffer.from(`${userId}:${category}`).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

export function readUnsubscribeToken(token: string): { userId: number; category: string } | null {
  const [payload, signature, ...rest] = token.split(".");
  if (!payload || !signature || rest.length > 0) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  const [userId, category, ...more] = Buffer.from(payload, "base64url").toString("utf8").split(":");
  const id = Number(userId);
  if (!Number.isSafeInteger(id) || id <= 0 || !category || more.length > 0) return null;
  return { userId: id, category };
}
