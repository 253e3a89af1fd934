import { en } from "./en";
import { enEmail } from "./en-email";
import { enMatching } from "./en-matching";
import { enAmbassadors } from "./en-ambassadors";
import { enKnowledge } from "./en-knowledge";
import { enSupport } from "./en-support";
import { nlAmbassadors } from "./nl-ambassadors";
import { nlKnowledge } from "./nl-knowledge";
import { nlSupport } from "./nl-support";
import { enMeetingTools } from "./en-meeting-tools";
import { enMeetings } from "./en-meetings";
import { mergeMessages } from "./merge";
import { nl, type Messages } from "./nl";
import { nlEmail } from "./nl-email";
import { nlMatching } from "./nl-matching";
import { nlMeetingTools } from "./nl-meeting-tools";
import { nlMeetings } from "./nl-meetings";

/** Both languages, whole, bundled into the server, which renders pages and mails in either. */
const merged = (...parts: object[]) => parts.reduce((all, part) => mergeMessages(all, part));

export const serverCatalogues = {
  nl: merged(
    nl,
    nlMeetings,
    nlMeetingTools,
    nlAmbassadors,
    nlKnowledge,
    nlSupport,
    nlMatching,
    nlEmail,
  ) as Messages,
  en: merged(
    en,
    enMeetings,
    enMeetingTools,
    enAmbassadors,
    enKnowledge,
    enSupport,
    enMatching,
    enEmail,
  ) as Messages,
};
