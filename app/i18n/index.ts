import i18next, { type i18n as I18n } from "i18next";
import { en } from "./en";
import { defaultLocale, type Locale } from "./locales";
import { nl } from "./nl";

export const resources = { nl: { translation: nl }, en: { translation: en } } as const;

const instances = new Map<Locale, I18n>();

/**
 * One i18next instance per language, created synchronously from the bundled messages. The
 * language of an instance never changes, so the instances are safe to share between requests.
 */
export function getI18n(locale: Locale): I18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      lng: locale,
      fallbackLng: defaultLocale,
      resources,
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    instances.set(locale, instance);
  }
  return instance;
}

export function getT(locale: Locale) {
  return getI18n(locale).t;
}

export * from "./locales";
