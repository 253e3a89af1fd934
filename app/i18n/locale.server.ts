import { createCookie } from "@remix-run/node";
import { defaultLocale, isLocale, matchAcceptLanguage, type Locale } from "./locales";

export const localeCookie = createCookie("kw_locale", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/** The user's setting, else the language cookie, else Accept-Language, else Dutch. */
export async function resolveLocale(request: Request, userLocale?: Locale | null): Promise<Locale> {
  if (userLocale) return userLocale;
  const fromCookie: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  if (isLocale(fromCookie)) return fromCookie;
  return matchAcceptLanguage(request.headers.get("Accept-Language")) ?? defaultLocale;
}
