import type { AmbassadorsMessages } from "./nl-ambassadors";

/** English for the ambassadors' public profiles, business cards, contact requests and the ambassador's own settings; typed against the Dutch file. */
export const enAmbassadors: AmbassadorsMessages = {
  ambassadors: {},
};
