import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, TextareaField, useIsPending } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { Stepper } from "~/components/stepper";
import { getProfile, nextOnboardingStep, saveQuestion } from "~/models/profiles.server";
import { requirePermission } from "~/utils/auth.server";
import { QuestionSchema } from "~/forms/onboarding.server";
import { badRequest, formConstraint, parseForm, type FormInput } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "onboarding.question.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "profile.edit");
  const profile = getProfile(user.id);
  return json({
    question: {
      questionSituation: profile?.questionSituation ?? "",
      questionTried: profile?.questionTried ?? "",
      questionWish: profile?.questionWish ?? "",
    },
    constraint: formConstraint(QuestionSchema),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "profile.edit");
  const submission = await parseForm(request, QuestionSchema);
  if (submission.status !== "success") return badRequest(submission);
  saveQuestion(user.id, submission.value);
  return redirect(`/onboarding/${nextOnboardingStep(user.id)}`);
}

export default function OnboardingQuestion() {
  const { t } = useTranslation();
  const { question, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useIsPending();
  const [form, fields] = useForm<FormInput<typeof QuestionSchema>>({
    id: "onboarding-question",
    lastResult,
    constraint,
    defaultValue: question,
  });
  return (
    <div className="page narrow">
      <Stepper current="question" />
      <PageHeader title={t("onboarding.question.title")} intro={t("onboarding.question.intro")} />
      <Form method="post" {...getFormProps(form)} className="card stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextareaField
          label={t("question.situation")}
          help={t("question.situationHelp")}
          field={fields.questionSituation}
        />
        <TextareaField
          label={t("question.tried")}
          help={t("question.triedHelp")}
          field={fields.questionTried}
          rows={3}
        />
        <TextareaField
          label={t("question.wish")}
          help={t("question.wishHelp")}
          field={fields.questionWish}
          rows={3}
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
