/**
 * The Kringwijs server: one Express app that serves the Remix request handler, the static
 * assets and Socket.IO on the same port. `npm start` runs it in production mode, compiled:
 * `npm run build` bundles it into build/server.js (packages stay in node_modules), so no
 * TypeScript loader is started in production. `npm run dev` runs it through tsx under
 * `remix dev --manual`, which rebuilds and tells this process to re-import the build.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, installGlobals, type ServerBuild } from "@remix-run/node";
import express from "express";
import helmet from "helmet";
import { startMailWorker } from "../app/server/mail-worker.server";
import { compressResponses } from "../app/server/compression.server";
import { attachRealtime, createPublisher } from "../app/server/realtime.server";
import { createLogger, requestLogger } from "../app/server/request-log.server";
import { isSameOriginRequest } from "../app/utils/origin";
import { clientKey } from "../app/utils/client-ip";
import { maxBodyBytes } from "../app/utils/body-limits";
import { closeDb, getDb, migrateDatabase } from "../app/utils/db.server";
import { getEnv } from "../app/utils/env.server";
import { deleteExpiredSessions } from "../app/utils/session.server";
import type { LoadContext } from "../app/load-context";

installGlobals({ nativeFetch: true });

const env = getEnv();
const isDev = env.NODE_ENV === "development";
// JSON lines in production (for the log collector), readable lines in development.
const logger = createLogger({ level: env.LOG_LEVEL, pretty: isDev });
const BUILD_PATH = path.resolve("build/index.js");

// Migrations run at every start, so a deployment never serves an old schema.
migrateDatabase(getDb());

async function importBuild(): Promise<ServerBuild> {
  // The query string busts Node's module cache after a dev rebuild.
  return (await import(`${url.pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`)) as ServerBuild;
}

let build = await importBuild();

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", env.TRUST_PROXY);

const HEALTH_OK = JSON.stringify({ status: "ok" });
const HEALTH_ERROR = JSON.stringify({ status: "error" });

/**
 * The health check, answered before Express: a load balancer asks every few seconds, so it costs
 * one `select 1` and a few bytes, is not compressed and not written to the request log.
 */
function healthCheck(res: http.ServerResponse) {
  let ok = true;
  try {
    getDb().$client.prepare("select 1").get();
  } catch (error) {
    ok = false;
    logger.error(
      { error: error instanceof Error ? error.message : String(error) },
      "Health check failed",
    );
  }
  const body = ok ? HEALTH_OK : HEALTH_ERROR;
  res.writeHead(ok ? 200 : 503, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(body);
}

const httpServer = http.createServer((req, res) => {
  const healthz = req.url === "/healthz" || req.url?.startsWith("/healthz?");
  if (healthz && (req.method === "GET" || req.method === "HEAD")) {
    healthCheck(res);
    return;
  }
  app(req, res);
});
const io = attachRealtime(httpServer);
const publisher = createPublisher(io);

// First, so every request is logged, also those refused or served as files further on.
app.use(requestLogger(logger, { trustRequestId: env.TRUST_PROXY !== false }));
// Pages and data compressed in one piece, build assets once (see compression.server.ts).
app.use(compressResponses({ threshold: 1024, immutablePrefix: "/build/" }));

/**
 * The Content-Security-Policy, built once: per response only the nonce differs. Scripts need
 * 'self' plus this response's nonce (Remix's inline scripts carry it); nothing may be evaluated
 * from strings ('unsafe-eval' is absent, which is why zod runs jitless).
 */
const CSP_DIRECTIVES: Array<[string, ...string[]]> = [
  ["default-src", "'self'"],
  ["base-uri", "'self'"],
  ["font-src", "'self'"],
  ["form-action", "'self'"],
  ["frame-ancestors", "'none'"],
  ["img-src", "'self'", "data:"],
  ["object-src", "'none'"],
  ["script-src", "'self'", "'nonce-{NONCE}'"],
  ["script-src-attr", "'none'"],
  ["style-src", "'self'"],
  ["connect-src", "'self'", ...(isDev ? ["ws://localhost:*"] : [])],
];
const [CSP_BEFORE_NONCE, CSP_AFTER_NONCE] = CSP_DIRECTIVES.map((d) => d.join(" "))
  .join(";")
  .split("{NONCE}");

app.use((_req, res, next) => {
  const nonce = crypto.randomBytes(16).toString("hex");
  res.locals.cspNonce = nonce;
  res.setHeader("Content-Security-Policy", CSP_BEFORE_NONCE + nonce + CSP_AFTER_NONCE);
  next();
});

// The other security headers; helmet builds them once.
app.use(
  helmet({
    contentSecurityPolicy: false,
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
  }),
);

// CSRF: a state-changing request must come from one of our own pages.
app.use((req, res, next) => {
  if (
    isSameOriginRequest({
      method: req.method,
      path: req.path,
      headers: req.headers,
      host: req.get("host") ?? "",
    })
  )
    return next();
  res.status(403).type("text/plain").send("Cross-origin request refused");
});

// Forms here are small; a larger body is refused before anything reads it (the photo upload
// has a larger limit of its own: app/utils/body-limits.ts).
app.use((req, res, next) => {
  if (Number(req.get("content-length") ?? 0) > maxBodyBytes(req.path)) {
    res.status(413).type("text/plain").send("Request too large");
    return;
  }
  next();
});

// Fingerprinted build assets never change; everything else in public/ may.
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
// Only paths that look like a file (favicon.svg) go to the disk; pages never end in an extension,
// and asking the file system first would cost every page a failed stat.
const servePublic = express.static("public", { maxAge: "1h" });
const FILE_LIKE = /\.[A-Za-z0-9]+$/;
app.use((req, res, next) => (FILE_LIKE.test(req.path) ? servePublic(req, res, next) : next()));

function getLoadContext(req: express.Request, res: express.Response): LoadContext {
  return {
    cspNonce: res.locals.cspNonce as string,
    clientIp: clientKey(req.ip),
    publisher,
    documentRequest: req.query._data === undefined,
    serverHtml: new Map(),
  };
}

if (isDev) {
  // Re-import the build whenever `remix dev` writes a new one, then tell it we are ready.
  let timer: NodeJS.Timeout | undefined;
  fs.watch(path.dirname(BUILD_PATH), () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      build = await importBuild();
      await broadcastDevReady(build);
    }, 100);
  });
  app.all("*", (req, res, next) =>
    createRequestHandler({ build, mode: "development", getLoadContext })(req, res, next),
  );
} else {
  app.all("*", createRequestHandler({ build, mode: build.mode, getLoadContext }));
}

const mailWorker = startMailWorker({
  intervalMs: env.MAIL_WORKER_INTERVAL_MS,
  onNotified: (userIds) => publisher.notified(userIds),
});
// Expired sessions are refused when used; this hourly sweep keeps the table small.
const sessionSweep = setInterval(() => deleteExpiredSessions(), 60 * 60_000);
sessionSweep.unref();

httpServer.listen(env.PORT, env.HOST, () => {
  logger.info(`Kringwijs listens on http://localhost:${env.PORT}`);
  if (isDev) void broadcastDevReady(build);
});

// Graceful shutdown: stop accepting, close live sockets, let requests finish, close the database.
let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal} received, shutting down`);
  const force = setTimeout(() => {
    logger.error("Shutdown took too long; exiting");
    process.exit(1);
  }, 10_000);
  force.unref();
  void io.close(() => {
    httpServer.close(() => {
      void mailWorker.stop().then(() => {
        closeDb();
        process.exit(0);
      });
    });
    httpServer.closeIdleConnections();
  });
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
