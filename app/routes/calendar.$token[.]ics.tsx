import type { LoaderFunctionArgs } from "@remix-run/node";
import { defaultLocale } from "~/i18n/locales";
import { feedCalendar, userForFeedToken } from "~/models/calendar.server";

/**
 * A person's calendar feed, `/calendar/<secret>.ics`, polled by calendar apps without a session:
 * the secret in the URL is the only key. An unknown, replaced or revoked secret gets the same
 * bare 404 as a malformed one, so the answer tells nothing about whose it was or whether it
 * ever worked. GET only: this route has no action, and the CSRF check passes safe methods.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const owner = userForFeedToken(params.token ?? "");
  if (!owner)
    return new Response("Not found", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  return new Response(feedCalendar(owner.id, owner.locale ?? defaultLocale), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      // A download name for browsers; calendar apps ignore it.
      "Content-Disposition": 'inline; filename="kringwijs.ics"',
      // Apps poll often; a few minutes' cache spares the database, private keeps it off proxies.
      "Cache-Control": "private, max-age=300",
    },
  });
}
