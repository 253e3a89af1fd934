/**
 * The forms of cases and the follow-up: the cases page, the coach's follow-up page, the feedback
 * question and marking an action item done. Server only (D32).
 */
import { z } from "zod";
import { caseUrgencies } from "~/domain/states";
import { CASE_TEXT_MAX, CASE_TITLE_MAX } from "~/models/cases.server";
import {
  ACTION_TEXT_MAX,
  COMMENT_MAX,
  DONE_NOTE_MAX,
  SUMMARY_MAX,
} from "~/models/follow-up.server";
import { choice, idField, isoDate, optionalText, requiredText } from "~/utils/validation";

const caseFields = {
  title: requiredText(CASE_TITLE_MAX),
  situation: requiredText(CASE_TEXT_MAX),
  request: requiredText(CASE_TEXT_MAX),
  urgency: choice(caseUrgencies),
};

export const ProposeCaseSchema = z.object({ intent: z.literal("propose"), ...caseFields });

export const CasesPageSchema = z.discriminatedUnion(
  "intent",
  [
    ProposeCaseSchema,
    z.object({ intent: z.literal("edit"), caseId: idField, ...caseFields }),
    z.object({ intent: z.literal("withdraw"), caseId: idField }),
    z.object({ intent: z.literal("move"), caseId: idField, direction: choice(["up", "down"]) }),
  ],
  { error: "validation.invalid" },
);

/** A list of ids from checkboxes: none ticked arrives as no field at all. */
const idList = z
  .array(idField, { error: "validation.invalid" })
  .max(200)
  .optional()
  .transform((v) => v ?? []);

export const AddActionSchema = z.object({
  intent: z.literal("addAction"),
  ownerId: z
    .number({ error: "validation.choose" })
    .int()
    .positive({ message: "validation.choose" }),
  text: requiredText(ACTION_TEXT_MAX),
  dueOn: isoDate.optional().transform((v) => v ?? null),
  caseId: idField.optional().transform((v) => v ?? null),
});

/** What the member who brought in a case will do (its owner comes from the case). */
export const CaseCommitmentSchema = z.object({
  intent: z.literal("caseCommitment"),
  caseId: idField,
  text: requiredText(ACTION_TEXT_MAX),
  dueOn: isoDate.optional().transform((v) => v ?? null),
});

export const SummarySchema = z.object({
  intent: z.literal("summary"),
  summary: z
    .string({ error: "validation.invalid" })
    .max(SUMMARY_MAX, { message: `validation.tooLong|${SUMMARY_MAX}` })
    .optional()
    // Browsers send a textarea's line breaks as CRLF: store them as the Markdown source has them.
    .transform((v) => (v ?? "").replace(/\r\n?/g, "\n").trim()),
});

export const FollowUpPageSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("attendance"), present: idList }),
    SummarySchema,
    AddActionSchema,
    CaseCommitmentSchema,
    z.object({ intent: z.literal("removeAction"), actionId: idField }),
  ],
  { error: "validation.invalid" },
);

const score = z
  .number({ error: "validation.choose" })
  .int({ message: "validation.choose" })
  .min(1, { message: "validation.choose" })
  .max(5, { message: "validation.choose" });

export const FeedbackSchema = z.object({ score, comment: optionalText(COMMENT_MAX) });

export const ActionItemSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("done"),
      note: optionalText(DONE_NOTE_MAX),
      redirectTo: z.string().max(500).optional(),
    }),
    z.object({ intent: z.literal("reopen"), redirectTo: z.string().max(500).optional() }),
  ],
  { error: "validation.invalid" },
);
