import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession } from "~/utils/auth.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader() {
  return redirect("/");
}

// endSession closes this session's sockets; the tab opens an anonymous one once it reloads.
export async function action({ request, context }: ActionFunctionArgs) {
  const cookie = await endSession(request, context.publisher);
  return redirectWithToast("/", { key: "logout.done" }, { headers: { "Set-Cookie": cookie } });
}
