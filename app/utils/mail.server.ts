import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { appBaseUrl, getEnv } from "./env.server";
import { generateSecureRandomString } from "./crypto.server";

export type MailMessage = {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
};

function createTransport() {
  const { SMTP_URL } = getEnv();
  if (SMTP_URL) return nodemailer.createTransport(SMTP_URL);
  // No SMTP server configured: build the real message, then keep it as an .eml file.
  return nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
}

/**
 * Hands one e-mail to the transport. Only the outbox worker calls this (app/models/outbox.server.ts):
 * everything else enqueues. With SMTP_URL set it goes to that server; without, it is written to
 * OUTBOX_DIR as an .eml file that the development outbox page lists.
 */
export async function sendMail(message: MailMessage): Promise<void> {
  const env = getEnv();
  const info = await createTransport().sendMail({
    from: env.MAIL_FROM,
    ...message,
    messageId: message.headers?.["Message-ID"],
  });
  if (env.SMTP_URL) return;
  const raw = (info as unknown as { message: Buffer }).message;
  await fs.mkdir(env.OUTBOX_DIR, { recursive: true });
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${generateSecureRandomString(5)}.eml`;
  await fs.writeFile(path.join(env.OUTBOX_DIR, name), raw);
}

/** The base URL for links in e-mails: configured, never taken from a request's Host header. */
export function appUrl(pathname: string) {
  return new URL(pathname, appBaseUrl()).toString();
}
