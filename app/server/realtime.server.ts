/**
 * Live updates. The Socket.IO server shares the HTTP server with Express. A socket is tied to a
 * user only after the session cookie checks out; anonymous sockets hear public events only.
 * Events on the LIVE_EVENT channel say *that* something changed; clients reload data through
 * loaders, which check access. A circle's discussion events carry data, so they go only to the
 * circle's room, which a socket enters after the server checked that its user may read the
 * circle now, and leaves the moment that ends.
 */
import type { Server as HttpServer } from "node:http";
import { Server as IOServer, type Socket } from "socket.io";
import type { DiscussionEvent } from "../domain/discussions";
import {
  CIRCLE_JOIN,
  CIRCLE_LEAVE,
  DISCUSSION_EVENT,
  PRESENCE_EVENT,
  type JoinAck,
  type Presence,
} from "../domain/live-protocol";
import { circleReaders } from "../models/circles.server";
import { currentSeq } from "../models/discussions.server";
import { mayViewPrivate } from "../utils/circle-guards.server";
import { getSessionFromCookie, isSessionActive } from "../utils/session.server";

/** Grows with the product (notifications, threads, meetings); each names what changed, not the data. */
export type LiveEvent =
  | { type: "roles.changed" }
  | { type: "notifications.changed" }
  /** This tab's sockets were taken out of the circle's room: its pages reload (and may 403). */
  | { type: "circle.left"; circleId: number }
  /** A circle's polls or meetings changed (a vote, an RSVP): its open meeting pages reload. */
  | { type: "circle.meetings"; circleId: number; version: number }
  /**
   * A programme's matching run moved on (progress 0..1) or ended: the organisers' matching pages
   * show the progress and reload when the status changes. Carries no personal data.
   */
  | {
      type: "matching.run";
      programmeId: number;
      runId: number;
      status: "running" | "done" | "timed_out" | "cancelled" | "failed";
      progress: number;
    };

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
  /** A circle's live events, after commit, to the sockets in its room (in the order given). */
  discussion(events: DiscussionEvent[]): void;
  /**
   * Call after a membership or coaching ended: every socket of the user leaves the circle's
   * room at once and is told so (`circle.left`), so its open pages reload.
   */
  leaveCircle(userId: number, circleId: number): void;
  /**
   * A circle's polls or meetings changed: the sockets in its room (members and coaches who
   * passed the join check) reload their meeting pages through the loaders. `also` reaches
   * people outside the room who may see it (a meeting's guests), through their own room.
   */
  meetingsChanged(circleId: number, also?: number[]): void;
  /**
   * How often the circle's polls or meetings changed in this process (see meetingVersions).
   * A meeting page's loader reads it before its data, so the page can tell, once it is in
   * the room, whether it missed a change in between.
   */
  meetingsVersion(circleId: number): number;
  /** A matching run's progress or end, to every open tab of these users (the organisers). */
  matchingRun(userIds: number[], event: Extract<LiveEvent, { type: "matching.run" }>): void;
}

export const LIVE_EVENT = "live";

export const userRoom = (userId: number) => `user:${userId}`;
const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const circleRoom = (circleId: number) => `circle:${circleId}`;
const PUBLIC_ROOM = "public";

/** The circles whose rooms a socket is in. */
function circlesOf(socket: Socket): number[] {
  const ids: number[] = [];
  for (const room of socket.rooms)
    if (room.startsWith("circle:")) ids.push(Number(room.slice("circle:".length)));
  return ids;
}

/**
 * Presence is read from the rooms themselves: the people with at least one socket in the
 * circle's room. That lives in this process's memory (Socket.IO's in-memory adapter), which is
 * enough while one process serves Kringwijs; a second process would need a shared adapter.
 */
function onlineIn(io: IOServer, circleId: number): number[] {
  const nsp = io.of("/");
  const users = new Set<number>();
  for (const socketId of nsp.adapter.rooms.get(circleRoom(circleId)) ?? []) {
    const userId = nsp.sockets.get(socketId)?.data.userId as number | null | undefined;
    if (typeof userId === "number") users.add(userId);
  }
  return [...users].sort((a, b) => a - b);
}

/**
 * Tells a circle's room who is online, only when that changed (a second tab of someone already
 * online changes nothing), so a room of eight does not hear eight messages per page load.
 */
function announcePresence(io: IOServer, circleId: number, before: number[]) {
  const online = onlineIn(io, circleId);
  if (online.length === before.length && online.every((id, i) => id === before[i])) return;
  io.to(circleRoom(circleId)).emit(PRESENCE_EVENT, { circleId, online } satisfies Presence);
}

/**
 * Takes sockets out of a circle's room and tells each of them (`circle.left`, also those that
 * were not in the room: another page of the circle reloads too), then tells the room who is
 * still online.
 */
function removeFromCircle(io: IOServer, sockets: Socket[], circleId: number) {
  const room = circleRoom(circleId);
  const before = onlineIn(io, circleId);
  for (const socket of sockets) {
    void socket.leave(room);
    socket.emit(LIVE_EVENT, { type: "circle.left", circleId } satisfies LiveEvent);
  }
  announcePresence(io, circleId, before);
}

/** The sockets of one signed-in user (all tabs and sessions). */
function socketsOf(io: IOServer, userId: number): Socket[] {
  const nsp = io.of("/");
  const found: Socket[] = [];
  for (const socketId of nsp.adapter.rooms.get(userRoom(userId)) ?? []) {
    const socket = nsp.sockets.get(socketId);
    if (socket) found.push(socket);
  }
  return found;
}

/**
 * Takes a user's sockets out of every circle room they may no longer read (a membership or a
 * coaching ended, a role was revoked). Each circle is checked once per call.
 */
function recheckCircleRooms(io: IOServer, sockets: Socket[]) {
  const allowed = new Map<string, boolean>();
  for (const socket of sockets) {
    const userId = socket.data.userId as number | null;
    for (const circleId of circlesOf(socket)) {
      const key = `${userId}:${circleId}`;
      let ok = allowed.get(key);
      if (ok === undefined) {
        ok = userId !== null && mayViewPrivate(userId, circleId);
        allowed.set(key, ok);
      }
      if (!ok) removeFromCircle(io, [socket], circleId);
    }
  }
}

/**
 * The periodic pass over every circle room: one look-up of the circle's readers per room rather
 * than one per socket, so 2,000 sockets cost a few hundred indexed queries, not thousands.
 */
function recheckAllCircleRooms(io: IOServer) {
  const nsp = io.of("/");
  const rooms = [...nsp.adapter.rooms.entries()].filter(([room]) => room.startsWith("circle:"));
  for (const [room, socketIds] of rooms) {
    const circleId = Number(room.slice("circle:".length));
    const readers = circleReaders(circleId);
    const outsiders: Socket[] = [];
    for (const socketId of socketIds) {
      const socket = nsp.sockets.get(socketId);
      const userId = socket?.data.userId as number | null | undefined;
      if (socket && (typeof userId !== "number" || !readers.has(userId))) outsiders.push(socket);
    }
    if (outsiders.length > 0) removeFromCircle(io, outsiders, circleId);
  }
}

/**
 * Each join costs a few queries, so one socket may try only this many per minute; a page joins
 * once per connection (a reconnect is a new socket), so only a misbehaving client ever hits it.
 */
const JOINS_PER_MINUTE = 30;

const isCircleId = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value > 0;

/**
 * Sessions end by expiry too, and a path that ends one without telling the publisher (another
 * process, a crash between the two) would leave its sockets listening. So every signed-in socket's
 * session is looked up again at this interval; an expired session's socket lingers at most this long.
 */
const SESSION_CHECK_MS = 60_000;

/**
 * A counter per circle, raised by every meetingsChanged and sent with the event and in the join
 * acknowledgement. A page loaded just before a vote, but in the room only after it, would
 * otherwise show the old tally until the next change. It lives in this process's memory like
 * the rooms themselves; after a restart every tab reconnects and reloads anyway.
 */
const meetingVersions = new Map<number, number>();
const meetingsVersion = (circleId: number) => meetingVersions.get(circleId) ?? 0;

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

    /**
     * Entering a circle's room. Everything here is synchronous (better-sqlite3, the in-memory
     * adapter), so no write can commit between the check, the join and reading the sequence
     * number: an event committed before the join is at or below `seq` (the page fetches it), one
     * committed after it reaches this socket.
     */
    const joins = { windowStart: Date.now(), count: 0 };
    socket.on(CIRCLE_JOIN, (payload: unknown, ack: unknown) => {
      if (typeof ack !== "function") return;
      const answer = ack as (reply: JoinAck) => void;
      const circleId = (payload as { circleId?: unknown } | null)?.circleId;
      const now = Date.now();
      if (now - joins.windowStart > 60_000) Object.assign(joins, { windowStart: now, count: 0 });
      joins.count += 1;
      if (
        joins.count > JOINS_PER_MINUTE ||
        userId === null ||
        sessionId === null ||
        !isCircleId(circleId) ||
        !isSessionActive(sessionId) ||
        !mayViewPrivate(userId, circleId)
      ) {
        answer({ ok: false });
        return;
      }
      const before = onlineIn(io, circleId);
      void socket.join(circleRoom(circleId));
      announcePresence(io, circleId, before);
      answer({
        ok: true,
        seq: currentSeq(circleId),
        online: onlineIn(io, circleId),
        meetings: meetingsVersion(circleId),
      });
    });

    socket.on(CIRCLE_LEAVE, (payload: unknown) => {
      const circleId = (payload as { circleId?: unknown } | null)?.circleId;
      if (!isCircleId(circleId) || !socket.rooms.has(circleRoom(circleId))) return;
      const before = onlineIn(io, circleId);
      void socket.leave(circleRoom(circleId));
      announcePresence(io, circleId, before);
    });

    // The rooms are still known while disconnecting and empty once disconnected.
    let leaving: Array<{ circleId: number; before: number[] }> = [];
    socket.on("disconnecting", () => {
      leaving = circlesOf(socket).map((circleId) => ({ circleId, before: onlineIn(io, circleId) }));
    });
    socket.on("disconnect", () => {
      for (const { circleId, before } of leaving) announcePresence(io, circleId, before);
    });
  });

  /**
   * The safety net for both kinds of access: a session that ended, and a circle room whose
   * reader lost access by a path that did not tell the publisher (another process, a crash
   * between commit and publishing), last at most one interval.
   */
  const sessionCheck = setInterval(() => {
    for (const socket of io.of("/").sockets.values()) {
      const sessionId = socket.data.sessionId as string | null;
      if (sessionId && !isSessionActive(sessionId)) socket.disconnect(true);
    }
    recheckAllCircleRooms(io);
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
    revalidateUser(userId) {
      if (!io) return;
      const open: Socket[] = [];
      for (const socket of io.of("/").sockets.values()) {
        if (socket.data.userId !== userId) continue;
        const sessionId = socket.data.sessionId as string | null;
        if (!sessionId || !isSessionActive(sessionId)) socket.disconnect(true);
        else open.push(socket);
      }
      // Out of the rooms first, so no circle event reaches a tab that is about to reload.
      recheckCircleRooms(io, open);
      for (const socket of open)
        socket.emit(LIVE_EVENT, { type: "roles.changed" } satisfies LiveEvent);
    },
    discussion(events) {
      for (const event of events) io?.to(circleRoom(event.circleId)).emit(DISCUSSION_EVENT, event);
    },
    leaveCircle(userId, circleId) {
      if (!io) return;
      removeFromCircle(io, socketsOf(io, userId), circleId);
    },
    meetingsChanged(circleId, also = []) {
      const version = meetingsVersion(circleId) + 1;
      meetingVersions.set(circleId, version);
      const event: LiveEvent = { type: "circle.meetings", circleId, version };
      io?.to(circleRoom(circleId)).emit(LIVE_EVENT, event);
      for (const userId of new Set(also)) io?.to(userRoom(userId)).emit(LIVE_EVENT, event);
    },
    meetingsVersion,
    matchingRun(userIds, event) {
      for (const userId of new Set(userIds)) io?.to(userRoom(userId)).emit(LIVE_EVENT, event);
    },
  };
}
