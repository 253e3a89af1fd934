/**
 * Tells people about membership changes: an e-mail in their language and a live event so an open
 * page refreshes. (The notifications issue routes these through the notification centre.)
 */
import { eq, inArray } from "drizzle-orm";
import { circles, users } from "../../db/schema";
import { membershipMail } from "../emails/membership-emails.server";
import { defaultLocale } from "../i18n/locales";
import type { Publisher } from "../server/realtime.server";
import { getDb } from "../utils/db.server";
import { appUrl, sendMail } from "../utils/mail.server";
import type { Notice } from "./memberships.server";

const pathFor = (notice: Notice) =>
  notice.kind === "applied"
    ? `/circles/${notice.circleId}/members`
    : notice.kind === "invited" ||
        notice.kind === "declined" ||
        notice.kind === "waitlisted" ||
        notice.kind === "removed"
      ? `/circles/${notice.circleId}`
      : `/circles/${notice.circleId}/home`;

export async function deliverNotices(notices: Notice[], publisher: Publisher) {
  if (notices.length === 0) return;
  const db = getDb();
  const people = db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(
      inArray(
        users.id,
        notices.map((n) => n.userId),
      ),
    )
    .all();
  for (const notice of notices) {
    const person = people.find((p) => p.id === notice.userId);
    const circle = db
      .select({ name: circles.name })
      .from(circles)
      .where(eq(circles.id, notice.circleId))
      .get();
    if (!person || !circle) continue;
    publisher.toUser(person.id, { type: "memberships.changed" });
    const mail = membershipMail(notice.kind, {
      locale: person.locale ?? defaultLocale,
      name: person.name,
      circleName: circle.name,
      url: appUrl(pathFor(notice)),
      message: notice.message,
    });
    await sendMail({ to: person.email, ...mail });
  }
}
