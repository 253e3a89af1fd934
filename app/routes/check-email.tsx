import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AuthCard } from "~/components/page";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "checkEmail.title");

export default function CheckEmail() {
  const { t } = useTranslation();
  return (
    <AuthCard title={t("checkEmail.title")} intro={t("checkEmail.body")}>
      <p>{t("checkEmail.spam")}</p>
      <p>
        <Link to="/login">{t("checkEmail.toLogin")}</Link>
      </p>
    </AuthCard>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
