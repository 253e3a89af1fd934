import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CheckboxField, Field, FormErrors, SelectField, useIsPending } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { Stepper } from "~/components/stepper";
import {
  label,
  lifePhaseCodes,
  lifePhases,
  provinceCodes,
  provinces,
  sectorCodes,
  sectors,
  suggestLifePhase,
} from "~/domain/taxonomy";
import { useLocale } from "~/i18n/use-locale";
import { getCompany, nextOnboardingStep, saveCompany } from "~/models/profiles.server";
import { requirePermission } from "~/utils/auth.server";
import { companySchema } from "~/forms/onboarding.server";
import { badRequest, formConstraint, parseForm, type FormInput } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "onboarding.company.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "profile.edit");
  const currentYear = new Date().getFullYear();
  return json({
    company: getCompany(user.id),
    currentYear,
    constraint: formConstraint(companySchema(currentYear)),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "profile.edit");
  const submission = await parseForm(request, companySchema());
  if (submission.status !== "success") return badRequest(submission);
  saveCompany(user.id, submission.value);
  return redirect(`/onboarding/${nextOnboardingStep(user.id)}`);
}

export default function OnboardingCompany() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { company, currentYear, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useIsPending();
  const [form, fields] = useForm<FormInput<ReturnType<typeof companySchema>>>({
    id: "onboarding-company",
    lastResult,
    constraint,
    defaultValue: company
      ? {
          ...company,
          employees: company.employees ?? undefined,
          foundedYear: company.foundedYear ?? undefined,
          familyBusiness: company.familyBusiness ? "on" : undefined,
        }
      : undefined,
  });
  const founded = Number(fields.foundedYear.value);
  const suggestion =
    Number.isInteger(founded) && founded >= 1800 && founded <= currentYear
      ? suggestLifePhase(founded, currentYear)
      : null;
  return (
    <div className="page narrow">
      <Stepper current="company" />
      <PageHeader title={t("onboarding.company.title")} intro={t("onboarding.company.intro")} />
      <Form method="post" {...getFormProps(form)} className="card stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          label={t("company.name")}
          field={fields.name}
          inputProps={{ autoComplete: "organization" }}
        />
        <Field
          label={t("company.kvk")}
          field={fields.kvkNumber}
          help={t("company.kvkHelp")}
          inputProps={{ inputMode: "numeric" }}
        />
        <SelectField
          label={t("company.sector")}
          field={fields.sector}
          placeholder={t("common.choose")}
          options={sectorCodes.map((c) => ({
            value: c,
            label: `${c} · ${label(sectors, c, locale)}`,
          }))}
        />
        <Field
          label={t("company.division")}
          field={fields.sbiDivision}
          help={t("company.divisionHelp")}
          inputProps={{ inputMode: "numeric" }}
        />
        <Field
          label={t("company.employees")}
          field={fields.employees}
          type="number"
          help={t("company.employeesHelp")}
        />
        <Field label={t("company.foundedYear")} field={fields.foundedYear} type="number" />
        <SelectField
          label={t("company.lifePhase")}
          field={fields.lifePhase}
          placeholder={t("common.choose")}
          help={
            suggestion
              ? t("company.lifePhaseSuggestion", { phase: label(lifePhases, suggestion, locale) })
              : t("company.lifePhaseHelp")
          }
          options={lifePhaseCodes.map((c) => ({ value: c, label: label(lifePhases, c, locale) }))}
        />
        <SelectField
          label={t("company.province")}
          field={fields.province}
          placeholder={t("common.choose")}
          options={provinceCodes.map((c) => ({ value: c, label: label(provinces, c, locale) }))}
        />
        <Field
          label={t("company.municipality")}
          field={fields.municipality}
          help={t("company.municipalityHelp")}
          inputProps={{ autoComplete: "address-level2" }}
        />
        <CheckboxField label={t("company.familyBusiness")} field={fields.familyBusiness} />
        <button type="submit" className="button button-primary" disabled={busy}>
          {t("onboarding.saveAndContinue")}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
