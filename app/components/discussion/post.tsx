import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { reactionKeys, reactions, type PostView } from "~/domain/discussions";
import { formatDateTime } from "~/i18n/format";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { useStoredHtml } from "~/utils/server-html";
import { ErrorList } from "../forms";
import { Composer, type Person } from "./composer";

/** A post on the page: the view plus whether its body is in the server-rendered DOM. */
export type PagePost = PostView & { inDom?: boolean };

type ActionReply = {
  ok?: boolean;
  post?: PostView;
  seq?: number;
  errors?: string[];
  fieldErrors?: Record<string, string[]>;
};

export const bodyId = (postId: number) => `post-body-${postId}`;

type Props = {
  post: PagePost;
  circleId: number;
  threadId: number;
  viewerId: number;
  people: Person[];
  may: { discuss: boolean; moderate: boolean; reply: boolean };
  firstUnread: boolean;
  onReply: (post: PagePost) => void;
  onQuote: (post: PagePost, passage: string) => void;
  onChanged: (post: PostView, seq: number | undefined) => void;
  /** Moderation controls for this post, from the moderation module. */
  moderation?: ReactNode;
  children?: ReactNode;
};

/** One post with its reactions and what the viewer may do with it. */
export function Post({
  post,
  circleId,
  threadId,
  viewerId,
  people,
  may,
  firstUnread,
  onReply,
  onQuote,
  onChanged,
  moderation,
  children,
}: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const readable = post.html !== null || post.inDom === true;
  const own = post.author?.id === viewerId;
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const react = useFetcher<ActionReply>();
  const remove = useFetcher<ActionReply>();
  const action = `/circles/${circleId}/threads/${threadId}`;

  useEffect(() => {
    for (const fetcher of [react, remove])
      if (fetcher.state === "idle" && fetcher.data?.post)
        onChanged(fetcher.data.post, fetcher.data.seq);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [react.state, react.data, remove.state, remove.data]);

  const quote = () => {
    const body = document.getElementById(bodyId(post.id));
    const selection = window.getSelection();
    const selected =
      selection && !selection.isCollapsed && body?.contains(selection.anchorNode)
        ? selection.toString()
        : "";
    onQuote(post, (selected || body?.innerText || "").slice(0, 2000));
  };

  return (
    <article
      id={`post-${post.id}`}
      className={`post post-${post.state}${firstUnread ? " post-first-unread" : ""}`}
      aria-labelledby={`post-${post.id}-author`}
      tabIndex={-1}
    >
      {firstUnread ? <p className="unread-divider">{t("discussion.unreadFromHere")}</p> : null}
      <header className="post-header">
        <strong id={`post-${post.id}-author`}>
          {post.author?.name ?? t("discussion.formerMember")}
        </strong>
        <time dateTime={post.createdAt} className="muted small">
          {formatDateTime(post.createdAt, locale, { dateStyle: "medium", timeStyle: "short" })}
        </time>
        {post.edited ? (
          <PostHistoryLink circleId={circleId} postId={post.id} show={own || may.moderate} />
        ) : null}
      </header>
      {post.state === "deleted" ? (
        <p className="muted post-placeholder">{t("discussion.deleted")}</p>
      ) : post.state === "hidden" ? (
        <div className="post-placeholder">
          <p className="muted">
            {t("discussion.hiddenByCoach")}
            {post.hiddenReason ? ` ${t("discussion.reason", { reason: post.hiddenReason })}` : ""}
          </p>
          {readable ? (
            <details>
              <summary>{t("discussion.showHidden")}</summary>
              <PostBody post={post} />
            </details>
          ) : null}
        </div>
      ) : editing ? (
        <EditForm
          post={post}
          action={action}
          circleId={circleId}
          people={people}
          onDone={(updated, seq) => {
            setEditing(false);
            if (updated) onChanged(updated, seq);
          }}
        />
      ) : (
        <PostBody post={post} />
      )}
      {post.state === "visible" && !editing ? (
        <footer className="post-actions">
          <react.Form method="post" action={action} className="reactions">
            <input type="hidden" name="intent" value="react" />
            <input type="hidden" name="postId" value={post.id} />
            {reactionKeys.map((key) => {
              const count = post.reactions[key] ?? 0;
              const mine = post.mine.includes(key);
              if (!may.discuss && count === 0) return null;
              return (
                <button
                  key={key}
                  type="submit"
                  name="reaction"
                  value={key}
                  className={`reaction${mine ? " reaction-mine" : ""}`}
                  aria-pressed={mine}
                  disabled={!may.discuss}
                  title={t(`discussion.reactions.${key}`)}
                >
                  <span aria-hidden="true">{reactions[key]}</span>
                  <span className="visually-hidden">{t(`discussion.reactions.${key}`)}</span>
                  {count > 0 ? <span className="reaction-count">{count}</span> : null}
                </button>
              );
            })}
          </react.Form>
          {may.reply ? (
            <>
              <button type="button" className="link-button" onClick={() => onReply(post)}>
                {t("discussion.reply")}
              </button>
              <button type="button" className="link-button" onClick={quote}>
                {t("discussion.quote")}
              </button>
            </>
          ) : null}
          {own && may.reply ? (
            <button type="button" className="link-button" onClick={() => setEditing(true)}>
              {t("discussion.edit")}
            </button>
          ) : null}
          {own ? (
            confirmDelete ? (
              <remove.Form method="post" action={action} className="inline-confirm">
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="postId" value={post.id} />
                <span>{t("discussion.deleteConfirm")}</span>
                <button type="submit" className="button button-danger button-small">
                  {t("discussion.deleteYes")}
                </button>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setConfirmDelete(false)}
                >
                  {t("discussion.deleteNo")}
                </button>
              </remove.Form>
            ) : (
              <button type="button" className="link-button" onClick={() => setConfirmDelete(true)}>
                {t("discussion.delete")}
              </button>
            )
          ) : null}
          {moderation}
        </footer>
      ) : post.state !== "deleted" ? (
        <footer className="post-actions">{moderation}</footer>
      ) : null}
      <ErrorList errors={react.data?.errors ?? remove.data?.errors} />
      {children}
    </article>
  );
}

function PostBody({ post }: { post: PagePost }) {
  const html = useStoredHtml(bodyId(post.id), post.inDom ? null : (post.html ?? ""));
  // Rendered and sanitised on the server when the post was written (renderPostMarkdown).
  return (
    <div
      className="prose post-body"
      id={bodyId(post.id)}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

/** "bewerkt", and for the author and the coach a look at the earlier versions. */
function PostHistoryLink({
  circleId,
  postId,
  show,
}: {
  circleId: number;
  postId: number;
  show: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const history = useFetcher<{ revisions: { id: number; html: string; writtenAt: string }[] }>();
  const [open, setOpen] = useState(false);
  if (!show) return <span className="muted small">{t("discussion.edited")}</span>;
  return (
    <span className="small">
      <button
        type="button"
        className="link-button muted"
        aria-expanded={open}
        onClick={() => {
          setOpen(!open);
          if (!open) history.load(`/circles/${circleId}/posts/${postId}`);
        }}
      >
        {t("discussion.edited")}
      </button>
      {open ? (
        <div className="card revisions" data-testid="revisions">
          <p className="muted">{t("discussion.earlierVersions")}</p>
          {history.data?.revisions.map((r) => (
            <section key={r.id}>
              <p className="muted small">
                {formatDateTime(r.writtenAt, locale, { dateStyle: "medium", timeStyle: "short" })}
              </p>
              {/* Sanitised on the server when that version was written. */}
              <div className="prose" dangerouslySetInnerHTML={{ __html: r.html }} />
            </section>
          )) ?? <p className="muted">{t("discussion.previewLoading")}</p>}
        </div>
      ) : null}
    </span>
  );
}

/** Editing one's own post in place; the Markdown source is fetched when editing starts. */
function EditForm({
  post,
  action,
  circleId,
  people,
  onDone,
}: {
  post: PagePost;
  action: string;
  circleId: number;
  people: Person[];
  onDone: (post: PostView | null, seq?: number) => void;
}) {
  const { t } = useTranslation();
  const source = useFetcher<{ source: string | null }>();
  const save = useFetcher<ActionReply>();
  const loaded = useRef(false);
  useEffect(() => {
    if (loaded.current) return;
    loaded.current = true;
    source.load(`/circles/${circleId}/posts/${post.id}`);
  }, [source, circleId, post.id]);
  useEffect(() => {
    if (save.state === "idle" && save.data?.ok && save.data.post)
      onDone(save.data.post, save.data.seq);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [save.state, save.data]);
  if (!source.data) return <p className="muted">{t("discussion.previewLoading")}</p>;
  return (
    <save.Form method="post" action={action} className="stack edit-form">
      <input type="hidden" name="intent" value="edit" />
      <input type="hidden" name="postId" value={post.id} />
      <Composer
        draftKey={`${circleId}:edit:${post.id}`}
        people={people}
        circleId={circleId}
        label={t("discussion.editLabel")}
        defaultValue={source.data.source ?? ""}
        errors={save.data?.fieldErrors?.body ?? save.data?.errors}
        errorId={`post-${post.id}-edit-errors`}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.state !== "idle"}>
          {t("common.save")}
        </button>
        <button type="button" className="link-button" onClick={() => onDone(null)}>
          {t("common.cancel")}
        </button>
      </div>
    </save.Form>
  );
}
