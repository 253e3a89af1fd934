/**
 * The account flows that span users, tokens and mail: sign-up, e-mail verification and
 * password reset. None of them reveals whether an e-mail address has an account.
 */
import { and, count, eq, gt } from "drizzle-orm";
import { emailOutbox, users } from "../../db/schema";
import {
  accountExistsMail,
  resetPasswordMail,
  verifyEmailMail,
} from "../emails/account-emails.server";
import type { Locale } from "../i18n/locales";
import { getDb, type DB } from "../utils/db.server";
import { appUrl } from "../utils/mail.server";
import { enqueueMail } from "./outbox.server";
import { invalidateUserSessions } from "../utils/session.server";
import { consumeUserToken, issueUserToken } from "./tokens.server";
import {
  createUser,
  findUserIdByEmail,
  markEmailVerified,
  normaliseEmail,
  setPassword,
} from "./users.server";

/**
 * At most this many account mails (verification, reset, "you already have an account") go to one
 * address per hour, whoever asks and from wherever: otherwise anyone could make Kringwijs flood a
 * mailbox by rotating IP addresses. The pages answer the same either way; a link already sent
 * keeps working.
 */
export const ACCOUNT_MAILS_PER_HOUR = 5;

function mayMailAccount(tx: Pick<DB, "select">, userId: number, now = new Date()) {
  const sent =
    tx
      .select({ n: count() })
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.userId, userId),
          eq(emailOutbox.kind, "account"),
          gt(emailOutbox.createdAt, new Date(now.getTime() - 60 * 60 * 1000)),
        ),
      )
      .get()?.n ?? 0;
  return sent < ACCOUNT_MAILS_PER_HOUR;
}

function mailTarget(userId: number) {
  return getDb()
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(eq(users.id, userId))
    .get();
}

/** Creates the account and mails a verification link; an existing address gets a hint instead. */
export async function registerAccount(input: {
  name: string;
  email: string;
  password: string;
  locale: Locale;
  /** A circle page to continue to after confirming (already checked with signupNext). */
  next?: string | null;
}) {
  const userId = await createUser({ ...input, locale: input.locale });
  if (userId === null) {
    const existingId = findUserIdByEmail(input.email);
    const target = existingId ? mailTarget(existingId) : undefined;
    if (target && existingId) {
      const mail = accountExistsMail(target.locale ?? input.locale, appUrl("/login"));
      getDb().transaction((tx) => {
        if (mayMailAccount(tx, existingId))
          enqueueMail(tx, { userId: existingId, to: target.email, kind: "account", mail });
      });
    }
    return;
  }
  sendVerificationMail(userId, input.locale, input.next ?? null);
}

/** Issues a verification token and queues its mail in one transaction. */
export function sendVerificationMail(
  userId: number,
  fallbackLocale: Locale,
  next: string | null = null,
) {
  const target = mailTarget(userId);
  if (!target) return;
  getDb().transaction((tx) => {
    if (!mayMailAccount(tx, userId)) return;
    const token = issueUserToken({ userId, purpose: "verify_email", tx });
    const mail = verifyEmailMail(
      target.locale ?? fallbackLocale,
      appUrl(`/verify-email?${new URLSearchParams(next ? { token, next } : { token })}`),
    );
    enqueueMail(tx, { userId, to: target.email, kind: "account", mail });
  });
}

/** Uses up a verification token and marks the address verified; returns the user. */
export function confirmEmail(token: string): number | null {
  const userId = consumeUserToken(token, "verify_email");
  if (userId !== null) markEmailVerified(userId);
  return userId;
}

/**
 * Queues a reset link when the address has an account. Queuing is quick and the mail worker
 * sends later, so the response takes as long whether or not the account exists.
 */
export function requestPasswordReset(email: string, fallbackLocale: Locale) {
  const userId = findUserIdByEmail(normaliseEmail(email));
  if (userId === null) return;
  const target = mailTarget(userId);
  if (!target) return;
  getDb().transaction((tx) => {
    if (!mayMailAccount(tx, userId)) return;
    const token = issueUserToken({ userId, purpose: "reset_password", tx });
    const mail = resetPasswordMail(
      target.locale ?? fallbackLocale,
      appUrl(`/reset-password?token=${token}`),
    );
    enqueueMail(tx, { userId, to: target.email, kind: "account", mail });
  });
}

/**
 * Sets a new password with a reset token. The token is used up, every session of the user ends,
 * and the address counts as verified (the link proved it).
 */
export async function resetPasswordWithToken(
  token: string,
  password: string,
): Promise<number | null> {
  const userId = consumeUserToken(token, "reset_password");
  if (userId === null) return null;
  await setPassword(userId, password);
  markEmailVerified(userId);
  invalidateUserSessions(userId);
  return userId;
}
