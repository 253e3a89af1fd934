import type { MetaArgs } from "@remix-run/node";
import { getT, isLocale, defaultLocale } from "~/i18n";

/** A translated <title>: meta functions cannot use hooks, so the locale comes from root data. */
export function pageTitle(matches: MetaArgs["matches"], key: string) {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  const t = getT(isLocale(root?.locale) ? root.locale : defaultLocale);
  return [{ title: `${t(key as never)} · Kringwijs` }];
}
