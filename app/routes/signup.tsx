import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, useIsPending } from "~/components/forms";
import { AuthCard } from "~/components/page";
import { resolveLocale } from "~/i18n/locale.server";
import { registerAccount } from "~/models/accounts.server";
import { requireAnonymous } from "~/utils/auth.server";
import { signupNext } from "~/utils/http.server";
import { SignupSchema } from "~/forms/account.server";
import {
  badRequest,
  formConstraint,
  parseForm,
  tooManyAttempts,
  type FormInput,
} from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { isCommonPassword } from "~/utils/password.server";
import { consumeRateLimit } from "~/utils/rate-limit.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "signup.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const next = signupNext(new URL(request.url).searchParams.get("redirectTo"));
  return json({ constraint: formConstraint(SignupSchema), next });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const schema = SignupSchema.superRefine((value, ctx) => {
    if (isCommonPassword(value.password)) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "validation.passwordCommon" });
    }
  });
  const submission = await parseForm(request, schema);
  if (submission.status !== "success") return badRequest(submission, { hideFields: ["password"] });
  const limit = await consumeRateLimit([["signupIp", context.clientIp]]);
  if (!limit.ok)
    return badRequest(submission, {
      formErrors: [tooManyAttempts(limit.retryAfterSeconds)],
      hideFields: ["password"],
    });
  const { redirectTo, ...account } = submission.value;
  await registerAccount({
    ...account,
    locale: await resolveLocale(request),
    next: signupNext(redirectTo),
  });
  return redirect("/check-email");
}

export default function Signup() {
  const { t } = useTranslation();
  const { constraint, next } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useIsPending();
  const [form, fields] = useForm<FormInput<typeof SignupSchema>>({
    id: "signup",
    lastResult,
    constraint,
  });
  return (
    <AuthCard
      title={t("signup.title")}
      intro={t("signup.intro")}
      footer={
        <p>
          {t("signup.haveAccount")}{" "}
          <Link to={next ? `/login?${new URLSearchParams({ redirectTo: next })}` : "/login"}>
            {t("signup.loginLink")}
          </Link>
        </p>
      }
    >
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        {next ? <input type="hidden" name="redirectTo" value={next} /> : null}
        {next ? <p className="notice notice-info">{t("signup.thenApply")}</p> : null}
        <Field label={t("fields.name")} field={fields.name} inputProps={{ autoComplete: "name" }} />
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
          help={t("signup.passwordHelp")}
          inputProps={{ autoComplete: "new-password" }}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {t("signup.submit")}
        </button>
      </Form>
    </AuthCard>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
