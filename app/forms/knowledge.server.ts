/**
 * The knowledge bank's form schemas. Server only (D32). The editor's fields depend on the kind:
 * a tool or link needs an address (http or https only), a story needs a body.
 */
import { z } from "zod";
import { isHttpUrl } from "~/domain/knowledge";
import { knowledgeKinds, knowledgeStatuses } from "~/domain/states";
import { lifePhaseCodes, sectorCodes, sizeClassCodes, themeCodes } from "~/domain/taxonomy";
import { RETURN_NOTE_MAX, type KnowledgeInput } from "~/models/knowledge.server";
import { choice, choices, idField, optionalText, requiredText } from "~/utils/validation";

export const TITLE_MAX = 140;
export const SUMMARY_MAX = 400;
export const BODY_MAX = 30_000;
export const URL_MAX = 500;

const url = z
  .string({ error: "validation.invalid" })
  .trim()
  .max(URL_MAX, { message: `validation.tooLong|${URL_MAX}` })
  .optional()
  .refine((v) => !v || isHttpUrl(v), "knowledge.error.url")
  .transform((v) => v || null);

export const KnowledgeItemSchema = z
  .object({
    intent: z.literal("save", { error: "validation.invalid" }),
    kind: choice(knowledgeKinds),
    title: requiredText(TITLE_MAX),
    summary: requiredText(SUMMARY_MAX),
    body: optionalText(BODY_MAX).transform((v) => v ?? ""),
    url,
    ambassadorId: idField.optional(),
    themes: choices(themeCodes, { max: 4 }),
    sectors: choices(sectorCodes, { max: 5 }),
    lifePhases: choices(lifePhaseCodes),
    sizeClasses: choices(sizeClassCodes),
  })
  .superRefine((value, ctx) => {
    if ((value.kind === "tool" || value.kind === "link") && !value.url)
      ctx.addIssue({ code: "custom", path: ["url"], message: "knowledge.error.urlRequired" });
    if (
      (value.kind === "story" || value.kind === "scan" || value.kind === "lesson") &&
      !value.body &&
      !value.url
    )
      ctx.addIssue({ code: "custom", path: ["body"], message: "knowledge.error.bodyRequired" });
  });

/** The buttons beside the editor: each a form of its own with only its intent. */
export const ItemStateSchema = z.object({
  intent: z.enum(["publish", "unpublish", "delete"], { error: "validation.invalid" }),
});

export const ApprovalSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("approve"), itemId: idField }),
    z.object({
      intent: z.literal("return"),
      itemId: idField,
      note: requiredText(RETURN_NOTE_MAX),
    }),
  ],
  { error: "validation.invalid" },
);

/** The manage page's status filter (a GET form): anything else is "all". */
export const statusFilter = (value: string | null) =>
  (knowledgeStatuses as readonly string[]).includes(value ?? "")
    ? (value as (typeof knowledgeStatuses)[number])
    : undefined;

export type KnowledgeItemValue = z.output<typeof KnowledgeItemSchema>;

/**
 * The model's input from the editor's values, for this writer: an ambassador who is not staff
 * always writes a story of their own; staff may pick an ambassador for a story (it must be one).
 * Null when the picked ambassador is not an ambassador (an error next to that field).
 */
export function editorInput(
  value: KnowledgeItemValue,
  user: { id: number },
  staff: boolean,
  isAmbassador: (userId: number) => boolean,
): KnowledgeInput | null {
  const kind = staff ? value.kind : "story";
  let ambassadorId: number | null = null;
  if (!staff) ambassadorId = user.id;
  else if (kind === "story" && value.ambassadorId) {
    if (!isAmbassador(value.ambassadorId)) return null;
    ambassadorId = value.ambassadorId;
  }
  return {
    kind,
    title: value.title,
    summary: value.summary,
    body: value.body,
    url: value.url,
    ambassadorId,
    themes: value.themes,
    sectors: value.sectors,
    lifePhases: value.lifePhases,
    sizeClasses: value.sizeClasses,
  };
}
