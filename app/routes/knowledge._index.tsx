import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useId } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { KIND_CODES, KindBadge, TagList, useTagOptions } from "~/components/knowledge";
import { PageHeader } from "~/components/page";
import { can } from "~/domain/permissions";
import { knowledgeKinds } from "~/domain/states";
import { label, lifePhases, sectors, sizeClasses, themes } from "~/domain/taxonomy";
import { withMessages } from "~/i18n";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { KNOWLEDGE_MAX_PAGE, searchKnowledge } from "~/models/knowledge-search.server";
import { getOptionalUser } from "~/utils/auth.server";
import { SEARCH_MAX_LENGTH } from "~/utils/fts.server";
import { pageTitle } from "~/utils/meta";
import knowledgeStyles from "~/styles/knowledge.css";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "knowledge.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: knowledgeStyles }];

export const handle = { messages: ["knowledge"] };
export const clientLoader = withMessages("knowledge");

/** A param that must be one of `codes`; anything else is "no filter" (never an error). */
function oneOf<T extends string>(codes: readonly T[], value: string | null): T | undefined {
  return value && (codes as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The public search: a GET form, so it works without JavaScript and its URLs can be shared. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const params = new URL(request.url).searchParams;
  const page = Number(params.get("page"));
  const filters = {
    q: (params.get("q") ?? "").slice(0, SEARCH_MAX_LENGTH).trim(),
    kind: oneOf(knowledgeKinds, params.get("kind")),
    theme: oneOf(Object.keys(themes), params.get("theme")),
    sector: oneOf(Object.keys(sectors), params.get("sector")),
    lifePhase: oneOf(Object.keys(lifePhases), params.get("lifePhase")),
    sizeClass: oneOf(Object.keys(sizeClasses), params.get("sizeClass")),
    page: Number.isInteger(page) && page >= 1 && page <= KNOWLEDGE_MAX_PAGE ? page : 1,
  };
  const results = searchKnowledge(filters);
  return json({
    filters,
    results,
    canWrite: Boolean(user && (can(user, "ambassador.own") || can(user, "knowledge.manage"))),
  });
}

type Filters = ReturnType<typeof useLoaderData<typeof loader>>["filters"];

function pageHref(filters: Filters, page: number) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value && key !== "page") params.set(key, String(value));
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/knowledge?${query}` : "/knowledge";
}

function FilterSelect({
  name,
  labelText,
  value,
  options,
}: {
  name: string;
  labelText: string;
  value: string | undefined;
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{labelText}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{t("knowledge.search.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function KnowledgeSearch() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { filters, results, canWrite } = useLoaderData<typeof loader>();
  const searchId = useId();
  const themeOptions = useTagOptions(themes);
  const sectorOptions = useTagOptions(sectors);
  const phaseOptions = useTagOptions(lifePhases);
  const sizeOptions = useTagOptions(sizeClasses);
  const filtered = Boolean(
    filters.q ||
    filters.kind ||
    filters.theme ||
    filters.sector ||
    filters.lifePhase ||
    filters.sizeClass,
  );
  return (
    <div className="page">
      <PageHeader
        title={t("knowledge.title")}
        intro={t("knowledge.intro")}
        actions={
          canWrite ? (
            <Link to="/knowledge/manage" className="button button-quiet">
              {t("knowledge.manage.title")}
            </Link>
          ) : null
        }
      />
      <Form method="get" action="/knowledge" role="search" className="card stack">
        <div className="knowledge-search">
          <div className="field">
            <label htmlFor={searchId}>{t("knowledge.search.label")}</label>
            <input
              id={searchId}
              type="search"
              name="q"
              defaultValue={filters.q}
              maxLength={SEARCH_MAX_LENGTH}
              placeholder={t("knowledge.search.placeholder")}
            />
          </div>
          <button type="submit" className="button button-primary">
            {t("knowledge.search.button")}
          </button>
        </div>
        <fieldset className="knowledge-filters">
          <legend>{t("knowledge.search.filtersLabel")}</legend>
          <div className="filters">
            <FilterSelect
              name="kind"
              labelText={t("knowledge.search.kind")}
              value={filters.kind}
              options={KIND_CODES.map((k) => ({ value: k, label: t(`knowledge.kinds.${k}`) }))}
            />
            <FilterSelect
              name="theme"
              labelText={t("knowledge.search.theme")}
              value={filters.theme}
              options={themeOptions}
            />
            <FilterSelect
              name="sector"
              labelText={t("knowledge.search.sector")}
              value={filters.sector}
              options={sectorOptions}
            />
            <FilterSelect
              name="lifePhase"
              labelText={t("knowledge.search.lifePhase")}
              value={filters.lifePhase}
              options={phaseOptions}
            />
            <FilterSelect
              name="sizeClass"
              labelText={t("knowledge.search.sizeClass")}
              value={filters.sizeClass}
              options={sizeOptions}
            />
          </div>
          {filtered ? <Link to="/knowledge">{t("knowledge.search.clear")}</Link> : null}
        </fieldset>
      </Form>

      {filters.theme ? (
        <p className="notice notice-info">
          <Link to={`/support?theme=${encodeURIComponent(filters.theme)}`}>
            {t("knowledge.search.wegwijzer")} ({label(themes, filters.theme, locale)})
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="knowledge-results-title" className="stack">
        <h2 id="knowledge-results-title">
          {results.searched || filtered
            ? t("knowledge.search.resultsTitle")
            : t("knowledge.search.newest")}
        </h2>
        {results.searched || filtered ? (
          <p role="status" data-testid="knowledge-count">
            {t("knowledge.search.results", { count: results.total })}
          </p>
        ) : null}
        {results.hits.length === 0 ? (
          <p className="muted">
            {filtered ? t("knowledge.search.none") : t("knowledge.search.empty")}
          </p>
        ) : (
          <ol className="knowledge-results">
            {results.hits.map((hit) => (
              <li key={hit.id} className="card knowledge-hit" data-testid="knowledge-hit">
                <KindBadge kind={hit.kind} />
                <h3>
                  {/* Escaped on the server, with only <mark> added (knowledge-search.server.ts). */}
                  <Link to={`/knowledge/${hit.slug}`}>
                    <span dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
                  </Link>
                </h3>
                {hit.ambassadorName ? (
                  <p className="small muted">
                    {t("knowledge.search.by", { name: hit.ambassadorName })}
                  </p>
                ) : null}
                <p dangerouslySetInnerHTML={{ __html: hit.summaryHtml }} />
                {hit.snippetHtml ? (
                  <p
                    className="knowledge-snippet"
                    dangerouslySetInnerHTML={{ __html: hit.snippetHtml }}
                  />
                ) : null}
                <TagList tags={hit} label={t("knowledge.search.tags")} />
              </li>
            ))}
          </ol>
        )}
        {results.pageCount > 1 ? (
          <nav className="pagination" aria-label={t("knowledge.search.pagination")}>
            {results.page > 1 ? (
              <Link to={pageHref(filters, results.page - 1)} rel="prev">
                {t("knowledge.search.previous")}
              </Link>
            ) : (
              <span />
            )}
            <span>
              {t("knowledge.search.page", { page: results.page, pages: results.pageCount })}
            </span>
            {results.page < results.pageCount ? (
              <Link to={pageHref(filters, results.page + 1)} rel="next">
                {t("knowledge.search.next")}
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
