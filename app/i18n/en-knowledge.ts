import type { KnowledgeMessages } from "./nl-knowledge";

/** English for the knowledge bank: search, practice stories, tools, the editors and borging; typed against the Dutch file. */
export const enKnowledge: KnowledgeMessages = {
  knowledge: {},
};
