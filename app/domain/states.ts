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

// Meetings (the meetings issue).
export const pollStatuses = ["open", "decided", "cancelled"] as const;
export type PollStatus = (typeof pollStatuses)[number];

/** A member's answer to one proposed slot: "ja", "als het moet", "nee". */
export const pollAnswers = ["yes", "maybe", "no"] as const;
export type PollAnswer = (typeof pollAnswers)[number];

export const meetingStatuses = ["scheduled", "cancelled"] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/** Where a meeting happens: an address, a member's company ("kijkje in de keuken"), or online. */
export const locationKinds = ["address", "company", "video"] as const;
export type LocationKind = (typeof locationKinds)[number];

/** What someone answered; a yes past capacity waits ("waitlisted") until a seat frees. */
export const rsvpStates = ["going", "waitlisted", "maybe", "declined"] as const;
export type RsvpState = (typeof rsvpStates)[number];
export const rsvpAnswers = ["yes", "maybe", "no"] as const;
export type RsvpAnswer = (typeof rsvpAnswers)[number];

export const caseUrgencies = ["low", "medium", "high"] as const;
export type CaseUrgency = (typeof caseUrgencies)[number];

export const actionItemStatuses = ["open", "done"] as const;
export type ActionItemStatus = (typeof actionItemStatuses)[number];

/** Work the worker does at a set time; rows live in `scheduled_job` (see models/jobs.server.ts). */
export const jobKinds = [
  "meeting.reminder_48h",
  "meeting.reminder_2h",
  "meeting.feedback",
  "poll.reminder",
] as const;
export type JobKind = (typeof jobKinds)[number];
export const jobStatuses = ["pending", "done", "cancelled", "failed"] as const;
export type JobStatus = (typeof jobStatuses)[number];

// Ambassadors and the knowledge bank (the ambassadors issue).
/** What an ambassador offers a fellow entrepreneur. */
export const ambassadorOffers = ["talk", "company_visit", "conversation"] as const;
export type AmbassadorOffer = (typeof ambassadorOffers)[number];

/** The parts of an ambassador's profile they can show or hide (the name always shows). */
export const profileFields = [
  "photo",
  "company",
  "sector",
  "sizeClass",
  "lifePhase",
  "province",
  "themes",
  "bio",
  "offers",
  "availability",
] as const;
export type ProfileField = (typeof profileFields)[number];

/**
 * A practice story by an ambassador; a tool, scan or link added by staff; or a lesson from a
 * circle (borging: a coach's anonymised draft from a meeting summary or a thread).
 */
export const knowledgeKinds = ["story", "tool", "scan", "link", "lesson"] as const;
export type KnowledgeKind = (typeof knowledgeKinds)[number];

/** Draft until published; unpublished takes it off the public pages again. */
export const knowledgeStatuses = ["draft", "published", "unpublished"] as const;
export type KnowledgeStatus = (typeof knowledgeStatuses)[number];

export const contactStatuses = ["open", "answered", "closed"] as const;
export type ContactStatus = (typeof contactStatuses)[number];

/** The wegwijzer's kinds of support organisation. */
export const supportKinds = [
  "innovation_desk",
  "expertise_centre",
  "development_agency",
  "funding_scheme",
  "network",
] as const;
export type SupportKind = (typeof supportKinds)[number];

/** What is counted about an ambassador's reach: profile views and card (QR) scans, per day. */
export const reachKinds = ["profile_view", "card_scan"] as const;
export type ReachKind = (typeof reachKinds)[number];
