import type { PublicRow } from "./rows";

/** The support routes' rows (see rows.ts). */
export const supportMatrix: Record<string, PublicRow> = {};
