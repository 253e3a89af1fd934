import type { PublicRow } from "./rows";

/** The ambassadors routes' rows (see rows.ts). */
export const ambassadorsMatrix: Record<string, PublicRow> = {};
