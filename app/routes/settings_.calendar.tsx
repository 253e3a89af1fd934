import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { withMessages } from "~/i18n";
import { useLocale } from "~/i18n/use-locale";
import { formatDate } from "~/i18n/format";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, PendingButton, useIsPending } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { CalendarFeedSchema } from "~/forms/calendar.server";
import { feedToken, regenerateFeedToken, revokeFeed } from "~/models/calendar.server";
import { requireUser } from "~/utils/auth.server";
import { appBaseUrl } from "~/utils/env.server";
import { badRequest, formConstraint, parseForm, type FormInput } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { combineHeaders, createToastHeaders } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "calendar.title");

/** Its messages beyond the core come as chunks of their own (app/i18n/message-parts.ts). */
export const handle = { messages: ["meetingTools"] };
export const clientLoader = withMessages("meetingTools");

/**
 * The personal calendar feed: whether it is on, and making, replacing or turning off its link.
 * A page of its own (not nested in /settings, whose page has no outlet), for anyone signed in.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const feed = feedToken(user.id);
  return json({
    feed: feed ? { createdAt: feed.createdAt } : null,
    constraint: formConstraint(CalendarFeedSchema),
  });
}

/** The feed's https URL for a secret: built from APP_URL, never from the request's Host. */
function feedUrl(token: string) {
  return new URL(`/calendar/${token}.ics`, appBaseUrl()).toString();
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = await parseForm(request, CalendarFeedSchema);
  if (submission.status !== "success") return badRequest(submission);
  // The secret is in this one answer and nowhere else: no cache may keep it.
  const noStore = { "Cache-Control": "no-store" };
  if (submission.value.intent === "revoke") {
    revokeFeed(user.id);
    return json(
      { reply: submission.reply(), url: null },
      { headers: combineHeaders(noStore, await createToastHeaders({ key: "calendar.revoked" })) },
    );
  }
  const replacing = feedToken(user.id) !== null;
  const url = feedUrl(regenerateFeedToken(user.id));
  return json(
    { reply: submission.reply(), url },
    {
      headers: combineHeaders(
        noStore,
        await createToastHeaders({
          key: replacing ? "calendar.regenerated" : "calendar.created",
        }),
      ),
    },
  );
}

/** The link as calendar apps open it from a click (Apple Calendar, Outlook on the desktop). */
const webcal = (url: string) => url.replace(/^https?:\/\//, "webcal://");

function NewLink({ url }: { url: string }) {
  const { t } = useTranslation();
  const inputId = useId();
  // Copying needs JavaScript: the button appears once the page is hydrated; the field can
  // always be selected by hand.
  const [hydrated, setHydrated] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setHydrated(true), []);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      (document.getElementById(inputId) as HTMLInputElement | null)?.select();
    }
  }
  return (
    <section className="card stack calendar-new-link" aria-labelledby="new-link-title">
      <h2 id="new-link-title">{t("calendar.newLinkTitle")}</h2>
      <p className="calendar-once" role="status">
        {t("calendar.onceWarning")}
      </p>
      <div className="field">
        <label htmlFor={inputId}>{t("calendar.urlLabel")}</label>
        <div className="calendar-copy">
          <input
            id={inputId}
            type="text"
            readOnly
            value={url}
            data-testid="calendar-url"
            onFocus={(e) => e.currentTarget.select()}
          />
          {hydrated ? (
            <button type="button" className="button button-secondary" onClick={copy}>
              {copied ? t("calendar.copied") : t("calendar.copy")}
            </button>
          ) : null}
        </div>
      </div>
      <p>
        <a href={webcal(url)} className="button button-primary">
          {t("calendar.webcal")}
        </a>
      </p>
      <p className="muted small">{t("calendar.private")}</p>
    </section>
  );
}

export default function CalendarSettings() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { feed, constraint } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const lastResult = data && "reply" in data ? data.reply : data;
  const url = data && "url" in data ? data.url : null;
  const generating = useIsPending({ intent: "generate" });
  const revoking = useIsPending({ intent: "revoke" });
  const [form] = useForm<FormInput<typeof CalendarFeedSchema>>({
    id: "calendar-feed",
    lastResult,
    constraint,
  });
  return (
    <div className="page narrow">
      <PageHeader
        title={t("calendar.title")}
        intro={t("calendar.intro")}
        actions={
          <Link to="/settings" className="button button-quiet">
            {t("settings.title")}
          </Link>
        }
      />

      {url && feed ? <NewLink url={url} /> : null}

      <section className="card stack calendar-status" aria-labelledby="calendar-status-title">
        <h2 id="calendar-status-title">{t("calendar.statusTitle")}</h2>
        <FormErrors id={form.errorId} errors={form.errors} />
        {feed ? (
          <>
            <p data-testid="calendar-status">
              {t("calendar.statusOn", { date: formatDate(feed.createdAt, locale) })}
            </p>
            <div className="calendar-actions">
              <Form method="post" {...getFormProps(form)} className="stack calendar-action">
                <p className="small">{t("calendar.regenerateHelp")}</p>
                <PendingButton
                  name="intent"
                  value="generate"
                  className="button button-secondary"
                  pending={generating}
                >
                  {t("calendar.regenerate")}
                </PendingButton>
              </Form>
              <Form method="post" className="stack calendar-action">
                <p className="small">{t("calendar.revokeHelp")}</p>
                <PendingButton
                  name="intent"
                  value="revoke"
                  className="button button-danger"
                  pending={revoking}
                >
                  {t("calendar.revoke")}
                </PendingButton>
              </Form>
            </div>
          </>
        ) : (
          <>
            <p data-testid="calendar-status">{t("calendar.statusOff")}</p>
            <Form method="post" {...getFormProps(form)}>
              <PendingButton
                name="intent"
                value="generate"
                className="button button-primary"
                pending={generating}
              >
                {t("calendar.create")}
              </PendingButton>
            </Form>
          </>
        )}
      </section>

      <section className="card stack" aria-labelledby="calendar-how-title">
        <h2 id="calendar-how-title">{t("calendar.howTitle")}</h2>
        <dl className="calendar-apps">
          {(["google", "outlook", "apple"] as const).map((app) => (
            <div key={app}>
              <dt>{t(`calendar.${app}.name`)}</dt>
              <dd>{t(`calendar.${app}.steps`)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="card stack" aria-labelledby="calendar-what-title">
        <h2 id="calendar-what-title">{t("calendar.whatTitle")}</h2>
        <p>{t("calendar.whatBody")}</p>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
