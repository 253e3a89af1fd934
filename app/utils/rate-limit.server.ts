import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { singleton } from "./singleton.server";

/**
 * Brute-force protection for login and password reset: per client IP and per account. One
 * process serves Kringwijs, so an in-memory store is enough; it resets on restart.
 */
const limiters = singleton("rate-limiters", () => ({
  loginIp: new RateLimiterMemory({ keyPrefix: "login-ip", points: 30, duration: 15 * 60 }),
  loginAccount: new RateLimiterMemory({ keyPrefix: "login-account", points: 8, duration: 15 * 60 }),
  resetIp: new RateLimiterMemory({ keyPrefix: "reset-ip", points: 10, duration: 60 * 60 }),
  resetAccount: new RateLimiterMemory({ keyPrefix: "reset-account", points: 3, duration: 60 * 60 }),
  signupIp: new RateLimiterMemory({ keyPrefix: "signup-ip", points: 20, duration: 60 * 60 }),
}));

export type LimiterName = keyof typeof limiters;

/** Consumes one point from each key; returns the seconds to wait when any is exhausted. */
export async function consumeRateLimit(
  checks: Array<[LimiterName, string]>,
): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  let wait = 0;
  for (const [name, key] of checks) {
    try {
      await limiters[name].consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      wait = Math.max(wait, Math.ceil(error.msBeforeNext / 1000));
    }
  }
  return wait > 0 ? { ok: false, retryAfterSeconds: wait } : { ok: true };
}

/** A successful login clears the account's failures. */
export async function resetRateLimit(name: LimiterName, key: string) {
  await limiters[name].delete(key);
}
