import fs from "node:fs";
import path from "node:path";
import { locales, type Locale } from "./locales";
import { messageParts, partFile, type MessagePart } from "./message-parts";

// Remix's default asset folder and URL (remix.config.js keeps them). esbuild names the chunk of a
// dynamically imported module after its file: app/i18n/nl.ts becomes _shared/nl-<hash>.js.
const SHARED_DIR = "public/build/_shared";
const SHARED_URL = "/build/_shared/";

let cached: Partial<Record<Locale, string>> | undefined;
const cachedParts = new Map<string, Partial<Record<Locale, string>>>();

function scan(part = ""): Partial<Record<Locale, string>> {
  let names: string[];
  try {
    names = fs.readdirSync(path.resolve(SHARED_DIR));
  } catch {
    return {};
  }
  const found: Partial<Record<Locale, string>> = {};
  for (const locale of locales) {
    const chunks = names.filter((name) =>
      new RegExp(`^${locale}${part}-[A-Z0-9]+\\.js$`).test(name),
    );
    // Anything but exactly one candidate: no hint, the browser still imports the right file.
    if (chunks.length === 1) found[locale] = SHARED_URL + chunks[0];
  }
  return found;
}

/**
 * The URL of the browser chunk with a language's messages, so the page can name it as a
 * modulepreload: fetched alongside the other scripts instead of after them (the entry imports
 * it before hydrating). Read once in production; a development rebuild renames the chunks.
 */
export function catalogueChunkUrl(locale: Locale): string | null {
  const chunks = process.env.NODE_ENV === "production" ? (cached ??= scan()) : scan();
  return chunks[locale] ?? null;
}

/** The same for a part of the messages (message-parts.ts): nl-meetings-<hash>.js and so on. */
export function messagePartChunkUrl(part: MessagePart, locale: Locale): string | null {
  const suffix = `-${partFile[part]}`;
  let chunks = process.env.NODE_ENV === "production" ? cachedParts.get(part) : undefined;
  if (!chunks) {
    chunks = scan(suffix);
    if (process.env.NODE_ENV === "production") cachedParts.set(part, chunks);
  }
  return chunks[locale] ?? null;
}

/** Every part's chunk for a language, for the root to name the ones a page needs. */
export function messagePartChunkUrls(locale: Locale): Partial<Record<MessagePart, string>> {
  const urls: Partial<Record<MessagePart, string>> = {};
  for (const part of messageParts) {
    const url = messagePartChunkUrl(part, locale);
    if (url) urls[part] = url;
  }
  return urls;
}
