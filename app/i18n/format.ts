import { intlLocale, TIME_ZONE, type Locale } from "./locales";

/** Dates always shown in Europe/Amsterdam, whatever the server's or browser's zone. */
export function formatDateTime(
  value: Date | number | string,
  locale: Locale,
  options: Intl.DateTimeFormatOptions = { dateStyle: "long", timeStyle: "short" },
) {
  return new Intl.DateTimeFormat(intlLocale[locale], { timeZone: TIME_ZONE, ...options }).format(
    new Date(value),
  );
}

export function formatDate(value: Date | number | string, locale: Locale) {
  return formatDateTime(value, locale, { dateStyle: "long" });
}

export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions) {
  return new Intl.NumberFormat(intlLocale[locale], options).format(value);
}
