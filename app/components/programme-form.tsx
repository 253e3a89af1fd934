import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { label, provinceCodes, provinces, themeCodes, themes } from "~/domain/taxonomy";
import { useLocale } from "~/i18n/use-locale";
import type { ProgrammeSchema } from "~/forms/programmes.server";
import type { FormConstraint, FormInput } from "~/utils/forms.server";
import { ChoiceGroup, Field, FormErrors, SelectField, TextareaField } from "./forms";
import { PolicyFields } from "./policy-fields";
import { useIsPending } from "~/components/forms";

export type ProgrammeDefaults = Partial<FormInput<typeof ProgrammeSchema>>;

export function ProgrammeForm({
  constraint,
  lastResult,
  defaultValue,
  coaches,
  submitLabel,
}: {
  constraint: FormConstraint;
  lastResult?: SubmissionResult<string[]>;
  defaultValue: ProgrammeDefaults;
  coaches: Array<{ id: number; name: string }>;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = useIsPending();
  const [form, fields] = useForm<FormInput<typeof ProgrammeSchema>>({
    id: "programme",
    lastResult,
    constraint,
    defaultValue,
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
