import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AuthCard } from "~/components/page";
import { confirmEmail } from "~/models/accounts.server";
import { nextOnboardingStep } from "~/models/profiles.server";
import { peekUserToken } from "~/models/tokens.server";
import { readFormData } from "~/utils/forms.server";
import { signupNext } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "verify.title");

function tokenFrom(value: FormDataEntryValue | string | null) {
  return typeof value === "string" && value.length > 0 && value.length <= 100 ? value : null;
}

// The link only shows a button: mail scanners that follow links must not use the token up.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const token = tokenFrom(url.searchParams.get("token"));
  return json({
    token,
    next: signupNext(url.searchParams.get("next")),
    valid: token !== null && peekUserToken(token, "verify_email") !== null,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const token = tokenFrom(form.get("token"));
  const userId = token ? confirmEmail(token) : null;
  if (userId === null) return json({ invalid: true }, { status: 400 });
  // No session: the link proves the mailbox, not the password. Someone may have signed up with
  // another person's address and a password of their own; whoever chose the password logs in
  // with it, and a mailbox owner who never signed up uses "forgot password", which replaces it.
  // Signed up from a circle (a story's "Kringen over dit thema"): back to that circle to apply;
  // its page points to the company profile, which the coach will want to see.
  const next = signupNext(form.get("next")) ?? `/onboarding/${nextOnboardingStep(userId)}`;
  return redirectWithToast(`/login?${new URLSearchParams({ redirectTo: next })}`, {
    key: "verify.done",
  });
}

export default function VerifyEmail() {
  const { t } = useTranslation();
  const { token, next, valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!valid || actionData?.invalid) {
    return (
      <AuthCard title={t("verify.invalidTitle")} intro={t("verify.invalidBody")}>
        <p>
          <Link to="/login" className="button button-primary">
            {t("verify.toLogin")}
          </Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("verify.title")} intro={t("verify.intro")}>
      <p>{t("verify.notYou")}</p>
      <Form method="post">
        <input type="hidden" name="token" value={token ?? ""} />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <button type="submit" className="button button-primary">
          {t("verify.submit")}
        </button>
      </Form>
    </AuthCard>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
