import type { LoaderFunctionArgs } from "@remix-run/node";
import { resolveLocale } from "~/i18n/locale.server";
import { requireCardAccess } from "~/utils/ambassador-guards.server";
import { cardPng } from "~/utils/business-card.server";

/** One business card as PNG (rendered from the SVG), for the ambassador and organisers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, profile } = await requireCardAccess(request, params.slug);
  const locale = await resolveLocale(request, user.locale);
  const png = await cardPng({
    name: profile.name,
    headline: profile.headline,
    slug: profile.slug,
    locale,
  });
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Disposition": `inline; filename="visitekaartje-${profile.slug}.png"`,
      "Cache-Control": "private, no-cache",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
