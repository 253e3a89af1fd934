import type { Locale } from "./locales";
import type { MessagePart } from "./message-parts";
import type { CoreMessages } from "./nl";

/**
 * The browser fetches only the page's language: each catalogue is a chunk of its own, imported
 * on demand (before hydration, see entry.client.tsx, and when the language changes, see the
 * root's clientLoader).
 */
export function importCatalogue(locale: Locale): Promise<CoreMessages> {
  return locale === "en" ? import("./en").then((m) => m.en) : import("./nl").then((m) => m.nl);
}

/** One part of a language's messages (see message-parts.ts); each import is its own chunk. */
export function importMessagePart(part: MessagePart, locale: Locale): Promise<object> {
  if (part === "meetings")
    return locale === "en"
      ? import("./en-meetings").then((m) => m.enMeetings)
      : import("./nl-meetings").then((m) => m.nlMeetings);
  if (part === "meetingTools")
    return locale === "en"
      ? import("./en-meeting-tools").then((m) => m.enMeetingTools)
      : import("./nl-meeting-tools").then((m) => m.nlMeetingTools);
  if (part === "ambassadors")
    return locale === "en"
      ? import("./en-ambassadors").then((m) => m.enAmbassadors)
      : import("./nl-ambassadors").then((m) => m.nlAmbassadors);
  if (part === "knowledge")
    return locale === "en"
      ? import("./en-knowledge").then((m) => m.enKnowledge)
      : import("./nl-knowledge").then((m) => m.nlKnowledge);
  if (part === "support")
    return locale === "en"
      ? import("./en-support").then((m) => m.enSupport)
      : import("./nl-support").then((m) => m.nlSupport);
  return locale === "en"
    ? import("./en-matching").then((m) => m.enMatching)
    : import("./nl-matching").then((m) => m.nlMatching);
}
