import type { LoaderFunctionArgs } from "@remix-run/node";
import { resolveLocale } from "~/i18n/locale.server";
import { requireCardAccess } from "~/utils/ambassador-guards.server";
import { cardSvg } from "~/utils/business-card.server";

/** One business card as SVG (85 x 55 mm), for the ambassador and organisers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, profile } = await requireCardAccess(request, params.slug);
  const locale = await resolveLocale(request, user.locale);
  const svg = cardSvg({
    name: profile.name,
    headline: profile.headline,
    slug: profile.slug,
    locale,
  });
  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Content-Disposition": `inline; filename="visitekaartje-${profile.slug}.svg"`,
      "Cache-Control": "private, no-cache",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
