import { createContext, useContext } from "react";

/**
 * Stored, sanitised HTML (post bodies) reaches the page once, not twice. On a document request
 * the loader hands the bodies to the server render through the load context (`serverHtml`) and
 * leaves them out of the serialised loader data; at hydration they are read back from the DOM
 * the server rendered. Client-side navigations and fetches get them in the data as usual. A
 * 200-post thread would otherwise carry every body in the markup and again in the JSON.
 */
const ServerHtmlContext = createContext<Map<string, string> | null>(null);
export const ServerHtmlProvider = ServerHtmlContext.Provider;

/** Bodies read from the server-rendered DOM, kept so later renders need no DOM read. */
const fromDom = new Map<string, string>();

/**
 * The HTML of one stored body rendered into an element with id `domId`: from the data when it
 * came with it, else from the server render (on the server) or the DOM (at hydration).
 */
export function useStoredHtml(domId: string, fromData: string | null): string {
  const serverHtml = useContext(ServerHtmlContext);
  if (fromData !== null) return fromData;
  if (serverHtml) return serverHtml.get(domId) ?? "";
  let html = fromDom.get(domId);
  if (html === undefined && typeof document !== "undefined") {
    html = document.getElementById(domId)?.innerHTML ?? "";
    fromDom.set(domId, html);
  }
  return html ?? "";
}
