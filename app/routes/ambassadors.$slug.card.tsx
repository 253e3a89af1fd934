import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { withMessages } from "~/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { requireCardAccess } from "~/utils/ambassador-guards.server";
import { pageTitle } from "~/utils/meta";
import ambassadorsCss from "~/styles/ambassadors.css";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "ambassadors.card.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: ambassadorsCss }];

export const handle = { messages: ["ambassadors"] };
export const clientLoader = withMessages("ambassadors");

const CARDS = 8;

/** The print sheet: A4 with eight cards, for the ambassador and organisers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { profile, own } = await requireCardAccess(request, params.slug);
  return json({
    profile: { name: profile.name, slug: profile.slug, published: profile.published },
    own,
  });
}

function PrintButton() {
  const { t } = useTranslation();
  // Printing needs JavaScript; without it the browser's own print command works the same.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return null;
  return (
    <button type="button" className="button button-primary" onClick={() => window.print()}>
      {t("ambassadors.card.print")}
    </button>
  );
}

export default function CardSheet() {
  const { t } = useTranslation();
  const { profile, own } = useLoaderData<typeof loader>();
  const src = `/ambassadors/${profile.slug}/card.svg`;
  return (
    <div className="page amb-card-page">
      <div className="amb-no-print stack">
        <h1 id="page-title">
          {t("ambassadors.card.title")}: {profile.name}
        </h1>
        <p>{t("ambassadors.card.intro")}</p>
        {!profile.published ? (
          <p className="notice notice-warn" role="status">
            {t("ambassadors.card.offline")}
          </p>
        ) : null}
        <p className="amb-actions">
          <PrintButton />
          <a
            href={`/ambassadors/${profile.slug}/card.png`}
            className="button button-secondary"
            download
          >
            {t("ambassadors.card.png")}
          </a>
          <a href={src} className="button button-secondary" download>
            {t("ambassadors.card.svg")}
          </a>
          <Link to={own ? "/ambassador" : "/admin/ambassadors"} className="button button-quiet">
            {t("ambassadors.card.back")}
          </Link>
        </p>
      </div>
      <section className="amb-sheet" aria-label={t("ambassadors.card.sheet")}>
        {Array.from({ length: CARDS }, (_, i) => (
          <div key={i} className="amb-print-card" data-testid="print-card">
            <img
              src={src}
              alt={i === 0 ? t("ambassadors.card.qrAlt", { name: profile.name }) : ""}
              width={850}
              height={550}
            />
          </div>
        ))}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
