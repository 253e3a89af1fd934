import type { LoaderFunctionArgs } from "@remix-run/node";
import { resolveLocale } from "~/i18n/locale.server";
import { icsFileName, meetingCalendar } from "~/models/calendar.server";
import { requireMeeting } from "~/utils/circle-guards.server";
import { notFound } from "~/utils/http.server";

/**
 * One meeting as an .ics download: the same guard as the meeting's page (its circle's people
 * and that meeting's guests; a 404 for everyone else, the login page for anonymous visitors).
 * A cancelled meeting downloads too, as STATUS:CANCELLED, so importing it again removes it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, meeting } = await requireMeeting(request, params, "meeting.view");
  const body = meetingCalendar(meeting.id, await resolveLocale(request, user.locale));
  if (body === null) notFound();
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${icsFileName(meeting.title)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
