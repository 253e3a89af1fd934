import type { Role } from "../../db/schema";

/** The smallest view of a user that a permission decision needs. */
export type Actor = { id: number; roles: readonly Role[] } | null;

export type Action =
  | "account.view" // own settings and sessions
  | "users.manage_roles" // the organisers' user list
  | "admin.view"; // the organiser's admin area in the navigation

/**
 * The one policy: every loader and action asks here, and the navigation shows what this allows.
 * Later issues add resource-aware actions (circles, threads, meetings) to the same function.
 */
export function can(actor: Actor, action: Action): boolean {
  if (!actor) return false;
  switch (action) {
    case "account.view":
      return true;
    case "users.manage_roles":
    case "admin.view":
      return actor.roles.includes("organiser");
  }
}
