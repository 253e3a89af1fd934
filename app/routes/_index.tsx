import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getOptionalUser } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "home.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  return json({ user: user ? { name: user.name } : null });
}

const steps = ["profile", "match", "meet", "grow"] as const;
const promises = ["fit", "trust", "time", "momentum"] as const;

export default function Home() {
  const { t } = useTranslation();
  const { user } = useLoaderData<typeof loader>();
  return (
    <div className="home">
      <section className="hero" aria-labelledby="hero-title">
        {user ? <p className="eyebrow">{t("home.welcomeBack", { name: user.name })}</p> : null}
        <h1 id="hero-title">{t("home.heading")}</h1>
        <p className="lead">{t("home.lead")}</p>
        {user ? null : (
          <p className="hero-actions">
            <Link to="/signup" className="button button-primary">
              {t("home.ctaSignup")}
            </Link>
            <Link to="/login" className="button button-secondary">
              {t("home.ctaLogin")}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="how-title" className="section">
        <h2 id="how-title">{t("home.howTitle")}</h2>
        <ol className="steps">
          {steps.map((step) => (
            <li key={step} className="card">
              <h3>{t(`home.steps.${step}.title`)}</h3>
              <p>{t(`home.steps.${step}.body`)}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="why-title" className="section">
        <h2 id="why-title">{t("home.whyTitle")}</h2>
        <ul className="promises">
          {promises.map((p) => (
            <li key={p}>
              <strong>{t(`home.promises.${p}.title`)}</strong> {t(`home.promises.${p}.body`)}
            </li>
          ))}
        </ul>
        <blockquote className="quote">
          <p>{t("home.quote")}</p>
        </blockquote>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
