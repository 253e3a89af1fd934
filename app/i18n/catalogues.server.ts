import { en } from "./en";
import { enMeetingTools } from "./en-meeting-tools";
import { enMeetings } from "./en-meetings";
import { mergeMessages } from "./merge";
import { nl } from "./nl";
import { nlMeetingTools } from "./nl-meeting-tools";
import { nlMeetings } from "./nl-meetings";

/** Both languages, whole, bundled into the server, which renders pages and mails in either. */
export const serverCatalogues = {
  nl: mergeMessages(mergeMessages(nl, nlMeetings), nlMeetingTools),
  en: mergeMessages(mergeMessages(en, enMeetings), enMeetingTools),
};
