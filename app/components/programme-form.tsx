import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { label, provinceCodes, provinces, themeCodes, themes } from "~/domain/taxonomy";
import { useLocale } from "~/i18n/use-locale";
import {
  choice,
  choices,
  isoDate,
  optionalText,
  requiredText,
  wholeNumber,
} from "~/utils/validation";
import { ChoiceGroup, Field, FormErrors, SelectField, TextareaField } from "./forms";

const weightKeys = ["phase", "size", "role", "themes", "sector", "region"] as const;
const weight = wholeNumber({ min: 0, max: 5 });

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
    if (v.sizeTarget < v.sizeMin)
      ctx.addIssue({ code: "custom", path: ["sizeTarget"], message: "programme.targetBelowMin" });
    if (v.sizeMax < v.sizeTarget)
      ctx.addIssue({ code: "custom", path: ["sizeMax"], message: "programme.maxBelowTarget" });
  });

export type ProgrammeDefaults = Partial<z.input<typeof ProgrammeSchema>>;

export function ProgrammeForm({
  lastResult,
  defaultValue,
  coaches,
  submitLabel,
}: {
  lastResult?: SubmissionResult<string[]>;
  defaultValue: ProgrammeDefaults;
  coaches: Array<{ id: number; name: string }>;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = useNavigation().state !== "idle";
  const [form, fields] = useForm({
    id: "programme",
    lastResult,
    constraint: getZodConstraint(ProgrammeSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProgrammeSchema }),
  });
  const weightFields = fields.weights.getFieldset();
  return (
    <Form method="post" {...getFormProps(form)} className="card stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field label={t("programme.name")} field={fields.name} />
      <TextareaField label={t("programme.description")} field={fields.description} />
      <ChoiceGroup
        type="checkbox"
        legend={t("programme.themes")}
        field={fields.themes}
        options={themeCodes.map((c) => ({ value: c, label: label(themes, c, locale) }))}
      />
      <SelectField
        label={t("programme.province")}
        field={fields.province}
        placeholder={t("programme.national")}
        options={provinceCodes.map((c) => ({ value: c, label: label(provinces, c, locale) }))}
      />
      <div className="grid-2">
        <Field label={t("programme.startsOn")} field={fields.startsOn} type="date" />
        <Field label={t("programme.endsOn")} field={fields.endsOn} type="date" />
      </div>
      <fieldset className="stack">
        <legend>{t("programme.policyTitle")}</legend>
        <p className="field-help">{t("programme.policyHelp")}</p>
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
            <Field
              key={k}
              label={t(`programme.weight.${k}`)}
              field={weightFields[k]}
              type="number"
            />
          ))}
        </div>
      </fieldset>
      <ChoiceGroup
        type="checkbox"
        legend={t("programme.coaches")}
        help={t("programme.coachesHelp")}
        field={fields.coachIds as never}
        options={coaches.map((c) => ({ value: String(c.id), label: c.name }))}
      />
      <button type="submit" className="button button-primary" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}
