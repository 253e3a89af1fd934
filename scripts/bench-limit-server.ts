/**
 * The bare limit for `npm run bench:pages`: node:http and better-sqlite3, no framework, no
 * middleware, no compression. Every GET renders the list of open circles (the same query as
 * `/circles`, member counts included) into an HTML string of about the same shape as the app's
 * page: a head with a stylesheet link, a header with navigation, a card per circle. It is what
 * this machine can do at best for a comparable page, so the app's req/s is reported as a ratio to
 * it. Reads DATABASE_PATH and PORT; started by scripts/bench-pages.ts.
 */
import http from "node:http";
import Database from "better-sqlite3";

const db = new Database(process.env.DATABASE_PATH ?? "data/kringwijs.db", {
  readonly: true,
  fileMustExist: true,
});
const port = Number(process.env.PORT ?? 3999);

const openCircles = db.prepare(`
  select c.id, c.name, c.theme, c.description, c.capacity_max as capacityMax,
         c.meeting_mode as meetingMode, c.province, p.name as programmeName,
         (select count(*) from membership m where m.circle_id = c.id and m.state = 'member')
           as members
  from circle c
  inner join programme p on p.id = c.programme_id
  where c.open_for_applications = 1 and c.status in ('forming', 'active')
    and p.archived_at is null
  order by c.name asc
`);

type Row = {
  id: number;
  name: string;
  theme: string;
  description: string;
  capacityMax: number;
  meetingMode: string;
  province: string | null;
  programmeName: string;
  members: number;
};

const escapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const escape = (value: string) => value.replace(/[&<>"']/g, (c) => escapes[c]!);

function page(rows: Row[]) {
  const cards = rows
    .map((c) => {
      const seatsLeft = Math.max(0, c.capacityMax - c.members);
      return `<li class="card circle-card"><h2><a href="/circles/${c.id}">${escape(c.name)}</a></h2><p class="muted">${escape(c.theme)} · ${escape(c.programmeName)}</p><p>${escape(c.description)}</p><p class="circle-meta"><span class="badge ${seatsLeft > 0 ? "badge-ok" : "badge-warn"}">${seatsLeft > 0 ? `Nog ${seatsLeft} plaatsen` : "Vol"}</span> ${escape(c.meetingMode)}${c.province ? ` · ${escape(c.province)}` : ""}</p></li>`;
    })
    .join("");
  return `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Open kringen | Kringwijs</title><link rel="stylesheet" href="/build/app.css"></head><body><header class="site-header"><a href="/" class="brand">Kringwijs</a><nav aria-label="Hoofdmenu"><a href="/circles">Kringen</a> <a href="/login">Inloggen</a> <a href="/signup">Aanmelden</a></nav></header><main id="main"><div class="page"><h1>Open kringen</h1><ul class="card-grid">${cards}</ul></div></main><footer class="site-footer">Kringwijs</footer></body></html>`;
}

const server = http.createServer((req, res) => {
  if (req.method !== "GET") {
    res.writeHead(405).end();
    return;
  }
  const body = page(openCircles.all() as Row[]);
  res.writeHead(200, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
  });
  res.end(body);
});

server.listen(port, "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
