import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { listNotifications, markRead } from "~/models/notifications.server";
import { requireUser } from "~/utils/auth.server";
import { idParam, notFound } from "~/utils/http.server";

/** Opening a notification marks it read and leads to the thing itself, if it is still visible. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.notificationId);
  const [notification] = listNotifications(user.id, { id });
  if (!notification) notFound();
  markRead(user.id, id);
  // Other open tabs lower their bell too.
  context.publisher.notified([user.id]);
  return redirect(notification.url ?? "/notifications");
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
