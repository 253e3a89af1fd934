/** The circle forms' schemas (circle page, members, edit, new circle). Server only (D32). */
import { z } from "zod";
import { circleStatuses } from "~/domain/states";
import { circleModeCodes, dayPartCodes, provinceCodes, themeCodes } from "~/domain/taxonomy";
import {
  checkbox,
  choice,
  emailField,
  idField,
  optionalText,
  requiredText,
  wholeNumber,
} from "~/utils/validation";

export const CircleSchema = z
  .object({
    name: requiredText(120),
    theme: choice(themeCodes),
    description: optionalText(4000).transform((v) => v ?? ""),
    status: choice(circleStatuses),
    capacityMin: wholeNumber({ min: 2, max: 30 }),
    capacityMax: wholeNumber({ min: 2, max: 30 }),
    timeCommitment: optionalText(200).transform((v) => v ?? ""),
    meetingMode: choice(circleModeCodes),
    dayPart: optionalText(20).pipe(z.enum(dayPartCodes, { error: "validation.choose" }).nullable()),
    province: optionalText(2).pipe(
      z.enum(provinceCodes, { error: "validation.choose" }).nullable(),
    ),
    openForApplications: checkbox,
    houseRules: requiredText(8000),
    coachIds: z
      .array(z.number({ error: "validation.invalid" }).int().positive(), {
        error: "validation.invalid",
      })
      .max(10)
      .default([]),
  })
  .superRefine((v, ctx) => {
    if (v.capacityMax < v.capacityMin)
      ctx.addIssue({ code: "custom", path: ["capacityMax"], message: "circle.maxBelowMin" });
  });

export const InviteSchema = z.object({ intent: z.literal("invite"), email: emailField });

/** The circle's own edit page: save the circle or invite someone. */
export const EditSchema = z.discriminatedUnion(
  "intent",
  [CircleSchema.safeExtend({ intent: z.literal("save") }), InviteSchema],
  { error: "validation.invalid" },
);

export const ApplySchema = z.object({ intent: z.literal("apply"), motivation: requiredText(1000) });

/** The circle page: apply, answer an invitation, or leave. */
export const CirclePageSchema = z.discriminatedUnion(
  "intent",
  [
    ApplySchema,
    z.object({ intent: z.literal("accept") }),
    z.object({ intent: z.literal("decline") }),
    z.object({ intent: z.literal("leave") }),
  ],
  { error: "validation.invalid" },
);

export const MembersSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("approve"), membershipId: idField, message: optionalText(1000) }),
    z.object({ intent: z.literal("decline"), membershipId: idField, message: optionalText(1000) }),
    z.object({ intent: z.literal("remove"), membershipId: idField, reason: requiredText(1000) }),
    InviteSchema,
  ],
  { error: "validation.invalid" },
);
