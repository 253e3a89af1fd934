/**
 * The catalogue's parts beyond the core (nl.ts, en.ts) that only some pages need, each a chunk
 * per language of its own: "meetings" for the meeting pages, "meetingTools" for the date polls,
 * the follow-up and feedback forms and the calendar settings; "ambassadors" for the
 * ambassadors' public profiles, business cards and contact requests, "knowledge" for the
 * knowledge bank, its stories and editors, "support" for the wegwijzer; "matching" for a
 * programme's matching pages and the matching policy form. (The e-mails' texts are in no part:
 * only the server renders mails, so nl-email.ts is in the server's catalogue alone.) A route names the parts it needs
 * in its `handle` (`{ messages: ["meetings"] }`) and loads them in its clientLoader
 * (`withMessages("meetings")`); the server always has everything.
 */
export const messageParts = [
  "meetings",
  "meetingTools",
  "ambassadors",
  "knowledge",
  "support",
  "matching",
] as const;
export type MessagePart = (typeof messageParts)[number];

/** The file each part's chunk is named after (esbuild: <file>-<hash>.js). */
export const partFile: Record<MessagePart, string> = {
  meetings: "meetings",
  meetingTools: "meeting-tools",
  ambassadors: "ambassadors",
  knowledge: "knowledge",
  support: "support",
  matching: "matching",
};

export function isMessagePart(value: unknown): value is MessagePart {
  return typeof value === "string" && (messageParts as readonly string[]).includes(value);
}

/** The parts the matched routes' handles name, in a stable order. */
export function partsOf(handles: unknown[]): MessagePart[] {
  const wanted = new Set<string>();
  for (const handle of handles) {
    const messages = (handle as { messages?: unknown } | undefined)?.messages;
    if (Array.isArray(messages)) for (const part of messages) wanted.add(String(part));
  }
  return messageParts.filter((part) => wanted.has(part));
}
