import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { reactionKeys, reactions, type PostView, type Reaction } from "~/domain/discussions";
import { formatDateTime } from "~/i18n/format";
import type { Locale } from "~/i18n/locales";
import { useLocale } from "~/i18n/use-locale";
import { useTranslation } from "~/i18n/use-translation";
import { useStoredHtml } from "~/utils/server-html";
import { ErrorList } from "../forms";
import { Composer, type Person } from "./composer";

/** A post on the page: the view plus whether its body is in the server-rendered DOM. */
export type PagePost = PostView & { inDom?: boolean };

/** Short on purpose: a 200-post thread repeats it 200 times. */
export const bodyId = (postId: number) => `b${postId}`;

/**
 * Everything a post shows in words, looked up once per page: a 200-post thread would otherwise
 * ask i18next for the same dozen labels 200 times, a third of the page's render.
 */
export function usePostLabels() {
  const { t } = useTranslation();
  return {
    formerMember: t("discussion.formerMember"),
    deleted: t("discussion.deleted"),
    hiddenByCoach: t("discussion.hiddenByCoach"),
    showHidden: t("discussion.showHidden"),
    edited: t("discussion.edited"),
    reply: t("discussion.reply"),
    quote: t("discussion.quote"),
    edit: t("discussion.edit"),
    delete: t("discussion.delete"),
    deleteConfirm: t("discussion.deleteConfirm"),
    deleteYes: t("discussion.deleteYes"),
    deleteNo: t("discussion.deleteNo"),
    react: t("discussion.react"),
    unreadFromHere: t("discussion.unreadFromHere"),
    reason: (reason: string) => t("discussion.reason", { reason }),
    reactions: Object.fromEntries(
      reactionKeys.map((key) => [key, t(`discussion.reactions.${key}`)]),
    ) as Record<Reaction, string>,
  };
}

export type PostLabels = ReturnType<typeof usePostLabels>;

/** What a post's buttons ask the page to do; the page owns the requests and the state. */
export type PostHandlers = {
  react(post: PagePost, reaction: Reaction): void;
  /** Opens the shared emoji picker next to this button. */
  pickReaction(post: PagePost, button: HTMLButtonElement): void;
  reply(post: PagePost): void;
  quote(post: PagePost): void;
  edit(post: PagePost): void;
  askDelete(post: PagePost | null): void;
  remove(post: PagePost): void;
};

type Props = {
  post: PagePost;
  viewerId: number;
  locale: Locale;
  labels: PostLabels;
  handlers: PostHandlers;
  may: { discuss: boolean; moderate: boolean; reply: boolean };
  firstUnread: boolean;
  confirmingDelete: boolean;
  /** False in the server render and at hydration: the buttons need JavaScript. */
  interactive: boolean;
  /** The edit form, when this post is being edited. */
  editor?: ReactNode;
  /** "bewerkt" with the earlier versions, for the author and the coach. */
  history?: ReactNode;
  /** Moderation controls for this post. */
  moderation?: ReactNode;
  children?: ReactNode;
};

/**
 * One post. It keeps no state and no hooks of its own beyond reading its stored HTML: a thread
 * page renders hundreds of them, so the page holds the state and the requests (see the route).
 */
export function Post({
  post,
  viewerId,
  locale,
  labels,
  handlers,
  may,
  firstUnread,
  confirmingDelete,
  interactive,
  editor,
  history,
  moderation,
  children,
}: Props) {
  const readable = post.html !== null || post.inDom === true;
  const own = post.author?.id === viewerId;
  const visible = post.state === "visible";
  return (
    <article id={`post-${post.id}`} className={visible ? "post" : `post post-${post.state}`}>
      {firstUnread ? <p className="unread-divider">{labels.unreadFromHere}</p> : null}
      <header className="post-header">
        <strong>{post.author?.name ?? labels.formerMember}</strong>
        <time dateTime={post.createdAt.replace(/\.\d+Z$/, "Z")}>
          {formatDateTime(post.createdAt, locale, { dateStyle: "medium", timeStyle: "short" })}
        </time>
        {post.edited ? (history ?? <span className="muted small">{labels.edited}</span>) : null}
      </header>
      {post.state === "deleted" ? (
        <p className="muted post-placeholder">{labels.deleted}</p>
      ) : post.state === "hidden" ? (
        <div className="post-placeholder">
          <p className="muted">
            {labels.hiddenByCoach}
            {post.hiddenReason ? ` ${labels.reason(post.hiddenReason)}` : ""}
          </p>
          {readable ? (
            <details>
              <summary>{labels.showHidden}</summary>
              <PostBody post={post} />
            </details>
          ) : null}
        </div>
      ) : (
        (editor ?? <PostBody post={post} />)
      )}
      {!interactive ? null : visible && !editor ? (
        <footer className="post-actions">
          <Reactions post={post} labels={labels} handlers={handlers} may={may.discuss} />
          {may.reply ? (
            <>
              <button type="button" className="link-button" onClick={() => handlers.reply(post)}>
                {labels.reply}
              </button>
              <button type="button" className="link-button" onClick={() => handlers.quote(post)}>
                {labels.quote}
              </button>
            </>
          ) : null}
          {own && may.reply ? (
            <button type="button" className="link-button" onClick={() => handlers.edit(post)}>
              {labels.edit}
            </button>
          ) : null}
          {own ? (
            confirmingDelete ? (
              <span className="inline-confirm" role="group">
                <span>{labels.deleteConfirm}</span>
                <button
                  type="button"
                  className="button button-danger button-small"
                  onClick={() => handlers.remove(post)}
                >
                  {labels.deleteYes}
                </button>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => handlers.askDelete(null)}
                >
                  {labels.deleteNo}
                </button>
              </span>
            ) : (
              <button
                type="button"
                className="link-button"
                onClick={() => handlers.askDelete(post)}
              >
                {labels.delete}
              </button>
            )
          ) : null}
          {moderation}
        </footer>
      ) : post.state !== "deleted" && moderation ? (
        <footer className="post-actions">{moderation}</footer>
      ) : null}
      {children}
    </article>
  );
}

/**
 * The reactions someone gave, as toggles, plus one button that opens the page's shared picker:
 * five labelled buttons under every post were a third of a long thread's bytes.
 */
function Reactions({
  post,
  labels,
  handlers,
  may,
}: {
  post: PagePost;
  labels: PostLabels;
  handlers: PostHandlers;
  may: boolean;
}) {
  const given = reactionKeys.filter((key) => (post.reactions[key] ?? 0) > 0);
  if (!may && given.length === 0) return null;
  return (
    <span className="reactions">
      {given.map((key) => {
        const mine = post.mine.includes(key);
        return (
          <button
            key={key}
            type="button"
            className={`reaction${mine ? " reaction-mine" : ""}`}
            aria-pressed={mine}
            disabled={!may}
            onClick={() => handlers.react(post, key)}
          >
            <span aria-hidden="true">{reactions[key]}</span>
            <span className="visually-hidden">{labels.reactions[key]}</span>
            <span className="reaction-count">{post.reactions[key]}</span>
          </button>
        );
      })}
      {may ? (
        <button
          type="button"
          className="reaction reaction-add"
          aria-haspopup="true"
          aria-label={labels.react}
          onClick={(event) => handlers.pickReaction(post, event.currentTarget)}
        >
          ☺+
        </button>
      ) : null}
    </span>
  );
}

/** The shared emoji picker: one per page, opened next to a post's "☺+" button. */
export function ReactionPicker({
  post,
  anchor,
  labels,
  onPick,
  onClose,
}: {
  post: PagePost;
  anchor: HTMLElement;
  labels: PostLabels;
  onPick: (reaction: Reaction) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector("button")?.focus();
    const close = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [onClose]);
  const rect = anchor.getBoundingClientRect();
  return (
    <div
      ref={ref}
      role="group"
      aria-label={labels.react}
      className="reaction-picker"
      // Set through the DOM by React (allowed by the CSP), never as a style attribute in markup.
      style={{
        top: Math.round(rect.bottom + window.scrollY + 4),
        left: Math.round(Math.max(8, rect.left + window.scrollX)),
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onClose();
          anchor.focus();
        }
      }}
    >
      {reactionKeys.map((key) => (
        <button
          key={key}
          type="button"
          className={`reaction${post.mine.includes(key) ? " reaction-mine" : ""}`}
          aria-pressed={post.mine.includes(key)}
          onClick={() => {
            onPick(key);
            onClose();
            anchor.focus();
          }}
        >
          <span aria-hidden="true">{reactions[key]}</span> {labels.reactions[key]}
        </button>
      ))}
    </div>
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
export function PostHistory({ circleId, postId }: { circleId: number; postId: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const history = useFetcher<{ revisions: { id: number; html: string; writtenAt: string }[] }>();
  const [open, setOpen] = useState(false);
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

type EditAnswer = {
  ok: boolean;
  post?: PostView;
  seq?: number;
  errors?: string[];
  fieldErrors?: Record<string, string[]>;
};

/** Editing one's own post in place; the Markdown source is fetched when editing starts. */
export function EditForm({
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
  const save = useFetcher<EditAnswer>();
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

export { ErrorList };
