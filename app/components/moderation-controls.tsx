import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import type { ReactNode } from "react";
import type { PostView, ThreadView } from "~/domain/discussions";
import { useTranslation } from "~/i18n/use-translation";
import type { ModerationConstraints, ModerationIntent } from "~/forms/moderation.server";
import { Field, FormErrors, TextareaField } from "./forms";

/**
 * The moderation controls of a thread page and the coach's queue. Every form posts with a fetcher
 * to `action` (default: the page's own route, whose action hands moderation intents to
 * handleModerationIntent), so the reader keeps their place; the change arrives through the
 * page's revalidation and live events. A moved post is the exception: the answer is a redirect
 * to its new thread. Checking is the server's (D32): the loader passes the forms' constraint
 * attributes (`moderationConstraints()`), and errors come back next to their field.
 */

/** What the controls need to know about a post. */
export type ModeratedPost = Pick<PostView, "id" | "state" | "author">;

/** A fetcher's answer when it is conform's reply (not a redirect or another route's data). */
function replyOf(data: unknown): SubmissionResult<string[]> | undefined {
  return data && typeof data === "object" && "status" in data
    ? (data as SubmissionResult<string[]>)
    : undefined;
}

/** The fields the post forms have between them (each schema uses some of them). */
type PostFormValue = { intent: string; postId: number; reason?: string; title?: string };

/** One small form in a disclosure: the intent, the post, and its fields. */
function PostForm({
  intent,
  constraints,
  postId,
  action,
  summary,
  summaryLabel,
  submitLabel,
  danger = false,
  children,
}: {
  intent: keyof ModerationConstraints;
  constraints: ModerationConstraints;
  postId: number;
  action?: string;
  summary: string;
  /** A longer accessible name that starts with the visible one (which post it is about). */
  summaryLabel?: string;
  submitLabel: string;
  danger?: boolean;
  children: (fields: ReturnType<typeof useForm<PostFormValue>>[1]) => ReactNode;
}) {
  const fetcher = useFetcher({ key: `moderation-${intent}-${postId}` });
  const [form, fields] = useForm<PostFormValue>({
    id: `moderation-${intent}-${postId}`,
    lastResult: fetcher.state === "idle" ? replyOf(fetcher.data) : undefined,
    constraint: constraints[intent],
  });
  const busy = fetcher.state !== "idle";
  // Open again after a refusal, so the errors are seen next to what was typed.
  const refused = replyOf(fetcher.data)?.status === "error";
  return (
    <details className="moderation-control" open={refused || undefined}>
      <summary aria-label={summaryLabel}>{summary}</summary>
      <fetcher.Form method="post" action={action} {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="postId" value={postId} />
        <FormErrors id={form.errorId} errors={form.errors} />
        {children(fields)}
        <button
          type="submit"
          className={danger ? "button button-danger" : "button button-secondary"}
          disabled={busy}
        >
          {submitLabel}
        </button>
      </fetcher.Form>
    </details>
  );
}

/**
 * Per post: "Melden" for members (not on their own post), and for the coach: hide or restore
 * with a reason, and move the post with its replies to a new thread. Renders nothing when the
 * viewer may do none of it.
 */
export function PostModerationControls({
  post,
  viewerId,
  canFlag,
  canModerate,
  canMove,
  constraints,
  action,
}: {
  post: ModeratedPost;
  viewerId: number | null;
  /** can(user, "circle.discuss", resource) */
  canFlag: boolean;
  /** can(user, "circle.moderate", resource) */
  canModerate: boolean;
  /** Offer "move to a new thread": not for a thread's opening post (that is the thread). */
  canMove: boolean;
  /** From the loader: `moderationConstraints()` (app/forms/moderation.server.ts). */
  constraints: ModerationConstraints;
  action?: string;
}) {
  const { t } = useTranslation();
  if (post.state === "deleted") return null;
  const own = post.author !== null && post.author.id === viewerId;
  const showFlag = canFlag && !canModerate && !own && post.state === "visible";
  if (!showFlag && !canModerate) return null;
  return (
    <div className="moderation-controls" data-testid={`moderation-${post.id}`}>
      {showFlag ? (
        <PostForm
          intent="flag"
          constraints={constraints}
          postId={post.id}
          action={action}
          summary={t("moderation.flag")}
          summaryLabel={t("moderation.flagLabel", {
            name: post.author?.name ?? t("discussion.formerMember"),
          })}
          submitLabel={t("moderation.flagSubmit")}
        >
          {(fields) => (
            <TextareaField
              label={t("moderation.flagReason")}
              help={t("moderation.flagHelp")}
              field={fields.reason}
              rows={2}
            />
          )}
        </PostForm>
      ) : null}
      {canModerate && post.state === "visible" ? (
        <PostForm
          intent="hide"
          constraints={constraints}
          postId={post.id}
          action={action}
          summary={t("moderation.hide")}
          submitLabel={t("moderation.hideSubmit")}
          danger
        >
          {(fields) => (
            <TextareaField label={t("moderation.hideReason")} field={fields.reason} rows={2} />
          )}
        </PostForm>
      ) : null}
      {canModerate && post.state === "hidden" ? (
        <PostForm
          intent="restore"
          constraints={constraints}
          postId={post.id}
          action={action}
          summary={t("moderation.restore")}
          submitLabel={t("moderation.restoreSubmit")}
        >
          {(fields) => (
            <TextareaField label={t("moderation.restoreReason")} field={fields.reason} rows={2} />
          )}
        </PostForm>
      ) : null}
      {canModerate && canMove ? (
        <PostForm
          intent="move"
          constraints={constraints}
          postId={post.id}
          action={action}
          summary={t("moderation.move")}
          submitLabel={t("moderation.moveSubmit")}
        >
          {(fields) => (
            <>
              <Field
                label={t("moderation.moveTitle")}
                help={t("moderation.moveHelp")}
                field={fields.title}
              />
              <TextareaField label={t("moderation.moveReason")} field={fields.reason} rows={2} />
            </>
          )}
        </PostForm>
      ) : null}
    </div>
  );
}

/** One button that switches a thread's state (lock/unlock, pin/unpin). */
function ThreadSwitch({
  intent,
  label,
  action,
}: {
  intent: Extract<ModerationIntent, "lock" | "unlock" | "pin" | "unpin">;
  label: string;
  action?: string;
}) {
  const fetcher = useFetcher({ key: `moderation-${intent}` });
  const reply = fetcher.state === "idle" ? replyOf(fetcher.data) : undefined;
  const errors = reply?.status === "error" ? (reply.error?.[""] ?? null) : null;
  return (
    <fetcher.Form method="post" action={action} className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className="button button-quiet" disabled={fetcher.state !== "idle"}>
        {label}
      </button>
      <FormErrors id={`moderation-${intent}-errors`} errors={errors} />
    </fetcher.Form>
  );
}

/** Per thread, for the coach: close or reopen it for replies, pin it to the top or not. */
export function ThreadModerationControls({
  thread,
  canModerate,
  action,
}: {
  thread: Pick<ThreadView, "locked" | "pinned">;
  canModerate: boolean;
  action?: string;
}) {
  const { t } = useTranslation();
  if (!canModerate) return null;
  return (
    <div className="button-row moderation-thread-controls">
      <ThreadSwitch
        intent={thread.locked ? "unlock" : "lock"}
        label={thread.locked ? t("moderation.unlock") : t("moderation.lock")}
        action={action}
      />
      <ThreadSwitch
        intent={thread.pinned ? "unpin" : "pin"}
        label={thread.pinned ? t("moderation.unpin") : t("moderation.pin")}
        action={action}
      />
    </div>
  );
}
