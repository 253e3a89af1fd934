import { useTranslation } from "./use-translation";
import { defaultLocale, isLocale, type Locale } from "./locales";

/** The page's language, for taxonomy labels and Intl formatting. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : defaultLocale;
}
