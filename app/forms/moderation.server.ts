import { z } from "zod";
import {
  FLAG_REASON_MAX_LENGTH,
  MODERATION_REASON_MAX_LENGTH,
  TITLE_MAX_LENGTH,
} from "~/domain/discussions";
import { formConstraint } from "~/utils/forms.server";
import { idField, optionalText, requiredText } from "~/utils/validation";

/**
 * The moderation forms (D32: server only). The intents (app/utils/moderation-intents.server.ts)
 * parse with ModerationSchema; the pages' loaders hand `moderationConstraints()` to the controls
 * (app/components/moderation-controls.tsx), whose errors come back from the server.
 */
export const FlagSchema = z.object({
  intent: z.literal("flag"),
  postId: idField,
  reason: requiredText(FLAG_REASON_MAX_LENGTH),
});

/** Hiding needs a reason: members see it in the post's place. */
export const HideSchema = z.object({
  intent: z.literal("hide"),
  postId: idField,
  reason: requiredText(MODERATION_REASON_MAX_LENGTH),
});

export const RestoreSchema = z.object({
  intent: z.literal("restore"),
  postId: idField,
  reason: requiredText(MODERATION_REASON_MAX_LENGTH),
});

export const DismissSchema = z.object({ intent: z.literal("dismiss"), postId: idField });

export const MoveSchema = z.object({
  intent: z.literal("move"),
  postId: idField,
  title: requiredText(TITLE_MAX_LENGTH),
  reason: optionalText(MODERATION_REASON_MAX_LENGTH),
});

const threadSwitch = <T extends string>(intent: T) =>
  z.object({ intent: z.literal(intent), reason: optionalText(MODERATION_REASON_MAX_LENGTH) });

export const ModerationSchema = z.discriminatedUnion(
  "intent",
  [
    FlagSchema,
    HideSchema,
    RestoreSchema,
    DismissSchema,
    MoveSchema,
    threadSwitch("lock"),
    threadSwitch("unlock"),
    threadSwitch("pin"),
    threadSwitch("unpin"),
  ],
  { error: "validation.invalid" },
);

export const moderationIntents = [
  "flag",
  "hide",
  "restore",
  "dismiss",
  "move",
  "lock",
  "unlock",
  "pin",
  "unpin",
] as const;
export type ModerationIntent = (typeof moderationIntents)[number];

export function isModerationIntent(value: unknown): value is ModerationIntent {
  return typeof value === "string" && (moderationIntents as readonly string[]).includes(value);
}

/** The constraint attributes of the controls' forms, for a loader to pass to the page. */
export function moderationConstraints() {
  return {
    flag: formConstraint(FlagSchema),
    hide: formConstraint(HideSchema),
    restore: formConstraint(RestoreSchema),
    move: formConstraint(MoveSchema),
  };
}
export type ModerationConstraints = ReturnType<typeof moderationConstraints>;
