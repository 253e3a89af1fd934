import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { can } from "~/domain/permissions";
import { getPost, listRevisions } from "~/models/discussions.server";
import { requireCircle } from "~/utils/circle-guards.server";
import { forbidden, idParam, notFound } from "~/utils/http.server";

/**
 * One post's Markdown source (for its author's edit form) and its earlier versions (for the
 * author and the circle's coach). Other members see the "bewerkt" marker only.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, circle, resource } = await requireCircle(
    request,
    params.circleId,
    "circle.view_private",
  );
  const moderate = can(user, "circle.moderate", resource);
  const post = getPost(circle.id, idParam(params.postId), { id: user!.id, isCoach: moderate });
  if (!post || post.view.state === "deleted") notFound();
  const own = post.authorId === user!.id;
  if (!own && !moderate) forbidden();
  return json(
    {
      source: own && post.view.state === "visible" ? post.source : null,
      revisions: listRevisions(circle.id, post.view.id) ?? [],
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
