import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors } from "~/components/forms";
import { useRevalidateOn } from "~/components/live";
import {
  ModerationDialog,
  PostModerationButtons,
  useModerationLabels,
  type ModerationTarget,
} from "~/components/moderation-controls";
import { PageHeader } from "~/components/page";
import { formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { listHiddenPosts, listOpenFlags } from "~/models/moderation.server";
import { requireCircle } from "~/utils/circle-guards.server";
import { readFormData } from "~/utils/forms.server";
import { pageTitle } from "~/utils/meta";
import { moderationConstraints } from "~/forms/moderation.server";
import { handleModerationIntent } from "~/utils/moderation-intents.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "moderation.queue.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { circle } = await requireCircle(request, params.circleId, "circle.moderate");
  return json({
    circle: { id: circle.id, name: circle.name },
    flagged: listOpenFlags(circle.id),
    hidden: listHiddenPosts(circle.id),
    constraints: moderationConstraints(),
  });
}

/** Hide, restore and dismiss; the forms are the same controls as on the thread page. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, circle } = await requireCircle(request, params.circleId, "circle.moderate");
  const formData = await readFormData(request);
  const outcome = await handleModerationIntent({
    request,
    circleId: circle.id,
    threadId: null,
    user: user!,
    formData,
    context,
  });
  if (!outcome) return json({ status: 400 }, { status: 400 });
  return outcome.response;
}

function DismissButton({ postId, author }: { postId: number; author: string }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<{ status?: string; error?: Record<string, string[] | null> }>({
    key: `moderation-dismiss-${postId}`,
  });
  const errors = fetcher.state === "idle" ? (fetcher.data?.error?.[""] ?? null) : null;
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="intent" value="dismiss" />
      <input type="hidden" name="postId" value={postId} />
      <button
        type="submit"
        className="button button-secondary"
        disabled={fetcher.state !== "idle"}
        aria-label={t("moderation.queue.dismissLabel", { name: author })}
      >
        {t("moderation.queue.dismiss")}
      </button>
      <FormErrors id={`dismiss-${postId}-errors`} errors={errors} />
    </fetcher.Form>
  );
}

/** Whose post, in which thread and when, with a link to it in its thread. */
function QueuedPostHeading({
  item,
  circleId,
}: {
  item: {
    postId: number;
    threadId: number;
    threadTitle: string;
    createdAt: string;
    author: { name: string } | null;
  };
  circleId: number;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <p>
      <strong>
        {t("moderation.queue.postBy", {
          name: item.author?.name ?? t("discussion.formerMember"),
          title: item.threadTitle,
          date: formatDateTime(item.createdAt, locale),
        })}
      </strong>{" "}
      <Link to={`/circles/${circleId}/threads/${item.threadId}#post-${item.postId}`}>
        {t("moderation.queue.openPost")}
      </Link>
    </p>
  );
}

export default function ModerationQueue() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { circle, flagged, hidden, constraints } = useLoaderData<typeof loader>();
  // A new report reaches the coach as a notification: the queue reloads with it.
  useRevalidateOn(["notifications.changed"]);
  const unknown = t("discussion.formerMember");
  const labels = useModerationLabels();
  const [target, setTarget] = useState<ModerationTarget | null>(null);
  const close = useCallback(() => setTarget(null), []);
  // Hide and restore open a dialog, which needs JavaScript: the buttons come with hydration.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <div className="page">
      <PageHeader
        title={t("moderation.queue.title")}
        intro={`${circle.name} · ${t("moderation.queue.intro")}`}
        actions={
          <Link to={`/circles/${circle.id}/home`} className="button button-quiet">
            {t("circle.backHome")}
          </Link>
        }
      />

      <section className="card stack" aria-labelledby="flags-title">
        <h2 id="flags-title">{t("moderation.queue.flagsTitle", { count: flagged.length })}</h2>
        {flagged.length === 0 ? <p className="muted">{t("moderation.queue.noFlags")}</p> : null}
        <ul className="stack plain-list">
          {flagged.map((item) => (
            <li
              key={item.postId}
              className="application stack"
              data-testid={`flagged-${item.postId}`}
            >
              <QueuedPostHeading item={item} circleId={circle.id} />
              {/* The post's HTML was sanitised when it was written (renderPostMarkdown). */}
              {item.html !== null ? (
                <div
                  className="prose quote-small"
                  dangerouslySetInnerHTML={{ __html: item.html }}
                />
              ) : (
                <p className="muted">{t("moderation.queue.deleted")}</p>
              )}
              <ul className="plain-list stack">
                {item.flags.map((flag) => (
                  <li key={flag.id}>
                    <span className="muted">
                      {t("moderation.queue.reportedBy", {
                        name: flag.reporter,
                        date: formatDateTime(flag.createdAt, locale),
                      })}
                    </span>{" "}
                    {flag.reason}
                  </li>
                ))}
              </ul>
              {item.state === "hidden" ? (
                <p className="muted">{t("moderation.queue.alreadyHidden")}</p>
              ) : null}
              <div className="button-row">
                <DismissButton postId={item.postId} author={item.author?.name ?? unknown} />
                {item.state === "visible" ? (
                  <PostModerationButtons
                    post={{ id: item.postId, state: item.state, author: item.author }}
                    intents={["hide"]}
                    labels={labels}
                    interactive={hydrated}
                    onOpen={setTarget}
                  />
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section className="card stack" aria-labelledby="hidden-title">
        <h2 id="hidden-title">{t("moderation.queue.hiddenTitle", { count: hidden.length })}</h2>
        {hidden.length === 0 ? <p className="muted">{t("moderation.queue.noHidden")}</p> : null}
        <ul className="stack plain-list">
          {hidden.map((item) => (
            <li
              key={item.postId}
              className="application stack"
              data-testid={`hidden-${item.postId}`}
            >
              <QueuedPostHeading item={item} circleId={circle.id} />
              <div className="prose quote-small" dangerouslySetInnerHTML={{ __html: item.html }} />
              <p className="muted">
                {t("moderation.queue.hiddenBy", {
                  name: item.hiddenBy ?? unknown,
                  date: formatDateTime(item.hiddenAt, locale),
                })}
                {item.hiddenReason
                  ? ` · ${t("discussion.reason", { reason: item.hiddenReason })}`
                  : null}
              </p>
              <div className="button-row">
                <PostModerationButtons
                  post={{ id: item.postId, state: "hidden", author: item.author }}
                  intents={["restore"]}
                  labels={labels}
                  interactive={hydrated}
                  onOpen={setTarget}
                />
              </div>
            </li>
          ))}
        </ul>
      </section>
      <ModerationDialog target={target} onClose={close} constraints={constraints} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
