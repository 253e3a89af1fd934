import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession } from "~/utils/auth.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader() {
  return redirect("/");
}

// This tab's socket reconnects as anonymous once the page reloads without a user.
export async function action({ request }: ActionFunctionArgs) {
  const cookie = await endSession(request);
  return redirectWithToast("/", { key: "logout.done" }, { headers: { "Set-Cookie": cookie } });
}
