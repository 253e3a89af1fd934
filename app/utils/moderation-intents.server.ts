/**
 * The moderation intents of a circle's pages, one function each, for any route's action to hand
 * over to: the thread page (flag, hide, restore, move, lock, unlock, pin, unpin) and the coach's
 * queue (hide, restore, dismiss). Each parses its form with conform + zod, checks the permission
 * for that intent (circle.discuss to flag, circle.moderate for the rest), calls the model and
 * answers with conform's reply and a toast, or translated errors.
 *
 * After commit it publishes what changed itself (notifications, and the circle's live events),
 * so a route only returns `outcome.response`; `outcome.events` is there for a page that wants the
 * sequence numbers, not to be published again.
 */
import { json, type AppLoadContext } from "@remix-run/node";
import { can, type Actor } from "~/domain/permissions";
import { circleResource, getCircle } from "~/models/circles.server";
import { discussionEvents } from "~/models/discussions.server";
import {
  dismissFlags,
  flagPost,
  hidePost,
  movePost,
  restorePost,
  setLocked,
  setPinned,
  type EventRef,
  type ModerationRefusal,
  type ModerationResult,
} from "~/models/moderation.server";
import { badRequest, parseFields, type Replyable } from "./forms.server";
import { forbidden, notFound } from "./http.server";
import { isModerationIntent, ModerationSchema } from "~/forms/moderation.server";
import { createToastHeaders, redirectWithToast } from "./toast.server";

export {
  isModerationIntent,
  moderationConstraints,
  moderationIntents,
  type ModerationConstraints,
  type ModerationIntent,
} from "~/forms/moderation.server";

export type ModerationOutcome = {
  /** conform's reply with a toast (200), the errors (400), or a redirect to a moved post's thread. */
  response: Response;
  /** What changed in the circle's live log (already published). */
  events: EventRef[];
};

export type ModerationArgs = {
  request: Request;
  circleId: number;
  /** The thread page's thread: posts must belong to it, lock and pin act on it. Null elsewhere. */
  threadId: number | null;
  user: NonNullable<Actor>;
  formData: FormData;
  context: AppLoadContext;
};

/**
 * Handles the form if its intent is a moderation intent; null otherwise, so a route can try its
 * own intents next. Throws a 403 (a Response) when the user may not do this intent here.
 */
export async function handleModerationIntent(
  args: ModerationArgs,
): Promise<ModerationOutcome | null> {
  const intent = args.formData.get("intent");
  if (!isModerationIntent(intent)) return null;
  const circle = getCircle(args.circleId);
  if (!circle) notFound();
  const resource = circleResource(circle, args.user.id);
  if (!can(args.user, intent === "flag" ? "circle.discuss" : "circle.moderate", resource))
    forbidden();
  const submission = parseFields(args.formData, ModerationSchema);
  if (submission.status !== "success") return { response: badRequest(submission), events: [] };
  const value = submission.value;
  const base = {
    circleId: args.circleId,
    threadId: args.threadId ?? undefined,
    submission,
    context: args.context,
  };
  // The reporter for a flag, the coach for everything else.
  const actorId = args.user.id;
  switch (value.intent) {
    case "flag":
      return answer(
        base,
        flagPost({ ...ids(base, value.postId), reporterId: actorId, reason: value.reason }),
        "moderation.toast.flagged",
      );
    case "hide":
      return answer(
        base,
        hidePost({ ...ids(base, value.postId), coachId: actorId, reason: value.reason }),
        "moderation.toast.hidden",
      );
    case "restore":
      return answer(
        base,
        restorePost({ ...ids(base, value.postId), coachId: actorId, reason: value.reason }),
        "moderation.toast.restored",
      );
    case "dismiss":
      return answer(
        base,
        dismissFlags({ circleId: args.circleId, postId: value.postId, coachId: actorId }),
        "moderation.toast.dismissed",
      );
    case "move":
      return move(base, {
        postId: value.postId,
        coachId: actorId,
        title: value.title,
        reason: value.reason,
      });
    case "lock":
    case "unlock":
    case "pin":
    case "unpin":
      return switchThread(base, { intent: value.intent, coachId: actorId, reason: value.reason });
  }
}

type Base = {
  circleId: number;
  threadId: number | undefined;
  submission: Replyable;
  context: AppLoadContext;
};

const ids = (base: Base, postId: number) => ({
  circleId: base.circleId,
  threadId: base.threadId,
  postId,
});

async function answer(
  base: Base,
  result: ModerationResult,
  toastKey: string,
): Promise<ModerationOutcome> {
  if (!result.ok) return refused(base.submission, result);
  publish(base.context, result);
  return {
    response: json(base.submission.reply({ resetForm: true }), {
      headers: await createToastHeaders({ key: toastKey }),
    }),
    events: result.events,
  };
}

/** The post moves to a new thread; the coach follows it there (as in Discourse). */
async function move(
  base: Base,
  input: { postId: number; coachId: number; title: string; reason: string | null },
): Promise<ModerationOutcome> {
  const result = movePost({ ...ids(base, input.postId), ...input });
  if (!result.ok) return refused(base.submission, result);
  publish(base.context, result);
  return {
    response: await redirectWithToast(
      `/circles/${base.circleId}/threads/${result.threadId}#post-${input.postId}`,
      { key: "moderation.toast.moved" },
    ),
    events: result.events,
  };
}

const switches = {
  lock: { locked: true, toast: "moderation.toast.locked" },
  unlock: { locked: false, toast: "moderation.toast.unlocked" },
  pin: { pinned: true, toast: "moderation.toast.pinned" },
  unpin: { pinned: false, toast: "moderation.toast.unpinned" },
} as const;

async function switchThread(
  base: Base,
  input: { intent: "lock" | "unlock" | "pin" | "unpin"; coachId: number; reason: string | null },
): Promise<ModerationOutcome> {
  if (base.threadId === undefined)
    return refused(base.submission, { ok: false, reason: "not_found" });
  const how = switches[input.intent];
  const common = {
    circleId: base.circleId,
    threadId: base.threadId,
    coachId: input.coachId,
    reason: input.reason,
  };
  const result =
    "locked" in how
      ? setLocked({ ...common, locked: how.locked })
      : setPinned({ ...common, pinned: how.pinned });
  return answer(base, result, how.toast);
}

function refused(submission: Replyable, refusal: ModerationRefusal): ModerationOutcome {
  return {
    response: badRequest(submission, { formErrors: [`moderation.error.${refusal.reason}`] }),
    events: [],
  };
}

/** After commit: the notified people's bells, and the circle's open pages. */
function publish(context: AppLoadContext, result: { events: EventRef[]; notified: number[] }) {
  context.publisher.notified(result.notified);
  if (result.events.length > 0) context.publisher.discussion(discussionEvents(result.events));
}
