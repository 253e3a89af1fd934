/**
 * Response compression, in one piece per response. The `compression` package compresses as a
 * stream: every response sets up its own zlib or brotli stream, and that setup (window and
 * buffers, allocated on the main thread, then garbage) cost more than rendering the page itself
 * here: about 1 ms of CPU per page with gzip and 10 ms with brotli, which browsers prefer. Our
 * responses are small and complete before they are sent (no route streams), so this middleware
 * collects the body and compresses it in one synchronous call sized to it (0.1-0.2 ms for a
 * page). Responses below `threshold` are sent as they are: they fit in a packet anyway.
 * Fingerprinted build assets never change, so theirs is compressed once and kept.
 */
import zlib from "node:zlib";
import type { NextFunction, Request, Response } from "express";

export type Encoding = "br" | "gzip";

const COMPRESSIBLE =
  /^(?:text\/|application\/(?:json|javascript|xml|manifest\+json)|image\/svg\+xml)/i;

/** The best encoding the client accepts (brotli, then gzip), honouring q=0; null for none. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const quality = q ? Number(q.slice(2)) : 1;
    accepted.set(name.trim(), Number.isFinite(quality) ? quality : 0);
  }
  const wildcard = accepted.get("*") ?? 0;
  for (const encoding of ["br", "gzip"] as const) {
    if ((accepted.get(encoding) ?? wildcard) > 0) return encoding;
  }
  return null;
}

/** `harder` for bodies compressed once and kept: brotli 5 takes ~16 ms for our largest script. */
export function compress(body: Buffer, encoding: Encoding, { harder = false } = {}): Buffer {
  return encoding === "br"
    ? zlib.brotliCompressSync(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: harder ? 5 : 4,
          // Lets brotli size its window to the body instead of allocating 4 MB.
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : zlib.gzipSync(body, { level: harder ? 9 : 6 });
}

function addVary(res: Response) {
  const vary = res.getHeader("Vary");
  const current = Array.isArray(vary) ? vary.join(", ") : String(vary ?? "");
  if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(current)) {
    res.setHeader("Vary", current ? `${current}, Accept-Encoding` : "Accept-Encoding");
  }
}

type Chunk = string | Buffer | Uint8Array;

function toBuffer(chunk: Chunk, encoding?: BufferEncoding): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  return typeof chunk === "string" ? Buffer.from(chunk, encoding) : Buffer.from(chunk);
}

export function compressResponses({
  threshold = 1024,
  immutablePrefix,
}: {
  threshold?: number;
  /** Paths under this prefix never change: their compressed bodies are kept in memory. */
  immutablePrefix?: string;
} = {}) {
  const kept = new Map<string, Buffer>();
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === "HEAD") return next();
    const encoding = chooseEncoding(req.headers["accept-encoding"]);
    const keepAs =
      immutablePrefix && req.method === "GET" && req.path.startsWith(immutablePrefix)
        ? `${encoding}:${req.path}`
        : null;
    const chunks: Buffer[] = [];
    const write = res.write;
    const end = res.end;

    res.write = function (chunk: Chunk, encodingOrCallback?: unknown, callback?: unknown) {
      if (chunk !== undefined && chunk !== null) {
        chunks.push(
          toBuffer(
            chunk,
            typeof encodingOrCallback === "string"
              ? (encodingOrCallback as BufferEncoding)
              : undefined,
          ),
        );
      }
      const done = typeof encodingOrCallback === "function" ? encodingOrCallback : callback;
      if (typeof done === "function") process.nextTick(done as () => void);
      return true;
    } as Response["write"];

    res.end = function (chunk?: unknown, encodingOrCallback?: unknown, callback?: unknown) {
      res.write = write;
      res.end = end;
      if (typeof chunk === "function") {
        callback = chunk;
        chunk = undefined;
      } else if (typeof encodingOrCallback === "function") {
        callback = encodingOrCallback;
      }
      if (chunk !== undefined && chunk !== null) {
        chunks.push(
          toBuffer(
            chunk as Chunk,
            typeof encodingOrCallback === "string"
              ? (encodingOrCallback as BufferEncoding)
              : undefined,
          ),
        );
      }
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      const done = typeof callback === "function" ? (callback as () => void) : undefined;
      const send = (out: Buffer) =>
        done ? end.call(res, out, "binary", done) : end.call(res, out, "binary");
      if (res.headersSent) return send(body);

      const type = String(res.getHeader("Content-Type") ?? "");
      const compressible =
        COMPRESSIBLE.test(type) &&
        !res.getHeader("Content-Encoding") &&
        res.statusCode !== 204 &&
        res.statusCode !== 304 &&
        res.statusCode !== 206 &&
        !/\bno-transform\b/.test(String(res.getHeader("Cache-Control") ?? ""));
      if (compressible) addVary(res);
      if (!compressible || !encoding || body.length < threshold) {
        if (res.statusCode !== 204 && res.statusCode !== 304)
          res.setHeader("Content-Length", body.length);
        return send(body);
      }
      let compressed = keepAs && res.statusCode === 200 ? kept.get(keepAs) : undefined;
      if (!compressed) {
        // Kept bodies are compressed once, so harder (they are the big scripts).
        compressed = compress(body, encoding, { harder: keepAs !== null });
        if (keepAs && res.statusCode === 200) kept.set(keepAs, compressed);
      }
      res.setHeader("Content-Encoding", encoding);
      res.setHeader("Content-Length", compressed.length);
      return send(compressed);
    } as Response["end"];

    next();
  };
}
