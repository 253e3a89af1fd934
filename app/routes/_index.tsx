import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { initials } from "~/domain/ambassadors";
import { listFeatured } from "~/models/ambassadors.server";
import { getOptionalUser } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import ambassadorsCss from "~/styles/ambassadors.css";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "home.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: ambassadorsCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  // Featured by organisers (/admin/ambassadors), only while their profile is public.
  const featured = listFeatured(3).map((a) => ({
    slug: a.slug,
    name: a.name,
    headline: a.headline,
    photoVersion: a.photoVersion,
  }));
  return json({ user: user ? { name: user.name } : null, featured });
}

const steps = ["profile", "match", "meet", "grow"] as const;
const promises = ["fit", "trust", "time", "momentum"] as const;

export default function Home() {
  const { t } = useTranslation();
  const { user, featured } = useLoaderData<typeof loader>();
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

      {featured.length > 0 ? (
        <section aria-labelledby="ambassadors-title" className="section" data-testid="featured">
          {/* No keys of its own (the core catalogue is on every page): the heading is the link. */}
          <h2 id="ambassadors-title">
            <Link to="/ambassadors">{t("nav.ambassadors")}</Link>
          </h2>
          <ul className="amb-featured">
            {featured.map((a) => (
              <li key={a.slug} className="card">
                {/* Decorative: the name is the link beside it. */}
                {a.photoVersion !== null ? (
                  <img
                    className="amb-avatar amb-avatar-small"
                    src={`/ambassadors/${a.slug}/photo?v=${a.photoVersion}`}
                    alt=""
                    width={400}
                    height={400}
                    loading="lazy"
                  />
                ) : (
                  <span className="amb-avatar amb-avatar-small" aria-hidden="true">
                    {initials(a.name)}
                  </span>
                )}
                <div>
                  <p>
                    <Link to={`/ambassadors/${a.slug}`}>
                      <strong>{a.name}</strong>
                    </Link>
                  </p>
                  {a.headline ? <p className="muted small">{a.headline}</p> : null}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
