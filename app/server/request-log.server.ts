/**
 * The request log: one JSON line per request with method, route (the path, never the query,
 * where tokens travel, and never the calendar feed's secret), status, duration, request id and user id. Nothing else from the request
 * is written, so e-mail addresses, names, cookies, tokens and form values cannot end up in it;
 * header fields are redacted as well, in case a later change logs the request object.
 */
import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pino, type DestinationStream, type Level, type Logger } from "pino";
import { pinoHttp } from "pino-http";
import { requestFacts, type RequestFacts } from "../utils/request-facts.server";

export type LogLevel = Level | "silent";

export function createLogger(
  options: { level: LogLevel; pretty: boolean },
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      level: options.level,
      base: undefined,
      redact: {
        paths: [
          "req.headers.cookie",
          "req.headers.authorization",
          'res.headers["set-cookie"]',
          "*.email",
          "*.password",
          "*.token",
        ],
        censor: "[redacted]",
      },
      // pino-pretty is a development dependency: only asked for outside production.
      ...(options.pretty && !destination
        ? {
            transport: {
              target: "pino-pretty",
              options: { singleLine: true, translateTime: "HH:MM:ss" },
            },
          }
        : {}),
    },
    destination,
  );
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

type Req = IncomingMessage & { id?: unknown; originalUrl?: string };

// The facts of each response's request, read when the line is written after the handler is done.
const factsOf = new WeakMap<ServerResponse, RequestFacts>();
const userOf = (res: ServerResponse) => factsOf.get(res)?.userId ?? null;

/** The calendar feed's secret is its path (calendar apps cannot send a header), so it is cut out. */
const FEED_PATH = /^\/calendar\/[^/]+$/;

function routeOf(req: Req) {
  const route = (req.originalUrl ?? req.url ?? "/").split("?")[0]!;
  return FEED_PATH.test(route) ? "/calendar/[token].ics" : route;
}

/**
 * Express middleware. `trustRequestId`: take a proxy's X-Request-Id (only behind a proxy we
 * trust; otherwise a client could choose its own id). The id is sent back as X-Request-Id, so
 * a person reporting a problem can quote it.
 */
export function requestLogger(logger: Logger, options: { trustRequestId: boolean }) {
  const log = pinoHttp<Req, ServerResponse>({
    logger,
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: "requestId" },
    genReqId: (req, res) => {
      const given = req.headers["x-request-id"];
      const id =
        options.trustRequestId && typeof given === "string" && REQUEST_ID.test(given)
          ? given
          : crypto.randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : "info"),
    customSuccessObject: (req, res, value: { responseTime: number }) => ({
      method: req.method,
      route: routeOf(req),
      status: res.statusCode,
      durationMs: value.responseTime,
      userId: userOf(res),
    }),
    customErrorObject: (req, res, error, value: { responseTime: number }) => ({
      method: req.method,
      route: routeOf(req),
      status: res.statusCode,
      durationMs: value.responseTime,
      userId: userOf(res),
      error: error.message,
    }),
    customSuccessMessage: (req, res) => `${req.method} ${routeOf(req)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${routeOf(req)} ${res.statusCode}`,
  });
  return (req: Req, res: ServerResponse, next: () => void) => {
    const store: RequestFacts = { userId: null };
    factsOf.set(res, store);
    log(req, res);
    requestFacts().run(store, next);
  };
}
