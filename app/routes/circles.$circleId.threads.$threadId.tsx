import type {
  ActionFunctionArgs,
  LoaderFunctionArgs,
  MetaFunction,
  SerializeFrom,
} from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import {
  Link,
  useLoaderData,
  useRevalidator,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from "react";
import { useTranslation } from "~/i18n/use-translation";
import { useCircleLive } from "~/components/circle-live";
import { Composer, isPreview, type ComposerHandle } from "~/components/discussion/composer";
import {
  bodyId,
  EditForm,
  Post,
  PostHistory,
  ReactionPicker,
  usePostLabels,
  type PagePost,
  type PostHandlers,
} from "~/components/discussion/post";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import {
  ModerationDialog,
  PostModerationButtons,
  ThreadModerationControls,
  postModerationIntents,
  useModerationLabels,
  type ModerationTarget,
} from "~/components/moderation-controls";
import { ErrorList, useErrorText } from "~/components/forms";
import { useLocale } from "~/i18n/use-locale";
import { PageHeader } from "~/components/page";
import {
  fromWire,
  quoteMarkdown,
  toWire,
  type DiscussionEvent,
  type PostView,
  type ThreadView,
} from "~/domain/discussions";
import { can } from "~/domain/permissions";
import {
  circlePeople,
  createPost,
  deletePost,
  discussionEvents,
  editPost,
  getPost,
  loadThread,
  markRead,
  toggleReaction,
  type EventRef,
} from "~/models/discussions.server";
import { requireCircle } from "~/utils/circle-guards.server";
import { ThreadPageSchema } from "~/forms/discussions.server";
import { isModerationIntent, moderationConstraints } from "~/forms/moderation.server";
import { handleModerationIntent } from "~/utils/moderation-intents.server";
import { refusalMessage } from "~/utils/discussion-messages";
import { parseFields, readFormData } from "~/utils/forms.server";
import { idParam, notFound } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.thread.title} · Kringwijs` : "Kringwijs" },
];

/**
 * A thread for the circle's people. The posts' HTML travels once: in the markup on a document
 * request, in the data on a client navigation (see app/utils/server-html.tsx).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, circle, resource } = await requireCircle(
    request,
    params.circleId,
    "circle.view_private",
  );
  const moderate = can(user, "circle.moderate", resource);
  const page = loadThread(circle.id, idParam(params.threadId), { id: user!.id, isCoach: moderate });
  if (!page) notFound();
  const authors: Record<string, string> = {};
  const posts = page.posts.map((post) => {
    if (post.author) authors[post.author.id] = post.author.name;
    if (context.documentRequest && post.html !== null)
      context.serverHtml.set(bodyId(post.id), post.html);
    return toWire(post, context.documentRequest);
  });
  const discuss = can(user, "circle.discuss", resource);
  return json({
    circle: { id: circle.id, name: circle.name },
    thread: page.thread,
    posts,
    authors,
    htmlInDom: context.documentRequest,
    firstUnreadPostId: page.firstUnreadPostId,
    seq: page.seq,
    viewerId: user!.id,
    people: circlePeople(circle.id),
    key: crypto.randomUUID(),
    may: {
      discuss,
      moderate,
      reply: discuss && !page.thread.locked,
      harvest: can(user, "circle.harvest", resource),
    },
    moderation: moderationConstraints(),
    openingPostId: page.posts[0]?.id ?? null,
  });
}

/** Reading markers, reactions, replies and edits update the page themselves (see the action). */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formData,
  formAction,
  defaultShouldRevalidate,
}) => {
  // A preview changes nothing; reloading 200 posts for it also raced with the reply after it.
  if (isPreview(formAction)) return false;
  const intent = formData?.get("intent");
  if (
    intent === "read" ||
    intent === "react" ||
    intent === "reply" ||
    intent === "edit" ||
    intent === "delete"
  )
    return false;
  return defaultShouldRevalidate;
};

/** What the action answers a fetcher: the post as it is now, or errors to show. */
type ThreadActionData = {
  ok: boolean;
  post?: PostView;
  seq?: number;
  key?: string;
  errors?: string[];
  fieldErrors?: Record<string, string[]>;
};

type Failure = { ok: false; errors: string[]; fieldErrors: Record<string, string[]> };

const failure = (errors: string[], fieldErrors: Record<string, string[]> = {}, status = 400) =>
  json<Failure>({ ok: false, errors, fieldErrors }, { status });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const threadId = idParam(params.threadId);
  // Moderation first: it checks its own permission per intent (a coach may moderate a closed
  // circle's threads, where nobody can discuss any more) and publishes its own events.
  if (isModerationIntent(intent)) {
    const { user, circle } = await requireCircle(request, params.circleId, "circle.view_private");
    const moderated = await handleModerationIntent({
      request,
      circleId: circle.id,
      threadId,
      user: user!,
      formData,
      context,
    });
    if (moderated) return moderated.response;
  }
  // Marking read is reading; everything else is taking part.
  const { user, circle } = await requireCircle(
    request,
    params.circleId,
    intent === "read" ? "circle.view_private" : "circle.discuss",
  );
  const submission = parseFields(formData, ThreadPageSchema);
  if (submission.status !== "success") {
    const { "": formErrors, ...fieldErrors } = submission.reply().error ?? {};
    return failure(
      formErrors ?? [],
      Object.fromEntries(Object.entries(fieldErrors).map(([name, e]) => [name, e ?? []])),
    );
  }
  const value = submission.value;
  const base = { circleId: circle.id, userId: user!.id };
  const publish = (events: EventRef[], notified: number[]) => {
    context.publisher.notified(notified);
    context.publisher.discussion(discussionEvents(events));
  };
  /** The post as the actor now sees it, so the page can show it without reloading the thread. */
  const answer = (postId: number, events: EventRef[], extra: Record<string, unknown> = {}) =>
    json({
      ok: true as const,
      post: getPost(circle.id, postId, { id: user!.id, isCoach: false })?.view,
      seq: events.at(-1)?.seq,
      ...extra,
    });
  switch (value.intent) {
    case "reply": {
      const result = createPost({
        circleId: circle.id,
        threadId,
        authorId: user!.id,
        source: value.body,
        parentId: value.parentId ?? null,
        key: value.key,
      });
      if (!result.ok)
        return failure([refusalMessage(result)], {}, result.reason === "not_found" ? 404 : 400);
      if (result.threadId !== threadId) notFound();
      publish(result.events, result.notified);
      // Without JavaScript the form was a plain POST: show the thread at the new post.
      if (context.documentRequest)
        throw redirect(`/circles/${circle.id}/threads/${threadId}#post-${result.postId}`);
      return answer(result.postId, result.events, { key: crypto.randomUUID() });
    }
    case "edit": {
      const result = editPost({ ...base, postId: value.postId, source: value.body });
      if (!result.ok) return failure([], { body: [refusalMessage(result)] });
      publish(result.events, result.notified);
      return answer(value.postId, result.events);
    }
    case "delete": {
      const result = deletePost({ ...base, postId: value.postId });
      if (!result.ok) return failure([refusalMessage(result)]);
      publish(result.events, result.notified);
      return answer(value.postId, result.events);
    }
    case "react": {
      const result = toggleReaction({ ...base, postId: value.postId, reaction: value.reaction });
      if (!result.ok) return failure([refusalMessage(result)]);
      publish(result.events, result.notified);
      return answer(value.postId, result.events);
    }
    case "read":
      // Only a post of this thread moves the marker: another circle's ids are a 404.
      if (!markRead({ ...base, threadId, postId: value.postId })) notFound();
      return json({ ok: true as const });
  }
}

type Data = SerializeFrom<typeof loader>;

/**
 * The page's posts: the loader's, with what arrived since (live events, own actions) laid over
 * them. An overlay entry carries the sequence number it came with and is dropped once the loader
 * data is as new, so a later reload never shows an older state.
 */
function usePosts(data: Data) {
  const [overlay, setOverlay] = useState<Map<number, { post: PagePost; seq: number }>>(new Map());
  const [thread, setThread] = useState<{ view: ThreadView; seq: number } | null>(null);
  useEffect(() => {
    setOverlay((current) => {
      const kept = new Map([...current].filter(([, entry]) => entry.seq > data.seq));
      return kept.size === current.size ? current : kept;
    });
    setThread((current) => (current && current.seq > data.seq ? current : null));
  }, [data.seq]);

  const loaded = useMemo(
    () =>
      data.posts.map((wire) =>
        fromWire(wire, {
          threadId: data.thread.id,
          authors: data.authors,
          htmlInDom: data.htmlInDom,
        }),
      ),
    [data.posts, data.thread.id, data.authors, data.htmlInDom],
  );
  const posts = useMemo(() => {
    const byId = new Map<number, PagePost>(loaded.map((p) => [p.id, p]));
    for (const [id, entry] of overlay) {
      const known = byId.get(id);
      // Live events carry no words of a hidden post; the coach keeps the ones already on the page.
      const keepWords = entry.post.html === null && entry.post.state === "hidden" && known;
      byId.set(
        id,
        keepWords ? { ...entry.post, html: known.html, inDom: known.inDom } : entry.post,
      );
    }
    return [...byId.values()]
      .filter((p) => p.threadId === data.thread.id)
      .sort((a, b) => a.id - b.id);
  }, [loaded, data.thread.id, overlay]);

  const apply = (post: PostView, seq: number, mine?: PostView["mine"]) =>
    setOverlay((current) => {
      const previous = current.get(post.id);
      if (previous && previous.seq > seq) return current;
      const next = new Map(current);
      // Live events do not know the viewer's own reactions; keep what the page knew.
      const known = loaded.find((p) => p.id === post.id);
      next.set(post.id, {
        post: { ...post, mine: mine ?? previous?.post.mine ?? known?.mine ?? [] },
        seq,
      });
      return next;
    });
  const applyThread = (view: ThreadView, seq: number) =>
    setThread((current) => (current && current.seq > seq ? current : { view, seq }));
  return { posts, thread: thread?.view ?? data.thread, apply, applyThread };
}

/** Moves focus to a post (for keyboard and screen-reader users) without a tabindex in the markup. */
function focusPost(el: HTMLElement | null, options?: FocusOptions) {
  if (!el) return;
  el.tabIndex = -1;
  el.focus(options);
}

/** Remix's id of this route, for the page's own requests to its action (see `send`). */
const ROUTE_ID = "routes/circles.$circleId.threads.$threadId";

export default function ThreadPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = usePostLabels();
  const moderationLabels = useModerationLabels();
  const [moderating, setModerating] = useState<ModerationTarget | null>(null);
  const closeModeration = useCallback(() => setModerating(null), []);
  const data = useLoaderData<typeof loader>();
  const { circle, viewerId, people, may, firstUnreadPostId } = data;
  const { posts, thread, apply, applyThread } = usePosts(data);
  const revalidator = useRevalidator();
  const composer = useRef<ComposerHandle>(null);
  const [replyTo, setReplyTo] = useState<PagePost | null>(null);
  const [waiting, setWaiting] = useState<number[]>([]);
  const [editing, setEditing] = useState<number | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<number | null>(null);
  const [picker, setPicker] = useState<{ post: PagePost; anchor: HTMLElement } | null>(null);
  const [actionError, setActionError] = useState<string[] | null>(null);
  const errorText = useErrorText();
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState<ThreadActionData | null>(null);
  const [key, setKey] = useState<string>(data.key);
  const action = `/circles/${circle.id}/threads/${thread.id}`;
  const canReply = may.discuss && !thread.locked;
  // The posts' buttons work only with JavaScript, so they appear once the page is hydrated:
  // a long thread's markup carries the words, not hundreds of buttons that could not work yet.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  // Once live, a lost connection is shown: what others write arrives when it is back.
  const [wasLive, setWasLive] = useState(false);

  const { online, connected } = useCircleLive({
    circleId: circle.id,
    seq: data.seq,
    onEvents: (events: DiscussionEvent[]) => {
      for (const event of events) {
        if (event.thread?.id === thread.id) applyThread(event.thread, event.seq);
        if (!event.post) continue;
        const isNew =
          event.kind === "post.created" &&
          event.post.threadId === thread.id &&
          event.post.author?.id !== viewerId &&
          !posts.some((p) => p.id === event.post!.id);
        apply(event.post, event.seq);
        // Someone else's new post waits behind the bar, so the page does not jump while reading.
        if (isNew) setWaiting((w) => (w.includes(event.post!.id) ? w : [...w, event.post!.id]));
      }
    },
    onReload: () => revalidator.revalidate(),
  });

  /**
   * The small per-post requests (reactions, deleting, reading markers) go to the action with
   * fetch: a fetcher per post would put two of Remix's hooks in each of hundreds of posts. The
   * answer is the post as it is now; live events bring the same to everyone else.
   */
  const send = async (
    fields: Record<string, string> | FormData,
  ): Promise<ThreadActionData | null> => {
    const body = fields instanceof FormData ? fields : new FormData();
    if (!(fields instanceof FormData))
      for (const [name, value] of Object.entries(fields)) body.append(name, value);
    try {
      const res = await fetch(`${action}?_data=${encodeURIComponent(ROUTE_ID)}`, {
        method: "POST",
        body,
        credentials: "same-origin",
      });
      const answer = (await res.json()) as ThreadActionData;
      if (!answer.ok) setActionError(answer.errors ?? ["discussion.refused.notFound"]);
      else {
        setActionError(null);
        if (answer.post) apply(answer.post, answer.seq ?? 0, answer.post.mine);
      }
      return answer;
    } catch {
      setActionError(["discussion.offline"]);
      return null;
    }
  };

  const handlers: PostHandlers = {
    react: (post, reaction) => void send({ intent: "react", postId: String(post.id), reaction }),
    pickReaction: (post, anchor) => setPicker({ post, anchor }),
    reply: (post) => {
      setReplyTo(post);
      composer.current?.focus();
    },
    quote: (post) => {
      const body = document.getElementById(bodyId(post.id));
      const selection = window.getSelection();
      const selected =
        selection && !selection.isCollapsed && body?.contains(selection.anchorNode)
          ? selection.toString()
          : "";
      const passage = (selected || body?.innerText || "").slice(0, 2000);
      composer.current?.insert(quoteMarkdown(post.author?.name ?? "", post.id, passage));
    },
    edit: (post) => setEditing(post.id),
    askDelete: (post) => setConfirmDelete(post?.id ?? null),
    remove: (post) => {
      setConfirmDelete(null);
      void send({ intent: "delete", postId: String(post.id) });
    },
  };

  useEffect(() => {
    if (connected) setWasLive(true);
  }, [connected]);

  // Open at the first unread post (unless the link names a post).
  useEffect(() => {
    if (window.location.hash || !firstUnreadPostId) return;
    const el = document.getElementById(`post-${firstUnreadPostId}`);
    el?.scrollIntoView({ block: "start" });
    focusPost(el, { preventScroll: true });
  }, [firstUnreadPostId]);

  /**
   * Sends a reply with the page's own request, like the other post actions: a Remix fetcher's
   * answer got lost when a revalidation (a notification arriving) was under way at the same
   * moment. Without JavaScript the form posts as usual and the action redirects to the post.
   */
  const submitReply = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    const answer = await send(new FormData(event.currentTarget));
    setSending(false);
    if (!answer?.ok || !answer.post) {
      setFailed(answer);
      if (answer) setActionError(null);
      return;
    }
    setFailed(null);
    composer.current?.clear();
    setReplyTo(null);
    if (answer.key) setKey(answer.key);
  };

  const showWaiting = () => {
    const first = waiting[0];
    const last = Math.max(...waiting);
    setWaiting([]);
    void send({ intent: "read", postId: String(last) });
    if (first) requestAnimationFrame(() => focusPost(document.getElementById(`post-${first}`)));
  };

  const visible = posts.filter((p) => !waiting.includes(p.id));
  const repliesByParent = new Map<number, PagePost[]>();
  for (const p of visible)
    if (p.parentId !== null)
      repliesByParent.set(p.parentId, [...(repliesByParent.get(p.parentId) ?? []), p]);
  const topLevel = visible.filter((p) => p.parentId === null);
  const onlineNames = people.filter((p) => online.includes(p.id) && p.id !== viewerId);
  const postMay = { discuss: may.discuss, moderate: may.moderate, reply: canReply };

  const moderationFor = (post: PagePost) => {
    const intents = postModerationIntents({
      post,
      viewerId,
      canFlag: may.discuss,
      canModerate: may.moderate,
      canMove: post.id !== data.openingPostId,
    });
    return intents.length ? (
      <PostModerationButtons
        post={post}
        intents={intents}
        labels={moderationLabels}
        interactive={hydrated}
        onOpen={setModerating}
      />
    ) : undefined;
  };

  const renderPost = (post: PagePost, children?: ReactNode) => (
    <Post
      key={post.id}
      post={post}
      viewerId={viewerId}
      locale={locale}
      labels={labels}
      handlers={handlers}
      may={postMay}
      firstUnread={post.id === firstUnreadPostId}
      confirmingDelete={confirmDelete === post.id}
      interactive={hydrated}
      moderation={moderationFor(post)}
      history={
        post.edited && (post.author?.id === viewerId || may.moderate) ? (
          <PostHistory circleId={circle.id} postId={post.id} />
        ) : undefined
      }
      editor={
        editing === post.id ? (
          <EditForm
            post={post}
            action={action}
            circleId={circle.id}
            people={people}
            onDone={(updated, seq) => {
              setEditing(null);
              if (updated) apply(updated, seq ?? 0, updated.mine);
            }}
          />
        ) : undefined
      }
    >
      {children}
    </Post>
  );

  return (
    <div className="page">
      <PageHeader
        title={thread.title}
        intro={
          <Link to={`/circles/${circle.id}/threads`}>
            {t("discussion.backToList", { circle: circle.name })}
          </Link>
        }
      />
      <p className="thread-badges">
        {thread.pinned ? <span className="badge">📌 {t("discussion.pinned")}</span> : null}
        {thread.locked ? <span className="badge">🔒 {t("discussion.locked")}</span> : null}
        {onlineNames.length ? (
          <span className="muted small" data-testid="online">
            {t("discussion.online", { names: onlineNames.map((p) => p.name).join(", ") })}
          </span>
        ) : null}
      </p>
      <ThreadModerationControls thread={thread} canModerate={may.moderate} action={action} />
      {may.harvest ? (
        <p>
          <Link to={`/circles/${circle.id}/harvest?thread=${thread.id}`}>
            {t("discussion.harvest")}
          </Link>
        </p>
      ) : null}
      <ModerationDialog
        target={moderating}
        onClose={closeModeration}
        constraints={data.moderation}
      />
      {wasLive && !connected ? (
        <p className="notice notice-info" role="status" data-testid="offline">
          {t("discussion.connectionLost")}
        </p>
      ) : null}
      {actionError ? (
        <div className="notice notice-warn" role="alert">
          {actionError.map((e) => (
            <p key={e}>{errorText(e)}</p>
          ))}
        </div>
      ) : null}
      <div className="posts" data-testid="posts">
        {topLevel.map((post) => {
          const replies = repliesByParent.get(post.id);
          return renderPost(
            post,
            replies ? <div className="replies">{replies.map((r) => renderPost(r))}</div> : null,
          );
        })}
      </div>
      {picker ? (
        <ReactionPicker
          post={picker.post}
          anchor={picker.anchor}
          labels={labels}
          onPick={(reaction) => handlers.react(picker.post, reaction)}
          onClose={() => setPicker(null)}
        />
      ) : null}
      {waiting.length ? (
        <button
          type="button"
          className="new-posts-bar button button-primary"
          onClick={showWaiting}
          aria-live="polite"
        >
          {t("discussion.newPosts", { count: waiting.length })}
        </button>
      ) : null}
      {canReply ? (
        <form
          method="post"
          action={action}
          className="card stack reply-form"
          id="reply"
          onSubmit={(event) => void submitReply(event)}
        >
          <input type="hidden" name="intent" value="reply" />
          <input type="hidden" name="key" value={key} />
          {replyTo ? (
            <p className="replying-to">
              <input type="hidden" name="parentId" value={replyTo.id} />
              {t("discussion.replyingTo", { name: replyTo.author?.name ?? "" })}{" "}
              <button type="button" className="link-button" onClick={() => setReplyTo(null)}>
                {t("discussion.replyToThread")}
              </button>
            </p>
          ) : null}
          <ErrorList errors={failed?.errors} />
          <Composer
            ref={composer}
            draftKey={`${circle.id}:${thread.id}`}
            people={people}
            circleId={circle.id}
            label={t("discussion.yourReply")}
            errors={failed?.fieldErrors?.body}
            errorId="reply-body-errors"
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={sending}>
              {t("discussion.send")}
            </button>
          </div>
        </form>
      ) : (
        <p className="card muted">
          {thread.locked ? t("discussion.lockedNotice") : t("discussion.readOnlyNotice")}
        </p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
