/**
 * A circle's live room over a real Socket.IO server: who may join (the socket half of the
 * authorisation matrix), what members hear and when they stop hearing it, presence, and the
 * catch-up route a page uses after a lost connection.
 */
import { describe, expect, it } from "vitest";
import { and, eq, lte } from "drizzle-orm";
import type { Socket } from "socket.io-client";
import { circleEvents, memberships, userRoles } from "../../db/schema";
import type { DiscussionEvent } from "~/domain/discussions";
import {
  CIRCLE_JOIN,
  CIRCLE_LEAVE,
  DISCUSSION_EVENT,
  PRESENCE_EVENT,
  type JoinAck,
  type Presence,
} from "~/domain/live-protocol";
import {
  createPost,
  createThread,
  currentSeq,
  discussionEvents,
  type WriteResult,
} from "~/models/discussions.server";
import { applyToCircle, removeMember } from "~/models/memberships.server";
import { circleReaders, getMembership } from "~/models/circles.server";
import { mayViewPrivate } from "~/utils/circle-guards.server";
import { action as adminUsersAction } from "~/routes/admin.users";
import { action as circleAction } from "~/routes/circles.$circleId._index";
import { loader as eventsLoader } from "~/routes/circles.$circleId.events";
import { loader as meetingsListLoader } from "~/routes/circles.$circleId.meetings._index";
import { action as membersAction } from "~/routes/circles.$circleId.members";
import { getDb } from "~/utils/db.server";
import {
  load,
  makeCircle,
  makeContext,
  makeDiscussionCircle,
  makeUser,
  sessionCookieFor,
  submit,
  withRealtimeServer,
} from "./helpers";

const server = withRealtimeServer();

/** A socket signed in as `userId` (anonymous for null) that records what the room sends it. */
async function connect(userId: number | null, on: typeof server = server) {
  const cookie = userId === null ? undefined : await sessionCookieFor(userId);
  const client = await on.open(cookie ? { Cookie: cookie } : {});
  const discussion: DiscussionEvent[] = [];
  const presence: Presence[] = [];
  client.socket.on(DISCUSSION_EVENT, (event: DiscussionEvent) => discussion.push(event));
  client.socket.on(PRESENCE_EVENT, (p: Presence) => presence.push(p));
  return { ...client, discussion, presence, cookie };
}

const join = (socket: Socket, circleId: unknown): Promise<JoinAck> =>
  socket.timeout(2000).emitWithAck(CIRCLE_JOIN, { circleId }) as Promise<JoinAck>;

/** What a route does after a write commits. */
function publish(result: WriteResult) {
  if (!result.ok) throw new Error(`write refused: ${result.reason}`);
  server.publisher.discussion(discussionEvents(result.events));
  return result;
}

let keys = 0;
const post = (circleId: number, authorId: number, threadId?: number) =>
  publish(
    threadId === undefined
      ? createThread({
          circleId,
          authorId,
          title: "Hoe vinden jullie personeel?",
          source: "Wie heeft er ervaring mee?",
          key: `k${++keys}`,
        })
      : createPost({
          circleId,
          authorId,
          threadId,
          parentId: null,
          source: "Wij werken met een uitzendbureau.",
          key: `k${++keys}`,
        }),
  );

const settle = () => new Promise((r) => setTimeout(r, 150));

/** Resolves once `predicate` holds (checked every 10 ms), or fails after `ms`. */
async function until(predicate: () => boolean, ms = 2000) {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("joining a circle's room", () => {
  it("a member joins, learns the current seq, and hears a new thread and a reply in order", async () => {
    const circle = await makeDiscussionCircle({ members: 2 });
    const [alice, bob] = circle.members;
    const opening = post(circle.id, bob!.id);
    const a = await connect(alice!.id);
    const ack = await join(a.socket, circle.id);
    expect(ack).toEqual({
      ok: true,
      seq: currentSeq(circle.id),
      online: [alice!.id],
      meetings: 0,
    });
    expect(ack.ok && ack.seq).toBe(opening.events[0]!.seq);

    const reply = post(circle.id, bob!.id, opening.threadId);
    const second = post(circle.id, circle.coach.id);
    await until(() => a.discussion.length === 2);
    const seq = ack.ok ? ack.seq : -1;
    expect(a.discussion.map((e) => [e.seq, e.kind, e.post?.id])).toEqual([
      [seq + 1, "post.created", reply.postId],
      [seq + 2, "thread.created", second.postId],
    ]);
    expect(a.discussion[0]!.post?.html).toContain("uitzendbureau");
  });

  it("a coach of the circle joins; an organiser who is also its coach joins too", async () => {
    const circle = await makeDiscussionCircle({ members: 1 });
    const c = await connect(circle.coach.id);
    expect(await join(c.socket, circle.id)).toMatchObject({ ok: true });
    getDb().insert(userRoles).values({ userId: circle.coach.id, role: "organiser" }).run();
    const both = await connect(circle.coach.id);
    expect(await join(both.socket, circle.id)).toMatchObject({ ok: true });
  });

  // The socket rows of the authorisation matrix: only the circle's members (after the house
  // rules) and its coaches get in; everyone else is refused the same way and hears nothing.
  it("refuses everyone else, who then hear nothing of the circle", async () => {
    const circle = await makeDiscussionCircle({ members: 1 });
    const other = await makeCircle();
    const stranger = await makeUser();
    const applicant = await makeUser();
    applyToCircle({
      userId: applicant.id,
      circleId: circle.id,
      motivation: "Graag!",
      coachIds: [circle.coach.id],
    });
    const unaccepted = await makeUser();
    getDb()
      .insert(memberships)
      .values({ circleId: circle.id, userId: unaccepted.id, state: "member" })
      .run();
    const refused = {
      anonymous: await connect(null),
      stranger: await connect(stranger.id),
      applicant: await connect(applicant.id),
      memberWithoutHouseRules: await connect(unaccepted.id),
      coachOfAnotherCircle: await connect(other.coach.id),
      organiserOfTheProgramme: await connect(circle.programme.organiser.id),
    };
    for (const [who, client] of Object.entries(refused))
      expect(await join(client.socket, circle.id), who).toEqual({ ok: false });

    // The periodic re-check's bulk rule agrees with the join's.
    const readers = circleReaders(circle.id);
    for (const userId of [
      stranger.id,
      applicant.id,
      unaccepted.id,
      other.coach.id,
      circle.programme.organiser.id,
      circle.coach.id,
      circle.members[0]!.id,
    ])
      expect(readers.has(userId), String(userId)).toBe(mayViewPrivate(userId, circle.id));
    expect([...readers].sort()).toEqual([circle.coach.id, circle.members[0]!.id].sort());

    const member = await connect(circle.members[0]!.id);
    await join(member.socket, circle.id);
    post(circle.id, circle.coach.id);
    await until(() => member.discussion.length === 1);
    await settle();
    for (const [who, client] of Object.entries(refused)) {
      expect(client.discussion, who).toEqual([]);
      expect(client.presence, who).toEqual([]);
    }
  });

  it("refuses a malformed or unknown circle id, and ignores a join without an answer callback", async () => {
    const circle = await makeDiscussionCircle({ members: 1 });
    const m = await connect(circle.members[0]!.id);
    for (const circleId of ["1", 0, -1, 1.5, null, 99_999_999])
      expect(await join(m.socket, circleId), String(circleId)).toEqual({ ok: false });
    m.socket.emit(CIRCLE_JOIN, { circleId: circle.id });
    post(circle.id, circle.coach.id);
    await settle();
    expect(m.discussion).toEqual([]);
    expect(m.socket.connected).toBe(true);
  });

  it("refuses a socket that keeps trying to join, without looking anything up", async () => {
    const circle = await makeDiscussionCircle({ members: 1 });
    const m = await connect(circle.members[0]!.id);
    for (let i = 0; i < 29; i += 1) await join(m.socket, 99_999_999);
    expect(await join(m.socket, circle.id)).toMatchObject({ ok: true });
    expect(await join(m.socket, circle.id)).toEqual({ ok: false });
    // A fresh connection (what a reconnecting page gets) is not held back.
    const again = await connect(circle.members[0]!.id);
    expect(await join(again.socket, circle.id)).toMatchObject({ ok: true });
  });

  it("a socket that leaves the room hears nothing more from it", async () => {
    const circle = await makeDiscussionCircle({ members: 1 });
    const m = await connect(circle.members[0]!.id);
    await join(m.socket, circle.id);
    m.socket.emit(CIRCLE_LEAVE, { circleId: circle.id });
    await settle();
    post(circle.id, circle.coach.id);
    await settle();
    expect(m.discussion).toEqual([]);
  });
});

describe("leaving the room the moment access ends", () => {
  const context = () => makeContext({ publisher: server.publisher });

  it("a removed member's sockets stop receiving at once (model + publisher, as the route does)", async () => {
    const circle = await makeDiscussionCircle({ members: 2 });
    const [alice, bob] = circle.members;
    const a = await connect(alice!.id);
    const b1 = await connect(bob!.id);
    const b2 = await connect(bob!.id);
    for (const s of [a, b1, b2]) await join(s.socket, circle.id);

    const result = removeMember({
      coachId: circle.coach.id,
      circleId: circle.id,
      membershipId: getMembership(circle.id, bob!.id)!.id,
      reason: "Niet meer actief",
    });
    if (!result.ok) throw new Error(result.reason);
    server.publisher.leaveCircle(result.userId, circle.id);
    // No waiting: the very next event must already miss Bob.
    post(circle.id, circle.coach.id);
    await until(() => a.discussion.length === 1);
    await settle();
    expect(b1.discussion).toEqual([]);
    expect(b2.discussion).toEqual([]);
    expect(b1.events).toContainEqual({ type: "circle.left", circleId: circle.id });
    expect(b2.events).toContainEqual({ type: "circle.left", circleId: circle.id });
    expect(a.events).toEqual([]);
    expect(a.presence.at(-1)).toEqual({ circleId: circle.id, online: [alice!.id] });
    // Nor can he come back in.
    expect(await join(b1.socket, circle.id)).toEqual({ ok: false });
  });

  it("through the members page: the coach removes a member and her socket leaves the room", async () => {
    const circle = await makeDiscussionCircle({ members: 2 });
    const [alice, bob] = circle.members;
    const a = await connect(alice!.id);
    const b = await connect(bob!.id);
    for (const s of [a, b]) await join(s.socket, circle.id);
    const res = await submit(
      membersAction,
      `/circles/${circle.id}/members`,
      {
        intent: "remove",
        membershipId: getMembership(circle.id, bob!.id)!.id,
        reason: "Niet meer actief",
      },
      {
        cookie: await sessionCookieFor(circle.coach.id),
        params: { circleId: String(circle.id) },
        context: context(),
      },
    );
    expect(res.status).toBe(200);
    post(circle.id, circle.coach.id);
    await until(() => a.discussion.length === 1);
    await settle();
    expect(b.discussion).toEqual([]);
    expect(b.events).toContainEqual({ type: "circle.left", circleId: circle.id });
  });

  it("through the circle page: a member who leaves stops receiving", async () => {
    const circle = await makeDiscussionCircle({ members: 2 });
    const [alice, bob] = circle.members;
    const a = await connect(alice!.id);
    const b = await connect(bob!.id);
    for (const s of [a, b]) await join(s.socket, circle.id);
    const res = await submit(
      circleAction,
      `/circles/${circle.id}`,
      { intent: "leave" },
      { cookie: b.cookie, params: { circleId: String(circle.id) }, context: context() },
    );
    expect(res.status).toBe(302);
    post(circle.id, circle.coach.id);
    await until(() => a.discussion.length === 1);
    await settle();
    expect(b.discussion).toEqual([]);
  });

  it("a coach whose coach role is revoked leaves the rooms of the circles they coached", async () => {
    const circle = await makeDiscussionCircle({ members: 1 });
    const admin = await makeUser({ roles: ["organiser"] });
    const m = await connect(circle.members[0]!.id);
    const c = await connect(circle.coach.id);
    for (const s of [m, c]) await join(s.socket, circle.id);
    const res = await submit(
      adminUsersAction,
      "/admin/users",
      { intent: "revoke", userId: String(circle.coach.id), role: "coach" },
      { cookie: await sessionCookieFor(admin.id), context: context() },
    );
    expect(res.status).toBe(200);
    post(circle.id, circle.members[0]!.id);
    await until(() => m.discussion.length === 1);
    await settle();
    expect(c.discussion).toEqual([]);
    expect(c.events).toContainEqual({ type: "circle.left", circleId: circle.id });
    expect(c.events).toContainEqual({ type: "roles.changed" });
  });

  it("revalidateUser keeps the rooms a user may still read", async () => {
    const circle = await makeDiscussionCircle({ members: 1 });
    const m = await connect(circle.members[0]!.id);
    await join(m.socket, circle.id);
    server.publisher.revalidateUser(circle.members[0]!.id);
    post(circle.id, circle.coach.id);
    await until(() => m.discussion.length === 1);
    expect(m.events).toEqual([{ type: "roles.changed" }]);
  });
});

describe("the periodic re-check", () => {
  const quick = withRealtimeServer({ sessionCheckMs: 100 });

  it("takes a socket out of a room whose access ended without the publisher being told", async () => {
    const circle = await makeDiscussionCircle({ members: 1 });
    const m = await connect(circle.members[0]!.id, quick);
    expect(await join(m.socket, circle.id)).toMatchObject({ ok: true });
    // As another process, or a crash between commit and publishing, would leave it.
    getDb()
      .update(memberships)
      .set({ state: "removed" })
      .where(eq(memberships.userId, circle.members[0]!.id))
      .run();
    await until(() => m.events.length > 0);
    expect(m.events).toEqual([{ type: "circle.left", circleId: circle.id }]);
    expect(m.socket.connected).toBe(true);
  });
});

describe("presence", () => {
  it("lists who of the circle is online, and tells the room when that changes", async () => {
    const circle = await makeDiscussionCircle({ members: 2 });
    const [alice, bob] = circle.members;
    const a = await connect(alice!.id);
    expect(await join(a.socket, circle.id)).toMatchObject({ online: [alice!.id] });
    await until(() => a.presence.length === 1);
    const b = await connect(bob!.id);
    const both = [alice!.id, bob!.id].sort((x, y) => x - y);
    expect(await join(b.socket, circle.id)).toMatchObject({ online: both });
    await until(() => a.presence.length === 2);
    expect(a.presence).toEqual([
      { circleId: circle.id, online: [alice!.id] },
      { circleId: circle.id, online: both },
    ]);

    // A second tab of someone already online changes nothing, nor does closing one of two.
    const b2 = await connect(bob!.id);
    await join(b2.socket, circle.id);
    b.socket.disconnect();
    await settle();
    expect(a.presence).toHaveLength(2);
    // The last tab going away does.
    b2.socket.disconnect();
    await until(() => a.presence.length === 3);
    expect(a.presence[2]).toEqual({ circleId: circle.id, online: [alice!.id] });
  });
});

describe("the catch-up route", () => {
  const eventsAt = async (circleId: number, since: string, userId: number) =>
    load(eventsLoader, `/circles/${circleId}/events?since=${since}`, {
      cookie: await sessionCookieFor(userId),
      params: { circleId: String(circleId) },
    });

  it("returns exactly the events after `since`, in order, and reload once the log is pruned", async () => {
    const circle = await makeDiscussionCircle({ members: 1 });
    const member = circle.members[0]!.id;
    const first = post(circle.id, member);
    const seqs = [first.events[0]!.seq];
    for (let i = 0; i < 3; i += 1)
      seqs.push(post(circle.id, circle.coach.id, first.threadId).events[0]!.seq);

    const res = await eventsAt(circle.id, String(seqs[1]), member);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toContain("no-store");
    const body = (await res.json()) as { events: DiscussionEvent[] };
    expect(body.events.map((e) => e.seq)).toEqual(seqs.slice(2));
    expect(body.events.every((e) => e.circleId === circle.id && e.post !== null)).toBe(true);
    const upToDate = await eventsAt(circle.id, String(seqs.at(-1)), member);
    expect(await upToDate.json()).toEqual({ events: [] });

    // The log keeps the last 1,000 entries per circle; here the first two are gone.
    getDb()
      .delete(circleEvents)
      .where(and(eq(circleEvents.circleId, circle.id), lte(circleEvents.seq, seqs[1]!)))
      .run();
    expect(await (await eventsAt(circle.id, "0", member)).json()).toEqual({ reload: true });
    const after = await eventsAt(circle.id, String(seqs[1]), member);
    expect(((await after.json()) as { events: unknown[] }).events).toHaveLength(2);
  });

  it("refuses a malformed `since`", async () => {
    const circle = await makeDiscussionCircle({ members: 1 });
    for (const since of ["", "-1", "1.5", "1e3", "abc", "9999999999999999"])
      expect((await eventsAt(circle.id, since, circle.members[0]!.id)).status, since).toBe(400);
  });

  it("is a 404 for outsiders of a closed circle and a 403 for those who may see its summary", async () => {
    const circle = await makeDiscussionCircle({ members: 1 });
    post(circle.id, circle.members[0]!.id);
    const stranger = await makeUser();
    // makeDiscussionCircle's circle is open for applications: its summary is public.
    expect((await eventsAt(circle.id, "0", stranger.id)).status).toBe(403);
    expect((await eventsAt(circle.id, "0", circle.programme.organiser.id)).status).toBe(403);
    const closed = await makeDiscussionCircle({ members: 1, status: "closed" });
    expect((await eventsAt(closed.id, "0", stranger.id)).status).toBe(404);
    expect((await eventsAt(closed.id, "0", closed.members[0]!.id)).status).toBe(200);
    // A removed member is an outsider again.
    const former = circle.members[0]!.id;
    removeMember({
      coachId: circle.coach.id,
      circleId: circle.id,
      membershipId: getMembership(circle.id, former)!.id,
      reason: "Weg",
    });
    expect((await eventsAt(circle.id, "0", former)).status).toBe(403);
  });
});

// A meeting page's loader reads the circle's meetings version before its data; the join's
// acknowledgement and every meetings event carry the newest one, so a page that joined after a
// change can tell it missed it (useCircleRoom reloads it then).
describe("the meetings version", () => {
  it("rises with each change, reaches the room with the event, and is in the join and the loader", async () => {
    const circle = await makeDiscussionCircle({ members: 2 });
    const [alice, bob] = circle.members;
    const a = await connect(alice!.id);
    expect(await join(a.socket, circle.id)).toMatchObject({ ok: true, meetings: 0 });

    const page = async () => {
      const res = await load(meetingsListLoader, `/circles/${circle.id}/meetings`, {
        cookie: await sessionCookieFor(bob!.id),
        params: { circleId: String(circle.id) },
        context: makeContext({ publisher: server.publisher }),
      });
      return ((await res.json()) as { circle: { meetingsVersion: number } }).circle;
    };
    expect((await page()).meetingsVersion).toBe(0);

    server.publisher.meetingsChanged(circle.id);
    server.publisher.meetingsChanged(circle.id);
    await until(() => a.events.filter((e) => e.type === "circle.meetings").length === 2);
    expect(a.events.filter((e) => e.type === "circle.meetings")).toEqual([
      { type: "circle.meetings", circleId: circle.id, version: 1 },
      { type: "circle.meetings", circleId: circle.id, version: 2 },
    ]);
    expect((await page()).meetingsVersion).toBe(2);
    const b = await connect(bob!.id);
    expect(await join(b.socket, circle.id)).toMatchObject({ ok: true, meetings: 2 });

    // Another circle counts on its own.
    const other = await makeDiscussionCircle({ members: 1 });
    const c = await connect(other.members[0]!.id);
    expect(await join(c.socket, other.id)).toMatchObject({ ok: true, meetings: 0 });
  });
});
