import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { DiscussionEvent } from "~/domain/discussions";
import { EventSequence, type CatchUpResult } from "~/domain/event-sequence";
import {
  CIRCLE_JOIN,
  CIRCLE_LEAVE,
  DISCUSSION_EVENT,
  PRESENCE_EVENT,
  type JoinAck,
  type Presence,
} from "~/domain/live-protocol";
import type { LiveEvent } from "~/server/realtime.server";
import { useSocket } from "./live";

export type CircleLiveOptions = {
  circleId: number;
  /** The `seq` of the loader's data (currentSeq, or loadThread's seq): what the page shows. */
  seq: number;
  /** Applies events to the page's state, in seq order, each once (see EventSequence). */
  onEvents: (events: DiscussionEvent[]) => void;
  /**
   * The page's data must be loaded afresh (revalidate): the live log no longer reaches back,
   * the room refused this tab, or the tab was taken out of the circle (`circle.left`).
   */
  onReload: () => void;
};

/**
 * A circle page's live connection: joins the circle's room when the tab's socket connects and
 * again after every reconnect, and applies the circle's events exactly once and in order. How a
 * gap is detected and filled (and why nothing is shown twice) is described in
 * domain/event-sequence.ts; the missing events come from GET /circles/:id/events?since=N.
 *
 * The page keeps its state as "loader data plus the events applied on top": when its loader data
 * is replaced (a revalidation), it resets to that data and the hook continues from the new `seq`,
 * re-applying from memory the events that data is older than.
 */
export function useCircleLive({ circleId, seq, onEvents, onReload }: CircleLiveOptions) {
  const socket = useSocket();
  const [online, setOnline] = useState<number[]>([]);
  const [connected, setConnected] = useState(false);
  const handlers = useRef({ onEvents, onReload });
  handlers.current = { onEvents, onReload };
  const sequence = useRef<{ circleId: number; log: EventSequence<DiscussionEvent> } | null>(null);
  const seqRef = useRef(seq);
  seqRef.current = seq;

  useEffect(() => {
    if (!socket) return;
    // A new socket for the same circle (another user signed in, which reloads the page anyway)
    // continues where the page is, not where its loader was.
    const previous = sequence.current?.circleId === circleId ? sequence.current.log : null;
    const from = Math.max(seqRef.current, previous?.lastApplied ?? 0);
    const log = new EventSequence<DiscussionEvent>(from, {
      apply: (events) => handlers.current.onEvents(events),
      fetchSince: (since) => fetchEvents(circleId, since),
      reload: () => handlers.current.onReload(),
    });
    sequence.current = { circleId, log };
    let active = true;
    holdRoom(socket, circleId, +1);

    const join = () => {
      socket.emit(CIRCLE_JOIN, { circleId }, (ack: JoinAck) => {
        if (!active) return; // answered after the page moved on
        if (!ack.ok) {
          // No longer allowed (or the session ended): the loader tells the page what to show.
          setConnected(false);
          handlers.current.onReload();
          return;
        }
        setConnected(true);
        setOnline(ack.online);
        log.known(ack.seq);
      });
    };
    const onDiscussion = (event: DiscussionEvent) => {
      if (event.circleId === circleId) log.receive([event]);
    };
    const onPresence = (presence: Presence) => {
      if (presence.circleId === circleId) setOnline(presence.online);
    };
    const onLive = (event: LiveEvent) => {
      if (event.type !== "circle.left" || event.circleId !== circleId) return;
      setConnected(false);
      setOnline([]);
      handlers.current.onReload();
    };
    const onDisconnect = () => {
      setConnected(false);
      setOnline([]);
    };

    socket.on(DISCUSSION_EVENT, onDiscussion);
    socket.on(PRESENCE_EVENT, onPresence);
    socket.on("live", onLive);
    socket.on("disconnect", onDisconnect);
    // "connect" fires again after every reconnect; the room is joined anew each time, and the
    // join's answer tells what was missed meanwhile.
    socket.on("connect", join);
    if (socket.connected) join();
    return () => {
      active = false;
      log.stop();
      socket.off(DISCUSSION_EVENT, onDiscussion);
      socket.off(PRESENCE_EVENT, onPresence);
      socket.off("live", onLive);
      socket.off("disconnect", onDisconnect);
      socket.off("connect", join);
      // Another component of the page may still show this circle: leave with the last one.
      if (holdRoom(socket, circleId, -1) === 0 && socket.connected) {
        socket.emit(CIRCLE_LEAVE, { circleId });
        joinedRooms(socket).delete(circleId);
      }
      setConnected(false);
      setOnline([]);
    };
  }, [socket, circleId]);

  // New loader data: the page now shows the circle as of `seq`.
  useEffect(() => {
    sequence.current?.log.rebase(seq);
  }, [seq]);

  return { online, connected };
}

/** How many mounted hooks of this tab show each circle, per socket. */
const roomHolders = new WeakMap<object, Map<number, number>>();
function holdRoom(socket: object, circleId: number, change: 1 | -1): number {
  let counts = roomHolders.get(socket);
  if (!counts) roomHolders.set(socket, (counts = new Map()));
  const count = Math.max(0, (counts.get(circleId) ?? 0) + change);
  if (count === 0) counts.delete(circleId);
  else counts.set(circleId, count);
  return count;
}

/** The events after `since`; a refusal or a page instead of JSON (signed out) means reload. */
async function fetchEvents(
  circleId: number,
  since: number,
): Promise<CatchUpResult<DiscussionEvent>> {
  const response = await fetch(`/circles/${circleId}/events?since=${since}`, {
    headers: { Accept: "application/json" },
    credentials: "same-origin",
  });
  const type = response.headers.get("Content-Type") ?? "";
  if (!response.ok || !type.includes("application/json")) return { reload: true };
  const body = (await response.json()) as { events: DiscussionEvent[] } | { reload: true };
  return "events" in body ? { events: body.events } : { reload: true };
}

/**
 * Keeps this tab in the circle's room while a page of the circle that is not a discussion is
 * open (meetings, polls, the follow-up, the circle home), so the circle's events reach it: the
 * page reloads its data on them with `useRevalidateOn`. After a reconnect the data is reloaded
 * once, for what changed while the tab was away. A guest of one meeting is refused the room and
 * hears about that meeting through their own room instead.
 *
 * `meetingsVersion` is the circle's meetings version the page's loader read before its data
 * (Publisher.meetingsVersion). A change between the loader and the join (or while the tab went
 * from one page of the circle to the next) sent its event before this page listened; the join's
 * acknowledgement and every event carry the newest version, and a page behind it reloads once.
 */
export function useCircleRoom(circleId: number, meetingsVersion?: number) {
  const socket = useSocket();
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const version = useRef(meetingsVersion);
  version.current = meetingsVersion;
  useEffect(() => {
    if (!socket) return;
    let active = true;
    let joinedBefore = false;
    holdRoom(socket, circleId, +1);
    const rooms = joinedRooms(socket);
    const versions = heardVersions(socket);
    const catchUp = () => {
      const heard = versions.get(circleId);
      if (active && heard !== undefined && version.current !== undefined && heard > version.current)
        revalidate.current();
    };
    const join = () => {
      // The previous page of this circle kept the room (see the cleanup): nothing to ask.
      if (rooms.has(circleId)) return catchUp();
      socket.emit(CIRCLE_JOIN, { circleId }, (ack: JoinAck) => {
        if (!ack.ok) return;
        rooms.add(circleId);
        heardVersion(versions, circleId, ack.meetings);
        if (active && joinedBefore) revalidate.current();
        else catchUp();
        joinedBefore = true;
      });
    };
    socket.on("connect", join);
    if (socket.connected) join();
    return () => {
      active = false;
      socket.off("connect", join);
      // Leave a moment later: going from one page of the circle to the next, the new page holds
      // the room again before then, so the tab neither leaves and rejoins (presence flapping,
      // the server's join limit) nor misses what happens in between.
      holdRoom(socket, circleId, -1);
      setTimeout(() => {
        if (isHeld(socket, circleId) || !rooms.has(circleId)) return;
        rooms.delete(circleId);
        if (socket.connected) socket.emit(CIRCLE_LEAVE, { circleId });
      }, 1000);
    };
  }, [socket, circleId]);
}

/** The newest meetings version per circle this socket heard of, from acks and events. */
const versionsHeard = new WeakMap<object, Map<number, number>>();
function heardVersions(socket: NonNullable<ReturnType<typeof useSocket>>) {
  let versions = versionsHeard.get(socket);
  if (!versions) {
    const fresh = new Map<number, number>();
    socket.on("live", (event: LiveEvent) => {
      if (event.type === "circle.meetings") heardVersion(fresh, event.circleId, event.version);
    });
    // A restarted server counts from zero again; the reconnect reloads the page anyway.
    socket.on("disconnect", () => fresh.clear());
    versionsHeard.set(socket, fresh);
    versions = fresh;
  }
  return versions;
}

function heardVersion(versions: Map<number, number>, circleId: number, version: number) {
  versions.set(circleId, Math.max(versions.get(circleId) ?? 0, version));
}

/**
 * The rooms this socket is in as far as useCircleRoom knows; a disconnect empties it (the
 * server forgets the socket's rooms), so the next "connect" joins again.
 */
const joined = new WeakMap<object, Set<number>>();
function joinedRooms(socket: NonNullable<ReturnType<typeof useSocket>>) {
  let rooms = joined.get(socket);
  if (!rooms) {
    const fresh = new Set<number>();
    joined.set(socket, fresh);
    socket.on("disconnect", () => fresh.clear());
    // Taken out of a circle by the server (membership or coaching ended): not in its room.
    socket.on("live", (event: LiveEvent) => {
      if (event.type === "circle.left") fresh.delete(event.circleId);
    });
    rooms = fresh;
  }
  return rooms;
}

function isHeld(socket: object, circleId: number): boolean {
  return (roomHolders.get(socket)?.get(circleId) ?? 0) > 0;
}
