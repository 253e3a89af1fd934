import i18next, { type i18n as I18n } from "i18next";
import { serverCatalogues } from "./catalogues.server";
import { importCatalogue } from "./load.client";
import { defaultLocale, type Locale } from "./locales";
import type { Messages } from "./nl";

// The server has both catalogues from the start; in the browser, where the .server module is
// empty, a catalogue is added by `loadCatalogue` before anything renders in its language.
const catalogues: Partial<Record<Locale, Messages>> = { ...serverCatalogues };

const instances = new Map<Locale, I18n>();

/** Whether `getI18n(locale)` can be called now (always on the server). */
export function hasCatalogue(locale: Locale): boolean {
  return catalogues[locale] !== undefined;
}

/** Makes a language's messages available (browser only; a no-op once they are there). */
export async function loadCatalogue(locale: Locale): Promise<void> {
  if (!catalogues[locale]) catalogues[locale] = await importCatalogue(locale);
}

/**
 * One i18next instance per language, created synchronously from the loaded messages. The
 * language of an instance never changes, so the instances are safe to share between requests.
 */
export function getI18n(locale: Locale): I18n {
  let instance = instances.get(locale);
  if (!instance) {
    const messages = catalogues[locale];
    if (!messages) throw new Error(`The ${locale} messages are not loaded (see loadCatalogue)`);
    instance = i18next.createInstance();
    void instance.init({
      lng: locale,
      fallbackLng: defaultLocale,
      // Every loaded language, so a missing key falls back as before (the tests keep the
      // catalogues equal, so this does not happen).
      resources: Object.fromEntries(
        Object.entries(catalogues).map(([lng, translation]) => [lng, { translation }]),
      ),
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
