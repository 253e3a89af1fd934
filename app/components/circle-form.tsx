import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { circleStatuses } from "~/domain/states";
import {
  circleModeCodes,
  circleModes,
  dayPartCodes,
  dayParts,
  label,
  provinceCodes,
  provinces,
  themeCodes,
  themes,
} from "~/domain/taxonomy";
import { useLocale } from "~/i18n/use-locale";
import type { CircleSchema } from "~/forms/circles.server";
import type { FormConstraint, FormInput } from "~/utils/forms.server";
import { CheckboxField, ChoiceGroup, Field, FormErrors, SelectField, TextareaField } from "./forms";
import { useIsPending } from "~/components/forms";

export type CircleDefaults = Partial<FormInput<typeof CircleSchema>>;

export function CircleForm({
  constraint,
  lastResult,
  defaultValue,
  coaches,
  canChooseCoaches,
  submitLabel,
}: {
  constraint: FormConstraint;
  lastResult?: SubmissionResult<string[]>;
  defaultValue: CircleDefaults;
  coaches: Array<{ id: number; name: string }>;
  canChooseCoaches: boolean;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = useIsPending();
  const [form, fields] = useForm<FormInput<typeof CircleSchema>>({
    id: "circle",
    lastResult,
    constraint,
    defaultValue,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card stack">
      <input type="hidden" name="intent" value="save" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field label={t("circle.name")} field={fields.name} />
      <SelectField
        label={t("circle.theme")}
        field={fields.theme}
        placeholder={t("common.choose")}
        options={themeCodes.map((c) => ({ value: c, label: label(themes, c, locale) }))}
      />
      <TextareaField
        label={t("circle.description")}
        help={t("circle.descriptionHelp")}
        field={fields.description}
      />
      <SelectField
        label={t("circle.status")}
        field={fields.status}
        options={circleStatuses.map((s) => ({ value: s, label: t(`circleStatus.${s}`) }))}
      />
      <div className="grid-2">
        <Field label={t("circle.capacityMin")} field={fields.capacityMin} type="number" />
        <Field label={t("circle.capacityMax")} field={fields.capacityMax} type="number" />
      </div>
      <Field
        label={t("circle.timeCommitment")}
        help={t("circle.timeCommitmentHelp")}
        field={fields.timeCommitment}
      />
      <ChoiceGroup
        type="radio"
        legend={t("circle.meetingMode")}
        field={fields.meetingMode}
        options={circleModeCodes.map((c) => ({ value: c, label: label(circleModes, c, locale) }))}
      />
      <div className="grid-2">
        <SelectField
          label={t("circle.dayPart")}
          field={fields.dayPart}
          placeholder={t("common.notSet")}
          options={dayPartCodes.map((c) => ({ value: c, label: label(dayParts, c, locale) }))}
        />
        <SelectField
          label={t("circle.province")}
          field={fields.province}
          placeholder={t("common.notSet")}
          options={provinceCodes.map((c) => ({ value: c, label: label(provinces, c, locale) }))}
        />
      </div>
      <CheckboxField
        label={t("circle.openForApplications")}
        help={t("circle.openForApplicationsHelp")}
        field={fields.openForApplications}
      />
      <TextareaField
        label={t("circle.houseRules")}
        help={t("circle.houseRulesHelp")}
        field={fields.houseRules}
        rows={10}
      />
      {canChooseCoaches ? (
        <ChoiceGroup
          type="checkbox"
          legend={t("circle.coaches")}
          help={t("circle.coachesHelp")}
          field={fields.coachIds as never}
          options={coaches.map((c) => ({ value: String(c.id), label: c.name }))}
        />
      ) : null}
      <button type="submit" className="button button-primary" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}
