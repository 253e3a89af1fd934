import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { singleton } from "./singleton.server";

/**
 * Limits on contact requests, in memory like the account limits (rate-limit.server.ts: one
 * process, reset on restart). Per client address, so one source cannot flood the ambassadors;
 * per sender address and ambassador, so nobody can make one ambassador's inbox (and the
 * answers' mails) a channel to one mailbox. Only requests that would be stored count: a form
 * with a mistake costs nothing. Kept apart from rate-limit.server.ts so the parts of the
 * ambassadors issue do not all edit that one object.
 */
export const CONTACT_PER_IP_PER_HOUR = 5;
export const CONTACT_PER_EMAIL_PER_DAY = 3;

const limiters = singleton("contact-rate-limiters", () => ({
  ip: new RateLimiterMemory({
    keyPrefix: "contact-ip",
    points: CONTACT_PER_IP_PER_HOUR,
    duration: 60 * 60,
  }),
  emailAmbassador: new RateLimiterMemory({
    keyPrefix: "contact-email-ambassador",
    points: CONTACT_PER_EMAIL_PER_DAY,
    duration: 24 * 60 * 60,
  }),
}));

/**
 * Whether this request may be stored; when not, the seconds to wait. The address limit is
 * checked first and the other only consumed when the first passed, so a refused request costs
 * the sender's other counter nothing.
 */
export async function consumeContactLimit(input: {
  ip: string;
  email: string;
  ambassadorId: number;
}): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const emailKey = JSON.stringify([input.email.trim().toLowerCase(), input.ambassadorId]);
  for (const [limiter, key] of [
    [limiters.ip, input.ip],
    [limiters.emailAmbassador, emailKey],
  ] as const) {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
    }
  }
  return { ok: true };
}
