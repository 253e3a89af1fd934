/**
 * Live updates. The Socket.IO server shares the HTTP server with Express. A socket is tied to a
 * user only after the session cookie checks out; anonymous sockets hear public events only.
 * Events say *that* something changed; clients reload data through loaders, which check access.
 */
import type { Server as HttpServer } from "node:http";
import { Server as IOServer } from "socket.io";
import type { DiscussionEvent } from "../domain/discussions";
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
  /** Closes the sockets opened under one session (logging out in one browser). */
  disconnectSession(sessionId: string): void;
  /** Closes every socket of a user after all their sessions ended (a reset, "log out everywhere"). */
  disconnectUser(userId: number): void;
  /**
   * Call after a user's access shrank (a role revoked, a coaching or membership ended): sockets
   * whose session has ended are closed, the others are told their roles changed so open pages
   * reload through their loaders, which check access again.
   */
  revalidateUser(userId: number): void;
  /** Sends a circle's discussion events to the sockets in its room. */
  discussion(events: DiscussionEvent[]): void;
}

export const LIVE_EVENT = "live";

export const userRoom = (userId: number) => `user:${userId}`;
const sessionRoom = (sessionId: string) => `session:${sessionId}`;
const PUBLIC_ROOM = "public";

/**
 * Sessions end by expiry too, and a path that ends one without telling the publisher (another
 * process, a crash between the two) would leave its sockets listening. So every signed-in socket's
 * session is looked up again at this interval; an expired session's socket lingers at most this long.
 */
const SESSION_CHECK_MS = 60_000;

export function attachRealtime(httpServer: HttpServer, options: { sessionCheckMs?: number } = {}) {
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
    const sessionId = socket.data.sessionId as string | null;
    if (userId !== null && sessionId !== null) {
      void socket.join(userRoom(userId));
      void socket.join(sessionRoom(sessionId));
    }
  });

  const sessionCheck = setInterval(() => {
    for (const socket of io.of("/").sockets.values()) {
      const sessionId = socket.data.sessionId as string | null;
      if (sessionId && !isSessionActive(sessionId)) socket.disconnect(true);
    }
  }, options.sessionCheckMs ?? SESSION_CHECK_MS);
  sessionCheck.unref();
  httpServer.on("close", () => clearInterval(sessionCheck));

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
    disconnectSession(sessionId) {
      io?.in(sessionRoom(sessionId)).disconnectSockets(true);
    },
    disconnectUser(userId) {
      io?.in(userRoom(userId)).disconnectSockets(true);
    },
    discussion(events) {
      for (const event of events) io?.to(`circle:${event.circleId}`).emit("discussion", event);
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
