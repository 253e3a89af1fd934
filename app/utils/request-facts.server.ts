/**
 * What the request log needs to know from inside the app: who made the request. The server's
 * request logger opens a store per request; the app fills it in where a session is validated.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { singleton } from "./singleton.server";

export type RequestFacts = { userId: number | null };

// One store shared by the server entry and the Remix build (each loads its own copy of this file).
export const requestFacts = () =>
  singleton("request-facts", () => new AsyncLocalStorage<RequestFacts>());

/** Records who made the current request; outside a logged request it does nothing. */
export function noteRequestUser(userId: number) {
  const store = requestFacts().getStore();
  if (store) store.userId = userId;
}
