/**
 * Rate limits count clients by address; the address must be one the client cannot choose
 * (behind a proxy: the one our proxy saw), and an IPv6 client must not get a fresh key per
 * address of its /64.
 */
import type http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { clientKey } from "~/utils/client-ip";
import { getEnv, resetEnvCache } from "~/utils/env.server";

function withTrustProxy<T>(value: string, read: () => T): T {
  const before = process.env.TRUST_PROXY;
  process.env.TRUST_PROXY = value;
  resetEnvCache();
  try {
    return read();
  } finally {
    if (before === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = before;
    resetEnvCache();
  }
}

describe("clientKey", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["2001:0db8:0001:0002:0000:0000:0000:0099", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    [undefined, "unknown"],
  ])("counts %s as %s", (ip, key) => {
    expect(clientKey(ip)).toBe(key);
  });
});

describe("TRUST_PROXY", () => {
  it.each([
    ["false", false],
    ["true", 1],
    ["2", 2],
    ["10.0.0.1, 10.0.0.2", "10.0.0.1, 10.0.0.2"],
    ["loopback, 10.0.0.0/8", "loopback, 10.0.0.0/8"],
  ])("reads %j as %j", (value, expected) => {
    expect(withTrustProxy(value, () => getEnv().TRUST_PROXY)).toEqual(expected);
  });

  it("refuses anything else", () => {
    expect(() => withTrustProxy("everyone", () => getEnv())).toThrow(/TRUST_PROXY/);
  });

  let server: http.Server | undefined;
  afterEach(() => server?.close());

  it("takes the address our proxy saw, not one the client wrote into X-Forwarded-For", async () => {
    const app = express();
    app.set(
      "trust proxy",
      withTrustProxy("true", () => getEnv().TRUST_PROXY),
    );
    app.get("/", (req, res) => {
      res.send(clientKey(req.ip));
    });
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server!.once("listening", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    // Our proxy appends the address it saw; whatever the client sent stands to the left of it.
    const keys = await Promise.all(
      ["6.6.6.1", "6.6.6.2", "6.6.6.3"].map(async (spoofed) =>
        (await fetch(url, { headers: { "X-Forwarded-For": `${spoofed}, 198.51.100.4` } })).text(),
      ),
    );
    expect(keys).toEqual(["198.51.100.4", "198.51.100.4", "198.51.100.4"]);
  });
});
