import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/page";
import { formatDateTime } from "~/i18n/format";
import { useRootData } from "~/root";
import { getEnv } from "~/utils/env.server";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { listOutbox } from "~/utils/outbox.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "outbox.title");

/** Development only: the mails written to disk because no SMTP server is configured. */
export async function loader(_args: LoaderFunctionArgs) {
  const env = getEnv();
  if (env.NODE_ENV === "production" || env.SMTP_URL) notFound();
  return json({ messages: await listOutbox() });
}

export default function DevOutbox() {
  const { t } = useTranslation();
  const { messages } = useLoaderData<typeof loader>();
  const locale = useRootData()?.locale ?? "nl";
  return (
    <div className="page">
      <PageHeader title={t("outbox.title")} intro={t("outbox.intro")} />
      {messages.length === 0 ? <p>{t("outbox.empty")}</p> : null}
      <ul className="stack outbox">
        {messages.map((m) => (
          <li key={m.file} className="card">
            <details>
              <summary>
                <strong>{m.subject}</strong> · {m.to} ·{" "}
                <time dateTime={m.date}>{formatDateTime(m.date, locale)}</time>
              </summary>
              <pre className="mail-text">{m.text}</pre>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
