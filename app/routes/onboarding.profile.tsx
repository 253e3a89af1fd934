import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CheckboxField, ChoiceGroup, FormErrors, useIsPending } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { Stepper } from "~/components/stepper";
import {
  companyRoleCodes,
  companyRoles,
  dayPartCodes,
  dayParts,
  label,
  meetingModeCodes,
  meetingModes,
  themeCodes,
  themes,
} from "~/domain/taxonomy";
import { useLocale } from "~/i18n/use-locale";
import { getProfile, nextOnboardingStep, saveProfile } from "~/models/profiles.server";
import { requirePermission } from "~/utils/auth.server";
import { badRequest, readFormData } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { checkbox, choice, choices } from "~/utils/validation";

const ProfileSchema = z.object({
  companyRole: choice(companyRoleCodes),
  themes: choices(themeCodes, { min: 1, max: 3 }),
  dayParts: choices(dayPartCodes, { min: 1 }),
  meetingMode: choice(meetingModeCodes),
  willingToHost: checkbox,
  competitorsOk: checkbox,
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "onboarding.profile.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "profile.edit");
  return json({ profile: getProfile(user.id) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "profile.edit");
  const submission = parseWithZod(await readFormData(request), { schema: ProfileSchema });
  if (submission.status !== "success") return badRequest(submission);
  saveProfile(user.id, submission.value);
  return redirect(`/onboarding/${nextOnboardingStep(user.id)}`);
}

export default function OnboardingProfile() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { profile } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useIsPending();
  const [form, fields] = useForm({
    id: "onboarding-profile",
    lastResult,
    constraint: getZodConstraint(ProfileSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: profile
      ? {
          companyRole: profile.companyRole ?? undefined,
          themes: profile.themes,
          dayParts: profile.dayParts,
          meetingMode: profile.meetingMode ?? undefined,
          willingToHost: profile.willingToHost ? "on" : undefined,
          competitorsOk: profile.competitorsOk ? "on" : undefined,
        }
      : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileSchema }),
  });
  const options = <T extends string>(codes: readonly T[], table: Parameters<typeof label>[0]) =>
    codes.map((c) => ({ value: c, label: label(table, c, locale) }));
  return (
    <div className="page narrow">
      <Stepper current="profile" />
      <PageHeader title={t("onboarding.profile.title")} intro={t("onboarding.profile.intro")} />
      <Form method="post" {...getFormProps(form)} className="card stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <ChoiceGroup
          type="radio"
          legend={t("profile.companyRole")}
          help={t("profile.companyRoleHelp")}
          field={fields.companyRole}
          options={options(companyRoleCodes, companyRoles)}
        />
        <ChoiceGroup
          type="checkbox"
          legend={t("profile.themes")}
          help={t("profile.themesHelp")}
          field={fields.themes}
          options={options(themeCodes, themes)}
        />
        <ChoiceGroup
          type="checkbox"
          legend={t("profile.dayParts")}
          help={t("profile.dayPartsHelp")}
          field={fields.dayParts}
          options={options(dayPartCodes, dayParts)}
        />
        <ChoiceGroup
          type="radio"
          legend={t("profile.meetingMode")}
          field={fields.meetingMode}
          options={options(meetingModeCodes, meetingModes)}
        />
        <CheckboxField
          label={t("profile.willingToHost")}
          help={t("profile.willingToHostHelp")}
          field={fields.willingToHost}
        />
        <CheckboxField
          label={t("profile.competitorsOk")}
          help={t("profile.competitorsOkHelp")}
          field={fields.competitorsOk}
        />
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
