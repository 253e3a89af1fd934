import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CheckboxField, Field, FormErrors, SelectField, useIsPending } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { Stepper } from "~/components/stepper";
import {
  isDivisionOf,
  isValidKvkNumber,
  label,
  lifePhaseCodes,
  lifePhases,
  MAX_EMPLOYEES,
  provinceCodes,
  provinces,
  sectorCodes,
  sectors,
  suggestLifePhase,
} from "~/domain/taxonomy";
import { useLocale } from "~/i18n/use-locale";
import { getCompany, nextOnboardingStep, saveCompany } from "~/models/profiles.server";
import { requirePermission } from "~/utils/auth.server";
import { badRequest, readFormData } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { checkbox, choice, optionalText, requiredText, wholeNumber } from "~/utils/validation";

function companySchema(currentYear: number) {
  return z
    .object({
      name: requiredText(120),
      kvkNumber: optionalText(20).refine((v) => v === null || isValidKvkNumber(v), {
        message: "validation.kvk",
      }),
      sector: choice(sectorCodes),
      sbiDivision: optionalText(2),
      employees: wholeNumber({ min: 0, max: MAX_EMPLOYEES, maxMessage: "company.tooLarge" }),
      foundedYear: wholeNumber({
        min: 1800,
        max: currentYear,
        maxMessage: "validation.yearInFuture",
      }),
      lifePhase: choice(lifePhaseCodes),
      province: choice(provinceCodes),
      municipality: requiredText(80),
      familyBusiness: checkbox,
    })
    .superRefine((v, ctx) => {
      if (v.sbiDivision && !isDivisionOf(v.sector, v.sbiDivision))
        ctx.addIssue({ code: "custom", path: ["sbiDivision"], message: "validation.sbiDivision" });
    });
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "onboarding.company.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "profile.edit");
  return json({ company: getCompany(user.id), currentYear: new Date().getFullYear() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "profile.edit");
  const submission = parseWithZod(await readFormData(request), {
    schema: companySchema(new Date().getFullYear()),
  });
  if (submission.status !== "success") return badRequest(submission);
  saveCompany(user.id, submission.value);
  return redirect(`/onboarding/${nextOnboardingStep(user.id)}`);
}

export default function OnboardingCompany() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { company, currentYear } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useIsPending();
  const schema = companySchema(currentYear);
  const [form, fields] = useForm({
    id: "onboarding-company",
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: company
      ? {
          ...company,
          employees: company.employees ?? undefined,
          foundedYear: company.foundedYear ?? undefined,
          familyBusiness: company.familyBusiness ? "on" : undefined,
        }
      : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
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
