import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AmbassadorAvatar } from "~/components/ambassador-avatar";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { reachKindFor, readSource } from "~/domain/ambassadors";
import { label, lifePhases, provinces, sectors, sizeClasses, themes } from "~/domain/taxonomy";
import { getT, isLocale, defaultLocale, withMessages } from "~/i18n";
import { formatDate } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { countReach, getPublicAmbassador } from "~/models/ambassadors.server";
import { listOpenCirclesForThemes } from "~/models/circles.server";
import { ThemeCircles } from "~/components/theme-circles";
import { getOptionalUser } from "~/utils/auth.server";
import { appBaseUrl } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";
import ambassadorsCss from "~/styles/ambassadors.css";
import knowledgeCss from "~/styles/knowledge.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: ambassadorsCss },
  { rel: "stylesheet", href: knowledgeCss },
];

// "Kringen over dit thema" has its texts in the knowledge part.
export const handle = { messages: ["ambassadors", "knowledge"] };
export const clientLoader = withMessages("ambassadors", "knowledge");

/**
 * Public: an ambassador's page, with only what they made public. Not published, or no longer an
 * ambassador: a 404. Every request counts one view (a `?bron=qr` link from the business card
 * counts as a card scan); the ambassador's own visits do not count.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const profile = getPublicAmbassador(params.slug ?? "");
  if (!profile) notFound();
  const user = await getOptionalUser(request);
  const url = new URL(request.url);
  if (user?.id !== profile.userId) {
    const source = readSource(url.searchParams.get("bron"));
    countReach(profile.userId, reachKindFor(source), source);
  }
  const base = appBaseUrl();
  const { userId, ...shown } = profile;
  return json({
    profile: shown,
    own: user?.id === userId,
    circles: listOpenCirclesForThemes(shown.themes ?? []),
    signedIn: user !== null,
    pageUrl: new URL(`/ambassadors/${profile.slug}`, base).toString(),
    photoUrl:
      profile.photoVersion !== null
        ? new URL(`/ambassadors/${profile.slug}/photo?v=${profile.photoVersion}`, base).toString()
        : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  const t = getT(isLocale(root?.locale) ? root.locale : defaultLocale);
  if (!data) return [{ title: "Kringwijs" }];
  const { profile, pageUrl, photoUrl } = data;
  const title = `${profile.name} · ${t("ambassadors.profile.eyebrow" as never)} · Kringwijs`;
  const description = profile.headline || t("ambassadors.list.intro" as never);
  return [
    { title },
    { name: "description", content: description },
    { property: "og:type", content: "profile" },
    { property: "og:title", content: `${profile.name} · Kringwijs` },
    { property: "og:description", content: description },
    { property: "og:url", content: pageUrl },
    { property: "og:site_name", content: "Kringwijs" },
    ...(photoUrl
      ? [
          { property: "og:image", content: photoUrl },
          { property: "og:image:type", content: "image/jpeg" },
          { property: "og:image:width", content: "400" },
          { property: "og:image:height", content: "400" },
          {
            property: "og:image:alt",
            content: t("photoAlt", { name: profile.name }),
          },
        ]
      : []),
    { name: "twitter:card", content: "summary" },
    { tagName: "link", rel: "canonical", href: pageUrl },
  ];
};

export default function AmbassadorProfile() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { profile, own, circles, signedIn } = useLoaderData<typeof loader>();
  const facts = [
    ["company", profile.companyName],
    ["sector", label(sectors, profile.sector, locale)],
    ["sizeClass", label(sizeClasses, profile.sizeClass, locale)],
    ["lifePhase", label(lifePhases, profile.lifePhase, locale)],
    ["province", label(provinces, profile.province, locale)],
  ].filter(([, value]) => value) as [string, string][];
  return (
    <div className="page amb-profile">
      <p>
        <Link to="/ambassadors">← {t("ambassadors.profile.all")}</Link>
      </p>
      {own ? (
        <p className="notice" role="status">
          {t("ambassadors.profile.ownNotice")}{" "}
          <Link to="/ambassador/profile">{t("ambassadors.profile.ownEdit")}</Link>
        </p>
      ) : null}
      <header className="amb-hero">
        <AmbassadorAvatar
          name={profile.name}
          slug={profile.slug}
          photoVersion={profile.photoVersion}
          size="large"
        />
        <div className="stack">
          <p className="eyebrow">{t("ambassadors.profile.eyebrow")}</p>
          <h1 id="page-title">{profile.name}</h1>
          {profile.headline ? <p className="lead amb-headline">{profile.headline}</p> : null}
          {profile.themes.length > 0 ? (
            <ul className="amb-tags" aria-label={t("ambassadors.profile.themes")}>
              {profile.themes.map((c) => (
                <li key={c} className="badge">
                  {label(themes, c, locale)}
                </li>
              ))}
            </ul>
          ) : null}
          <p>
            <Link
              to={`/ambassadors/${profile.slug}/contact`}
              className="button button-primary"
              data-testid="ask-question"
            >
              {t("ambassadors.profile.ask")}
            </Link>
          </p>
        </div>
      </header>

      <div className="amb-columns">
        <div className="stack">
          {profile.bioHtml ? (
            <section className="card stack" aria-labelledby="bio-title">
              <h2 id="bio-title">{t("ambassadors.profile.bio")}</h2>
              {/* Rendered by the one Markdown sanitiser when saved (models/ambassadors.server.ts). */}
              <div className="prose" dangerouslySetInnerHTML={{ __html: profile.bioHtml }} />
            </section>
          ) : null}

          <section className="card stack" aria-labelledby="stories-title">
            <h2 id="stories-title">{t("ambassadors.profile.stories")}</h2>
            {profile.stories.length === 0 ? (
              <p className="muted">{t("ambassadors.profile.noStories", { name: profile.name })}</p>
            ) : (
              <ul className="stack amb-stories">
                {profile.stories.map((s) => (
                  <li key={s.slug}>
                    <h3>
                      <Link to={`/knowledge/${s.slug}`}>{s.title}</Link>
                    </h3>
                    {s.summary ? <p>{s.summary}</p> : null}
                    {s.publishedAt ? (
                      <p className="muted small">{formatDate(new Date(s.publishedAt), locale)}</p>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>

          {/* From inspiration to a circle: the step where programmes lose people. */}
          {profile.themes.length > 0 ? (
            <ThemeCircles circles={circles} signedIn={signedIn} />
          ) : null}
        </div>

        <aside className="stack" aria-label={t("ambassadors.profile.facts")}>
          {facts.length > 0 ? (
            <section className="card stack" aria-labelledby="facts-title">
              <h2 id="facts-title">{t("ambassadors.profile.facts")}</h2>
              <dl className="amb-facts">
                {facts.map(([key, value]) => (
                  <div key={key}>
                    <dt>{t(`ambassadors.profile.${key}` as "ambassadors.profile.company")}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ) : null}
          {profile.offers.length > 0 || profile.availability ? (
            <section className="card stack" aria-labelledby="offers-title">
              <h2 id="offers-title">{t("ambassadors.profile.offers")}</h2>
              {profile.offers.length > 0 ? (
                <ul className="amb-offers">
                  {profile.offers.map((o) => (
                    <li key={o}>{t(`ambassadors.offer.${o}` as "ambassadors.offer.talk")}</li>
                  ))}
                </ul>
              ) : null}
              {profile.availability ? (
                <>
                  <h3>{t("ambassadors.profile.availability")}</h3>
                  <p>{profile.availability}</p>
                </>
              ) : null}
            </section>
          ) : null}
          <section className="card stack amb-ask" aria-labelledby="ask-title">
            <h2 id="ask-title">{t("ambassadors.profile.askTitle")}</h2>
            <p>{t("ambassadors.profile.askIntro", { name: profile.name })}</p>
            <p>
              <Link to={`/ambassadors/${profile.slug}/contact`} className="button button-primary">
                {t("ambassadors.profile.ask")}
              </Link>
            </p>
          </section>
        </aside>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
