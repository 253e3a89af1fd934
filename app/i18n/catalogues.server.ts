import { en } from "./en";
import { enAmbassadors } from "./en-ambassadors";
import { enKnowledge } from "./en-knowledge";
import { enSupport } from "./en-support";
import { nlAmbassadors } from "./nl-ambassadors";
import { nlKnowledge } from "./nl-knowledge";
import { nlSupport } from "./nl-support";
import { enMeetingTools } from "./en-meeting-tools";
import { enMeetings } from "./en-meetings";
import { mergeMessages } from "./merge";
import { nl } from "./nl";
import { nlMeetingTools } from "./nl-meeting-tools";
import { nlMeetings } from "./nl-meetings";

/** Both languages, whole, bundled into the server, which renders pages and mails in either. */
const merged = (...parts: object[]) => parts.reduce((all, part) => mergeMessages(all, part));

export const serverCatalogues = {
  nl: merged(nl, nlMeetings, nlMeetingTools, nlAmbassadors, nlKnowledge, nlSupport) as typeof nl,
  en: merged(en, enMeetings, enMeetingTools, enAmbassadors, enKnowledge, enSupport) as typeof en,
};
