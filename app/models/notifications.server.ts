/**
 * The one path by which people hear about things: notify() stores the notification (shown in the
 * app at once) and, in the same transaction, queues an e-mail when the person wants this category
 * at once. Digests collect the rest at the hour each person chose.
 *
 * To add an event type: add it to app/domain/notifications.ts with its category and visibility,
 * add its sentence under `notify.types` in both message files, and call notify() inside the
 * transaction of the change, then publish `notifications.changed` to the returned user ids.
 */
import { activeCoach } from "./circles.server";
import { and, asc, count, desc, eq, inArray, isNull, lt } from "drizzle-orm";
import {
  circleCoaches,
  digestSettings,
  memberships,
  notificationPreferences,
  notifications,
  users,
} from "../../db/schema";
import {
  categoryOf,
  defaultChannels,
  emailChannels,
  lastDigestSlot,
  notificationCategories,
  notificationTypes,
  stillVisible,
  type EmailChannel,
  type NotificationCategory,
  type NotificationType,
} from "../domain/notifications";
import { digestMail, notificationMail } from "../emails/notification-emails.server";
import { defaultLocale } from "../i18n/locales";
import { getDb, type DB } from "../utils/db.server";
import { getEnv } from "../utils/env.server";
import { enqueueMail } from "./outbox.server";

type Tx = Pick<DB, "insert" | "select" | "update" | "delete">;

export type NotifyInput = {
  userId: number;
  type: NotificationType;
  circleId?: number | null;
  data?: Record<string, string>;
  url: string;
};

export function channelFor(
  tx: Pick<DB, "select">,
  userId: number,
  category: NotificationCategory,
): EmailChannel {
  const row = tx
    .select({ channel: notificationPreferences.channel })
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.userId, userId),
        eq(notificationPreferences.category, category),
      ),
    )
    .get();
  return row?.channel ?? defaultChannels[category];
}

/** Stores a notification and queues its e-mail in the caller's transaction. Returns the user id. */
export function notify(tx: Tx, input: NotifyInput, now = new Date()): number {
  const category = categoryOf(input.type);
  const data = input.data ?? {};
  const { id } = tx
    .insert(notifications)
    .values({
      userId: input.userId,
      type: input.type,
      category,
      circleId: input.circleId ?? null,
      data,
      url: input.url,
      createdAt: now,
    })
    .returning({ id: notifications.id })
    .get();
  if (channelFor(tx, input.userId, category) === "immediate") {
    const person = tx
      .select({ email: users.email, name: users.name, locale: users.locale })
      .from(users)
      .where(eq(users.id, input.userId))
      .get();
    if (person) {
      const mail = notificationMail({
        userId: input.userId,
        locale: person.locale ?? defaultLocale,
        name: person.name,
        type: input.type,
        category,
        data,
        url: input.url,
      });
      // A short wait, so a notification already seen in the app is not mailed as well.
      const notBefore = new Date(now.getTime() + getEnv().NOTIFY_EMAIL_DELAY_SECONDS * 1000);
      enqueueMail(tx, {
        userId: input.userId,
        to: person.email,
        kind: "notification",
        mail,
        notificationId: id,
        notBefore,
      });
      tx.update(notifications).set({ emailedAt: now }).where(eq(notifications.id, id)).run();
    }
  }
  return input.userId;
}

export function unreadCount(userId: number): number {
  return (
    getDb()
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .get()?.n ?? 0
  );
}

/** The user's notifications, newest first; links to circles they can no longer see are withheld. */
export function listNotifications(
  userId: number,
  { limit = 100, id }: { limit?: number; id?: number } = {},
) {
  const db = getDb();
  const rows = db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        id === undefined ? undefined : eq(notifications.id, id),
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .all();
  const circleIds = [
    ...new Set(rows.map((r) => r.circleId).filter((id): id is number => id !== null)),
  ];
  const member = new Set<number>();
  const related = new Set<number>();
  if (circleIds.length) {
    for (const m of db
      .select({ circleId: memberships.circleId, state: memberships.state })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), inArray(memberships.circleId, circleIds)))
      .all()) {
      related.add(m.circleId);
      if (m.state === "member") member.add(m.circleId);
    }
    for (const c of db
      .select({ circleId: circleCoaches.circleId })
      .from(circleCoaches)
      .where(
        and(
          eq(circleCoaches.userId, userId),
          inArray(circleCoaches.circleId, circleIds),
          // A row left from before coaching ended carries no access (the rule getCircle uses).
          activeCoach,
        ),
      )
      .all()) {
      member.add(c.circleId);
      related.add(c.circleId);
    }
  }
  return rows.map((r) => {
    const known = r.type in notificationTypes;
    const visible =
      known &&
      (r.circleId === null ||
        stillVisible(notificationTypes[r.type as NotificationType].visibility, {
          member: member.has(r.circleId),
          related: related.has(r.circleId),
        }));
    return {
      id: r.id,
      type: r.type as NotificationType,
      data: r.data,
      url: visible ? r.url : null,
      read: r.readAt !== null,
      createdAt: r.createdAt,
    };
  });
}

export function markRead(userId: number, id: number, now = new Date()) {
  getDb()
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)),
    )
    .run();
}

export function markAllRead(userId: number, now = new Date()) {
  getDb()
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .run();
}

export function getPreferences(userId: number) {
  const db = getDb();
  const rows = db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId))
    .all();
  const channels = Object.fromEntries(
    notificationCategories.map((c) => [
      c,
      rows.find((r) => r.category === c)?.channel ?? defaultChannels[c],
    ]),
  ) as Record<NotificationCategory, EmailChannel>;
  const digest = db.select().from(digestSettings).where(eq(digestSettings.userId, userId)).get();
  return { channels, digestHour: digest?.hour ?? 8 };
}

export function savePreferences(
  userId: number,
  input: { channels: Record<NotificationCategory, EmailChannel>; digestHour: number },
) {
  getDb().transaction((tx) => {
    for (const category of notificationCategories) {
      const channel = input.channels[category];
      if (!emailChannels.includes(channel)) continue;
      tx.insert(notificationPreferences)
        .values({ userId, category, channel })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.category],
          set: { channel },
        })
        .run();
    }
    tx.insert(digestSettings)
      .values({ userId, hour: input.digestHour })
      .onConflictDoUpdate({ target: digestSettings.userId, set: { hour: input.digestHour } })
      .run();
  });
}

/** From an unsubscribe link: stop e-mail for one category, or for everything in the digest. */
export function unsubscribeCategory(userId: number, category: NotificationCategory | "digest") {
  const prefs = getPreferences(userId);
  const channels = { ...prefs.channels };
  for (const c of notificationCategories) {
    if (category === c || (category === "digest" && channels[c] === "digest"))
      channels[c] = "never";
  }
  savePreferences(userId, { channels, digestHour: prefs.digestHour });
}

/**
 * Builds the daily digests that are due at `now`: for each person, the notifications in their
 * digest categories that arrived before their last digest moment, were not read and not mailed
 * yet, in the order they happened. Categories set to "never" are left out.
 */
export function runDigests(now = new Date()): number {
  const db = getDb();
  const candidates = db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(
      and(
        isNull(notifications.readAt),
        isNull(notifications.emailedAt),
        lt(notifications.createdAt, now),
      ),
    )
    .all();
  let built = 0;
  // The slot depends only on the hour: worked out once per hour per pass, not per person.
  const slots = new Map<number, Date>();
  const slotFor = (hour: number) => {
    let slot = slots.get(hour);
    if (!slot) slots.set(hour, (slot = lastDigestSlot(now, hour)));
    return slot;
  };
  for (const { userId } of candidates) {
    db.transaction((tx) => {
      const settings = tx
        .select()
        .from(digestSettings)
        .where(eq(digestSettings.userId, userId))
        .get();
      const slot = slotFor(settings?.hour ?? 8);
      if (settings?.lastSentAt && settings.lastSentAt.getTime() >= slot.getTime()) return;
      // One query for the person's choices rather than one per category.
      const chosen = new Map(
        tx
          .select({
            category: notificationPreferences.category,
            channel: notificationPreferences.channel,
          })
          .from(notificationPreferences)
          .where(eq(notificationPreferences.userId, userId))
          .all()
          .map((row) => [row.category, row.channel]),
      );
      const digestCategories = notificationCategories.filter(
        (c) => (chosen.get(c) ?? defaultChannels[c]) === "digest",
      );
      if (digestCategories.length === 0) return;
      const items = tx
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, userId),
            isNull(notifications.readAt),
            isNull(notifications.emailedAt),
            inArray(notifications.category, digestCategories),
            lt(notifications.createdAt, slot),
          ),
        )
        .orderBy(asc(notifications.createdAt), asc(notifications.id))
        .all()
        .filter((n) => n.type in notificationTypes);
      if (items.length === 0) return;
      const person = tx
        .select({ email: users.email, name: users.name, locale: users.locale })
        .from(users)
        .where(eq(users.id, userId))
        .get();
      if (!person) return;
      const mail = digestMail({
        userId,
        locale: person.locale ?? defaultLocale,
        name: person.name,
        items: items.map((n) => ({
          type: n.type as NotificationType,
          data: n.data,
          url: n.url,
          createdAt: n.createdAt,
        })),
      });
      enqueueMail(tx, { userId, to: person.email, kind: "digest", mail, notBefore: now });
      tx.update(notifications)
        .set({ emailedAt: now })
        .where(
          inArray(
            notifications.id,
            items.map((n) => n.id),
          ),
        )
        .run();
      tx.insert(digestSettings)
        .values({ userId, hour: settings?.hour ?? 8, lastSentAt: now })
        .onConflictDoUpdate({ target: digestSettings.userId, set: { lastSentAt: now } })
        .run();
      built += 1;
    });
  }
  return built;
}
