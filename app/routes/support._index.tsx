import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { withMessages } from "~/i18n";
import { useLocale } from "~/i18n/use-locale";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterSelect, useCodeOptions } from "~/components/filters";
import { PageHeader } from "~/components/page";
import { can } from "~/domain/permissions";
import { supportKinds } from "~/domain/states";
import { label, provinces, themes } from "~/domain/taxonomy";
import { supportFilterFrom } from "~/forms/support.server";
import { listSupportOrganisations } from "~/models/support.server";
import { getOptionalUser } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import supportStyles from "~/styles/support.css";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "support.directory.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: supportStyles }];

export const handle = { messages: ["support"] };
export const clientLoader = withMessages("support");

/**
 * Public: the wegwijzer, filtered by province (national organisations show for every
 * province), theme and kind. Unknown filter values are ignored, never an error.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const filter = supportFilterFrom(new URL(request.url).searchParams);
  const user = await getOptionalUser(request);
  return json({
    filter: {
      province: filter.province ?? "",
      theme: filter.theme ?? "",
      kind: filter.kind ?? "",
    },
    organisations: listSupportOrganisations(filter).map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      description: o.description,
      url: o.url,
      email: o.email,
      phone: o.phone,
      provinces: o.provinces,
      themes: o.themes,
    })),
    canManage: user ? can(user, "support.manage") : false,
  });
}

export default function SupportDirectory() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { filter, organisations, canManage } = useLoaderData<typeof loader>();
  const themeOptions = useCodeOptions(themes);
  const provinceOptions = useCodeOptions(provinces);
  return (
    <div className="page">
      <PageHeader
        title={t("support.directory.title")}
        intro={t("support.directory.intro")}
        actions={
          canManage ? (
            <Link to="/support/new" className="button button-primary">
              {t("support.directory.add")}
            </Link>
          ) : undefined
        }
      />
      <Form method="get" className="filters" aria-label={t("support.directory.filters")}>
        <FilterSelect
          id="support-province"
          name="province"
          label={t("support.directory.province")}
          anyLabel={t("support.directory.allProvinces")}
          options={provinceOptions}
          value={filter.province}
        />
        <FilterSelect
          id="support-theme"
          name="theme"
          label={t("support.directory.theme")}
          anyLabel={t("support.directory.allThemes")}
          options={themeOptions}
          value={filter.theme}
        />
        <FilterSelect
          id="support-kind"
          name="kind"
          label={t("support.directory.kind")}
          anyLabel={t("support.directory.allKinds")}
          options={supportKinds.map((k) => ({ value: k, label: t(`support.kinds.${k}`) }))}
          value={filter.kind}
        />
        <button type="submit" className="button button-secondary">
          {t("support.directory.filter")}
        </button>
      </Form>
      <p className="muted" role="status" data-testid="support-count">
        {t("support.directory.count", { count: organisations.length })}
      </p>
      {organisations.length === 0 ? <p className="card">{t("support.directory.none")}</p> : null}
      <ul className="card-grid" data-testid="support-organisations">
        {organisations.map((o) => (
          <li key={o.id} className="card support-org-card">
            <p className="eyebrow">{t(`support.kinds.${o.kind}`)}</p>
            <h2>{o.name}</h2>
            <p>{o.description}</p>
            <dl>
              <dt>{t("support.directory.area")}</dt>
              <dd>
                {o.provinces.length === 0
                  ? t("support.directory.national")
                  : o.provinces.map((c) => label(provinces, c, locale)).join(", ")}
              </dd>
              <dt>{t("support.directory.themes")}</dt>
              <dd>
                {o.themes.length === 0
                  ? t("support.directory.allThemesShort")
                  : o.themes.map((c) => label(themes, c, locale)).join(", ")}
              </dd>
              {o.email ? (
                <>
                  <dt>{t("support.directory.email")}</dt>
                  <dd>
                    <a href={`mailto:${o.email}`}>{o.email}</a>
                  </dd>
                </>
              ) : null}
              {o.phone ? (
                <>
                  <dt>{t("support.directory.phone")}</dt>
                  <dd>
                    <a href={`tel:${o.phone.replace(/[^+\d]/g, "")}`}>{o.phone}</a>
                  </dd>
                </>
              ) : null}
            </dl>
            <p className="support-org-actions">
              <a href={o.url} target="_blank" rel="noopener noreferrer">
                {t("support.directory.website")}
                <span className="visually-hidden">
                  {" "}
                  {t("support.directory.websiteOf", { name: o.name })}
                </span>
              </a>
              {canManage ? (
                <Link to={`/support/${o.id}/edit`}>
                  {t("support.directory.edit")}
                  <span className="visually-hidden"> {o.name}</span>
                </Link>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
