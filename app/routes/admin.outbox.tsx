import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/page";
import type { NotificationCategory } from "~/domain/notifications";
import { formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { countPendingMails, listFailedMails, retryMail } from "~/models/outbox.server";
import { requirePermission } from "~/utils/auth.server";
import { RetrySchema } from "~/forms/admin.server";
import { badRequest, parseForm } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { createToastHeaders } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "outboxAdmin.title");

/**
 * Organisers see mail that could not be delivered: category, recipient, status and error. Never
 * the subject or content, which can be about a circle the organiser may not see.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "users.manage_roles");
  return json({ failed: listFailedMails(), pending: countPendingMails() });
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "users.manage_roles");
  const submission = await parseForm(request, RetrySchema);
  if (submission.status !== "success") return badRequest(submission);
  if (!retryMail(submission.value.id))
    return badRequest(submission, { formErrors: ["outboxAdmin.notFailed"] });
  return json(submission.reply(), {
    headers: await createToastHeaders({ key: "outboxAdmin.retrying" }),
  });
}

export default function AdminOutbox() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { failed, pending } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <PageHeader
        title={t("outboxAdmin.title")}
        intro={t("outboxAdmin.intro", { count: pending })}
      />
      {failed.length === 0 ? <p className="card">{t("outboxAdmin.none")}</p> : null}
      {failed.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("outboxAdmin.to")}</th>
                <th scope="col">{t("outboxAdmin.category")}</th>
                <th scope="col">{t("outboxAdmin.status")}</th>
                <th scope="col">{t("outboxAdmin.error")}</th>
                <th scope="col">{t("outboxAdmin.created")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("outboxAdmin.retry")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {failed.map((m) => (
                <tr key={m.id}>
                  <td>{m.to}</td>
                  <td>
                    {m.category
                      ? t(`outboxAdmin.categories.${m.category as NotificationCategory}`)
                      : t(`outboxAdmin.kind.${m.kind}`)}
                  </td>
                  <td>{t(`outboxAdmin.statuses.${m.status}`)}</td>
                  <td>
                    {m.lastError} ({t("outboxAdmin.attempts", { count: m.attempts })})
                  </td>
                  <td>
                    {formatDateTime(m.createdAt, locale, {
                      dateStyle: "short",
                      timeStyle: "short",
                    })}
                  </td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="id" value={m.id} />
                      <button type="submit" className="button button-secondary">
                        {t("outboxAdmin.retry")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
