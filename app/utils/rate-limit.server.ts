import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { singleton } from "./singleton.server";

/**
 * Brute-force protection. One process serves Kringwijs, so in-memory stores are enough; they
 * reset on restart. Behind a reverse proxy set TRUST_PROXY=true, or every visitor shares the
 * proxy's address and one attacker's failures count for everybody.
 */
const limiters = singleton("rate-limiters", () => ({
  // Keyed by address *and* IP, so requests from elsewhere cannot keep the owner from a new
  // password; the per-IP limit caps how many accounts one source can mail.
  resetIp: new RateLimiterMemory({ keyPrefix: "reset-ip", points: 10, duration: 60 * 60 }),
  resetAccountIp: new RateLimiterMemory({
    keyPrefix: "reset-account-ip",
    points: 3,
    duration: 60 * 60,
  }),
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

/** The key for "this address, a password reset from any IP", as used by `resetAccountIp`. */
export function accountIpKey(account: string, ip: string) {
  return JSON.stringify([account, ip]);
}

// Login follows rate-limiter-flexible's "login endpoint protection" example: only failures
// count; consecutive failures per address *and* IP (so failures from one place never lock the
// owner out elsewhere), and a larger daily limit per IP against slow guessing across accounts.
export const LOGIN_CONSECUTIVE_FAILS = 10;
export const LOGIN_DAILY_FAILS_PER_IP = 100;

const login = singleton("login-limiters", () => ({
  consecutive: new RateLimiterMemory({
    keyPrefix: "login-fail-account-ip",
    points: LOGIN_CONSECUTIVE_FAILS,
    duration: 24 * 60 * 60,
    blockDuration: 15 * 60,
  }),
  daily: new RateLimiterMemory({
    keyPrefix: "login-fail-ip-per-day",
    points: LOGIN_DAILY_FAILS_PER_IP,
    duration: 24 * 60 * 60,
    blockDuration: 24 * 60 * 60,
  }),
  // A memory store cannot list an address's keys across IPs, so a password reset moves the
  // address to a new generation instead: its old counters and blocks no longer apply.
  generations: new Map<string, number>(),
}));

function consecutiveKey(account: string, ip: string) {
  return JSON.stringify([account, ip, login.generations.get(account) ?? 0]);
}

const secondsLeft = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** Seconds to wait when this address from this IP, or this IP altogether, is blocked. */
export async function loginBlockedFor(account: string, ip: string): Promise<number | null> {
  const [byAccountIp, byIp] = await Promise.all([
    login.consecutive.get(consecutiveKey(account, ip)),
    login.daily.get(ip),
  ]);
  if (byIp && byIp.consumedPoints > LOGIN_DAILY_FAILS_PER_IP) return secondsLeft(byIp);
  if (byAccountIp && byAccountIp.consumedPoints > LOGIN_CONSECUTIVE_FAILS)
    return secondsLeft(byAccountIp);
  return null;
}

/**
 * Counts a wrong password, for known and unknown addresses alike (so the limit says nothing
 * about which addresses have an account). Returns the seconds to wait when this failure hit a
 * limit.
 */
export async function recordLoginFailure(account: string, ip: string): Promise<number | null> {
  let wait: number | null = null;
  for (const [limiter, key] of [
    [login.daily, ip],
    [login.consecutive, consecutiveKey(account, ip)],
  ] as const) {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      wait = Math.max(wait ?? 0, secondsLeft(error));
    }
  }
  return wait;
}

/** A successful login ends the run of consecutive failures for this address and IP. */
export async function recordLoginSuccess(account: string, ip: string) {
  await login.consecutive.delete(consecutiveKey(account, ip));
}

/** After a password reset the owner can log in from anywhere at once. */
export function clearLoginBlocks(account: string) {
  login.generations.set(account, (login.generations.get(account) ?? 0) + 1);
}
