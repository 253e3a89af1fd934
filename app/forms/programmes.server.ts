/** The programme and matching forms' schemas. Server only (D32). */
import { z } from "zod";
import { weightKeys } from "~/domain/matching/model";
import { provinceCodes, themeCodes } from "~/domain/taxonomy";
import {
  choice,
  choices,
  idField,
  isoDate,
  optionalText,
  requiredText,
  wholeNumber,
} from "~/utils/validation";

/** The matching policy a programme stores and an organiser may adjust per run: one definition. */
const weight = wholeNumber({ min: 0, max: 5 });

const policyShape = {
  sizeMin: wholeNumber({ min: 3, max: 20 }),
  sizeTarget: wholeNumber({ min: 3, max: 20 }),
  sizeMax: wholeNumber({ min: 3, max: 20 }),
  sectorPolicy: choice(["mixed", "same"] as const),
  weights: z.object(
    Object.fromEntries(weightKeys.map((k) => [k, weight])) as Record<
      (typeof weightKeys)[number],
      typeof weight
    >,
  ),
};

function checkSizes(
  v: { sizeMin: number; sizeTarget: number; sizeMax: number },
  ctx: z.RefinementCtx,
) {
  if (v.sizeTarget < v.sizeMin)
    ctx.addIssue({ code: "custom", path: ["sizeTarget"], message: "programme.targetBelowMin" });
  if (v.sizeMax < v.sizeTarget)
    ctx.addIssue({ code: "custom", path: ["sizeMax"], message: "programme.maxBelowTarget" });
}

export const ProgrammeSchema = z
  .object({
    name: requiredText(120),
    description: optionalText(4000).transform((v) => v ?? ""),
    themes: choices(themeCodes),
    province: optionalText(2).pipe(
      z.enum(provinceCodes, { error: "validation.choose" }).nullable(),
    ),
    startsOn: isoDate,
    endsOn: isoDate,
    ...policyShape,
    coachIds: z
      .array(z.number({ error: "validation.invalid" }).int().positive(), {
        error: "validation.invalid",
      })
      .max(50)
      .default([]),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn < v.startsOn)
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "programme.endBeforeStart" });
    checkSizes(v, ctx);
  });

export const MatchingPolicySchema = z
  .object({ ...policyShape, meetingMode: choice(["in_person", "online"] as const) })
  .superRefine(checkSizes);

/** Stopping a matching run. */
export const MatchingRunSchema = z.object({ intent: z.literal("cancel"), runId: idField });

export const ArchiveSchema = z.object({
  intent: z.enum(["archive", "restore"], { error: "validation.invalid" }),
});

/** A proposal under review: move someone, or accept it. */
export const ProposalSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("move"),
      userId: idField,
      to: z.string({ error: "validation.choose" }).regex(/^(out|\d{1,4})$/, "validation.choose"),
    }),
    z.object({ intent: z.literal("accept") }),
  ],
  { error: "validation.invalid" },
);
