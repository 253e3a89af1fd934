import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useRevalidator } from "@remix-run/react";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { isPreview } from "~/components/discussion/composer";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useCircleLive } from "~/components/circle-live";
import { PageHeader } from "~/components/page";
import { can } from "~/domain/permissions";
import { formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { currentSeq, listThreads, recordVisit } from "~/models/discussions.server";
import { requireCircle } from "~/utils/circle-guards.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "discussion.listTitle");

/** The circle's conversations, for its members and coaches only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, circle, resource } = await requireCircle(
    request,
    params.circleId,
    "circle.view_private",
  );
  const since = recordVisit(user!.id, circle.id);
  return json({
    circle: { id: circle.id, name: circle.name },
    threads: listThreads(circle.id, user!.id, since),
    seq: currentSeq(circle.id),
    may: {
      discuss: can(user, "circle.discuss", resource),
      moderate: can(user, "circle.moderate", resource),
    },
  });
}

/** A preview changes nothing: no reload for it. */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formAction,
  defaultShouldRevalidate,
}) => (isPreview(formAction) ? false : defaultShouldRevalidate);

export default function Threads() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { circle, threads, seq, may } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  // The list is small: any change in the circle's discussions reloads it.
  useCircleLive({
    circleId: circle.id,
    seq,
    onEvents: () => revalidator.revalidate(),
    onReload: () => revalidator.revalidate(),
  });
  return (
    <div className="page">
      <PageHeader
        title={t("discussion.listTitle")}
        intro={circle.name}
        actions={
          may.discuss ? (
            <Link to="new" className="button button-primary">
              {t("discussion.newThread")}
            </Link>
          ) : null
        }
      />
      <Form method="get" action="search" className="search-form" role="search">
        <label htmlFor="thread-search">{t("discussion.searchLabel")}</label>
        <input id="thread-search" type="search" name="q" maxLength={200} />
        <button type="submit" className="button button-secondary">
          {t("discussion.searchButton")}
        </button>
      </Form>
      {threads.length === 0 ? (
        <p className="card muted">{t("discussion.noThreads")}</p>
      ) : (
        <ul className="thread-list" data-testid="thread-list">
          {threads.map((thread) => (
            <li key={thread.id} className="thread-row">
              <div className="thread-row-main">
                {thread.pinned ? (
                  <span className="badge" title={t("discussion.pinned")}>
                    📌 <span className="visually-hidden">{t("discussion.pinned")}</span>
                  </span>
                ) : null}
                {thread.locked ? (
                  <span className="badge" title={t("discussion.locked")}>
                    🔒 <span className="visually-hidden">{t("discussion.locked")}</span>
                  </span>
                ) : null}
                <Link to={`${thread.id}`} className="thread-title">
                  {thread.title}
                </Link>
                {thread.neverRead ? (
                  <span className="badge badge-new">{t("discussion.new")}</span>
                ) : thread.unread > 0 ? (
                  <span className="badge badge-new">
                    {t("discussion.unread", { count: thread.unread })}
                  </span>
                ) : null}
                {thread.newSinceVisit ? (
                  <span className="muted small">{t("discussion.newSinceVisit")}</span>
                ) : null}
              </div>
              <p className="muted small">
                {t("discussion.replies", { count: thread.replyCount })} ·{" "}
                {t("discussion.lastPost", {
                  name: thread.lastPoster ?? t("discussion.formerMember"),
                  when: formatDateTime(thread.lastPostAt, locale, {
                    dateStyle: "medium",
                    timeStyle: "short",
                  }),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {may.moderate ? (
        <p>
          <Link to={`/circles/${circle.id}/moderation`}>{t("discussion.moderationQueue")}</Link>
        </p>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
