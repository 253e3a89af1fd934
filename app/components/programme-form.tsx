import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { label, provinceCodes, provinces, themeCodes, themes } from "~/domain/taxonomy";
import { useLocale } from "~/i18n/use-locale";
import { choices, isoDate, optionalText, requiredText } from "~/utils/validation";
import { ChoiceGroup, Field, FormErrors, SelectField, TextareaField } from "./forms";
import { checkSizes, PolicyFields, policyShape } from "./policy-fields";
import { useIsPending } from "~/components/forms";

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
  const busy = useIsPending();
  const [form, fields] = useForm({
    id: "programme",
    lastResult,
    constraint: getZodConstraint(ProgrammeSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProgrammeSchema }),
  });
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
        <PolicyFields fields={fields as never} />
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
