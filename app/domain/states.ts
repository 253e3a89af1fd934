/**
 * The stored state lists of the domain. `db/schema.ts` imports them for its column enums, so the
 * domain and the UI never import the schema (and a new state is added in one place).
 */
export const locales = ["nl", "en"] as const;
export type Locale = (typeof locales)[number];

export const roles = ["entrepreneur", "ambassador", "coach", "organiser"] as const;
export type Role = (typeof roles)[number];

export const tokenPurposes = ["verify_email", "reset_password"] as const;
export type TokenPurpose = (typeof tokenPurposes)[number];

export const circleStatuses = ["forming", "active", "paused", "closed"] as const;
export type CircleStatus = (typeof circleStatuses)[number];

export const membershipStates = [
  "applied",
  "invited",
  "waitlisted",
  "member",
  "declined",
  "left",
  "removed",
] as const;
export type MembershipState = (typeof membershipStates)[number];

export const notificationChannels = ["immediate", "digest", "never"] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

export const outboxStatuses = ["pending", "sending", "sent", "failed", "skipped"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const outboxKinds = ["account", "notification", "digest"] as const;
export type OutboxKind = (typeof outboxKinds)[number];
