import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AmbassadorAvatar } from "~/components/ambassador-avatar";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterSelect, useCodeOptions } from "~/components/filters";
import { PageHeader } from "~/components/page";
import { label, provinceCodes, provinces, themeCodes, themes } from "~/domain/taxonomy";
import { withMessages } from "~/i18n";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { listPublicAmbassadors } from "~/models/ambassadors.server";
import { pageTitle } from "~/utils/meta";
import ambassadorsCss from "~/styles/ambassadors.css";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "ambassadors.list.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: ambassadorsCss }];

export const handle = { messages: ["ambassadors"] };
export const clientLoader = withMessages("ambassadors");

/** Public: the published ambassadors, filterable by theme and province (unknown codes: no filter). */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const theme = themeCodes.find((c) => c === url.searchParams.get("theme"));
  const province = provinceCodes.find((c) => c === url.searchParams.get("province"));
  return json({
    ambassadors: listPublicAmbassadors({ theme, province }),
    theme: theme ?? "",
    province: province ?? "",
  });
}

export default function Ambassadors() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { ambassadors, theme, province } = useLoaderData<typeof loader>();
  const themeOptions = useCodeOptions(themes);
  const provinceOptions = useCodeOptions(provinces);
  return (
    <div className="page">
      <PageHeader title={t("ambassadors.list.title")} intro={t("ambassadors.list.intro")} />
      <Form method="get" className="filters" aria-label={t("ambassadors.list.filters")}>
        <FilterSelect
          id="filter-theme"
          name="theme"
          label={t("ambassadors.list.theme")}
          anyLabel={t("ambassadors.list.allThemes")}
          options={themeOptions}
          value={theme}
        />
        <FilterSelect
          id="filter-province"
          name="province"
          label={t("ambassadors.list.province")}
          anyLabel={t("ambassadors.list.allProvinces")}
          options={provinceOptions}
          value={province}
        />
        <button type="submit" className="button button-secondary">
          {t("ambassadors.list.filter")}
        </button>
      </Form>
      <p className="muted" role="status">
        {t("ambassadors.list.count", { count: ambassadors.length })}
      </p>
      {ambassadors.length === 0 ? <p className="card">{t("ambassadors.list.none")}</p> : null}
      <ul className="card-grid amb-grid">
        {ambassadors.map((a) => (
          <li key={a.slug} className="card amb-card" data-testid="ambassador-card">
            <AmbassadorAvatar
              name={a.name}
              slug={a.slug}
              photoVersion={a.photoVersion}
              decorative
            />
            <div className="stack amb-card-body">
              <h2>
                <Link to={`/ambassadors/${a.slug}`}>{a.name}</Link>
              </h2>
              {a.headline ? <p className="amb-headline">{a.headline}</p> : null}
              {a.companyName || a.province ? (
                <p className="muted small">
                  {[a.companyName, label(provinces, a.province, locale)]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              ) : null}
              {a.themes.length > 0 ? (
                <ul className="amb-tags" aria-label={t("ambassadors.profile.themes")}>
                  {a.themes.map((c) => (
                    <li key={c} className="badge">
                      {label(themes, c, locale)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
