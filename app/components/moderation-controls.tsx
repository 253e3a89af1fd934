import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { PostView, ThreadView } from "~/domain/discussions";
import { useTranslation } from "~/i18n/use-translation";
import type { ModerationConstraints, ModerationIntent } from "~/forms/moderation.server";
import { Field, FormErrors, TextareaField } from "./forms";

/**
 * The moderation controls of a thread page and the coach's queue. A page that renders many
 * posts gives each `PostModerationButtons` (no hooks, labels looked up once with
 * `useModerationLabels`, shown once JavaScript runs); they open the page's one
 * `ModerationDialog`, which holds the form and the request. Lock and pin:
 * `ThreadModerationControls`, once per thread page.
 *
 * Every form posts with a fetcher
 * to `action` (default: the page's own route, whose action hands moderation intents to
 * handleModerationIntent), so the reader keeps their place; the change arrives through the
 * page's revalidation and live events. A moved post is the exception: the answer is a redirect
 * to its new thread. Checking is the server's (D32): the loader passes the forms' constraint
 * attributes (`moderationConstraints()`), and errors come back next to their field.
 */

/** What the controls need to know about a post. */
export type ModeratedPost = Pick<PostView, "id" | "state" | "author">;

/**
 * A fetcher's answer when it is conform's reply (not a redirect or another route's data). An
 * accepted form's reply (`resetForm`) is just `{ initialValue: null }`, without a status.
 */
function replyOf(data: unknown): SubmissionResult<string[]> | undefined {
  return data && typeof data === "object" && ("status" in data || "initialValue" in data)
    ? (data as SubmissionResult<string[]>)
    : undefined;
}

/** The fields the post forms have between them (each schema uses some of them). */
type PostFormValue = { intent: string; postId: number; reason?: string; title?: string };

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

// ---------------------------------------------------------------------------------------------
// The thread page: buttons per post, one dialog per page

export type PostModerationIntent = keyof ModerationConstraints;

/** What the page's dialog is open for: one intent on one post. */
export type ModerationTarget = { intent: PostModerationIntent; post: ModeratedPost };

/** The buttons' words, looked up once per page rather than once per post. */
export function useModerationLabels() {
  const { t } = useTranslation();
  return {
    flag: t("moderation.flag"),
    hide: t("moderation.hide"),
    restore: t("moderation.restore"),
    move: t("moderation.move"),
  };
}
export type ModerationLabels = ReturnType<typeof useModerationLabels>;

/**
 * Which moderation intents a viewer has on a post: flag (members, not their own post, while it
 * is visible), hide or restore, and move (the coach; not the opening post).
 */
export function postModerationIntents({
  post,
  viewerId,
  canFlag,
  canModerate,
  canMove,
}: {
  post: ModeratedPost;
  viewerId: number | null;
  canFlag: boolean;
  canModerate: boolean;
  canMove: boolean;
}): PostModerationIntent[] {
  if (post.state === "deleted") return [];
  const intents: PostModerationIntent[] = [];
  const own = post.author !== null && post.author.id === viewerId;
  if (canFlag && !canModerate && !own && post.state === "visible") intents.push("flag");
  if (canModerate) {
    intents.push(post.state === "hidden" ? "restore" : "hide");
    if (canMove) intents.push("move");
  }
  return intents;
}

/**
 * A post's moderation buttons, without hooks or state (a thread page renders hundreds): each
 * asks the page to open its ModerationDialog. Nothing before hydration: they need JavaScript.
 */
export function PostModerationButtons({
  post,
  intents,
  labels,
  interactive,
  onOpen,
}: {
  post: ModeratedPost;
  /** From postModerationIntents(). */
  intents: PostModerationIntent[];
  labels: ModerationLabels;
  interactive: boolean;
  onOpen: (target: ModerationTarget) => void;
}) {
  if (!interactive || intents.length === 0) return null;
  return (
    <>
      {intents.map((intent) => (
        <button
          key={intent}
          type="button"
          className="link-button"
          data-testid={`moderate-${intent}-${post.id}`}
          onClick={() => onOpen({ intent, post })}
        >
          {labels[intent]}
        </button>
      ))}
    </>
  );
}

/**
 * The page's one moderation form, in a modal dialog: reason (and a title for a move) for the
 * post it was opened for. It closes itself after the server accepted the form, and shows the
 * server's errors next to the fields otherwise.
 */
export function ModerationDialog({
  target,
  onClose,
  constraints,
  action,
}: {
  target: ModerationTarget | null;
  onClose: () => void;
  constraints: ModerationConstraints;
  action?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (target && !dialog.open) dialog.showModal();
    if (!target && dialog.open) dialog.close();
  }, [target]);
  return (
    <dialog
      ref={ref}
      className="moderation-dialog card"
      aria-labelledby="moderation-dialog-title"
      // Esc or the close button: the page forgets the target.
      onClose={() => onClose()}
    >
      {target ? (
        <DialogForm
          // A new form (and request) per post and intent: no errors carried over.
          key={`${target.intent}-${target.post.id}`}
          target={target}
          constraints={constraints}
          action={action}
          onDone={() => ref.current?.close()}
        />
      ) : null}
    </dialog>
  );
}

function DialogForm({
  target,
  constraints,
  action,
  onDone,
}: {
  target: ModerationTarget;
  constraints: ModerationConstraints;
  action?: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { intent, post } = target;
  const fetcher = useFetcher({ key: `moderation-dialog-${intent}-${post.id}` });
  // Only this opening's answer counts: an earlier success for the same post must not close it.
  const sent = useRef(false);
  const reply = sent.current && fetcher.state === "idle" ? replyOf(fetcher.data) : undefined;
  const [form, fields] = useForm<PostFormValue>({
    id: `moderation-dialog-${intent}-${post.id}`,
    lastResult: reply,
    constraint: constraints[intent],
  });
  useEffect(() => {
    if (reply && reply.status !== "error") onDone();
  }, [reply, onDone]);
  const titles = {
    flag: t("moderation.flag"),
    hide: t("moderation.hideSubmit"),
    restore: t("moderation.restoreSubmit"),
    move: t("moderation.move"),
  };
  const submit = {
    flag: t("moderation.flagSubmit"),
    hide: t("moderation.hideSubmit"),
    restore: t("moderation.restoreSubmit"),
    move: t("moderation.moveSubmit"),
  };
  return (
    <fetcher.Form
      method="post"
      action={action}
      {...getFormProps(form)}
      onSubmit={(event) => {
        sent.current = true;
        form.onSubmit(event);
      }}
      className="stack"
    >
      <h2 id="moderation-dialog-title">{titles[intent]}</h2>
      <p className="muted">
        {t("moderation.dialogPost", { name: post.author?.name ?? t("discussion.formerMember") })}
      </p>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="postId" value={post.id} />
      <FormErrors id={form.errorId} errors={form.errors} />
      {intent === "move" ? (
        <Field
          label={t("moderation.moveTitle")}
          help={t("moderation.moveHelp")}
          field={fields.title}
        />
      ) : null}
      <TextareaField
        label={
          intent === "flag"
            ? t("moderation.flagReason")
            : intent === "hide"
              ? t("moderation.hideReason")
              : intent === "restore"
                ? t("moderation.restoreReason")
                : t("moderation.moveReason")
        }
        help={intent === "flag" ? t("moderation.flagHelp") : undefined}
        field={fields.reason}
        rows={3}
      />
      <div className="button-row">
        <button
          type="submit"
          className={intent === "hide" ? "button button-danger" : "button button-primary"}
          disabled={fetcher.state !== "idle"}
        >
          {submit[intent]}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          {t("common.cancel")}
        </button>
      </div>
    </fetcher.Form>
  );
}
