import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import type { DiscussionEvent } from "~/domain/discussions";
import { eventsSince } from "~/models/discussions.server";
import { requireCircle } from "~/utils/circle-guards.server";

/** A sequence number as the client sends it: digits only, no sign, exponent or fraction. */
const SEQ = /^\d{1,15}$/;

export type CircleEventsData =
  { events: DiscussionEvent[] } | { reload: true } | { error: "since" };

/**
 * The catch-up after a lost connection or a detected gap (see app/components/circle-live.tsx):
 * the circle's live events after `?since=N`, in order, or `{ reload: true }` when the log no
 * longer reaches back that far. The same guard as every private page of the circle, so a
 * person who lost access gets a 403/404 here as there.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { circle } = await requireCircle(request, params.circleId, "circle.view_private");
  const since = new URL(request.url).searchParams.get("since") ?? "";
  // Private data: never from a cache, never kept by one.
  const headers = { "Cache-Control": "private, no-store" };
  if (!SEQ.test(since)) return json<CircleEventsData>({ error: "since" }, { status: 400, headers });
  const events = eventsSince(circle.id, Number(since));
  return json<CircleEventsData>(events === null ? { reload: true } : { events }, { headers });
}
