/**
 * The discussions' form schemas. Server only (D32): the pages validate on the server (errors
 * server only (errors come back next to the field through conform's lastResult), so zod stays
 * out of the thread page's scripts.
 */
import { z } from "zod";
import {
  POST_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  reactionKeys,
  type Reaction,
} from "~/domain/discussions";
import { choice, idField, requiredText } from "~/utils/validation";

const body = requiredText(POST_MAX_LENGTH);
/** The client's idempotency key for one submission (a random UUID the page was given). */
const key = z
  .string()
  .trim()
  .max(100)
  .regex(/^[A-Za-z0-9_-]*$/, "validation.invalid")
  .optional()
  .transform((v) => v || null);

export const NewThreadSchema = z.object({
  title: requiredText(TITLE_MAX_LENGTH),
  body,
  key,
});

export const PreviewSchema = z.object({
  body: z
    .string()
    .max(POST_MAX_LENGTH * 2)
    .default(""),
});

export const ThreadPageSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("reply"), body, key, parentId: idField.optional() }),
    z.object({ intent: z.literal("edit"), postId: idField, body }),
    z.object({ intent: z.literal("delete"), postId: idField }),
    z.object({
      intent: z.literal("react"),
      postId: idField,
      reaction: choice<Reaction>(reactionKeys),
    }),
    z.object({ intent: z.literal("read"), postId: idField }),
  ],
  { error: "validation.invalid" },
);
