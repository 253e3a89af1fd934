import type { AddressInfo } from "node:net";
import type http from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, requestLogger } from "~/server/request-log.server";
import { getAuth } from "~/utils/auth.server";
import { getEnv, resetEnvCache } from "~/utils/env.server";
import { readSessionToken } from "~/utils/session.server";
import { makeUser, sessionCookieFor } from "./helpers";

const lines: string[] = [];
let server: http.Server;
let base: string;

/** The request log of scripts/server.ts in front of two small routes, writing into `lines`. */
function makeApp(trustRequestId: boolean) {
  const logger = createLogger({ level: "info", pretty: false }, { write: (s) => lines.push(s) });
  const app = express();
  app.use(requestLogger(logger, { trustRequestId }));
  // Like a Remix action: reads the form, looks up the session, answers with a new cookie.
  app.post("/reset-password", express.urlencoded({ extended: false }), async (req, res) => {
    await getAuth(
      new Request(`http://localhost${req.originalUrl}`, {
        headers: { Cookie: req.headers.cookie ?? "" },
      }),
    );
    res.status(303).set("Set-Cookie", "kw_session=nieuw-geheim").set("Location", "/").end();
  });
  app.get("/calendar/:file", (_req, res) => {
    res.status(404).end();
  });
  app.get("/kapot", () => {
    throw new Error("Het ging mis");
  });
  // Express's own error page would print the stack to the console; the log line is enough here.
  app.use((_error: unknown, _req: express.Request, res: express.Response, _next: () => void) => {
    res.status(500).end();
  });
  return app;
}

async function listen(app: express.Express) {
  const s = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => s.once("listening", resolve));
  return { server: s, base: `http://127.0.0.1:${(s.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  ({ server, base } = await listen(makeApp(false)));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("the request log", () => {
  it("writes one line with method, route, status, duration, request id and user id, and nothing private", async () => {
    const user = await makeUser({ email: `log-${Date.now()}@example.nl`, name: "Priscilla Privé" });
    const cookie = await sessionCookieFor(user.id);
    const token = (await readSessionToken(cookie))!;
    lines.length = 0;
    const response = await fetch(`${base}/reset-password?token=geheim-token-123&email=x`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        email: user.email,
        name: "Priscilla Privé",
        password: "mijn geheime wachtwoord",
      }),
    });
    expect(response.status).toBe(303);
    await expect.poll(() => lines.length).toBe(1);
    const line = lines[0]!;
    expect(line.endsWith("\n")).toBe(true);
    const entry = JSON.parse(line) as Record<string, unknown>;
    expect(Object.keys(entry).sort()).toEqual(
      [
        "durationMs",
        "level",
        "method",
        "msg",
        "requestId",
        "route",
        "status",
        "time",
        "userId",
      ].sort(),
    );
    expect(entry).toMatchObject({
      level: 30,
      method: "POST",
      route: "/reset-password",
      status: 303,
      userId: user.id,
      msg: "POST /reset-password 303",
    });
    expect(entry.durationMs).toEqual(expect.any(Number));
    expect(entry.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("X-Request-Id")).toBe(entry.requestId);
    for (const secret of [
      token,
      token.split(".")[1]!,
      cookie,
      "geheim-token-123",
      user.email,
      "Priscilla",
      "wachtwoord",
      "nieuw-geheim",
    ])
      expect(line, secret).not.toContain(secret);
  });

  it("logs anonymous requests with user id null, and a failure as an error with status 500", async () => {
    lines.length = 0;
    await fetch(`${base}/reset-password`, { method: "POST", redirect: "manual" });
    await expect.poll(() => lines.length).toBe(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ userId: null, status: 303, level: 30 });

    const failed = await fetch(`${base}/kapot?email=a@b.nl`);
    expect(failed.status).toBe(500);
    await expect.poll(() => lines.length).toBe(2);
    expect(JSON.parse(lines[1]!)).toMatchObject({
      level: 50,
      method: "GET",
      route: "/kapot",
      status: 500,
      userId: null,
    });
    expect(lines[1]).not.toContain("a@b.nl");
  });

  it("never writes a calendar feed's secret, which is in its path", async () => {
    lines.length = 0;
    await fetch(`${base}/calendar/geheimekalendersleutel234567abcdefghijk.ics`);
    await expect.poll(() => lines.length).toBe(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ route: "/calendar/[token].ics", status: 404 });
    expect(lines[0]).not.toContain("geheimekalendersleutel");
  });

  it("takes a request id from the proxy only when the proxy is trusted, and only a plain one", async () => {
    lines.length = 0;
    await fetch(`${base}/kapot`, { headers: { "X-Request-Id": "van-de-client" } });
    await expect.poll(() => lines.length).toBe(1);
    expect(JSON.parse(lines[0]!).requestId).not.toBe("van-de-client");

    const trusted = await listen(makeApp(true));
    try {
      const answer = await fetch(`${trusted.base}/kapot`, {
        headers: { "X-Request-Id": "proxy-4f2a.17" },
      });
      expect(answer.headers.get("X-Request-Id")).toBe("proxy-4f2a.17");
      await fetch(`${trusted.base}/kapot`, { headers: { "X-Request-Id": "<script>" } });
      await expect.poll(() => lines.length).toBe(3);
      expect(JSON.parse(lines[1]!).requestId).toBe("proxy-4f2a.17");
      expect(JSON.parse(lines[2]!).requestId).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await new Promise((resolve) => trusted.server.close(resolve));
    }
  });

  it("is silent in tests unless LOG_LEVEL says otherwise", () => {
    expect(getEnv().LOG_LEVEL).toBe("silent");
    const before = process.env.LOG_LEVEL;
    try {
      process.env.LOG_LEVEL = "debug";
      resetEnvCache();
      expect(getEnv().LOG_LEVEL).toBe("debug");
      process.env.LOG_LEVEL = "luid";
      resetEnvCache();
      expect(() => getEnv()).toThrow(/LOG_LEVEL/);
    } finally {
      if (before === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = before;
      resetEnvCache();
    }
  });
});
