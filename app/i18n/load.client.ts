import type { Locale } from "./locales";
import type { Messages } from "./nl";

/**
 * The browser fetches only the page's language: each catalogue is a chunk of its own, imported
 * on demand (before hydration, see entry.client.tsx, and when the language changes, see the
 * root's clientLoader).
 */
export function importCatalogue(locale: Locale): Promise<Messages> {
  return locale === "en" ? import("./en").then((m) => m.en) : import("./nl").then((m) => m.nl);
}
