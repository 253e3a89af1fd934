import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { previewPost } from "~/models/discussions.server";
import { requireCircle } from "~/utils/circle-guards.server";
import { PreviewSchema } from "~/forms/discussions.server";
import { parseForm } from "~/utils/forms.server";

/**
 * A post as it will look: the same renderer and sanitiser as a real post, with this circle's
 * people as the only mentions. Nothing is stored. Only people who may write here may preview.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { circle } = await requireCircle(request, params.circleId, "circle.discuss");
  const submission = await parseForm(request, PreviewSchema);
  if (submission.status !== "success") return json({ html: "" }, { status: 400 });
  return json({ html: previewPost(circle.id, submission.value.body) });
}
