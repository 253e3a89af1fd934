import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/page";
import { formatDate, formatDateTime } from "~/i18n/format";
import { TIME_ZONE } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";
import { listNotifications, markAllRead } from "~/models/notifications.server";
import { requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { createToastHeaders } from "~/utils/toast.server";
import { useIsPending } from "~/components/forms";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "notifications.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ notifications: listNotifications(user.id) });
}

/** Marks everything as read. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await readFormData(request);
  markAllRead(user.id);
  context.publisher.notified([user.id]);
  return json(
    { ok: true },
    { headers: await createToastHeaders({ key: "notifications.allRead" }) },
  );
}

const dayKey = (value: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(new Date(value));

export default function Notifications() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { notifications } = useLoaderData<typeof loader>();
  const busy = useIsPending();
  const days: Array<{ key: string; items: typeof notifications }> = [];
  for (const n of notifications) {
    const key = dayKey(n.createdAt);
    const last = days.at(-1);
    if (last?.key === key) last.items.push(n);
    else days.push({ key, items: [n] });
  }
  return (
    <div className="page narrow">
      <PageHeader
        title={t("notifications.title")}
        intro={t("notifications.intro")}
        actions={
          <>
            {notifications.some((n) => !n.read) ? (
              <Form method="post">
                <button type="submit" className="button button-secondary" disabled={busy}>
                  {t("notifications.markAll")}
                </button>
              </Form>
            ) : null}
            <Link to="/settings/notifications" className="button button-quiet">
              {t("notifications.preferences")}
            </Link>
          </>
        }
      />
      {notifications.length === 0 ? <p className="card">{t("notifications.empty")}</p> : null}
      {days.map((day) => (
        <section key={day.key} className="section-tight" aria-labelledby={`day-${day.key}`}>
          <h2 id={`day-${day.key}`} className="day-heading">
            {formatDate(day.items[0]!.createdAt, locale)}
          </h2>
          <ul className="notification-list card">
            {day.items.map((n) => {
              const text = t(`notify.types.${n.type}` as never, n.data) as string;
              return (
                <li
                  key={n.id}
                  className={n.read ? "notification" : "notification is-unread"}
                  data-testid="notification"
                >
                  {n.url ? (
                    <Link to={`/notifications/${n.id}`}>{text}</Link>
                  ) : (
                    <span>
                      {text} <span className="muted">({t("notifications.gone")})</span>
                    </span>
                  )}
                  {n.read ? null : (
                    <span className="visually-hidden">{t("notifications.unread")}</span>
                  )}
                  <time className="muted" dateTime={n.createdAt}>
                    {formatDateTime(n.createdAt, locale, { timeStyle: "short" })}
                  </time>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
