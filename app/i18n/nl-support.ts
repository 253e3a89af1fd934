/**
 * The Dutch messages of the wegwijzer: the directory of support organisations and its editor: a chunk of its own (see message-parts.ts), so the other pages
 * stay light.
 */
export const nlSupport = {
  support: {},
};

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
export type SupportMessages = DeepStrings<typeof nlSupport>;
