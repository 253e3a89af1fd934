import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import type { Server as IOServer } from "socket.io";
import {
  attachRealtime,
  createPublisher,
  type LiveEvent,
  type Publisher,
} from "~/server/realtime.server";
import { makeUser, sessionCookieFor } from "./helpers";

let httpServer: http.Server;
let io: IOServer;
let publisher: Publisher;
let url: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  httpServer = http.createServer();
  io = attachRealtime(httpServer);
  publisher = createPublisher(io);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await new Promise<void>((resolve) => io.close(() => resolve()));
});

async function open(headers: Record<string, string> = {}) {
  const socket = connect(url, {
    transports: ["websocket"],
    extraHeaders: headers,
    reconnection: false,
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.on("connect", () => resolve());
    socket.on("connect_error", reject);
  });
  const events: LiveEvent[] = [];
  socket.on("live", (e: LiveEvent) => events.push(e));
  return { socket, events };
}

const settle = () => new Promise((r) => setTimeout(r, 150));

describe("Socket.IO with the session cookie", () => {
  it("delivers a user's events only to that user's sockets; anonymous sockets hear public events only", async () => {
    const alice = await makeUser();
    const bob = await makeUser();
    const a = await open({ Cookie: await sessionCookieFor(alice.id) });
    const b = await open({ Cookie: await sessionCookieFor(bob.id) });
    const anon = await open();
    const forged = await open({ Cookie: "kw_session=forged.value" });

    publisher.toUser(alice.id, { type: "roles.changed" });
    await settle();
    expect(a.events).toEqual([{ type: "roles.changed" }]);
    expect(b.events).toEqual([]);
    expect(anon.events).toEqual([]);
    expect(forged.events).toEqual([]);

    publisher.toPublic({ type: "roles.changed" });
    await settle();
    for (const s of [a, b, anon, forged])
      expect(s.events.at(-1)).toEqual({ type: "roles.changed" });
  });

  it("disconnects a user's sockets on request (log out everywhere)", async () => {
    const carol = await makeUser();
    const c = await open({ Cookie: await sessionCookieFor(carol.id) });
    const closed = new Promise<string>((resolve) => c.socket.on("disconnect", resolve));
    publisher.disconnectUser(carol.id);
    expect(await closed).toBe("io server disconnect");
  });

  it("turns away a handshake from another site", async () => {
    const socket = connect(url, {
      transports: ["polling"],
      extraHeaders: { Origin: "https://evil.example" },
      reconnection: false,
    });
    sockets.push(socket);
    const error = await new Promise<Error>((resolve) => socket.on("connect_error", resolve));
    expect(error).toBeInstanceOf(Error);
    expect(socket.connected).toBe(false);
  });
});
