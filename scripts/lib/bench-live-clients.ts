/**
 * The clients of `npm run bench:live`, in a process of their own (forked by scripts/bench-live.ts
 * with an IPC channel), so the server's process does not share its event loop with them. One
 * process holds all of a run's connections: Socket.IO clients (signed in by their Cookie header,
 * each joining its circle's room) or bare `ws` clients. Every new post that arrives is stamped
 * with the wall clock (performance.timeOrigin + now, comparable across processes on one machine).
 */
import { io, type Socket } from "socket.io-client";
import WebSocket from "ws";
import type { DiscussionEvent } from "../../app/domain/discussions";
import type { JoinAck } from "../../app/domain/live-protocol";

export type ClientSpec = { circleId: number; cookie?: string };

export type ToClients =
  | { type: "connect"; mode: "socketio" | "ws"; url: string; clients: ClientSpec[] }
  | { type: "collect" }
  | { type: "close" };

export type FromClients =
  | { type: "ready"; connected: number; refused: number; ms: number }
  /**
   * [circleId, post's createdAt (ms), receivedAt] per received post; one message text per
   * circle (what the bare server is sent).
   */
  | { type: "received"; samples: Array<[number, number, number]>; messages: Record<number, string> }
  | { type: "closed" };

const wallClock = () => performance.timeOrigin + performance.now();
const send = (message: FromClients) => process.send!(message);

let samples: Array<[number, number, number]> = [];
let messages: Record<number, string> = {};
const closers: Array<() => void> = [];

/** A post arriving at one client: stamped before anything else is done with it. */
function received(event: DiscussionEvent, text: string | null) {
  const at = wallClock();
  if (event.kind !== "post.created" || !event.post) return;
  samples.push([event.circleId, Date.parse(event.post.createdAt), at]);
  messages[event.circleId] ??= text ?? JSON.stringify(event);
}

function connectSocketIo(url: string, spec: ClientSpec): Promise<boolean> {
  return new Promise((resolve) => {
    const socket: Socket = io(url, {
      transports: ["websocket"],
      extraHeaders: spec.cookie ? { Cookie: spec.cookie } : {},
      reconnection: false,
      timeout: 60_000,
    });
    closers.push(() => socket.disconnect());
    socket.on("discussion", (event: DiscussionEvent) => received(event, null));
    socket.once("connect_error", () => resolve(false));
    socket.once("connect", () => {
      socket
        .timeout(60_000)
        .emitWithAck("circle.join", { circleId: spec.circleId })
        .then((ack: JoinAck) => resolve(ack.ok))
        .catch(() => resolve(false));
    });
  });
}

function connectWs(url: string, spec: ClientSpec): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace(/^http/, "ws")}/?circle=${spec.circleId}`);
    closers.push(() => socket.terminate());
    socket.on("message", (data) => {
      const text = data.toString();
      received(JSON.parse(text) as DiscussionEvent, text);
    });
    socket.once("error", () => resolve(false));
    socket.once("open", () => resolve(true));
  });
}

/** Connects in batches, so the handshakes do not all queue at the server at once. */
async function connectAll(message: Extract<ToClients, { type: "connect" }>) {
  const started = performance.now();
  let connected = 0;
  let refused = 0;
  const BATCH = 100;
  for (let i = 0; i < message.clients.length; i += BATCH) {
    const batch = message.clients.slice(i, i + BATCH);
    const results = await Promise.all(
      batch.map((spec) =>
        message.mode === "socketio"
          ? connectSocketIo(message.url, spec)
          : connectWs(message.url, spec),
      ),
    );
    for (const ok of results) {
      if (ok) connected += 1;
      else refused += 1;
    }
  }
  send({ type: "ready", connected, refused, ms: performance.now() - started });
}

process.on("message", (message: ToClients) => {
  switch (message.type) {
    case "connect":
      void connectAll(message);
      return;
    case "collect":
      send({ type: "received", samples, messages });
      samples = [];
      messages = {};
      return;
    case "close":
      for (const close of closers.splice(0)) close();
      send({ type: "closed" });
      setTimeout(() => process.exit(0), 100);
      return;
  }
});
