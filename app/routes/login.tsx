import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, useIsPending } from "~/components/forms";
import { AuthCard } from "~/components/page";
import { resolveLocale } from "~/i18n/locale.server";
import { sendVerificationMail } from "~/models/accounts.server";
import { normaliseEmail, verifyLogin } from "~/models/users.server";
import { requireAnonymous, startSession } from "~/utils/auth.server";
import { LoginSchema } from "~/forms/account.server";
import {
  badRequest,
  formConstraint,
  parseForm,
  tooManyAttempts,
  type FormInput,
} from "~/utils/forms.server";
import { safeRedirect } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { loginBlockedFor, recordLoginFailure, recordLoginSuccess } from "~/utils/rate-limit.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "login.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return json({ constraint: formConstraint(LoginSchema) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const submission = await parseForm(request, LoginSchema);
  if (submission.status !== "success") return badRequest(submission, { hideFields: ["password"] });
  const { email, password, redirectTo } = submission.value;
  const account = normaliseEmail(email);
  const ip = context.clientIp;
  // The message points to "forgot password": a reset lifts the block at once.
  const blocked = (seconds: number) =>
    badRequest(submission, {
      formErrors: [tooManyAttempts(seconds, "login.tooManyAttempts")],
      hideFields: ["password"],
    });
  const wait = await loginBlockedFor(account, ip);
  if (wait !== null) return blocked(wait);

  const result = await verifyLogin(account, password);
  if (!result) {
    const waitNow = await recordLoginFailure(account, ip);
    if (waitNow !== null) return blocked(waitNow);
    return badRequest(submission, { formErrors: ["login.invalid"], hideFields: ["password"] });
  }
  await recordLoginSuccess(account, ip);
  if (!result.verified) {
    // Only someone who knows the password learns that the address is unverified.
    sendVerificationMail(result.userId, await resolveLocale(request));
    return badRequest(submission, { formErrors: ["login.unverified"], hideFields: ["password"] });
  }
  const cookie = await startSession(result.userId);
  return redirectWithToast(
    safeRedirect(redirectTo),
    { key: "login.welcome" },
    { headers: { "Set-Cookie": cookie } },
  );
}

export default function Login() {
  const { t } = useTranslation();
  const { constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const busy = useIsPending();
  const [form, fields] = useForm<FormInput<typeof LoginSchema>>({
    id: "login",
    lastResult,
    constraint,
    defaultValue: { redirectTo: searchParams.get("redirectTo") ?? "" },
  });
  return (
    <AuthCard
      title={t("login.title")}
      intro={t("login.intro")}
      footer={
        <p>
          {t("login.noAccount")} <Link to="/signup">{t("login.signupLink")}</Link>
        </p>
      }
    >
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={fields.redirectTo.initialValue ?? ""} />
        <Field
          label={t("fields.email")}
          field={fields.email}
          type="email"
          inputProps={{ autoComplete: "email" }}
        />
        <Field
          label={t("fields.password")}
          field={fields.password}
          type="password"
          inputProps={{ autoComplete: "current-password" }}
        />
        <p className="form-aside">
          <Link to="/forgot-password">{t("login.forgot")}</Link>
        </p>
        <button type="submit" className="button button-primary" disabled={busy}>
          {t("login.submit")}
        </button>
      </Form>
    </AuthCard>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
