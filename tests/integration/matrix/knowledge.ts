import type { PublicRow } from "./rows";

/** The knowledge routes' rows (see rows.ts). */
export const knowledgeMatrix: Record<string, PublicRow> = {};
