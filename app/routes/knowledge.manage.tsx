import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useId } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { KindBadge } from "~/components/knowledge";
import { PageHeader } from "~/components/page";
import { can } from "~/domain/permissions";
import { knowledgeStatuses } from "~/domain/states";
import { statusFilter } from "~/forms/knowledge.server";
import { withMessages } from "~/i18n";
import { formatDate } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { listManagedItems, pendingApprovalsFor } from "~/models/knowledge.server";
import { requireUser } from "~/utils/auth.server";
import { forbidden } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import knowledgeStyles from "~/styles/knowledge.css";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "knowledge.manage.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: knowledgeStyles }];

export const handle = { messages: ["knowledge"] };
export const clientLoader = withMessages("knowledge");

/** The writer's list: an ambassador's own stories; for coaches and organisers everything. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const staff = can(user, "knowledge.manage");
  if (!staff && !can(user, "ambassador.own")) forbidden();
  const status = statusFilter(new URL(request.url).searchParams.get("status"));
  return json({
    staff,
    status: status ?? "",
    items: listManagedItems(user, { status }),
    waitingForMe: pendingApprovalsFor(user.id).length,
  });
}

export default function ManageKnowledge() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { staff, status, items, waitingForMe } = useLoaderData<typeof loader>();
  const statusId = useId();
  return (
    <div className="page">
      <PageHeader
        title={staff ? t("knowledge.manage.titleStaff") : t("knowledge.manage.title")}
        intro={staff ? t("knowledge.manage.introStaff") : t("knowledge.manage.intro")}
        actions={
          <Link to="/knowledge/new" className="button button-primary">
            {staff ? t("knowledge.manage.new") : t("knowledge.manage.newStory")}
          </Link>
        }
      />
      {waitingForMe > 0 ? (
        <p className="notice notice-info">
          <Link to="/knowledge/approvals">
            {t("knowledge.manage.approvalsLink")} ({waitingForMe})
          </Link>
        </p>
      ) : null}
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor={statusId}>{t("knowledge.manage.status")}</label>
          <select id={statusId} name="status" defaultValue={status}>
            <option value="">{t("knowledge.manage.all")}</option>
            {knowledgeStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`knowledge.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          {t("knowledge.manage.filter")}
        </button>
      </Form>
      {items.length === 0 ? (
        <p className="muted">{t("knowledge.manage.empty")}</p>
      ) : (
        <table className="knowledge-table card">
          <thead>
            <tr>
              <th scope="col">{t("knowledge.manage.colTitle")}</th>
              <th scope="col">{t("knowledge.manage.colKind")}</th>
              <th scope="col">{t("knowledge.manage.colStatus")}</th>
              <th scope="col">{t("knowledge.manage.colAmbassador")}</th>
              <th scope="col">{t("knowledge.manage.colUpdated")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-testid="knowledge-managed">
                <td>
                  <Link to={`/knowledge/${item.slug}/edit`}>{item.title}</Link>
                </td>
                <td>
                  <KindBadge kind={item.kind} />
                </td>
                <td>
                  {t(`knowledge.statuses.${item.status}`)}
                  {item.pendingApprovals > 0 ? (
                    <>
                      {" "}
                      <span className="badge badge-warn">
                        {t("knowledge.manage.waiting", { count: item.pendingApprovals })}
                      </span>
                    </>
                  ) : null}
                </td>
                <td>{item.ambassadorName ?? ""}</td>
                <td>{item.updatedAt ? formatDate(item.updatedAt, locale) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
