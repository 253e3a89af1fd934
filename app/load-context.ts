import type { Publisher } from "./server/realtime.server";

/** What the Express server hands to every loader and action (see scripts/server.ts). */
export type LoadContext = {
  cspNonce: string;
  clientIp: string;
  publisher: Publisher;
  /**
   * True for a browser's document request, false for Remix's data requests (`?_data=`), which
   * the loader cannot tell itself (Remix strips the parameter). See app/utils/server-html.tsx.
   */
  documentRequest: boolean;
  /** Stored HTML for this document's server render only, never serialised (server-html.tsx). */
  serverHtml: Map<string, string>;
};

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends LoadContext {}
}
