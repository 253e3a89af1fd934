import type { SupportMessages } from "./nl-support";

/** English for the wegwijzer: the directory of support organisations and its editor; typed against the Dutch file. */
export const enSupport: SupportMessages = {
  support: {},
};
