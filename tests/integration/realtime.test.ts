import { describe, expect, it, onTestFinished } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import { eq } from "drizzle-orm";
import { sessions } from "../../db/schema";
import { issueUserToken } from "~/models/tokens.server";
import { action as adminUsersAction } from "~/routes/admin.users";
import { action as logoutAction } from "~/routes/logout";
import { action as resetAction } from "~/routes/reset-password";
import { action as settingsAction } from "~/routes/settings";
import { getDb } from "~/utils/db.server";
import { readSessionToken } from "~/utils/session.server";
import {
  actionArgs,
  formRequest,
  makeContext,
  makeUser,
  sessionCookieFor,
  settle as settleResponse,
  withRealtimeServer,
} from "./helpers";

// A short session re-check interval, so the expiry test need not wait a minute.
const server = withRealtimeServer({ sessionCheckMs: 100 });
const open = server.open;

const settle = () => new Promise((r) => setTimeout(r, 150));

/** Resolves with the reason the server closed the socket, or null when it is still open after `ms`. */
function closedWithin(socket: Socket, ms = 1000) {
  return new Promise<string | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    socket.once("disconnect", (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

const sessionIdOf = async (cookie: string) => (await readSessionToken(cookie))!.split(".")[0]!;

describe("Socket.IO with the session cookie", () => {
  it("delivers a user's events only to that user's sockets; anonymous sockets hear public events only", async () => {
    const alice = await makeUser();
    const bob = await makeUser();
    const a = await open({ Cookie: await sessionCookieFor(alice.id) });
    const b = await open({ Cookie: await sessionCookieFor(bob.id) });
    const anon = await open();
    const forged = await open({ Cookie: "kw_session=forged.value" });

    server.publisher.toUser(alice.id, { type: "roles.changed" });
    await settle();
    expect(a.events).toEqual([{ type: "roles.changed" }]);
    expect(b.events).toEqual([]);
    expect(anon.events).toEqual([]);
    expect(forged.events).toEqual([]);

    server.publisher.toPublic({ type: "roles.changed" });
    await settle();
    for (const s of [a, b, anon, forged])
      expect(s.events.at(-1)).toEqual({ type: "roles.changed" });
  });

  it("disconnects a user's sockets on request (log out everywhere)", async () => {
    const carol = await makeUser();
    const c = await open({ Cookie: await sessionCookieFor(carol.id) });
    const closed = new Promise<string>((resolve) => c.socket.on("disconnect", resolve));
    server.publisher.disconnectUser(carol.id);
    expect(await closed).toBe("io server disconnect");
  });

  it("turns away a handshake from another site", async () => {
    const socket = connect(server.url, {
      transports: ["polling"],
      extraHeaders: { Origin: "https://evil.example" },
      reconnection: false,
    });
    onTestFinished(() => void socket.disconnect());
    const error = await new Promise<Error>((resolve) => socket.on("connect_error", resolve));
    expect(error).toBeInstanceOf(Error);
    expect(socket.connected).toBe(false);
  });
});

describe("sockets end with the session", () => {
  const context = () => makeContext({ publisher: server.publisher });

  it("logout closes the sockets of that session only; the user's other browser stays live", async () => {
    const user = await makeUser();
    const here = await sessionCookieFor(user.id);
    const elsewhere = await sessionCookieFor(user.id);
    const a = await open({ Cookie: here });
    const b = await open({ Cookie: elsewhere });
    const closed = closedWithin(a.socket);
    await settleResponse(() =>
      logoutAction(actionArgs(formRequest("/logout", {}, { cookie: here }), context())),
    );
    expect(await closed).toBe("io server disconnect");
    server.publisher.toUser(user.id, { type: "notifications.changed" });
    await settle();
    expect(b.socket.connected).toBe(true);
    expect(b.events).toEqual([{ type: "notifications.changed" }]);
    expect(a.events).toEqual([]);
  });

  it("a password reset closes every socket of the user", async () => {
    const user = await makeUser();
    const a = await open({ Cookie: await sessionCookieFor(user.id) });
    const b = await open({ Cookie: await sessionCookieFor(user.id) });
    const closed = Promise.all([closedWithin(a.socket), closedWithin(b.socket)]);
    const token = issueUserToken({ userId: user.id, purpose: "reset_password" });
    const res = await settleResponse(() =>
      resetAction(
        actionArgs(
          formRequest("/reset-password", {
            token,
            password: "een heel nieuw wachtwoord",
            confirm: "een heel nieuw wachtwoord",
          }),
          context(),
        ),
      ),
    );
    expect(res.status).toBe(302);
    expect(await closed).toEqual(["io server disconnect", "io server disconnect"]);
  });

  it("log out everywhere closes every socket of the user", async () => {
    const user = await makeUser();
    const here = await sessionCookieFor(user.id);
    const a = await open({ Cookie: here });
    const b = await open({ Cookie: await sessionCookieFor(user.id) });
    const closed = Promise.all([closedWithin(a.socket), closedWithin(b.socket)]);
    await settleResponse(() =>
      settingsAction(
        actionArgs(
          formRequest("/settings", { intent: "logout-everywhere" }, { cookie: here }),
          context(),
        ),
      ),
    );
    expect(await closed).toEqual(["io server disconnect", "io server disconnect"]);
  });

  it("revoking a role re-checks the user's sockets: live sessions reload, ended ones close", async () => {
    const organiser = await makeUser({ roles: ["organiser"] });
    const coach = await makeUser({ roles: ["entrepreneur", "coach"] });
    const live = await open({ Cookie: await sessionCookieFor(coach.id) });
    const staleCookie = await sessionCookieFor(coach.id);
    const stale = await open({ Cookie: staleCookie });
    // A session that ended without its socket being told (as a crash between the two would leave it).
    getDb()
      .delete(sessions)
      .where(eq(sessions.id, await sessionIdOf(staleCookie)))
      .run();
    const staleClosed = closedWithin(stale.socket);
    const organiserCookie = await sessionCookieFor(organiser.id);
    const res = await settleResponse(() =>
      adminUsersAction(
        actionArgs(
          formRequest(
            "/admin/users",
            { intent: "revoke", userId: String(coach.id), role: "coach" },
            { cookie: organiserCookie },
          ),
          context(),
        ),
      ),
    );
    expect(res.status).toBe(200);
    expect(await staleClosed).toBe("io server disconnect");
    await settle();
    expect(live.socket.connected).toBe(true);
    expect(live.events).toEqual([{ type: "roles.changed" }]);
    expect(stale.events).toEqual([]);
  });

  it("closes a socket once its session has expired", async () => {
    const user = await makeUser();
    const cookie = await sessionCookieFor(user.id);
    const s = await open({ Cookie: cookie });
    const closed = closedWithin(s.socket, 2000);
    getDb()
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() + 200) })
      .where(eq(sessions.id, await sessionIdOf(cookie)))
      .run();
    expect(await closed).toBe("io server disconnect");
    server.publisher.toUser(user.id, { type: "notifications.changed" });
    await settle();
    expect(s.events).toEqual([]);
  });
});
