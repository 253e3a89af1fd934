// Provisional: replaced by the live helper's version (room join, gaps, catch-up, presence).
import { useEffect, useRef } from "react";
import type { DiscussionEvent } from "~/domain/discussions";
import { useSocket } from "./live";

export function useCircleLive({
  circleId,
  seq,
  onEvents,
}: {
  circleId: number;
  seq: number;
  onEvents: (events: DiscussionEvent[]) => void;
  onReload: () => void;
}) {
  const socket = useSocket();
  const handler = useRef(onEvents);
  handler.current = onEvents;
  useEffect(() => {
    if (!socket) return;
    const join = () => socket.emit("circle.join", { circleId }, () => {});
    const listener = (event: DiscussionEvent) => {
      if (event.circleId === circleId) handler.current([event]);
    };
    socket.on("connect", join);
    if (socket.connected) join();
    socket.on("discussion", listener);
    return () => {
      socket.off("connect", join);
      socket.off("discussion", listener);
    };
  }, [socket, circleId, seq]);
  return { online: [] as number[], connected: socket?.connected ?? false };
}
