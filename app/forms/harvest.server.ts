/**
 * Borging's form: the coach's anonymised draft from a meeting's summary or a thread. Server only
 * (D32). The source is named by kind and id; the model reads it again, so who must approve
 * never comes from the form.
 */
import { z } from "zod";
import { lifePhaseCodes, sectorCodes, sizeClassCodes, themeCodes } from "~/domain/taxonomy";
import { choices, idField, requiredText } from "~/utils/validation";
import { BODY_MAX, SUMMARY_MAX, TITLE_MAX } from "./knowledge.server";

export const HarvestSchema = z.object({
  intent: z.literal("create", { error: "validation.invalid" }),
  source: z.enum(["meeting", "thread"], { error: "validation.invalid" }),
  sourceId: idField,
  title: requiredText(TITLE_MAX),
  summary: requiredText(SUMMARY_MAX),
  body: requiredText(BODY_MAX),
  themes: choices(themeCodes, { max: 4 }),
  sectors: choices(sectorCodes, { max: 5 }),
  lifePhases: choices(lifePhaseCodes),
  sizeClasses: choices(sizeClassCodes),
  /** "I have read the marked words": needed while the text has words that look like names. */
  checked: z.literal("on").optional(),
});
