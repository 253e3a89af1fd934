import "i18next";
import type { nl } from "./nl";
import type { nlAmbassadors } from "./nl-ambassadors";
import type { nlEmail } from "./nl-email";
import type { nlKnowledge } from "./nl-knowledge";
import type { nlMatching } from "./nl-matching";
import type { nlSupport } from "./nl-support";
import type { nlMeetingTools } from "./nl-meeting-tools";
import type { nlMeetings } from "./nl-meetings";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: {
      translation: typeof nl &
        typeof nlMeetings &
        typeof nlMeetingTools &
        typeof nlAmbassadors &
        typeof nlKnowledge &
        typeof nlSupport &
        typeof nlMatching &
        typeof nlEmail;
    };
  }
}
