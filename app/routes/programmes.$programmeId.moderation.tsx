import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/page";
import { formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { moderationLog } from "~/models/moderation.server";
import { requirePermission } from "~/utils/auth.server";
import { requireProgramme } from "~/utils/circle-guards.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "moderation.log.title");

/**
 * Organisers oversee moderation in their programme's circles: who did what, where and when.
 * Never what was written, nor the reasons given (see moderationLog): circles are confidential.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "programme.manage");
  const programme = requireProgramme(params.programmeId);
  return json({
    programme: { id: programme.id, name: programme.name },
    entries: moderationLog(programme.id),
  });
}

export default function ModerationLog() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { programme, entries } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <PageHeader
        title={t("moderation.log.title")}
        intro={`${programme.name} · ${t("moderation.log.intro")}`}
        actions={
          <Link to={`/programmes/${programme.id}`} className="button button-quiet">
            {programme.name}
          </Link>
        }
      />
      {entries.length === 0 ? (
        <p className="muted">{t("moderation.log.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t("moderation.log.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("moderation.log.when")}</th>
                <th scope="col">{t("moderation.log.circle")}</th>
                <th scope="col">{t("moderation.log.who")}</th>
                <th scope="col">{t("moderation.log.what")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-testid={`log-${e.id}`}>
                  <td>{formatDateTime(e.at, locale)}</td>
                  <th scope="row">
                    <Link to={`/circles/${e.circleId}/edit`}>{e.circleName}</Link>
                  </th>
                  <td>{e.actorName ?? t("discussion.formerMember")}</td>
                  <td>
                    {t(`moderation.log.actions.${e.action}`)}
                    {e.postCount !== null
                      ? ` (${t("moderation.log.movedPosts", { count: e.postCount })})`
                      : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
