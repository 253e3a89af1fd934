import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { withMessages } from "~/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/page";
import { label, provinces, themes } from "~/domain/taxonomy";
import { formatDate } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { listProgrammeCircles } from "~/models/circles.server";
import { setProgrammeArchived } from "~/models/programmes.server";
import { requirePermission } from "~/utils/auth.server";
import { requireProgramme } from "~/utils/circle-guards.server";
import { ArchiveSchema } from "~/forms/programmes.server";
import { badRequest, parseForm } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { createToastHeaders } from "~/utils/toast.server";

export const handle = { messages: ["matching"] };
export const clientLoader = withMessages("matching");

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "programmes.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "programme.manage");
  const programme = requireProgramme(params.programmeId);
  return json({ programme, circles: listProgrammeCircles(programme.id) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "programme.manage");
  const programme = requireProgramme(params.programmeId);
  const submission = await parseForm(request, ArchiveSchema);
  if (submission.status !== "success") return badRequest(submission);
  const archive = submission.value.intent === "archive";
  setProgrammeArchived(user.id, programme.id, archive);
  return json(submission.reply(), {
    headers: await createToastHeaders({
      key: archive ? "programmes.archivedToast" : "programmes.restoredToast",
    }),
  });
}

export default function ProgrammeDetail() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { programme, circles } = useLoaderData<typeof loader>();
  const withoutCoach = circles.filter((c) => c.needsCoach);
  return (
    <div className="page">
      <PageHeader
        title={programme.name}
        intro={`${programme.province ? label(provinces, programme.province, locale) : t("programme.national")} · ${formatDate(programme.startsOn, locale)} – ${formatDate(programme.endsOn, locale)}`}
        actions={
          <>
            <Link to="edit" className="button button-secondary">
              {t("common.edit")}
            </Link>
            <Link to="moderation" className="button button-quiet">
              {t("moderation.log.link")}
            </Link>
            {programme.archivedAt ? null : (
              <>
                <Link to="matching" className="button button-secondary">
                  {t("matching.title")}
                </Link>
                <Link to="circles/new" className="button button-primary">
                  {t("circles.new")}
                </Link>
              </>
            )}
          </>
        }
      />
      {programme.archivedAt ? (
        <p className="notice notice-info">{t("programmes.archivedNotice")}</p>
      ) : null}
      {programme.description ? <p className="lead-small prose">{programme.description}</p> : null}
      <dl className="facts card">
        <dt>{t("programme.themes")}</dt>
        <dd>{programme.themes.map((c) => label(themes, c, locale)).join(", ") || "—"}</dd>
        <dt>{t("programme.coaches")}</dt>
        <dd>{programme.coaches.map((c) => c.name).join(", ") || "—"}</dd>
        <dt>{t("programme.policyTitle")}</dt>
        <dd>
          {t("programmes.sizes", {
            min: programme.sizeMin,
            target: programme.sizeTarget,
            max: programme.sizeMax,
          })}{" "}
          ·{" "}
          {programme.sectorPolicy === "same"
            ? t("programme.sectorSame")
            : t("programme.sectorMixed")}
        </dd>
      </dl>

      <section className="section" aria-labelledby="circles-title">
        <h2 id="circles-title">{t("circles.title")}</h2>
        {circles.length === 0 ? <p>{t("programmes.noCircles")}</p> : null}
        {withoutCoach.length > 0 ? (
          <div className="notice notice-warn" data-testid="circles-without-coach">
            <p>{t("programmes.withoutCoachIntro", { count: withoutCoach.length })}</p>
            <ul>
              {withoutCoach.map((c) => (
                <li key={c.id}>
                  <Link to={`/circles/${c.id}/edit`}>{c.name}</Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("circle.name")}</th>
                <th scope="col">{t("circle.status")}</th>
                <th scope="col">{t("circle.membersOf")}</th>
                <th scope="col">{t("circle.applicationsOpen")}</th>
                <th scope="col">{t("circle.waitlist")}</th>
              </tr>
            </thead>
            <tbody>
              {circles.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/circles/${c.id}/edit`}>{c.name}</Link>
                    {c.needsCoach ? (
                      <>
                        {" "}
                        <span className="badge badge-warn">{t("programmes.noCoach")}</span>
                      </>
                    ) : null}
                  </th>
                  <td>
                    <span className={`badge status-${c.status}`}>
                      {t(`circleStatus.${c.status}`)}
                    </span>
                  </td>
                  <td>
                    {c.byState.member ?? 0} / {c.capacityMax}
                  </td>
                  <td>{(c.byState.applied ?? 0) + (c.byState.invited ?? 0)}</td>
                  <td>{c.byState.waitlisted ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">{t("programmes.confidential")}</p>
      </section>

      <Form method="post" className="section">
        <button
          type="submit"
          name="intent"
          value={programme.archivedAt ? "restore" : "archive"}
          className="button button-quiet"
        >
          {programme.archivedAt ? t("programmes.restore") : t("programmes.archive")}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
