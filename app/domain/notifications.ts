/**
 * The catalogue of everything Kringwijs tells people about. Each type belongs to one category;
 * people choose per category how they hear about it by e-mail (in the app they always see it).
 * Later issues wire their events in by adding a type here and calling notify().
 */
export const notificationCategories = [
  "mentions",
  "replies",
  "threads",
  "posts",
  "membership",
  "meetings",
  "actions",
  "contact",
  "account",
] as const;
export type NotificationCategory = (typeof notificationCategories)[number];

export const emailChannels = ["immediate", "digest", "never"] as const;
export type EmailChannel = (typeof emailChannels)[number];

/**
 * Mentions, replies and meetings at once, new threads in the daily digest. Every other post in
 * one's circles is opt-in ("following" a circle by e-mail): off unless chosen.
 */
export const defaultChannels: Record<NotificationCategory, EmailChannel> = {
  mentions: "immediate",
  replies: "immediate",
  threads: "digest",
  posts: "never",
  membership: "immediate",
  meetings: "immediate",
  actions: "immediate",
  contact: "immediate",
  account: "immediate",
};

/** Who may still follow the link: a circle's private pages need membership (or coaching). */
export type Visibility = "circle_private" | "circle_summary" | "own";

export const notificationTypes = {
  // Discussions (threads issue)
  "post.mention": { category: "mentions", visibility: "circle_private" },
  "post.reply": { category: "replies", visibility: "circle_private" },
  "post.quote": { category: "replies", visibility: "circle_private" },
  "post.created": { category: "posts", visibility: "circle_private" },
  "thread.created": { category: "threads", visibility: "circle_private" },
  // To the circle's coaches. In "membership", the category of the coach's other circle tasks
  // (applications arrive there too), so a report reaches them at once by default; a category of
  // its own would add a settings row only coaches need.
  "post.flagged": { category: "membership", visibility: "circle_private" },
  // Memberships
  "membership.applied": { category: "membership", visibility: "circle_private" },
  "membership.invited": { category: "membership", visibility: "circle_summary" },
  "membership.approved": { category: "membership", visibility: "circle_private" },
  "membership.waitlisted": { category: "membership", visibility: "circle_summary" },
  "membership.promoted": { category: "membership", visibility: "circle_private" },
  "membership.declined": { category: "membership", visibility: "circle_summary" },
  "membership.removed": { category: "membership", visibility: "circle_summary" },
  // Meetings (meetings issue)
  "meeting.poll": { category: "meetings", visibility: "circle_private" },
  "meeting.created": { category: "meetings", visibility: "circle_private" },
  "meeting.moved": { category: "meetings", visibility: "circle_private" },
  "meeting.cancelled": { category: "meetings", visibility: "circle_private" },
  "meeting.reminder": { category: "meetings", visibility: "circle_private" },
  "meeting.seat": { category: "meetings", visibility: "circle_private" },
  "meeting.feedback": { category: "meetings", visibility: "circle_private" },
  // A guest's link goes to the one meeting, whose page checks access itself: these are sent
  // without a circle, so the guest's list does not hide them as "no longer a member".
  "meeting.guest": { category: "meetings", visibility: "own" },
  "poll.reminder": { category: "meetings", visibility: "circle_private" },
  // Action items (meetings issue)
  "action.assigned": { category: "actions", visibility: "circle_private" },
  "action.due": { category: "actions", visibility: "circle_private" },
  // Ambassadors (ambassadors issue)
  "contact.requested": { category: "contact", visibility: "own" },
  "contact.answered": { category: "contact", visibility: "own" },
  // The knowledge bank: a story written on someone's behalf (or a borging draft) waits for their
  // approval; the writer hears when it is approved or sent back. In "contact", the category of
  // the ambassador's other requests.
  "knowledge.approval": { category: "contact", visibility: "own" },
  "knowledge.approved": { category: "contact", visibility: "own" },
  "knowledge.returned": { category: "contact", visibility: "own" },
  // Account
  "role.granted": { category: "account", visibility: "own" },
} as const satisfies Record<string, { category: NotificationCategory; visibility: Visibility }>;

export type NotificationType = keyof typeof notificationTypes;

export function categoryOf(type: NotificationType): NotificationCategory {
  return notificationTypes[type].category;
}

/** Whether a notification's link still works for someone, given their relation to its circle now. */
export function stillVisible(
  visibility: Visibility,
  relation: { member: boolean; related: boolean },
): boolean {
  if (visibility === "own") return true;
  if (visibility === "circle_private") return relation.member;
  return relation.related || relation.member;
}

// Built once: the mail worker asks for a digest slot per person every few seconds, and building
// these formatters was most of that pass's time with a few thousand people waiting.
const DAY_AND_HOUR = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  hourCycle: "h23",
});
const HOUR = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam",
  hour: "2-digit",
  hourCycle: "h23",
});

/** The latest scheduled digest moment at or before `now`, for a digest hour in Europe/Amsterdam. */
export function lastDigestSlot(now: Date, digestHour: number): Date {
  const parts = DAY_AND_HOUR.formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const day = { y: get("year"), m: get("month"), d: get("day") };
  const slotToday = amsterdamToUtc(day.y, day.m, day.d, digestHour);
  if (slotToday.getTime() <= now.getTime()) return slotToday;
  const yesterday = new Date(Date.UTC(day.y, day.m - 1, day.d - 1));
  return amsterdamToUtc(
    yesterday.getUTCFullYear(),
    yesterday.getUTCMonth() + 1,
    yesterday.getUTCDate(),
    digestHour,
  );
}

/** The UTC instant of a wall-clock hour in Amsterdam (handles summer and winter time). */
export function amsterdamToUtc(year: number, month: number, day: number, hour: number): Date {
  const guess = new Date(Date.UTC(year, month - 1, day, hour));
  const shown = Number(HOUR.format(guess));
  const offsetHours = (shown - hour + 24) % 24;
  return new Date(guess.getTime() - offsetHours * 3600_000);
}
