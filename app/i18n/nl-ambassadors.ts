/**
 * The Dutch messages of the ambassadors' public profiles, business cards, contact requests and the ambassador's own settings: a chunk of its own (see message-parts.ts), so the other pages
 * stay light.
 */
export const nlAmbassadors = {
  ambassadors: {},
};

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
export type AmbassadorsMessages = DeepStrings<typeof nlAmbassadors>;
