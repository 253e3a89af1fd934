import type { Publisher } from "./server/realtime.server";

/** What the Express server hands to every loader and action (see scripts/server.ts). */
export type LoadContext = {
  cspNonce: string;
  clientIp: string;
  publisher: Publisher;
};

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends LoadContext {}
}
