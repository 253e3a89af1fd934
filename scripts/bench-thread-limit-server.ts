/**
 * The bare limit for `npm run bench:thread`: node:http and better-sqlite3, no framework, no
 * middleware, no compression (as the limit of bench:pages). Every GET reads one thread's posts
 * (their stored, sanitised HTML and their authors' names) and renders them into an HTML string of
 * about the shape of the app's thread page: a head with a stylesheet link, a header with
 * navigation, the title, and an article per post with its author, time and text. Reads
 * DATABASE_PATH, PORT and THREAD_ID; started by scripts/bench-thread.ts.
 */
import http from "node:http";
import Database from "better-sqlite3";

const db = new Database(process.env.DATABASE_PATH ?? "data/kringwijs.db", {
  readonly: true,
  fileMustExist: true,
});
const port = Number(process.env.PORT ?? 3999);
const threadId = Number(process.env.THREAD_ID);

const threadQuery = db.prepare(`select id, circle_id as circleId, title from thread where id = ?`);
const postsQuery = db.prepare(`
  select p.id, p.html, p.created_at as createdAt, u.name as author
  from post p left join user u on u.id = p.author_id
  where p.thread_id = ? and p.deleted_at is null and p.hidden_at is null
  order by p.id
`);

type Post = { id: number; html: string; createdAt: number; author: string | null };

const escapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const escape = (value: string) => value.replace(/[&<>"']/g, (c) => escapes[c]!);

function page(thread: { circleId: number; title: string }, posts: Post[]) {
  const articles = posts
    .map((p) => {
      const at = new Date(p.createdAt).toISOString();
      return `<article class="post" id="post-${p.id}"><header class="post-meta"><strong>${escape(p.author ?? "")}</strong> <time dateTime="${at}">${at.slice(0, 10)}</time></header><div class="post-body">${p.html}</div></article>`;
    })
    .join("");
  return `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(thread.title)} | Kringwijs</title><link rel="stylesheet" href="/build/app.css"></head><body><header class="site-header"><a href="/" class="brand">Kringwijs</a><nav aria-label="Hoofdmenu"><a href="/dashboard">Overzicht</a> <a href="/circles">Kringen</a> <a href="/notifications">Meldingen</a></nav></header><main id="main"><div class="page"><p><a href="/circles/${thread.circleId}/threads">Gesprekken</a></p><h1>${escape(thread.title)}</h1>${articles}</div></main><footer class="site-footer">Kringwijs</footer></body></html>`;
}

const server = http.createServer((req, res) => {
  if (req.method !== "GET") {
    res.writeHead(405).end();
    return;
  }
  const thread = threadQuery.get(threadId) as { circleId: number; title: string } | undefined;
  if (!thread) {
    res.writeHead(404).end();
    return;
  }
  const body = page(thread, postsQuery.all(threadId) as Post[]);
  res.writeHead(200, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
  });
  res.end(body);
});

server.listen(port, "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
