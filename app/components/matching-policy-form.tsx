import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { choice, wholeNumber } from "~/utils/validation";
import { ChoiceGroup, Field, FormErrors } from "./forms";

const weightKeys = ["phase", "size", "role", "themes", "sector", "region"] as const;
const weight = wholeNumber({ min: 0, max: 5 });

export const MatchingPolicySchema = z
  .object({
    sizeMin: wholeNumber({ min: 3, max: 20 }),
    sizeTarget: wholeNumber({ min: 3, max: 20 }),
    sizeMax: wholeNumber({ min: 3, max: 20 }),
    sectorPolicy: choice(["mixed", "same"] as const),
    meetingMode: choice(["in_person", "online"] as const),
    weights: z.object(
      Object.fromEntries(weightKeys.map((k) => [k, weight])) as Record<
        (typeof weightKeys)[number],
        typeof weight
      >,
    ),
  })
  .superRefine((v, ctx) => {
    if (v.sizeTarget < v.sizeMin)
      ctx.addIssue({ code: "custom", path: ["sizeTarget"], message: "programme.targetBelowMin" });
    if (v.sizeMax < v.sizeTarget)
      ctx.addIssue({ code: "custom", path: ["sizeMax"], message: "programme.maxBelowTarget" });
  });

export function MatchingPolicyForm({
  lastResult,
  defaultValue,
}: {
  lastResult?: SubmissionResult<string[]>;
  defaultValue: Partial<z.input<typeof MatchingPolicySchema>>;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state !== "idle";
  const [form, fields] = useForm({
    id: "matching-policy",
    lastResult,
    constraint: getZodConstraint(MatchingPolicySchema),
    defaultValue,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MatchingPolicySchema }),
  });
  const weights = fields.weights.getFieldset();
  return (
    <Form method="post" {...getFormProps(form)} className="card stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="grid-3">
        <Field label={t("programme.sizeMin")} field={fields.sizeMin} type="number" />
        <Field label={t("programme.sizeTarget")} field={fields.sizeTarget} type="number" />
        <Field label={t("programme.sizeMax")} field={fields.sizeMax} type="number" />
      </div>
      <ChoiceGroup
        type="radio"
        legend={t("matching.meetingMode")}
        field={fields.meetingMode}
        options={[
          { value: "in_person", label: t("matching.inPerson") },
          { value: "online", label: t("matching.online") },
        ]}
      />
      <ChoiceGroup
        type="radio"
        legend={t("programme.sectorPolicy")}
        field={fields.sectorPolicy}
        options={[
          { value: "mixed", label: t("programme.sectorMixed") },
          { value: "same", label: t("programme.sectorSame") },
        ]}
      />
      <div className="grid-3">
        {weightKeys.map((k) => (
          <Field key={k} label={t(`programme.weight.${k}`)} field={weights[k]} type="number" />
        ))}
      </div>
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t("matching.running") : t("matching.run")}
      </button>
    </Form>
  );
}
