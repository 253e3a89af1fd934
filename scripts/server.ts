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
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { startMailWorker } from "../app/server/mail-worker.server";
import { attachRealtime, createPublisher } from "../app/server/realtime.server";
import { createLogger, requestLogger } from "../app/server/request-log.server";
import { isSameOriginRequest } from "../app/utils/origin";
import { clientKey } from "../app/utils/client-ip";
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

const httpServer = http.createServer(app);
const io = attachRealtime(httpServer);
const publisher = createPublisher(io);

// First, so every request is logged, also those refused or served as files further on.
app.use(requestLogger(logger, { trustRequestId: env.TRUST_PROXY !== false }));
app.use(compression());

app.use((_req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString("hex");
  next();
});

app.use(
  helmet({
    contentSecurityPolicy: {
      directives: {
        "default-src": ["'self'"],
        "connect-src": ["'self'", ...(isDev ? ["ws://localhost:*"] : [])],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "style-src": ["'self'"],
        "script-src": [
          "'self'",
          (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`,
        ],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "upgrade-insecure-requests": null,
      },
    },
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

// Forms here are small; a larger body is refused before anything reads it.
const MAX_BODY_BYTES = 1024 * 1024;
app.use((req, res, next) => {
  if (Number(req.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    res.status(413).type("text/plain").send("Request too large");
    return;
  }
  next();
});

app.get("/healthz", (_req, res) => {
  try {
    getDb().$client.prepare("select 1").get();
    res.set("Cache-Control", "no-store").json({ status: "ok" });
  } catch (error) {
    logger.error(
      { error: error instanceof Error ? error.message : String(error) },
      "Health check failed",
    );
    res.status(503).json({ status: "error" });
  }
});

// Fingerprinted build assets never change; everything else in public/ may.
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

function getLoadContext(req: express.Request, res: express.Response): LoadContext {
  return { cspNonce: res.locals.cspNonce as string, clientIp: clientKey(req.ip), publisher };
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

const mailWorker = startMailWorker({ intervalMs: env.MAIL_WORKER_INTERVAL_MS });
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
