/**
 * The shape of a row in the ambassadors issue's matrix. Each feature keeps its rows in a file of
 * its own here (ambassadors.ts, knowledge.ts, support.ts); authorization-public.test.ts runs
 * them all, and authorization.test.ts counts their routes as covered.
 */
import { publicPersonas, type PublicPersona, type PublicWorld } from "./public-world";

/** ok = 2xx; login = redirect to the login page; redirect = any other redirect; or a status. */
export type Outcome = "ok" | "login" | "redirect" | 400 | 403 | 404;
export type PublicExpect = Record<PublicPersona, Outcome>;

export type PublicRow = {
  path: (w: PublicWorld) => string;
  params?: (w: PublicWorld) => Record<string, string>;
  loader?: PublicExpect;
  action?: { fields: (w: PublicWorld) => Record<string, string>; expect: PublicExpect };
};

export const everyone = (o: Outcome): PublicExpect =>
  Object.fromEntries(publicPersonas.map((p) => [p, o])) as PublicExpect;
/** Signed-in people get `o` (or what `allowed` says); the anonymous visitor goes to log in. */
export const signedInOnly = (
  allowed: Partial<Record<PublicPersona, Outcome>>,
  otherwise: Outcome = 403,
): PublicExpect => ({ ...everyone(otherwise), anonymous: "login", ...allowed });
