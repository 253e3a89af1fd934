import type { LoaderFunctionArgs } from "@remix-run/node";
import { getOwnPhoto } from "~/models/ambassadors.server";
import { requirePermission } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";

/** The ambassador's own photo for their edit page, shown whether or not it is public. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "ambassador.own");
  const photo = getOwnPhoto(user.id);
  if (!photo) notFound();
  return new Response(new Uint8Array(photo), {
    headers: {
      "Content-Type": "image/jpeg",
      "Cache-Control": "private, no-cache",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
