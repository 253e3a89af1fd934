import i18next, { type i18n as I18n } from "i18next";
import { serverCatalogues } from "./catalogues.server";
import { importCatalogue, importMessagePart } from "./load.client";
import { defaultLocale, locales, type Locale } from "./locales";
import { mergeMessages } from "./merge";
import { messageParts, type MessagePart } from "./message-parts";
import type { CoreMessages } from "./nl";

// The server has both catalogues, whole, from the start; in the browser, where the .server
// module is empty, a catalogue's core is added by `loadCatalogue` before anything renders in
// its language, and the parts a page needs (message-parts.ts) by `loadMessageParts` before that
// page renders, so other pages do not carry them (issue 15's JavaScript budget).
const catalogues: Partial<Record<Locale, CoreMessages>> = { ...serverCatalogues };
const onServer = serverCatalogues !== undefined;
/** Per language, the parts already merged into `catalogues` (on the server: all of them). */
const loadedParts = new Map<Locale, Set<MessagePart>>(
  onServer ? locales.map((l) => [l, new Set(messageParts)]) : [],
);
/** Parts a page has needed: a language loaded later gets them too (a language switch). */
const wantedParts = new Set<MessagePart>();

const instances = new Map<Locale, I18n>();

/** Whether `getI18n(locale)` can be called now (always on the server). */
export function hasCatalogue(locale: Locale): boolean {
  return catalogues[locale] !== undefined;
}

/** Makes a language's messages available (browser only; a no-op once they are there). */
export async function loadCatalogue(locale: Locale): Promise<void> {
  if (!catalogues[locale]) catalogues[locale] = await importCatalogue(locale);
  await Promise.all([...wantedParts].map((part) => addPart(part, locale)));
}

/** Makes these parts available in every loaded language (browser only; then a no-op). */
export async function loadMessageParts(parts: readonly MessagePart[]): Promise<void> {
  for (const part of parts) wantedParts.add(part);
  const loaded = locales.filter((l) => catalogues[l]);
  await Promise.all(parts.flatMap((part) => loaded.map((locale) => addPart(part, locale))));
}

async function addPart(part: MessagePart, locale: Locale) {
  const has = () => loadedParts.get(locale)?.has(part) ?? false;
  if (has()) return;
  const messages = await importMessagePart(part, locale);
  if (has()) return;
  if (!loadedParts.has(locale)) loadedParts.set(locale, new Set());
  loadedParts.get(locale)!.add(part);
  catalogues[locale] = mergeMessages(catalogues[locale]!, messages);
  // Instances made before hold their resources (every language's, for the fallback).
  for (const instance of instances.values())
    instance.addResourceBundle(locale, "translation", messages, true, true);
}

/**
 * A route's clientLoader that first makes its message parts available: on a client-side
 * navigation the page renders only after they are there (the first page's are loaded by
 * entry.client.tsx, which root.tsx tells through <html data-messages>).
 */
export function withMessages(...parts: MessagePart[]) {
  return async ({
    request,
    serverLoader,
  }: {
    request: Request;
    serverLoader: () => Promise<unknown>;
  }) => {
    const [data, messages] = await Promise.allSettled([serverLoader(), loadMessageParts(parts)]);
    // A chunk that cannot be fetched (a tab older than the last deploy): load the page whole,
    // which names the current chunks, instead of rendering keys.
    if (messages.status === "rejected") {
      window.location.assign(request.url);
      return new Promise<never>(() => {});
    }
    // Also a refusal (404, 403) renders after the messages are there: its title uses them.
    if (data.status === "rejected") throw data.reason;
    return data.value;
  };
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
