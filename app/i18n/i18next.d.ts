import "i18next";
import type { nl } from "./nl";
import type { nlMeetingTools } from "./nl-meeting-tools";
import type { nlMeetings } from "./nl-meetings";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof nl & typeof nlMeetings & typeof nlMeetingTools };
  }
}
