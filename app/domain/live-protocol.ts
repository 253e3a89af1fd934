/**
 * The socket events of a circle's live room, shared by the server (realtime.server.ts) and the
 * page (components/circle-live.tsx); a plain module, since the browser cannot import *.server.
 */

/** Client → server: `{ circleId }` with an ack callback answered by a JoinAck. */
export const CIRCLE_JOIN = "circle.join";
/** Client → server: `{ circleId }`; the page no longer shows the circle. */
export const CIRCLE_LEAVE = "circle.leave";
/** Server → room: one DiscussionEvent (domain/discussions.ts), in seq order. */
export const DISCUSSION_EVENT = "discussion";
/** Server → room: a Presence, whenever the set of people online in the circle changed. */
export const PRESENCE_EVENT = "presence";

/** The answer to `circle.join`: the circle's current sequence number and who is online. */
export type JoinAck =
  | {
      ok: true;
      /** The circle's discussion sequence number (domain/event-sequence.ts). */
      seq: number;
      online: number[];
      /** The circle's meetings version (Publisher.meetingsVersion). */
      meetings: number;
    }
  | { ok: false };

/** Who has at least one socket in the circle's room (user ids, ascending); not sequenced. */
export type Presence = { circleId: number; online: number[] };
