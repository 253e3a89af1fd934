import { useNavigation, useRevalidator } from "@remix-run/react";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import type { Socket } from "socket.io-client";
import type { LiveEvent } from "~/server/realtime.server";

const SocketContext = createContext<Socket | null>(null);

/**
 * One socket per tab. It reconnects when the signed-in user changes, so the server ties it to
 * the right session (the handshake carries the cookie).
 */
export function LiveProvider({ userId, children }: { userId: number | null; children: ReactNode }) {
  const [socket, setSocket] = useState<Socket | null>(null);
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  // A disconnect during a navigation (this tab's own logout, which ends the session and so its
  // sockets, while the redirect loads) waits for it: revalidating mid-way restarts the loaders,
  // and the first of the two requests takes the flash cookie, so the "logged out" toast was lost.
  const navigating = useNavigation().state !== "idle";
  const navigatingRef = useRef(navigating);
  navigatingRef.current = navigating;
  const owed = useRef(false);
  useEffect(() => {
    if (navigating || !owed.current) return;
    owed.current = false;
    revalidator.revalidate();
  }, [navigating, revalidator]);
  useEffect(() => {
    // The client library (13 KB gzip) is imported after hydration, not with the page's scripts:
    // live updates can wait that long, the first paint and the first click should not.
    let s: Socket | undefined;
    let closed = false;
    void import("socket.io-client").then(({ io }) => {
      if (closed) return;
      s = io({ withCredentials: true });
      // The server closes a socket when its session ends (logout elsewhere, a reset, expiry).
      // Reloading shows the signed-out page, and the changed user opens a fresh anonymous socket.
      s.on("disconnect", (reason) => {
        if (reason !== "io server disconnect") return;
        if (navigatingRef.current) owed.current = true;
        else revalidate.current();
      });
      setSocket(s);
    });
    return () => {
      closed = true;
      s?.disconnect();
    };
  }, [userId]);
  return <SocketContext.Provider value={socket}>{children}</SocketContext.Provider>;
}

/** The tab's socket once connected (null before hydration and while it loads). */
export function useSocket() {
  return useContext(SocketContext);
}

export function useLiveEvent(handler: (event: LiveEvent) => void) {
  const socket = useContext(SocketContext);
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!socket) return;
    const listener = (event: LiveEvent) => latest.current(event);
    socket.on("live", listener);
    return () => {
      socket.off("live", listener);
    };
  }, [socket]);
}

/**
 * Reloads the page's data when one of these events arrives. While a navigation is under way the
 * reload waits until it has finished: revalidating mid-way re-runs the loaders of the page being
 * opened, which looped when such a loader itself sends an event to this user (opening a
 * notification marks it read and tells the user's tabs), and the data loaded alongside it may
 * predate the event.
 */
export function useRevalidateOn(types: LiveEvent["type"][], onEvent?: (event: LiveEvent) => void) {
  const revalidator = useRevalidator();
  const navigating = useNavigation().state !== "idle";
  const owed = useRef(false);
  useEffect(() => {
    if (navigating || !owed.current) return;
    owed.current = false;
    revalidator.revalidate();
  }, [navigating, revalidator]);
  useLiveEvent((event) => {
    if (!types.includes(event.type)) return;
    if (navigating) owed.current = true;
    else revalidator.revalidate();
    onEvent?.(event);
  });
}
