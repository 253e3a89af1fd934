import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
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
import { ProfileSchema } from "~/forms/onboarding.server";
import { badRequest, formConstraint, parseForm, type FormInput } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "onboarding.profile.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "profile.edit");
  return json({ profile: getProfile(user.id), constraint: formConstraint(ProfileSchema) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "profile.edit");
  const submission = await parseForm(request, ProfileSchema);
  if (submission.status !== "success") return badRequest(submission);
  saveProfile(user.id, submission.value);
  return redirect(`/onboarding/${nextOnboardingStep(user.id)}`);
}

export default function OnboardingProfile() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { profile, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useIsPending();
  const [form, fields] = useForm<FormInput<typeof ProfileSchema>>({
    id: "onboarding-profile",
    lastResult,
    constraint,
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
