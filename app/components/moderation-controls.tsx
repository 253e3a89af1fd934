import { getFormProps, useForm, type Submission, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useFetcher } from "@remix-run/react";
import type { ReactNode } from "react";
import type { PostView, ThreadView } from "~/domain/discussions";
import { useTranslation } from "~/i18n/use-translation";
import {
  FlagSchema,
  HideSchema,
  MoveSchema,
  RestoreSchema,
  type ModerationIntent,
} from "~/utils/moderation-forms";
import { Field, FormErrors, TextareaField } from "./forms";

/**
 * The moderation controls of a thread page and the coach's queue. Every form posts with a fetcher
 * to `action` (default: the page's own route, whose action hands moderation intents to
 * handleModerationIntent), so the reader keeps their place; the change arrives through the
 * page's revalidation and live events. A moved post is the exception: the answer is a redirect
 * to its new thread.
 */

type SchemaWithPost =
  typeof FlagSchema | typeof HideSchema | typeof RestoreSchema | typeof MoveSchema;

/** What the controls need to know about a post. */
export type ModeratedPost = Pick<PostView, "id" | "state" | "author">;

/** A fetcher's answer when it is conform's reply (not a redirect or another route's data). */
function replyOf(data: unknown): SubmissionResult<string[]> | undefined {
  return data && typeof data === "object" && "status" in data
    ? (data as SubmissionResult<string[]>)
    : undefined;
}

/**
 * One small form in a disclosure: the intent, the post, and the fields of `schema`, checked in
 * the browser and again on the server.
 */
/** The fields the post forms have between them (each schema uses some of them). */
type PostFormValue = { intent: string; postId: number; reason?: string; title?: string };

function PostForm({
  intent,
  schema,
  postId,
  action,
  summary,
  submitLabel,
  danger = false,
  children,
}: {
  intent: "flag" | "hide" | "restore" | "move";
  schema: SchemaWithPost;
  postId: number;
  action?: string;
  summary: ReactNode;
  submitLabel: string;
  danger?: boolean;
  children: (fields: ReturnType<typeof useForm<PostFormValue>>[1]) => ReactNode;
}) {
  const fetcher = useFetcher({ key: `moderation-${intent}-${postId}` });
  const [form, fields] = useForm<PostFormValue>({
    id: `moderation-${intent}-${postId}`,
    lastResult: fetcher.state === "idle" ? replyOf(fetcher.data) : undefined,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    // One form component for four schemas: their union is wider than conform's types follow,
    // and each schema's fields are a subset of PostFormValue.
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema }) as unknown as Submission<PostFormValue>,
  });
  const busy = fetcher.state !== "idle";
  // Open again after a refusal, so the errors are seen next to what was typed.
  const refused = replyOf(fetcher.data)?.status === "error";
  return (
    <details className="moderation-control" open={refused || undefined}>
      <summary>{summary}</summary>
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
          schema={FlagSchema}
          postId={post.id}
          action={action}
          summary={
            <span aria-label={t("moderation.flagLabel", { name: post.author?.name ?? "" })}>
              {t("moderation.flag")}
            </span>
          }
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
          schema={HideSchema}
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
          schema={RestoreSchema}
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
          schema={MoveSchema}
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

/** What members see in a hidden post's place (the view gives state "hidden" and no html). */
export function HiddenPostNotice({ reason }: { reason: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="post-placeholder" data-testid="hidden-post">
      <p>{t("moderation.hiddenPlaceholder")}</p>
      {reason ? <p className="muted">{t("moderation.hiddenReason", { reason })}</p> : null}
    </div>
  );
}
