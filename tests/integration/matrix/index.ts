import { ambassadorsMatrix } from "./ambassadors";
import { knowledgeMatrix } from "./knowledge";
import type { PublicRow } from "./rows";
import { supportMatrix } from "./support";

/** Every row of the ambassadors issue's matrix, by route file name. */
export const publicMatrix: Record<string, PublicRow> = {
  ...ambassadorsMatrix,
  ...knowledgeMatrix,
  ...supportMatrix,
};
