/**
 * The bare limit for `npm run bench:live`: node:http and the `ws` package, nothing else. A client
 * connects to `/?circle=N`; `POST /post?circle=N` sends its body, as it came, to every client of
 * that circle and answers 204. No session, no room check, no database, no framing beyond
 * WebSocket's: what a broadcast of the same messages costs at best on this machine. Reads PORT
 * and HOST; started by scripts/bench-live.ts.
 */
import http from "node:http";
import { WebSocketServer, type WebSocket } from "ws";

const port = Number(process.env.PORT ?? 3998);
const host = process.env.HOST ?? "127.0.0.1";
const circles = new Map<number, Set<WebSocket>>();

const circleOf = (url: string | undefined) =>
  Number(new URL(url ?? "/", "http://localhost").searchParams.get("circle"));

const server = http.createServer((req, res) => {
  if (req.method === "POST" && req.url?.startsWith("/post")) {
    const circleId = circleOf(req.url);
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const message = Buffer.concat(chunks).toString("utf8");
      for (const client of circles.get(circleId) ?? []) client.send(message);
      res.writeHead(204).end();
    });
    return;
  }
  res.writeHead(req.url === "/" ? 200 : 404, { "Content-Type": "text/plain" }).end("ok");
});

const wss = new WebSocketServer({ server });
wss.on("connection", (client, req) => {
  const circleId = circleOf(req.url);
  let members = circles.get(circleId);
  if (!members) circles.set(circleId, (members = new Set()));
  members.add(client);
  client.on("close", () => members.delete(client));
});

server.listen(port, host);
process.on("SIGTERM", () => {
  for (const client of wss.clients) client.terminate();
  server.close(() => process.exit(0));
});
