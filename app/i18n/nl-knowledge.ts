/**
 * The Dutch messages of the knowledge bank: search, practice stories, tools, the editors and borging: a chunk of its own (see message-parts.ts), so the other pages
 * stay light.
 */
export const nlKnowledge = {
  knowledge: {},
};

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
export type KnowledgeMessages = DeepStrings<typeof nlKnowledge>;
