/**
 * The e-mail outbox. Every e-mail is inserted here in the same transaction as the event that
 * caused it, so an event never happens without its mail, nor a mail without its event. A worker
 * (app/server/mail-worker.server.ts) sends due rows:
 *
 * - claim: the row becomes `sending` with a lease (`nextAttemptAt = now + LEASE`) and one more attempt;
 * - send through nodemailer; then mark `sent`;
 * - on an error: back to `pending` with exponential backoff, or `failed` after MAX_ATTEMPTS
 *   (organisers see failed mails on /admin/outbox and can retry them);
 * - a notification mail whose notification was read in the app first is `skipped`.
 *
 * A crash between the SMTP server accepting a mail and the row being marked leaves it `sending`;
 * when its lease runs out it is sent once more. So a crash can cause at most one duplicate per
 * mail, never a lost one; every mail carries a stable Message-ID so mail systems can recognise it.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import { emailOutbox, notifications } from "../../db/schema";
import { getDb, type DB } from "../utils/db.server";
import { sendMail } from "../utils/mail.server";

export const MAX_ATTEMPTS = 6;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 60 * 60_000;
export const LEASE_MS = 5 * 60_000;

export function backoffMs(attempts: number) {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

type Tx = Pick<DB, "insert" | "select" | "update">;

export type OutgoingMail = {
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
};

export function enqueueMail(
  tx: Tx,
  input: {
    userId: number | null;
    to: string;
    kind: "account" | "notification" | "digest";
    mail: OutgoingMail;
    notificationId?: number | null;
    notBefore?: Date;
  },
) {
  const row = tx
    .insert(emailOutbox)
    .values({
      userId: input.userId,
      notificationId: input.notificationId ?? null,
      kind: input.kind,
      toAddress: input.to,
      subject: input.mail.subject,
      html: input.mail.html,
      text: input.mail.text,
      headers: input.mail.headers ?? {},
      nextAttemptAt: input.notBefore ?? new Date(),
    })
    .returning({ id: emailOutbox.id })
    .get();
  return row.id;
}

function messageId(id: number) {
  return `<outbox-${id}@kringwijs.nl>`;
}

/** Takes a due row for sending; returns it only if this caller won the claim. */
function claim(id: number, now: Date) {
  return getDb()
    .update(emailOutbox)
    .set({
      status: "sending",
      nextAttemptAt: new Date(now.getTime() + LEASE_MS),
      attempts: sql`${emailOutbox.attempts} + 1`,
    })
    .where(
      and(
        eq(emailOutbox.id, id),
        inArray(emailOutbox.status, ["pending", "sending"]),
        lte(emailOutbox.nextAttemptAt, now),
      ),
    )
    .returning()
    .get();
}

/** Sends every due mail once; returns how many were sent. Safe to call from several places. */
export async function processOutbox(now = new Date(), limit = 50): Promise<number> {
  const db = getDb();
  const due = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      and(inArray(emailOutbox.status, ["pending", "sending"]), lte(emailOutbox.nextAttemptAt, now)),
    )
    .orderBy(asc(emailOutbox.nextAttemptAt), asc(emailOutbox.id))
    .limit(limit)
    .all();
  let sent = 0;
  for (const { id } of due) {
    const row = claim(id, now);
    if (!row) continue;
    if (row.notificationId) {
      const seen = db
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.id, row.notificationId), isNotNull(notifications.readAt)))
        .get();
      if (seen) {
        db.update(emailOutbox).set({ status: "skipped" }).where(eq(emailOutbox.id, id)).run();
        continue;
      }
    }
    try {
      await sendMail({
        to: row.toAddress,
        subject: row.subject,
        html: row.html,
        text: row.text,
        headers: { ...row.headers, "Message-ID": messageId(row.id) },
      });
      db.update(emailOutbox)
        .set({ status: "sent", sentAt: new Date(), lastError: null })
        .where(eq(emailOutbox.id, id))
        .run();
      sent += 1;
    } catch (error) {
      const failed = row.attempts >= MAX_ATTEMPTS;
      db.update(emailOutbox)
        .set({
          status: failed ? "failed" : "pending",
          nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)),
          lastError:
            error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500),
        })
        .where(eq(emailOutbox.id, id))
        .run();
    }
  }
  return sent;
}

/**
 * Failed mails for the organisers' outbox page: category, recipient, status and error only.
 * Never the subject or body: a notification's subject is its sentence ("X applied for circle Y"),
 * about circles the organiser may not see.
 */
export function listFailedMails(limit = 100) {
  return getDb()
    .select({
      id: emailOutbox.id,
      to: emailOutbox.toAddress,
      kind: emailOutbox.kind,
      // A notification mail is named by its category; account and digest mails by their kind.
      category: notifications.category,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .leftJoin(notifications, eq(notifications.id, emailOutbox.notificationId))
    .where(eq(emailOutbox.status, "failed"))
    .orderBy(desc(emailOutbox.id))
    .limit(limit)
    .all();
}

export function countPendingMails(): number {
  return (
    getDb()
      .select({ n: count() })
      .from(emailOutbox)
      .where(inArray(emailOutbox.status, ["pending", "sending"]))
      .get()?.n ?? 0
  );
}

/** Gives a failed mail a fresh set of attempts. */
export function retryMail(id: number): boolean {
  const result = getDb()
    .update(emailOutbox)
    .set({ status: "pending", attempts: 0, nextAttemptAt: new Date(), lastError: null })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, "failed")))
    .run();
  return result.changes > 0;
}
