import { sql } from "drizzle-orm";
import {
  blob,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import type { ambassadorOffers, profileFields } from "../app/domain/states";
import {
  actionItemStatuses,
  caseUrgencies,
  contactStatuses,
  knowledgeKinds,
  knowledgeStatuses,
  reachKinds,
  supportKinds,
  circleStatuses,
  jobKinds,
  jobStatuses,
  locales,
  locationKinds,
  meetingStatuses,
  pollAnswers,
  pollStatuses,
  rsvpStates,
  membershipStates,
  notificationChannels,
  outboxKinds,
  outboxStatuses,
  roles,
  tokenPurposes,
} from "../app/domain/states";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const users = sqliteTable(
  "user",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    /** Preferred UI and e-mail language; null means "follow the browser". */
    locale: text("locale", { enum: locales }),
    emailVerifiedAt: integer("email_verified_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("user_email_unique").on(t.email)],
);

export const userRoles = sqliteTable(
  "user_role",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: roles }).notNull(),
    grantedById: integer("granted_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** Lucia-style sessions: the id is public, only a SHA-256 hash of the secret half is stored. */
export const sessions = sqliteTable(
  "session",
  {
    id: text("id").primaryKey(),
    secretHash: text("secret_hash").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("session_user_idx").on(t.userId)],
);

/** Single-use e-mail tokens (verification, password reset); only their hash is stored. */
export const userTokens = sqliteTable(
  "user_token",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: tokenPurposes }).notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("user_token_hash_unique").on(t.tokenHash),
    index("user_token_user_idx").on(t.userId),
  ],
);

/** An entrepreneur's company. Taxonomy codes are defined in app/domain/taxonomy.ts. */
export const companies = sqliteTable(
  "company",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kvkNumber: text("kvk_number"),
    /** SBI 2008 section letter, and optionally the 2-digit division. */
    sector: text("sector"),
    sbiDivision: text("sbi_division"),
    /** The size class is derived from this (0 = solo, up to 249). */
    employees: integer("employees"),
    foundedYear: integer("founded_year"),
    lifePhase: text("life_phase"),
    province: text("province"),
    municipality: text("municipality"),
    familyBusiness: integer("family_business", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("company_owner_unique").on(t.ownerId)],
);

/** Who did what to whom, and when. Details are a small JSON object, never secrets. */
export const auditEvents = sqliteTable(
  "audit_event",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: integer("subject_id"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index("audit_subject_idx").on(t.subjectType, t.subjectId)],
);

// ---------------------------------------------------------------------------------------------
// Companies, profiles, programmes, circles and memberships (the circles issue).

/** What an entrepreneur tells about themselves beyond the company: the input for matching. */
export const profiles = sqliteTable("profile", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  companyRole: text("company_role", { enum: ["owner", "manager", "employee"] }),
  themes: text("themes", { mode: "json" })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  dayParts: text("day_parts", { mode: "json" })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  meetingMode: text("meeting_mode", { enum: ["in_person", "online", "either"] }),
  willingToHost: integer("willing_to_host", { mode: "boolean" }).notNull().default(false),
  /** Does not mind a direct competitor (same branch, same town) in their circle. */
  competitorsOk: integer("competitors_ok", { mode: "boolean" }).notNull().default(false),
  /** The learning question, in three guided parts. */
  questionSituation: text("question_situation"),
  questionTried: text("question_tried"),
  questionWish: text("question_wish"),
  readyToMatch: integer("ready_to_match", { mode: "boolean" }).notNull().default(false),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
});

export const programmes = sqliteTable("programme", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  themes: text("themes", { mode: "json" })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  /** A province code, or null for a national programme. */
  province: text("province"),
  startsOn: text("starts_on").notNull(),
  endsOn: text("ends_on").notNull(),
  sizeMin: integer("size_min").notNull().default(5),
  sizeTarget: integer("size_target").notNull().default(8),
  sizeMax: integer("size_max").notNull().default(12),
  sectorPolicy: text("sector_policy", { enum: ["same", "mixed"] })
    .notNull()
    .default("mixed"),
  weights: text("weights", { mode: "json" })
    .$type<Record<string, number>>()
    .notNull()
    .default(sql`'{}'`),
  archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
  createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

export const programmeCoaches = sqliteTable(
  "programme_coach",
  {
    programmeId: integer("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.userId] })],
);

export const circles = sqliteTable(
  "circle",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    theme: text("theme").notNull(),
    description: text("description").notNull().default(""),
    status: text("status", { enum: circleStatuses }).notNull().default("forming"),
    capacityMin: integer("capacity_min").notNull(),
    capacityMax: integer("capacity_max").notNull(),
    timeCommitment: text("time_commitment").notNull().default(""),
    meetingMode: text("meeting_mode", { enum: ["in_person", "online", "hybrid"] }).notNull(),
    dayPart: text("day_part"),
    province: text("province"),
    /** Whether entrepreneurs may apply; an organiser can close the door while forming by invitation. */
    openForApplications: integer("open_for_applications", { mode: "boolean" })
      .notNull()
      .default(true),
    houseRules: text("house_rules").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("circle_programme_idx").on(t.programmeId), index("circle_status_idx").on(t.status)],
);

export const circleCoaches = sqliteTable(
  "circle_coach",
  {
    circleId: integer("circle_id")
      .notNull()
      .references(() => circles.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.circleId, t.userId] }),
    index("circle_coach_user_idx").on(t.userId),
  ],
);

export const memberships = sqliteTable(
  "membership",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    circleId: integer("circle_id")
      .notNull()
      .references(() => circles.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    state: text("state", { enum: membershipStates }).notNull(),
    motivation: text("motivation"),
    /** The coach's message with a decision, or the reason for a removal. */
    message: text("message"),
    invitedById: integer("invited_by_id").references(() => users.id, { onDelete: "set null" }),
    houseRulesAcceptedAt: integer("house_rules_accepted_at", { mode: "timestamp_ms" }),
    /** Orders the waitlist: the moment the person joined it. */
    waitlistedAt: integer("waitlisted_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("membership_circle_user_unique").on(t.circleId, t.userId),
    index("membership_user_idx").on(t.userId),
    index("membership_circle_state_idx").on(t.circleId, t.state),
  ],
);

// ---------------------------------------------------------------------------------------------
// Notifications and the e-mail outbox (the notifications issue).

export const notifications = sqliteTable(
  "notification",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** A type from app/domain/notifications.ts; its category decides the e-mail channel. */
    type: text("type").notNull(),
    category: text("category").notNull(),
    circleId: integer("circle_id").references(() => circles.id, { onDelete: "cascade" }),
    /** Values for the message (names, a short excerpt), never more than the recipient may see. */
    data: text("data", { mode: "json" })
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'`),
    url: text("url").notNull(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    /** Set once an e-mail (immediate or digest) has covered this notification. */
    emailedAt: integer("emailed_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("notification_user_idx").on(t.userId, t.readAt),
    index("notification_user_created_idx").on(t.userId, t.createdAt),
  ],
);

export const notificationPreferences = sqliteTable(
  "notification_preference",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    category: text("category").notNull(),
    channel: text("channel", { enum: notificationChannels }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.category] })],
);

/** When a user's daily digest goes out (Europe/Amsterdam) and when the last one went. */
export const digestSettings = sqliteTable("digest_setting", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  hour: integer("hour").notNull().default(8),
  lastSentAt: integer("last_sent_at", { mode: "timestamp_ms" }),
});

/**
 * Every e-mail, written in the same transaction as the event that caused it. A worker sends
 * pending rows with retries; see app/models/outbox.server.ts.
 */
export const emailOutbox = sqliteTable(
  "email_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** The notification this mail is about; if it is read before sending, the mail is skipped. */
    notificationId: integer("notification_id").references(() => notifications.id, {
      onDelete: "set null",
    }),
    kind: text("kind", { enum: outboxKinds }).notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    headers: text("headers", { mode: "json" })
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'`),
    status: text("status", { enum: outboxStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    lastError: text("last_error"),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("email_outbox_due_idx").on(t.status, t.nextAttemptAt)],
);

// ---------------------------------------------------------------------------------------------
// Matching proposals (the matching issue).

/**
 * A proposal for a programme: the policy it ran with and the circles it proposes (member ids),
 * saved so an organiser can come back to it, adjust it and accept it.
 */
export const matchingProposals = sqliteTable(
  "matching_proposal",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    policy: text("policy", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    /** Proposed circles as lists of user ids, in order. */
    circles: text("circles", { mode: "json" }).$type<number[][]>().notNull(),
    seed: integer("seed").notNull(),
    acceptedAt: integer("accepted_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("matching_proposal_programme_idx").on(t.programmeId)],
);

/**
 * A matching run: the engine works in a worker thread, so a run outlives the request that started
 * it. At most one runs per programme (the partial unique index). `timed_out` means the time budget
 * ran out and the proposal holds the best result found until then.
 */
export const matchingRuns = sqliteTable(
  "matching_run",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status", {
      enum: ["running", "done", "timed_out", "cancelled", "failed"],
    }).notNull(),
    /** How far the run is, in thousandths (an estimate), updated as the worker reports. */
    progress: integer("progress_permille").notNull().default(0),
    candidates: integer("candidates").notNull().default(0),
    proposalId: integer("proposal_id").references(() => matchingProposals.id, {
      onDelete: "set null",
    }),
    startedAt: createdAt(),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("matching_run_programme_idx").on(t.programmeId),
    uniqueIndex("matching_run_one_running")
      .on(t.programmeId)
      .where(sql`status = 'running'`),
  ],
);

// ---------------------------------------------------------------------------------------------
// Threaded discussions in a circle (the discussions issue). Search lives in the FTS5 table
// `post_search`, written by hand in its own migration (drizzle-kit does not know virtual tables)
// and kept in sync by app/models/discussions.server.ts in the transaction of every write.

export const threads = sqliteTable(
  "thread",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    circleId: integer("circle_id")
      .notNull()
      .references(() => circles.id, { onDelete: "cascade" }),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    pinnedAt: integer("pinned_at", { mode: "timestamp_ms" }),
    lockedAt: integer("locked_at", { mode: "timestamp_ms" }),
    /** Replies members can see (not deleted, not hidden), kept by the model for the list. */
    replyCount: integer("reply_count").notNull().default(0),
    lastPostAt: integer("last_post_at", { mode: "timestamp_ms" }).notNull(),
    lastPosterId: integer("last_poster_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("thread_circle_activity_idx").on(t.circleId, t.lastPostAt)],
);

export const posts = sqliteTable(
  "post",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    threadId: integer("thread_id")
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    /** Denormalised from the thread: search, rate limits and live events go by circle. */
    circleId: integer("circle_id")
      .notNull()
      .references(() => circles.id, { onDelete: "cascade" }),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    /** The top-level post this one answers; replies to a reply hang under the same top post. */
    parentId: integer("parent_id"),
    /** What the author wrote (Markdown) and its sanitised HTML, rendered once at write time. */
    source: text("source").notNull(),
    html: text("html").notNull(),
    editedAt: integer("edited_at", { mode: "timestamp_ms" }),
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
    hiddenAt: integer("hidden_at", { mode: "timestamp_ms" }),
    hiddenById: integer("hidden_by_id").references(() => users.id, { onDelete: "set null" }),
    hiddenReason: text("hidden_reason"),
    /** The client's key for one submission: a retried request finds the post it already made. */
    idempotencyKey: text("idempotency_key"),
    createdAt: createdAt(),
  },
  (t) => [
    index("post_thread_idx").on(t.threadId, t.id),
    index("post_author_created_idx").on(t.authorId, t.createdAt),
    uniqueIndex("post_author_idempotency_unique").on(t.authorId, t.idempotencyKey),
  ],
);

/** Earlier versions of an edited post: the coach can read them, members see "bewerkt". */
export const postRevisions = sqliteTable(
  "post_revision",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    source: text("source").notNull(),
    html: text("html").notNull(),
    /** When this version was written (the post's creation or an earlier edit). */
    writtenAt: integer("written_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("post_revision_post_idx").on(t.postId)],
);

export const postReactions = sqliteTable(
  "post_reaction",
  {
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reaction: text("reaction").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId, t.reaction] })],
);

/** How far each person has read a thread: the unread markers and where the thread opens. */
export const threadReads = sqliteTable(
  "thread_read",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    threadId: integer("thread_id")
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    lastReadPostId: integer("last_read_post_id").notNull(),
    readAt: integer("read_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.threadId] })],
);

/**
 * A person's visits to a circle's discussions: "nieuw sinds je laatste bezoek" compares with the
 * visit before the current one, so the markers survive reloads during one visit.
 */
export const circleVisits = sqliteTable(
  "circle_visit",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    circleId: integer("circle_id")
      .notNull()
      .references(() => circles.id, { onDelete: "cascade" }),
    visitedAt: integer("visited_at", { mode: "timestamp_ms" }).notNull(),
    previousVisitAt: integer("previous_visit_at", { mode: "timestamp_ms" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.circleId] })],
);

export const postFlags = sqliteTable(
  "post_flag",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    circleId: integer("circle_id")
      .notNull()
      .references(() => circles.id, { onDelete: "cascade" }),
    reporterId: integer("reporter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    resolvedById: integer("resolved_by_id").references(() => users.id, { onDelete: "set null" }),
    /** "hidden" when the coach hid the post, "dismissed" when it could stay. */
    resolution: text("resolution", { enum: ["hidden", "dismissed"] }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("post_flag_post_reporter_unique").on(t.postId, t.reporterId),
    index("post_flag_circle_open_idx").on(t.circleId, t.resolvedAt),
  ],
);

/**
 * The circle's live log: every change to its discussions gets the next sequence number in the
 * transaction of the change. Live events carry it, so a page sees a gap and asks for what it
 * missed. Rows name what changed; the catch-up reads the current state, never old content.
 */
export const circleEvents = sqliteTable(
  "circle_event",
  {
    circleId: integer("circle_id")
      .notNull()
      .references(() => circles.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    kind: text("kind").notNull(),
    threadId: integer("thread_id"),
    postId: integer("post_id"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.circleId, t.seq] })],
);

// ---------------------------------------------------------------------------------------------
// Meetings (the meetings issue): date polls, meetings with RSVPs and guests, cases, the
// follow-up (attendance, summary, action items, ratings), personal calendar feeds and the jobs
// the worker runs at a set time (reminders). Instants are UTC milliseconds; the UI enters and
// shows them in Europe/Amsterdam (app/domain/meeting-time.ts).

export const meetingPolls = sqliteTable(
  "meeting_poll",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    circleId: integer("circle_id")
      .notNull()
      .references(() => circles.id, { onDelete: "cascade" }),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    note: text("note").notNull().default(""),
    status: text("status", { enum: pollStatuses }).notNull().default("open"),
    /** The slot the coach picked and the meeting it became. */
    decidedSlotId: integer("decided_slot_id"),
    meetingId: integer("meeting_id"),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("meeting_poll_circle_idx").on(t.circleId, t.status)],
);

export const meetingPollSlots = sqliteTable(
  "meeting_poll_slot",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pollId: integer("poll_id")
      .notNull()
      .references(() => meetingPolls.id, { onDelete: "cascade" }),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }).notNull(),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("meeting_poll_slot_poll_idx").on(t.pollId, t.startsAt)],
);

export const meetingPollVotes = sqliteTable(
  "meeting_poll_vote",
  {
    slotId: integer("slot_id")
      .notNull()
      .references(() => meetingPollSlots.id, { onDelete: "cascade" }),
    /** Denormalised: "who has not answered yet" is a question per poll. */
    pollId: integer("poll_id")
      .notNull()
      .references(() => meetingPolls.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    answer: text("answer", { enum: pollAnswers }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.slotId, t.userId] }),
    index("meeting_poll_vote_poll_user_idx").on(t.pollId, t.userId),
  ],
);

export const meetings = sqliteTable(
  "meeting",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    circleId: integer("circle_id")
      .notNull()
      .references(() => circles.id, { onDelete: "cascade" }),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }).notNull(),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }).notNull(),
    locationKind: text("location_kind", { enum: locationKinds }).notNull(),
    /** The address (kind "address", or the host company's visiting address). */
    address: text("address").notNull().default(""),
    /** Kind "company": the member whose company hosts the meeting ("kijkje in de keuken"). */
    hostUserId: integer("host_user_id").references(() => users.id, { onDelete: "set null" }),
    videoUrl: text("video_url").notNull().default(""),
    /** The agenda in Markdown; rendered through the sanitiser when shown. */
    agenda: text("agenda").notNull().default(""),
    /** Seats; null means no limit. */
    capacity: integer("capacity"),
    status: text("status", { enum: meetingStatuses }).notNull().default("scheduled"),
    /** The coach's message with a move or a cancellation. */
    changeMessage: text("change_message"),
    /** iCalendar SEQUENCE: rises with every change people should see in their calendar. */
    sequence: integer("sequence").notNull().default(0),
    summary: text("summary").notNull().default(""),
    summaryUpdatedAt: integer("summary_updated_at", { mode: "timestamp_ms" }),
    attendanceTakenAt: integer("attendance_taken_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("meeting_circle_start_idx").on(t.circleId, t.startsAt)],
);

export const meetingRsvps = sqliteTable(
  "meeting_rsvp",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    state: text("state", { enum: rsvpStates }).notNull(),
    /** Orders the waitlist: the moment the yes was given. */
    waitlistedAt: integer("waitlisted_at", { mode: "timestamp_ms" }),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.userId] }),
    index("meeting_rsvp_user_idx").on(t.userId),
  ],
);

/** Someone from outside the circle invited to one meeting: they see that meeting and nothing else. */
export const meetingGuests = sqliteTable(
  "meeting_guest",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    invitedById: integer("invited_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.userId] }),
    index("meeting_guest_user_idx").on(t.userId),
  ],
);

export const meetingAttendance = sqliteTable(
  "meeting_attendance",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    present: integer("present", { mode: "boolean" }).notNull(),
    recordedAt: integer("recorded_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] })],
);

/** A case (casus) a member brings in; the coach orders the cases into the agenda. */
export const meetingCases = sqliteTable(
  "meeting_case",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    /** What is going on. */
    situation: text("situation").notNull(),
    /** What the owner wants from the group. */
    request: text("request").notNull(),
    urgency: text("urgency", { enum: caseUrgencies }).notNull(),
    /** Place in the agenda as the coach ordered it; null until ordered (then by arrival). */
    position: integer("position"),
    createdAt: createdAt(),
  },
  (t) => [index("meeting_case_meeting_idx").on(t.meetingId)],
);

export const actionItems = sqliteTable(
  "action_item",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    circleId: integer("circle_id")
      .notNull()
      .references(() => circles.id, { onDelete: "cascade" }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    /** The case this commitment came out of, if any. */
    caseId: integer("case_id").references(() => meetingCases.id, { onDelete: "set null" }),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    /** A calendar date (YYYY-MM-DD, Europe/Amsterdam), optional. */
    dueOn: text("due_on"),
    status: text("status", { enum: actionItemStatuses }).notNull().default("open"),
    doneAt: integer("done_at", { mode: "timestamp_ms" }),
    doneNote: text("done_note"),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("action_item_owner_idx").on(t.ownerId, t.status),
    index("action_item_meeting_idx").on(t.meetingId),
  ],
);

/** "Hoe waardevol was deze bijeenkomst?": one answer per person per meeting, kept for the monitor. */
export const meetingRatings = sqliteTable(
  "meeting_rating",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    score: integer("score").notNull(),
    comment: text("comment").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] })],
);

/** A personal calendar feed: only a SHA-256 hash of the secret in its URL is stored. */
export const calendarFeeds = sqliteTable(
  "calendar_feed",
  {
    userId: integer("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("calendar_feed_token_unique").on(t.tokenHash)],
);

/**
 * Work due at a set time, run by the worker (app/server/mail-worker.server.ts). A job is done
 * in the same transaction as its effects (notifications and their e-mails), so a restart loses
 * none and runs none twice; moving a meeting cancels its pending jobs and schedules new ones.
 */
export const scheduledJobs = sqliteTable(
  "scheduled_job",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: jobKinds }).notNull(),
    /** The meeting or poll the job is about. */
    subjectId: integer("subject_id").notNull(),
    dueAt: integer("due_at", { mode: "timestamp_ms" }).notNull(),
    status: text("status", { enum: jobStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    doneAt: integer("done_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("scheduled_job_due_idx").on(t.status, t.dueAt),
    index("scheduled_job_subject_idx").on(t.kind, t.subjectId),
  ],
);

// ---------------------------------------------------------------------------------------------
// Ambassadors, practice stories, the knowledge bank, contact requests and the wegwijzer (the
// ambassadors issue). Taxonomy codes as in app/domain/taxonomy.ts.

/**
 * An ambassador's public profile. The company facts are the ambassador's own words here (an
 * ambassador need not have a company row), and `publicFields` lists what the public page shows.
 */
export const ambassadorProfiles = sqliteTable(
  "ambassador_profile",
  {
    userId: integer("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The profile's address: /ambassadors/<slug>. */
    slug: text("slug").notNull(),
    /** One line of their story, for lists and the business card. */
    headline: text("headline").notNull().default(""),
    companyName: text("company_name").notNull().default(""),
    sector: text("sector"),
    sizeClass: text("size_class"),
    lifePhase: text("life_phase"),
    province: text("province"),
    themes: text("themes", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    bio: text("bio").notNull().default(""),
    bioHtml: text("bio_html").notNull().default(""),
    offers: text("offers", { mode: "json" })
      .$type<(typeof ambassadorOffers)[number][]>()
      .notNull()
      .default(sql`'[]'`),
    availability: text("availability").notNull().default(""),
    publicFields: text("public_fields", { mode: "json" })
      .$type<(typeof profileFields)[number][]>()
      .notNull()
      .default(sql`'[]'`),
    /** The ambassador shows the profile at all; off, the public page is a 404. */
    published: integer("published", { mode: "boolean" }).notNull().default(false),
    /** Set by an organiser: shown on the landing page. */
    featuredAt: integer("featured_at", { mode: "timestamp_ms" }),
    /** A resized JPEG without metadata (see app/utils/photo.server.ts); null: initials. */
    photo: blob("photo", { mode: "buffer" }),
    photoUpdatedAt: integer("photo_updated_at", { mode: "timestamp_ms" }),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("ambassador_profile_slug_unique").on(t.slug)],
);

/**
 * The knowledge bank: practice stories and the tools, scans and links staff add. Only
 * published items are public and in the search index (`knowledge_search`, migration 0008).
 */
export const knowledgeItems = sqliteTable(
  "knowledge_item",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: knowledgeKinds }).notNull(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    body: text("body").notNull().default(""),
    bodyHtml: text("body_html").notNull().default(""),
    /** A tool or link's address. */
    url: text("url"),
    /** The ambassador a story is by (it shows their profile). */
    ambassadorId: integer("ambassador_id").references(() => users.id, { onDelete: "set null" }),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: knowledgeStatuses }).notNull().default("draft"),
    themes: text("themes", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    sectors: text("sectors", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    lifePhases: text("life_phases", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    sizeClasses: text("size_classes", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    /** Borging: the circle, and the meeting or thread, a draft was made from. */
    sourceCircleId: integer("source_circle_id").references(() => circles.id, {
      onDelete: "set null",
    }),
    sourceMeetingId: integer("source_meeting_id").references(() => meetings.id, {
      onDelete: "set null",
    }),
    sourceThreadId: integer("source_thread_id").references(() => threads.id, {
      onDelete: "set null",
    }),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("knowledge_item_slug_unique").on(t.slug),
    index("knowledge_item_status_idx").on(t.status, t.publishedAt),
    index("knowledge_item_ambassador_idx").on(t.ambassadorId, t.status),
  ],
);

/**
 * Who must agree before an item is published: the ambassador of a story written on their
 * behalf, and every member who wrote in the meeting or thread a borging draft came from.
 * Any edit after an approval asks for it again (approvedAt back to null).
 */
export const knowledgeApprovals = sqliteTable(
  "knowledge_approval",
  {
    itemId: integer("item_id")
      .notNull()
      .references(() => knowledgeItems.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    approvedAt: integer("approved_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.userId] }),
    index("knowledge_approval_user_idx").on(t.userId, t.approvedAt),
  ],
);

/** A visitor's question to an ambassador; the answer is e-mailed to the visitor. */
export const contactRequests = sqliteTable(
  "contact_request",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ambassadorId: integer("ambassador_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Set when the visitor was signed in; name and e-mail are kept either way. */
    senderId: integer("sender_id").references(() => users.id, { onDelete: "set null" }),
    senderName: text("sender_name").notNull(),
    senderEmail: text("sender_email").notNull(),
    /** The language the visitor wrote in, for the answer's e-mail. */
    senderLocale: text("sender_locale", { enum: locales }).notNull().default("nl"),
    message: text("message").notNull(),
    status: text("status", { enum: contactStatuses }).notNull().default("open"),
    answer: text("answer"),
    /** Wegwijzer organisations the ambassador referred the visitor to. */
    referredIds: text("referred_ids", { mode: "json" })
      .$type<number[]>()
      .notNull()
      .default(sql`'[]'`),
    answeredAt: integer("answered_at", { mode: "timestamp_ms" }),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("contact_request_ambassador_idx").on(t.ambassadorId, t.status, t.createdAt)],
);

/** The wegwijzer: support organisations by province (empty: national) and theme. */
export const supportOrganisations = sqliteTable("support_organisation", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  kind: text("kind", { enum: supportKinds }).notNull(),
  description: text("description").notNull().default(""),
  url: text("url").notNull(),
  email: text("email"),
  phone: text("phone"),
  provinces: text("provinces", { mode: "json" })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  themes: text("themes", { mode: "json" })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  createdAt: createdAt(),
});

/**
 * An ambassador's reach for the monitor: profile views and card scans counted per day and
 * source. No visitor data at all, not even a hashed address.
 */
export const ambassadorReach = sqliteTable(
  "ambassador_reach",
  {
    ambassadorId: integer("ambassador_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    day: text("day").notNull(),
    kind: text("kind", { enum: reachKinds }).notNull(),
    /** The `bron` parameter of the link (qr, kaart, ...), or "direct". */
    source: text("source").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.ambassadorId, t.day, t.kind, t.source] })],
);
