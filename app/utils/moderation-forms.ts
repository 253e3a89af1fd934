import { z } from "zod";
import {
  FLAG_REASON_MAX_LENGTH,
  MODERATION_REASON_MAX_LENGTH,
  TITLE_MAX_LENGTH,
} from "~/domain/discussions";
import { idField, optionalText, requiredText } from "./validation";

/**
 * The moderation forms' fields, shared by the controls (validation in the browser) and the
 * server's intents (app/utils/moderation-intents.server.ts). Messages are i18n keys.
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
