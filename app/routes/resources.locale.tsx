import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { locales } from "~/i18n/locales";
import { localeCookie } from "~/i18n/locale.server";
import { setUserLocale } from "~/models/users.server";
import { getOptionalUser } from "~/utils/auth.server";
import { badRequest, readFormData } from "~/utils/forms.server";
import { safeRedirect } from "~/utils/http.server";

const LocaleSchema = z.object({
  locale: z.enum(locales, { error: "validation.invalid" }),
  redirectTo: z.string().max(2000).optional(),
});

export async function loader() {
  return redirect("/");
}

/** The header's language switcher: remembered in a cookie, and on the account when signed in. */
export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: LocaleSchema });
  if (submission.status !== "success") return badRequest(submission);
  const user = await getOptionalUser(request);
  if (user) setUserLocale(user.id, submission.value.locale);
  return redirect(safeRedirect(submission.value.redirectTo, "/"), {
    headers: { "Set-Cookie": await localeCookie.serialize(submission.value.locale) },
  });
}
