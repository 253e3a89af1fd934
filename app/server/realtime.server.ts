/**
 * Live updates. The Socket.IO server shares the HTTP server with Express. A socket is tied to a
 * user only after the session cookie checks out; anonymous sockets hear public events only.
 * Events say *that* something changed; clients reload data through loaders, which check access.
 */
import type { Server as HttpServer } from "node:http";
import { Server as IOServer } from "socket.io";
import { getSessionFromCookie, isSessionActive } from "../utils/session.server";

/** Grows with the product (notifications, threads, meetings); each names what changed, not the data. */
export type LiveEvent = { type: "roles.changed" } | { type: "notifications.changed" };

export interface Publisher {
  /** Sends to every open tab of one user. */
  toUser(userId: number, event: LiveEvent): void;
  /** Tells each of these users that they have new notifications. */
  notified(userIds: number[]): void;
  /** Sends to everyone connected, signed in or not; never for private data. */
  toPublic(event: LiveEvent): void;
  /** Closes a user's sockets after they log out, so nothing more reaches that browser. */
  disconnectUser(userId: number): void;
  /**
   * Call after a user's access shrank (a role revoked, a coaching or membership ended): sockets
   * whose session has ended are closed, the others are told their roles changed so open pages
   * reload through their loaders, which check access again.
   */
  revalidateUser(userId: number): void;
}

export const LIVE_EVENT = "live";

export const userRoom = (userId: number) => `user:${userId}`;
const PUBLIC_ROOM = "public";

export function attachRealtime(httpServer: HttpServer) {
  const io = new IOServer(httpServer, {
    serveClient: false,
    // Same-origin only: WebSockets are not bound by CORS, so a page elsewhere is turned away here.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      let sameOrigin = !origin;
      try {
        sameOrigin ||= new URL(origin as string).host === req.headers.host;
      } catch {
        sameOrigin = false;
      }
      callback(null, sameOrigin);
    },
  });

  io.use(async (socket, next) => {
    try {
      const validation = await getSessionFromCookie(socket.handshake.headers.cookie);
      socket.data.userId = validation?.session.userId ?? null;
      socket.data.sessionId = validation?.session.id ?? null;
      next();
    } catch (error) {
      next(error instanceof Error ? error : new Error("handshake failed"));
    }
  });

  io.on("connection", (socket) => {
    void socket.join(PUBLIC_ROOM);
    const userId = socket.data.userId as number | null;
    if (userId !== null) void socket.join(userRoom(userId));
  });

  return io;
}

export function createPublisher(io: IOServer | null): Publisher {
  return {
    toUser(userId, event) {
      io?.to(userRoom(userId)).emit(LIVE_EVENT, event);
    },
    notified(userIds) {
      for (const userId of new Set(userIds))
        io?.to(userRoom(userId)).emit(LIVE_EVENT, { type: "notifications.changed" });
    },
    toPublic(event) {
      io?.to(PUBLIC_ROOM).emit(LIVE_EVENT, event);
    },
    disconnectUser(userId) {
      io?.in(userRoom(userId)).disconnectSockets(true);
    },
    revalidateUser(userId) {
      if (!io) return;
      for (const socket of io.of("/").sockets.values()) {
        if (socket.data.userId !== userId) continue;
        const sessionId = socket.data.sessionId as string | null;
        if (!sessionId || !isSessionActive(sessionId)) socket.disconnect(true);
        else socket.emit(LIVE_EVENT, { type: "roles.changed" } satisfies LiveEvent);
      }
    },
  };
}
