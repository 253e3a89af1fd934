import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { defaultLocale, isLocale, loadCatalogue } from "./i18n";

// Only the page's language is fetched (root.tsx renders it as <html lang>); the first render has
// to read the same messages the server used, or hydration would not match.
const lang = document.documentElement.lang;
void loadCatalogue(isLocale(lang) ? lang : defaultLocale).then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
