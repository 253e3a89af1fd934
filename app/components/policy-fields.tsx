import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "~/i18n/use-translation";
import { weightKeys } from "~/domain/matching/model";
import { ChoiceGroup, Field } from "./forms";

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
