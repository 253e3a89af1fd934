import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors, useIsPending } from "~/components/forms";
import { AuthCard } from "~/components/page";
import { resetPasswordWithToken } from "~/models/accounts.server";
import { peekUserToken } from "~/models/tokens.server";
import { getUserById } from "~/models/users.server";
import { startSession } from "~/utils/auth.server";
import { ResetSchema } from "~/forms/account.server";
import { badRequest, formConstraint, parseForm, type FormInput } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { clearLoginBlocks } from "~/utils/rate-limit.server";
import { isCommonPassword } from "~/utils/password.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reset.title");

function tokenFromUrl(request: Request) {
  const token = new URL(request.url).searchParams.get("token");
  return token && token.length <= 100 ? token : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = tokenFromUrl(request);
  return json({
    token,
    valid: token !== null && peekUserToken(token, "reset_password") !== null,
    constraint: formConstraint(ResetSchema),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const schema = ResetSchema.superRefine((v, ctx) => {
    if (isCommonPassword(v.password))
      ctx.addIssue({ code: "custom", path: ["password"], message: "validation.passwordCommon" });
  });
  const submission = await parseForm(request, schema);
  if (submission.status !== "success")
    return badRequest(submission, { hideFields: ["password", "confirm"] });
  const userId = await resetPasswordWithToken(submission.value.token, submission.value.password);
  if (userId === null)
    return badRequest(submission, {
      formErrors: ["reset.invalidBody"],
      hideFields: ["password", "confirm"],
    });
  // Every session ended with the reset (the old password may be what leaked); so do their sockets.
  context.publisher.disconnectUser(userId);
  // The owner proved the mailbox: failed logins by others no longer block the address.
  const user = getUserById(userId);
  if (user) clearLoginBlocks(user.email);
  const cookie = await startSession(userId);
  return redirectWithToast(
    "/dashboard",
    { key: "reset.done" },
    { headers: { "Set-Cookie": cookie } },
  );
}

export default function ResetPassword() {
  const { t } = useTranslation();
  const { token, valid, constraint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useIsPending();
  const [form, fields] = useForm<FormInput<typeof ResetSchema>>({
    id: "reset",
    lastResult,
    constraint,
  });
  if (!valid) {
    return (
      <AuthCard title={t("reset.invalidTitle")} intro={t("reset.invalidBody")}>
        <p>
          <Link to="/forgot-password" className="button button-primary">
            {t("reset.again")}
          </Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("reset.title")} intro={t("reset.intro")}>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="token" value={token ?? ""} />
        <Field
          label={t("fields.newPassword")}
          field={fields.password}
          type="password"
          help={t("signup.passwordHelp")}
          inputProps={{ autoComplete: "new-password" }}
        />
        <Field
          label={t("fields.confirmPassword")}
          field={fields.confirm}
          type="password"
          inputProps={{ autoComplete: "new-password" }}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {t("reset.submit")}
        </button>
      </Form>
    </AuthCard>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
