import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "~/i18n/use-translation";

type Known = 400 | 403 | 404 | 500;
const known: Known[] = [400, 403, 404, 500];

/** The one error boundary every route uses: a friendly page per status, never a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind: Known = known.includes(status as Known)
    ? (status as Known)
    : status >= 500
      ? 500
      : 400;
  useEffect(() => {
    if (!isRouteErrorResponse(error)) console.error(error);
  }, [error]);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-code">{status}</p>
      <h1 id="error-title">{t(`errors.${kind}.title`)}</h1>
      <p>{t(`errors.${kind}.body`)}</p>
      <p>
        <Link to="/" className="button button-secondary">
          {t("errors.home")}
        </Link>
      </p>
    </section>
  );
}
