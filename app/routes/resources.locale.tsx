import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { localeCookie } from "~/i18n/locale.server";
import { setUserLocale } from "~/models/users.server";
import { getOptionalUser } from "~/utils/auth.server";
import { LocaleSchema } from "~/forms/account.server";
import { badRequest, parseForm } from "~/utils/forms.server";
import { safeRedirect } from "~/utils/http.server";

export async function loader() {
  return redirect("/");
}

/** The header's language switcher: remembered in a cookie, and on the account when signed in. */
export async function action({ request }: ActionFunctionArgs) {
  const submission = await parseForm(request, LocaleSchema);
  if (submission.status !== "success") return badRequest(submission);
  const user = await getOptionalUser(request);
  if (user) setUserLocale(user.id, submission.value.locale);
  return redirect(safeRedirect(submission.value.redirectTo, "/"), {
    headers: { "Set-Cookie": await localeCookie.serialize(submission.value.locale) },
  });
}
