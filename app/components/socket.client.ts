/**
 * The Socket.IO client, for the browser only. Remix leaves `.client` modules out of the server
 * build, so the server never loads socket.io-client (about 0.1 s of every cold start) for a
 * connection that is only ever opened in an effect, in the browser.
 */
export { io } from "socket.io-client";
