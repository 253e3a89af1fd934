import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { weightKeys } from "~/domain/matching/model";
import { choice, wholeNumber } from "~/utils/validation";
import { ChoiceGroup, Field } from "./forms";

/** The matching policy a programme stores and an organiser may adjust per run: one definition. */
const weight = wholeNumber({ min: 0, max: 5 });

export const policyShape = {
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

export function checkSizes(
  v: { sizeMin: number; sizeTarget: number; sizeMax: number },
  ctx: z.RefinementCtx,
) {
  if (v.sizeTarget < v.sizeMin)
    ctx.addIssue({ code: "custom", path: ["sizeTarget"], message: "programme.targetBelowMin" });
  if (v.sizeMax < v.sizeTarget)
    ctx.addIssue({ code: "custom", path: ["sizeMax"], message: "programme.maxBelowTarget" });
}

type PolicyFieldset = {
  sizeMin: FieldMetadata<number | undefined>;
  sizeTarget: FieldMetadata<number | undefined>;
  sizeMax: FieldMetadata<number | undefined>;
  sectorPolicy: FieldMetadata<string | undefined>;
  weights: {
    getFieldset(): Record<(typeof weightKeys)[number], FieldMetadata<number | undefined>>;
  };
};

/** Circle sizes, sector policy and weights, as fields of a conform form. */
export function PolicyFields({ fields }: { fields: PolicyFieldset }) {
  const { t } = useTranslation();
  const weights = fields.weights.getFieldset();
  return (
    <>
      <div className="grid-3">
        <Field label={t("programme.sizeMin")} field={fields.sizeMin} type="number" />
        <Field label={t("programme.sizeTarget")} field={fields.sizeTarget} type="number" />
        <Field label={t("programme.sizeMax")} field={fields.sizeMax} type="number" />
      </div>
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
    </>
  );
}
