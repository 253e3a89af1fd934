import type { i18n as I18n } from "i18next";
import { useContext } from "react";
import { I18nContext } from "react-i18next";
import { defaultLocale, getI18n } from "./index";

/**
 * react-i18next's `useTranslation`, without its work per call: it copied every property of the
 * i18next instance into a fresh wrapper and built a fixed `t` each time a component rendered,
 * which with ~50 calls per page was ~8 % of a page's server time. Our instances never change
 * language (getI18n keeps one per language; the root hands the provider another instance when
 * the language changes, which re-renders every user of the context), so the instance's own
 * bound `t` is the right one.
 */
export function useTranslation(): { t: I18n["t"]; i18n: I18n } {
  const i18n = useContext(I18nContext)?.i18n ?? getI18n(defaultLocale);
  return { t: i18n.t, i18n };
}
