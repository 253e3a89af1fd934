import { can } from "~/domain/permissions";
import { getCardProfile } from "~/models/ambassadors.server";
import { requireUser } from "./auth.server";
import { forbidden, notFound } from "./http.server";

/**
 * The business card pages: for the ambassador themselves and for organisers. No such profile
 * is a 404; for anyone else a 403 when the profile is public, and a 404 when it is not (an
 * unpublished profile is invisible to them).
 */
export async function requireCardAccess(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  const profile = getCardProfile(slug ?? "");
  if (!profile) notFound();
  const own = profile.userId === user.id && can(user, "ambassador.own");
  if (own || can(user, "ambassadors.feature")) return { user, profile, own };
  if (!profile.published) notFound();
  forbidden();
}
