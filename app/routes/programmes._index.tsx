import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/page";
import { label, provinces } from "~/domain/taxonomy";
import { formatDate } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { listProgrammes } from "~/models/programmes.server";
import { requirePermission } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "programmes.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "programme.manage");
  const includeArchived = new URL(request.url).searchParams.get("archived") === "1";
  return json({ programmes: listProgrammes({ includeArchived }), includeArchived });
}

export default function Programmes() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { programmes, includeArchived } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="page">
      <PageHeader
        title={t("programmes.title")}
        intro={t("programmes.intro")}
        actions={
          <Link to="/programmes/new" className="button button-primary">
            {t("programmes.new")}
          </Link>
        }
      />
      <p>
        <Link
          to={
            includeArchived
              ? "?"
              : `?${new URLSearchParams({ ...Object.fromEntries(params), archived: "1" })}`
          }
        >
          {includeArchived ? t("programmes.hideArchived") : t("programmes.showArchived")}
        </Link>
      </p>
      {programmes.length === 0 ? <p className="card">{t("programmes.empty")}</p> : null}
      <ul className="card-list">
        {programmes.map((p) => (
          <li key={p.id} className="card">
            <h2>
              <Link to={`/programmes/${p.id}`}>{p.name}</Link>{" "}
              {p.archivedAt ? (
                <span className="badge badge-warn">{t("programmes.archived")}</span>
              ) : null}
            </h2>
            <p className="muted">
              {p.province ? label(provinces, p.province, locale) : t("programme.national")} ·{" "}
              {formatDate(p.startsOn, locale)} – {formatDate(p.endsOn, locale)} ·{" "}
              {t("programmes.circleCount", { count: p.circleCount })}
            </p>
            {p.circlesWithoutCoach > 0 ? (
              <p>
                <span className="badge badge-warn">
                  {t("programmes.withoutCoach", { count: p.circlesWithoutCoach })}
                </span>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
