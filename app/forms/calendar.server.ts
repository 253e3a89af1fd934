/**
 * The calendar feed settings' one form: make a (new) link or turn it off. Server only (D32).
 */
import { z } from "zod";

export const CalendarFeedSchema = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("generate") }), z.object({ intent: z.literal("revoke") })],
  { error: "validation.invalid" },
);
