import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { withMessages } from "~/i18n";
import { useLocale } from "~/i18n/use-locale";
import { formatDateTime } from "~/i18n/format";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/page";
import { contactStatuses, type ContactStatus } from "~/domain/states";
import { contactRequestCounts, listContactRequests } from "~/models/contact-requests.server";
import { requirePermission } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import supportStyles from "~/styles/support.css";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "support.inbox.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: supportStyles }];

export const handle = { messages: ["support"] };
export const clientLoader = withMessages("support");

/** An ambassador's own contact requests, one status at a time (open first), newest first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "ambassador.own");
  const asked = new URL(request.url).searchParams.get("status");
  const status: ContactStatus = contactStatuses.find((s) => s === asked) ?? "open";
  return json({
    status,
    counts: contactRequestCounts(user.id),
    requests: listContactRequests(user.id, status),
  });
}

const EMPTY = {
  open: "support.inbox.emptyOpen",
  answered: "support.inbox.emptyAnswered",
  closed: "support.inbox.emptyClosed",
} as const;

export default function ContactInbox() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { status, counts, requests } = useLoaderData<typeof loader>();
  return (
    <div className="page narrow">
      <PageHeader title={t("support.inbox.title")} intro={t("support.inbox.intro")} />
      <nav aria-label={t("support.inbox.tabs")}>
        <ul className="support-tabs">
          {contactStatuses.map((s) => (
            <li key={s}>
              <Link
                to={s === "open" ? "/ambassador/requests" : `/ambassador/requests?status=${s}`}
                aria-current={s === status ? "page" : undefined}
                data-testid={`tab-${s}`}
              >
                <span>{t(`support.status.${s}`)}</span>
                <span className="support-tab-count">{counts[s]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {requests.length === 0 ? (
        <p className="card">{t(EMPTY[status])}</p>
      ) : (
        <ul className="support-request-list" data-testid="contact-requests">
          {requests.map((r) => (
            <li key={r.id} className="card stack">
              <h2 className="card-heading">
                <Link to={`/ambassador/requests/${r.id}`}>
                  {t("support.request.title", { name: r.senderName })}
                </Link>
              </h2>
              <p className="support-question">{r.excerpt}</p>
              <p className="support-request-meta small muted">
                <span>
                  {t("support.inbox.received", {
                    date: formatDateTime(r.createdAt, locale, {
                      dateStyle: "medium",
                      timeStyle: "short",
                    }),
                  })}
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
