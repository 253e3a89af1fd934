import fs from "node:fs/promises";
import path from "node:path";
import { getEnv } from "./env.server";

export type OutboxEntry = {
  file: string;
  to: string;
  subject: string;
  date: string;
  text: string;
  html: string | null;
};

/** The development outbox: the .eml files written when no SMTP server is configured. */
export async function listOutbox(limit = 50): Promise<OutboxEntry[]> {
  const dir = getEnv().OUTBOX_DIR;
  const files = (await fs.readdir(dir).catch(() => [] as string[]))
    .filter((f) => f.endsWith(".eml"))
    .sort()
    .reverse()
    .slice(0, limit);
  // Loaded on first use: mailparser and its dependencies take a few hundred milliseconds to
  // load, and only the development outbox page reads mail, so it stays out of the cold start.
  const { simpleParser } = await import("mailparser");
  return Promise.all(
    files.map(async (file) => {
      const mail = await simpleParser(await fs.readFile(path.join(dir, file)));
      const to = Array.isArray(mail.to)
        ? mail.to.map((a) => a.text).join(", ")
        : (mail.to?.text ?? "");
      return {
        file,
        to,
        subject: mail.subject ?? "",
        date: (mail.date ?? new Date()).toISOString(),
        text: mail.text ?? "",
        html: typeof mail.html === "string" ? mail.html : null,
      };
    }),
  );
}
