import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { defaultLocale, isLocale, loadCatalogue, loadMessageParts } from "./i18n";
import { isMessagePart } from "./i18n/message-parts";

// Only the page's language is fetched (root.tsx renders it as <html lang>); the first render has
// to read the same messages the server used, or hydration would not match.
// A page may need parts of the messages beyond the core (root.tsx names them on <html>).
const lang = document.documentElement.lang;
const parts = (document.documentElement.dataset.messages ?? "").split(" ").filter(isMessagePart);
void loadCatalogue(isLocale(lang) ? lang : defaultLocale)
  .then(() => loadMessageParts(parts))
  .then(() => {
    startTransition(() => {
      hydrateRoot(
        document,
        <StrictMode>
          <RemixBrowser />
        </StrictMode>,
      );
    });
  });
