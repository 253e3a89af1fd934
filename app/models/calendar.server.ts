/**
 * Calendars: an .ics for one meeting, and a personal feed with all of a user's meetings that
 * calendar apps subscribe to by URL. The feed's URL carries a secret; only its SHA-256 hash is
 * stored (like sessions and e-mail tokens), so a new secret or a revoked feed leaves the old URL
 * with nothing to find.
 *
 * Every event has a stable UID and the meeting's SEQUENCE (raised by every move and cancel in
 * meetings.server.ts), so a calendar updates the event it already has instead of adding a copy;
 * a cancelled meeting stays in the feed as STATUS:CANCELLED, which makes calendars remove it.
 * Times are written as Amsterdam wall-clock time with TZID and a VTIMEZONE, so a 19:00 meeting
 * stays 19:00 across daylight-saving changes in every client.
 */
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import { and, asc, eq, gte, inArray, isNotNull, or, sql } from "drizzle-orm";
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from "ical-generator";
import {
  calendarFeeds,
  circleCoaches,
  circles,
  companies,
  meetingGuests,
  meetings,
  memberships,
  users,
} from "../../db/schema";
import { MEETING_TIME_ZONE } from "../domain/meeting-time";
import { getT, type Locale } from "../i18n";
import { generateSecureRandomString, hashSecret } from "../utils/crypto.server";
import { getDb } from "../utils/db.server";
import { appBaseUrl, getEnv } from "../utils/env.server";
import { markdownToText } from "../utils/markdown.server";
import { recordAudit } from "./audit.server";
import { activeCoach } from "./circles.server";

const DAY = 24 * 3_600_000;
/** How far back the feed reaches: recent meetings stay in the calendar, older ones drop out. */
export const FEED_HISTORY_MS = 90 * DAY;

const WALL_CLOCK = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant that reports its wall-clock time in a time zone. ical-generator writes a date with
 * a TZID from the date's *local* fields, which for a plain Date are the server's own zone; it
 * asks a TZDate (@date-fns/tz's shape: `internal`, `withTimeZone`, `tzComponents`) for the zone's
 * fields instead. This is that shape, so the output does not depend on the server's TZ.
 */
class ZonedInstant extends Date {
  readonly internal: Date;
  readonly timeZone: string;
  private readonly wall: Record<"year" | "month" | "day" | "hour" | "minute" | "second", number>;

  constructor(instant: Date | number, timeZone: string) {
    super(new Date(instant).getTime());
    this.internal = new Date(this.getTime());
    this.timeZone = timeZone;
    let format = WALL_CLOCK.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat("en-GB", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
        hourCycle: "h23",
      });
      WALL_CLOCK.set(timeZone, format);
    }
    const parts = format.formatToParts(this.internal);
    const get = (type: Intl.DateTimeFormatPartTypes) =>
      Number(parts.find((p) => p.type === type)?.value ?? 0);
    this.wall = {
      year: get("year"),
      month: get("month"),
      day: get("day"),
      hour: get("hour"),
      minute: get("minute"),
      second: get("second"),
    };
  }

  withTimeZone(timeZone?: string | null): ZonedInstant {
    return new ZonedInstant(this.internal, timeZone ?? this.timeZone);
  }

  tzComponents() {
    return { ...this.wall };
  }

  override getFullYear() {
    return this.wall.year;
  }
  override getMonth() {
    return this.wall.month - 1;
  }
  override getDate() {
    return this.wall.day;
  }
  override getHours() {
    return this.wall.hour;
  }
  override getMinutes() {
    return this.wall.minute;
  }
  override getSeconds() {
    return this.wall.second;
  }
}

/** The host part of APP_URL for UIDs, so two installations never share an event's UID. */
function uidDomain(): string {
  try {
    return new URL(appBaseUrl()).hostname || "kringwijs";
  } catch {
    return "kringwijs";
  }
}

/** A meeting's UID: the same in every download and every feed, whatever changes. */
export function meetingUid(meetingId: number): string {
  return `meeting-${meetingId}@${uidDomain()}`;
}

/** The sender's address from MAIL_FROM ("Kringwijs <noreply@…>"), as the events' ORGANIZER. */
function organizer() {
  const from = getEnv().MAIL_FROM;
  const email = (/<([^<>\s]+@[^<>\s]+)>/.exec(from)?.[1] ?? from).trim();
  return /^[^\s@<>]+@[^\s@<>]+$/.test(email) ? { name: "Kringwijs", email } : null;
}

type CalendarMeeting = {
  id: number;
  circleId: number;
  circleName: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  locationKind: (typeof meetings.$inferSelect)["locationKind"];
  address: string;
  videoUrl: string;
  hostCompany: string | null;
  hostName: string | null;
  agenda: string;
  status: (typeof meetings.$inferSelect)["status"];
  changeMessage: string | null;
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
};

function selectMeetings() {
  return getDb()
    .select({
      id: meetings.id,
      circleId: meetings.circleId,
      circleName: circles.name,
      title: meetings.title,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      locationKind: meetings.locationKind,
      address: meetings.address,
      videoUrl: meetings.videoUrl,
      hostCompany: companies.name,
      hostName: users.name,
      agenda: meetings.agenda,
      status: meetings.status,
      changeMessage: meetings.changeMessage,
      sequence: meetings.sequence,
      createdAt: meetings.createdAt,
      updatedAt: meetings.updatedAt,
    })
    .from(meetings)
    .innerJoin(circles, eq(circles.id, meetings.circleId))
    .leftJoin(users, eq(users.id, meetings.hostUserId))
    .leftJoin(companies, eq(companies.ownerId, meetings.hostUserId));
}

/** Where the meeting is, as one line: the address, the host company and its address, or the link. */
function locationOf(m: CalendarMeeting): string {
  if (m.locationKind === "video") return m.videoUrl;
  if (m.locationKind === "company") {
    const host = m.hostCompany ?? m.hostName;
    return [host, m.address].filter(Boolean).join(", ");
  }
  return m.address;
}

function meetingUrl(m: Pick<CalendarMeeting, "id" | "circleId">): string {
  return new URL(`/circles/${m.circleId}/meetings/${m.id}`, appBaseUrl()).toString();
}

/** The agenda as plain text, after the coach's message when cancelled, then where to read more. */
function descriptionOf(m: CalendarMeeting, locale: Locale): string {
  const t = getT(locale);
  const parts: string[] = [];
  if (m.status === "cancelled")
    parts.push(
      m.changeMessage
        ? t("calendar.ics.cancelledWithMessage", { message: m.changeMessage })
        : t("calendar.ics.cancelled"),
    );
  const agenda = markdownToText(m.agenda);
  if (agenda) parts.push(agenda);
  parts.push(t("calendar.ics.moreInfo", { circle: m.circleName, url: meetingUrl(m) }));
  return parts.join("\n\n");
}

/** Every content line ends with CRLF (RFC 5545), the last one too; ical-generator omits it. */
function withFinalLineBreak(text: string): string {
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}

function newCalendar(name: string | null): ICalCalendar {
  const calendar = ical({
    prodId: { company: "Kringwijs", product: "Kringwijs", language: "NL" },
    method: ICalCalendarMethod.PUBLISH,
    ...(name ? { name } : {}),
  });
  // No calendar-wide zone name: with one, ical-generator would write DTSTAMP and LAST-MODIFIED
  // as local times too, and those must be UTC. The events carry the zone; the generator adds
  // its VTIMEZONE once.
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  return calendar;
}

function addEvent(calendar: ICalCalendar, m: CalendarMeeting, locale: Locale) {
  const cancelled = m.status === "cancelled";
  calendar.createEvent({
    id: meetingUid(m.id),
    sequence: m.sequence,
    start: new ZonedInstant(m.startsAt, MEETING_TIME_ZONE),
    end: new ZonedInstant(m.endsAt, MEETING_TIME_ZONE),
    timezone: MEETING_TIME_ZONE,
    stamp: m.updatedAt,
    created: m.createdAt,
    lastModified: m.updatedAt,
    summary: cancelled ? `${getT(locale)("calendar.ics.cancelledPrefix")} ${m.title}` : m.title,
    location: locationOf(m) || null,
    url: meetingUrl(m),
    description: descriptionOf(m, locale),
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: organizer(),
  });
}

/** One meeting's .ics (the caller checked that the viewer may see it), in the viewer's language. */
export function meetingCalendar(meetingId: number, locale: Locale): string | null {
  const meeting = selectMeetings().where(eq(meetings.id, meetingId)).get();
  if (!meeting) return null;
  const calendar = newCalendar(null);
  addEvent(calendar, meeting, locale);
  return withFinalLineBreak(calendar.toString());
}

/**
 * The meetings a person's feed holds: those of circles they coach (as an active coach) or are a
 * member of (house rules accepted, as the meeting pages require), and those they are a guest of;
 * from FEED_HISTORY_MS ago on, cancelled ones included. A membership that ended takes its
 * circle's meetings out of the feed at the next poll.
 */
export function feedMeetings(userId: number, now = new Date()): CalendarMeeting[] {
  const db = getDb();
  const coached = db
    .select({ id: circleCoaches.circleId })
    .from(circleCoaches)
    .where(and(eq(circleCoaches.userId, userId), activeCoach));
  const member = db
    .select({ id: memberships.circleId })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.state, "member"),
        isNotNull(memberships.houseRulesAcceptedAt),
      ),
    );
  const guestOf = db
    .select({ id: meetingGuests.meetingId })
    .from(meetingGuests)
    .where(eq(meetingGuests.userId, userId));
  return selectMeetings()
    .where(
      and(
        gte(meetings.endsAt, new Date(now.getTime() - FEED_HISTORY_MS)),
        or(
          inArray(meetings.circleId, coached),
          inArray(meetings.circleId, member),
          inArray(meetings.id, guestOf),
        ),
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .all();
}

/** The personal feed's text: a VCALENDAR with every meeting of feedMeetings. */
export function feedCalendar(userId: number, locale: Locale, now = new Date()): string {
  const calendar = newCalendar(getT(locale)("calendar.ics.feedName"));
  // Asks subscribing apps to look again every hour (Google decides for itself).
  calendar.ttl(60 * 60);
  const list = feedMeetings(userId, now);
  for (const meeting of list) addEvent(calendar, meeting, locale);
  const text = calendar.toString();
  if (list.length > 0) return withFinalLineBreak(text);
  // A VCALENDAR needs at least one component (RFC 5545), and ical-generator writes a VTIMEZONE
  // only for zones its events use: an empty feed gets the zone by hand.
  const zone = (getVtimezoneComponent(MEETING_TIME_ZONE) ?? "").replace(/\r?\n/g, "\r\n").trim();
  return withFinalLineBreak(
    zone ? text.replace(/END:VCALENDAR$/, `${zone}\r\nEND:VCALENDAR`) : text,
  );
}

/** A file name for a meeting's .ics: the title in lower case, plain letters and dashes. */
export function icsFileName(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${slug || "bijeenkomst"}.ics`;
}

// ---------------------------------------------------------------------------------------------
// The feed's secret.

/** Whether the user has a feed, and since when (its URL cannot be shown again). */
export function feedToken(userId: number): { createdAt: Date } | null {
  return (
    getDb()
      .select({ createdAt: calendarFeeds.createdAt })
      .from(calendarFeeds)
      .where(eq(calendarFeeds.userId, userId))
      .get() ?? null
  );
}

/**
 * A new secret for the user's feed, replacing the old one (whose URL then finds nothing).
 * Returns the secret: it is shown once and never stored, only its hash.
 */
export function regenerateFeedToken(userId: number, now = new Date()): string {
  const token = generateSecureRandomString(24);
  getDb().transaction(
    (tx) => {
      const existed = !!tx
        .select({ one: sql`1` })
        .from(calendarFeeds)
        .where(eq(calendarFeeds.userId, userId))
        .get();
      tx.insert(calendarFeeds)
        .values({ userId, tokenHash: hashSecret(token), createdAt: now })
        .onConflictDoUpdate({
          target: calendarFeeds.userId,
          set: { tokenHash: hashSecret(token), createdAt: now },
        })
        .run();
      recordAudit(
        {
          actorId: userId,
          action: existed ? "calendar.feed_regenerated" : "calendar.feed_created",
          subjectType: "user",
          subjectId: userId,
        },
        tx,
      );
    },
    { behavior: "immediate" },
  );
  return token;
}

/** Turns the feed off: its URL finds nothing any more. Returns whether there was one. */
export function revokeFeed(userId: number): boolean {
  return getDb().transaction(
    (tx) => {
      const removed = tx
        .delete(calendarFeeds)
        .where(eq(calendarFeeds.userId, userId))
        .returning({ userId: calendarFeeds.userId })
        .all();
      if (removed.length === 0) return false;
      recordAudit(
        {
          actorId: userId,
          action: "calendar.feed_revoked",
          subjectType: "user",
          subjectId: userId,
        },
        tx,
      );
      return true;
    },
    { behavior: "immediate" },
  );
}

/** What generateSecureRandomString(24) makes: 39 characters of lower-case base32. */
const TOKEN_SHAPE = /^[a-z2-7]{39}$/;

/** The feed's owner for a secret from a URL, or null (anything malformed is simply unknown). */
export function userForFeedToken(token: string): { id: number; locale: Locale | null } | null {
  if (!TOKEN_SHAPE.test(token)) return null;
  return (
    getDb()
      .select({ id: users.id, locale: users.locale })
      .from(calendarFeeds)
      .innerJoin(users, eq(users.id, calendarFeeds.userId))
      .where(eq(calendarFeeds.tokenHash, hashSecret(token)))
      .get() ?? null
  );
}
