/** The poll page's form schema. Server only (D32); apart from the poll form's, whose time
 * errors are the meeting form's messages, which the poll page does not load. */
import { z } from "zod";
import { pollAnswers } from "~/domain/states";
import { choice } from "~/utils/validation";

/**
 * The poll page: a member answers every slot at once (answers.<slotId>: yes / maybe / no); the
 * coach stops the poll. Which slots the poll has is the model's to check (votePoll).
 */
export const PollPageSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("vote"),
      answers: z.record(z.string().regex(/^\d+$/), choice(pollAnswers)).optional(),
    }),
    z.object({ intent: z.literal("cancel") }),
  ],
  { error: "validation.invalid" },
);
