import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/page";
import { formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { ftsQuery, SEARCH_MAX_LENGTH, searchCircle } from "~/models/discussion-search.server";
import { requireCircle } from "~/utils/circle-guards.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "threadSearch.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { circle } = await requireCircle(request, params.circleId, "circle.view_private");
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, SEARCH_MAX_LENGTH);
  const searchable = ftsQuery(q) !== null;
  return json({
    circle: { id: circle.id, name: circle.name },
    q,
    tooShort: q.trim() !== "" && !searchable,
    results: searchable ? searchCircle(circle.id, q) : [],
  });
}

/** A GET form: the results have an address, so the back button and a shared link both work. */
export default function ThreadSearch() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { circle, q, tooShort, results } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <PageHeader
        title={t("threadSearch.title")}
        intro={circle.name}
        actions={
          <Link to={`/circles/${circle.id}/threads`} className="button button-quiet">
            {t("threadSearch.back")}
          </Link>
        }
      />
      <Form method="get" className="search-form" role="search">
        <label htmlFor="thread-search">{t("threadSearch.label")}</label>
        <input
          id="thread-search"
          type="search"
          name="q"
          defaultValue={q}
          maxLength={SEARCH_MAX_LENGTH}
          aria-describedby="thread-search-help"
        />
        <button type="submit" className="button button-secondary">
          {t("threadSearch.submit")}
        </button>
        <p id="thread-search-help" className="field-help">
          {t("threadSearch.help")}
        </p>
      </Form>
      {tooShort ? <p className="notice notice-info">{t("threadSearch.tooShort")}</p> : null}
      {q && !tooShort ? (
        <p className="muted" role="status">
          {results.length === 0
            ? t("threadSearch.none", { q })
            : t("threadSearch.results", { count: results.length })}
        </p>
      ) : null}
      <ol className="stack plain-list search-results">
        {results.map((thread) => (
          <li
            key={thread.threadId}
            className="card stack"
            data-testid={`result-${thread.threadId}`}
          >
            {/* titleHtml and snippetHtml are safe by construction (searchCircle): the text is
                HTML-escaped first, and only then are <mark> elements put around the matches. */}
            <h2 className="search-result-title">
              <Link
                to={`/circles/${circle.id}/threads/${thread.threadId}`}
                dangerouslySetInnerHTML={{ __html: thread.titleHtml }}
              />
            </h2>
            <ul className="stack plain-list">
              {thread.hits.map((hit) => (
                <li key={hit.postId}>
                  <Link to={`/circles/${circle.id}/threads/${thread.threadId}#post-${hit.postId}`}>
                    <span
                      className="search-snippet"
                      dangerouslySetInnerHTML={{ __html: hit.snippetHtml }}
                    />
                  </Link>
                  <p className="muted">
                    {t("threadSearch.hit", {
                      name: hit.authorName ?? t("discussion.formerMember"),
                      date: formatDateTime(hit.createdAt, locale),
                    })}
                  </p>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
