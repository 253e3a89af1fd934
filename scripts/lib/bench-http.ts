/**
 * What the page benchmarks measure with: autocannon runs of a fixed number of connections, and
 * one page fetched the way a browser fetches it (its Accept-Encoding, User-Agent and language)
 * to count its bytes on the wire and decompressed.
 */
import autocannon from "autocannon";
import http from "node:http";
import zlib from "node:zlib";

export const CONNECTIONS = 10;

/** A browser's request headers; `encoding` is the Accept-Encoding sent. */
export function browserHeaders(encoding = "gzip, deflate, br"): Record<string, string> {
  return {
    accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "accept-language": "nl-NL,nl;q=0.9,en;q=0.8",
    "user-agent":
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36",
    "accept-encoding": encoding,
  };
}

export type Run = { rps: number; p99: number; requests: number; bad: number };

export async function load(
  url: string,
  headers: Record<string, string>,
  seconds: number,
): Promise<Run> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  return {
    // Completed responses over the run's length: a page slower than a second still counts.
    rps: result.requests.total / seconds,
    p99: result.latency.p99,
    requests: result.requests.total,
    bad: result.non2xx + result.errors + result.timeouts,
  };
}

export function decode(body: Buffer, encoding: string): Buffer {
  if (encoding === "gzip") return zlib.gunzipSync(body);
  if (encoding === "br") return zlib.brotliDecompressSync(body);
  if (encoding === "deflate") return zlib.inflateSync(body);
  return body;
}

/** The same bytes compressed the way a server answering with `encoding` would compress them. */
export function encode(body: Buffer, encoding: string): Buffer {
  if (encoding === "gzip") return zlib.gzipSync(body);
  if (encoding === "br") return zlib.brotliCompressSync(body);
  if (encoding === "deflate") return zlib.deflateSync(body);
  return body;
}

/** The body as sent (compressed when the server chose to), its decompressed size and text. */
export function pageBytes(url: string, headers: Record<string, string>) {
  return new Promise<{
    status: number;
    wire: number;
    html: number;
    encoding: string;
    text: string;
  }>((resolve, reject) => {
    http
      .get(url, { headers, agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const body = Buffer.concat(chunks);
          const encoding = String(response.headers["content-encoding"] ?? "identity");
          const decoded = decode(body, encoding);
          resolve({
            status: response.statusCode ?? 0,
            wire: body.length,
            html: decoded.length,
            encoding,
            text: decoded.toString("utf8"),
          });
        });
      })
      .on("error", reject);
  });
}

export const kb = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (value: number) => `${Math.round(value)} ms`;
export const pct = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;
export const pass = (ok: boolean) => (ok ? "pass" : "FAIL");

/** The benches' command-line options: `flag("--quick")`, `option("--rounds", 3)`, `text(...)`. */
export function cliOptions(argv = process.argv.slice(2)) {
  const at = (name: string) => argv.indexOf(name);
  return {
    flag: (name: string) => argv.includes(name),
    option: (name: string, fallback: number) =>
      at(name) >= 0 ? Number(argv[at(name) + 1]) : fallback,
    text: (name: string, fallback: string) => (at(name) >= 0 ? argv[at(name) + 1]! : fallback),
  };
}
