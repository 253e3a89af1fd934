import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPublicPhoto } from "~/models/ambassadors.server";
import { notFound } from "~/utils/http.server";

/**
 * Public: an ambassador's photo, only while the profile is public and they show the photo;
 * otherwise a 404 like the page. Links carry ?v=<time of the last change>, so a new photo is a
 * new address; the cache lifetime is kept short so a photo taken off the page soon disappears
 * from shared caches too.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const photo = getPublicPhoto(params.slug ?? "");
  if (!photo) notFound();
  return new Response(new Uint8Array(photo.jpeg), {
    headers: {
      "Content-Type": "image/jpeg",
      "Content-Length": String(photo.jpeg.byteLength),
      "Cache-Control": "public, max-age=3600",
      "X-Content-Type-Options": "nosniff",
      ...(photo.updatedAt ? { "Last-Modified": photo.updatedAt.toUTCString() } : {}),
    },
  });
}
