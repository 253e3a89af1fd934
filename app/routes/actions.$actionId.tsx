import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { ActionItemSchema } from "~/forms/follow-up.server";
import { markActionDone, reopenAction } from "~/models/follow-up.server";
import { requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms.server";
import { idParam, notFound, safeRedirect } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/toast.server";

/** Nothing to show here: the items live on the dashboard (and the circle home). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return redirect("/dashboard#my-actions");
}

/**
 * The owner marks their action item done (with a short note) or opens it again. Anyone else's
 * item, or one of a circle they left, is a 404 (the site's not-found page): nobody learns that
 * it exists. The forms post here from other pages (the dashboard, the circle home, the
 * terugblik) and this route has no page of its own, so a form that does not pass goes back to
 * the page it came from with a message instead of field errors nothing would show.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const actionId = idParam(params.actionId);
  const submission = await parseForm(request, ActionItemSchema);
  const back = (redirectTo: unknown) =>
    safeRedirect(typeof redirectTo === "string" ? redirectTo : null, "/dashboard#my-actions");
  if (submission.status !== "success")
    return redirectWithToast(
      back(submission.payload?.redirectTo),
      { kind: "error", key: "followUp.myActions.invalidToast" },
      { status: 303 },
    );
  const value = submission.value;
  const result =
    value.intent === "done"
      ? markActionDone(actionId, user.id, value.note)
      : reopenAction(actionId, user.id);
  if (!result.ok) notFound();
  context.publisher.meetingsChanged(result.circleId);
  return redirectWithToast(back(value.redirectTo), {
    key:
      value.intent === "done" ? "followUp.myActions.doneToast" : "followUp.myActions.reopenedToast",
  });
}
