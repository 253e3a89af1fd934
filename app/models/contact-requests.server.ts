/**
 * Contact requests: a visitor's question to an ambassador, the ambassador's inbox, the answer
 * (e-mailed to the visitor through the outbox, with the wegwijzer organisations they were
 * referred to) and closing. Every change is one transaction with its audit row, and its
 * notification or mail. Audit rows keep ids, never the words (D37).
 */
import { and, count, desc, eq, inArray } from "drizzle-orm";
import {
  ambassadorProfiles,
  companies,
  contactRequests,
  supportOrganisations,
  userRoles,
  users,
} from "../../db/schema";
import type { ContactStatus, Locale } from "../domain/states";
import { contactStatuses } from "../domain/states";
import { contactAnswerMail } from "../emails/contact-emails.server";
import { getDb } from "../utils/db.server";
import { recordAudit } from "./audit.server";
import { notify } from "./notifications.server";
import { enqueueMail } from "./outbox.server";

/** Forms send CRLF line ends; the stored text (and its mail) has plain newlines. */
const plainLines = (text: string) => text.replace(/\r\n?/g, "\n");

export type ContactAmbassador = {
  id: number;
  name: string;
  slug: string;
  headline: string;
  province: string | null;
  themes: string[];
};

/**
 * The ambassador behind a public profile address, or null when there is none to write to: no
 * such profile, not published, or the person no longer holds the ambassador role.
 */
export function publishedAmbassador(slug: string): ContactAmbassador | null {
  const row = getDb()
    .select({
      id: users.id,
      name: users.name,
      slug: ambassadorProfiles.slug,
      headline: ambassadorProfiles.headline,
      province: ambassadorProfiles.province,
      themes: ambassadorProfiles.themes,
      publicFields: ambassadorProfiles.publicFields,
    })
    .from(ambassadorProfiles)
    .innerJoin(users, eq(users.id, ambassadorProfiles.userId))
    .innerJoin(
      userRoles,
      and(eq(userRoles.userId, ambassadorProfiles.userId), eq(userRoles.role, "ambassador")),
    )
    .where(and(eq(ambassadorProfiles.slug, slug), eq(ambassadorProfiles.published, true)))
    .get();
  if (!row) return null;
  const { publicFields, ...ambassador } = row;
  // The province and themes are used for referrals; shown only when the profile shows them.
  return {
    ...ambassador,
    province: publicFields.includes("province") ? row.province : null,
    themes: publicFields.includes("themes") ? row.themes : [],
  };
}

export type NewContactRequest = {
  ambassadorId: number;
  senderId: number | null;
  senderName: string;
  senderEmail: string;
  senderLocale: Locale;
  message: string;
};

/** Stores the question and tells the ambassador (in the app, and by e-mail as they chose). */
export function createContactRequest(input: NewContactRequest, now = new Date()) {
  return getDb().transaction(
    (tx) => {
      const { id } = tx
        .insert(contactRequests)
        .values({ ...input, message: plainLines(input.message), status: "open", createdAt: now })
        .returning({ id: contactRequests.id })
        .get();
      recordAudit(
        {
          actorId: input.senderId,
          action: "contact.requested",
          subjectType: "contact_request",
          subjectId: id,
          details: { ambassadorId: input.ambassadorId },
        },
        tx,
      );
      const notified = notify(
        tx,
        {
          userId: input.ambassadorId,
          type: "contact.requested",
          data: { name: input.senderName },
          url: `/ambassador/requests/${id}`,
        },
        now,
      );
      return { id, notified };
    },
    { behavior: "immediate" },
  );
}

export function contactRequestCounts(ambassadorId: number): Record<ContactStatus, number> {
  const counts = Object.fromEntries(contactStatuses.map((s) => [s, 0])) as Record<
    ContactStatus,
    number
  >;
  for (const row of getDb()
    .select({ status: contactRequests.status, n: count() })
    .from(contactRequests)
    .where(eq(contactRequests.ambassadorId, ambassadorId))
    .groupBy(contactRequests.status)
    .all())
    counts[row.status] = row.n;
  return counts;
}

/** One tab of the inbox, newest first, with the start of each question. */
export function listContactRequests(ambassadorId: number, status: ContactStatus, limit = 200) {
  return getDb()
    .select({
      id: contactRequests.id,
      senderName: contactRequests.senderName,
      message: contactRequests.message,
      status: contactRequests.status,
      createdAt: contactRequests.createdAt,
      answeredAt: contactRequests.answeredAt,
      closedAt: contactRequests.closedAt,
    })
    .from(contactRequests)
    .where(and(eq(contactRequests.ambassadorId, ambassadorId), eq(contactRequests.status, status)))
    .orderBy(desc(contactRequests.createdAt), desc(contactRequests.id))
    .limit(limit)
    .all()
    .map(({ message, ...row }) => ({
      ...row,
      excerpt: message.length > 160 ? `${message.slice(0, 160)}…` : message,
    }));
}

/** The ambassador's own request, or null (someone else's is as unknown as a missing one). */
export function getContactRequest(ambassadorId: number, id: number) {
  return (
    getDb()
      .select()
      .from(contactRequests)
      .where(and(eq(contactRequests.id, id), eq(contactRequests.ambassadorId, ambassadorId)))
      .get() ?? null
  );
}

/**
 * What a referral is suggested by: the province of the visitor's company when they wrote signed
 * in with one (a request holds no province of its own), else the ambassador's own province, and
 * the ambassador's themes (their profile's, shown or not: this stays in their own inbox).
 */
export function referralContext(
  ambassadorId: number,
  senderId: number | null,
): { themes: string[]; province: string | null } {
  const db = getDb();
  const profile = db
    .select({ themes: ambassadorProfiles.themes, province: ambassadorProfiles.province })
    .from(ambassadorProfiles)
    .where(eq(ambassadorProfiles.userId, ambassadorId))
    .get();
  const company = senderId
    ? db
        .select({ province: companies.province })
        .from(companies)
        .where(eq(companies.ownerId, senderId))
        .get()
    : undefined;
  return {
    themes: profile?.themes ?? [],
    province: company?.province ?? profile?.province ?? null,
  };
}

export type ContactChange = { ok: true } | { ok: false; reason: "gone" | "notOpen" };

/**
 * Answers an open request: stores the answer and the referrals, queues the mail to the visitor
 * (in their language, with the organisations' names and links) and audits it, in one
 * transaction. A request answered or closed meanwhile (another tab) is left as it is.
 */
export function answerContactRequest(
  input: { ambassadorId: number; requestId: number; answer: string; referredIds: number[] },
  now = new Date(),
): ContactChange {
  return getDb().transaction(
    (tx) => {
      const request = tx
        .select()
        .from(contactRequests)
        .where(
          and(
            eq(contactRequests.id, input.requestId),
            eq(contactRequests.ambassadorId, input.ambassadorId),
          ),
        )
        .get();
      if (!request) return { ok: false, reason: "gone" } as const;
      if (request.status !== "open") return { ok: false, reason: "notOpen" } as const;
      // Organisations deleted meanwhile drop out of the referral.
      const found = input.referredIds.length
        ? tx
            .select()
            .from(supportOrganisations)
            .where(inArray(supportOrganisations.id, input.referredIds))
            .all()
        : [];
      const byId = new Map(found.map((o) => [o.id, o]));
      const organisations = input.referredIds
        .map((id) => byId.get(id))
        .filter((o): o is (typeof found)[number] => Boolean(o));
      tx.update(contactRequests)
        .set({
          status: "answered",
          answer: plainLines(input.answer),
          referredIds: organisations.map((o) => o.id),
          answeredAt: now,
        })
        .where(eq(contactRequests.id, request.id))
        .run();
      const ambassador = tx
        .select({ name: users.name, slug: ambassadorProfiles.slug })
        .from(users)
        .leftJoin(ambassadorProfiles, eq(ambassadorProfiles.userId, users.id))
        .where(eq(users.id, input.ambassadorId))
        .get();
      const mail = contactAnswerMail({
        locale: request.senderLocale,
        senderName: request.senderName,
        ambassadorName: ambassador?.name ?? "",
        ambassadorSlug: ambassador?.slug ?? null,
        question: request.message,
        answer: plainLines(input.answer),
        organisations,
      });
      enqueueMail(tx, {
        userId: request.senderId,
        to: request.senderEmail,
        kind: "notification",
        mail,
      });
      recordAudit(
        {
          actorId: input.ambassadorId,
          action: "contact.answered",
          subjectType: "contact_request",
          subjectId: request.id,
          details: { referredIds: organisations.map((o) => o.id) },
        },
        tx,
      );
      return { ok: true } as const;
    },
    { behavior: "immediate" },
  );
}

/** Closes an open or answered request (with or without an answer). */
export function closeContactRequest(
  input: { ambassadorId: number; requestId: number },
  now = new Date(),
): ContactChange {
  return getDb().transaction(
    (tx) => {
      const request = tx
        .select({ id: contactRequests.id, status: contactRequests.status })
        .from(contactRequests)
        .where(
          and(
            eq(contactRequests.id, input.requestId),
            eq(contactRequests.ambassadorId, input.ambassadorId),
          ),
        )
        .get();
      if (!request) return { ok: false, reason: "gone" } as const;
      if (request.status === "closed") return { ok: false, reason: "notOpen" } as const;
      tx.update(contactRequests)
        .set({ status: "closed", closedAt: now })
        .where(eq(contactRequests.id, request.id))
        .run();
      recordAudit(
        {
          actorId: input.ambassadorId,
          action: "contact.closed",
          subjectType: "contact_request",
          subjectId: request.id,
          details: { answered: request.status === "answered" },
        },
        tx,
      );
      return { ok: true } as const;
    },
    { behavior: "immediate" },
  );
}
