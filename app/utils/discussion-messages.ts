import { MENTIONS_PER_POST } from "~/domain/discussions";
import type { Refusal } from "~/models/discussions.server";

/** The translated message (an i18n key, with a count where it has one) for a refused write. */
export function refusalMessage(refusal: Refusal): string {
  switch (refusal.reason) {
    case "too_fast":
      return `discussion.refused.tooFast|${refusal.retryAfterSeconds}`;
    case "too_many_mentions":
      return `discussion.refused.tooManyMentions|${MENTIONS_PER_POST}`;
    case "locked":
      return "discussion.refused.locked";
    case "not_found":
      return "discussion.refused.notFound";
    case "not_allowed":
      return "discussion.refused.notAllowed";
  }
}
