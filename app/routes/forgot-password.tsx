import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, useIsPending } from "~/components/forms";
import { AuthCard } from "~/components/page";
import { resolveLocale } from "~/i18n/locale.server";
import { requestPasswordReset } from "~/models/accounts.server";
import { normaliseEmail } from "~/models/users.server";
import { ForgotSchema } from "~/forms/account.server";
import {
  badRequest,
  formConstraint,
  parseForm,
  tooManyAttempts,
  type FormInput,
} from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { accountIpKey, consumeRateLimit } from "~/utils/rate-limit.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "forgot.title");

export async function loader() {
  return json({ constraint: formConstraint(ForgotSchema) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = await parseForm(request, ForgotSchema);
  if (submission.status !== "success") return badRequest(submission);
  const email = normaliseEmail(submission.value.email);
  const limit = await consumeRateLimit([
    ["resetIp", context.clientIp],
    ["resetAccountIp", accountIpKey(email, context.clientIp)],
  ]);
  if (!limit.ok)
    return badRequest(submission, { formErrors: [tooManyAttempts(limit.retryAfterSeconds)] });
  requestPasswordReset(email, await resolveLocale(request));
  // The same answer whether or not the address has an account.
  return json({ ...submission.reply({ resetForm: true }), sent: true as const });
}

export default function ForgotPassword() {
  const { t } = useTranslation();
  const { constraint } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useIsPending();
  const [form, fields] = useForm<FormInput<typeof ForgotSchema>>({
    id: "forgot",
    lastResult: actionData,
    constraint,
  });
  const sent = actionData && "sent" in actionData;
  return (
    <AuthCard
      title={t("forgot.title")}
      intro={t("forgot.intro")}
      footer={
        <p>
          <Link to="/login">{t("forgot.backToLogin")}</Link>
        </p>
      }
    >
      {sent ? (
        <p className="notice notice-success" role="status">
          {t("forgot.sent")}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          label={t("fields.email")}
          field={fields.email}
          type="email"
          inputProps={{ autoComplete: "email" }}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {t("forgot.submit")}
        </button>
      </Form>
    </AuthCard>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
