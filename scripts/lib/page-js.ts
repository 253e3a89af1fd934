/**
 * How much JavaScript a page loads: every `<script src>` and `<link rel="modulepreload">` its
 * HTML names, each fetched and compressed with gzip level 9 (node's zlib), summed. Shared by
 * `npm run bench:js` (the table) and tests/e2e/js-size.e2e.test.ts (the check that keeps the
 * targets), so both count the same files the same way.
 */
import zlib from "node:zlib";
import type Database from "better-sqlite3";

/** Issue 15's budgets, gzip -9, in KiB (1,024 bytes). */
export const JS_BUDGET = { landing: 125 * 1024, page: 140 * 1024 };

export type JsRoute = {
  name: string;
  path: string;
  /** The seeded person to sign in as, or null for an anonymous visit. */
  as: string | null;
  budget: number;
};

export const ENTREPRENEUR = "ondernemer@kringwijs.test";
export const ORGANISER = "organisator@kringwijs.test";
export const AMBASSADOR = "ambassadeur@kringwijs.test";

/**
 * The pages to measure, with ids looked up in a seeded database: a circle the seeded
 * entrepreneur is a member of, its coach and its programme.
 */
export function jsRoutes(db: Database.Database): JsRoute[] {
  const row = db
    .prepare(
      `select c.id as circleId, c.programme_id as programmeId
       from membership m join user u on u.id = m.user_id join circle c on c.id = m.circle_id
       where u.email = ? and m.state = 'member' order by c.id limit 1`,
    )
    .get(ENTREPRENEUR) as { circleId: number; programmeId: number } | undefined;
  if (!row) throw new Error(`${ENTREPRENEUR} is no member of a circle in the seeded database`);
  // The members page is for the circle's coaches only.
  const coach = db
    .prepare(
      `select u.email from circle_coach cc join user u on u.id = cc.user_id
       where cc.circle_id = ? order by u.id limit 1`,
    )
    .get(row.circleId) as { email: string } | undefined;
  if (!coach) throw new Error(`Circle ${row.circleId} has no coach in the seeded database`);
  const c = `/circles/${row.circleId}`;
  const thread = db
    .prepare("select id from thread where circle_id = ? order by id limit 1")
    .get(row.circleId) as { id: number } | undefined;
  if (!thread) throw new Error(`Circle ${row.circleId} has no thread in the seeded database`);
  // The meeting pages load their messages as a chunk of their own: they count here too.
  const meeting = db
    .prepare("select id from meeting where circle_id = ? order by starts_at desc limit 1")
    .get(row.circleId) as { id: number } | undefined;
  if (!meeting) throw new Error(`Circle ${row.circleId} has no meeting in the seeded database`);
  const poll = db
    .prepare("select id from meeting_poll where circle_id = ? order by id limit 1")
    .get(row.circleId) as { id: number } | undefined;
  if (!poll) throw new Error(`Circle ${row.circleId} has no date poll in the seeded database`);
  const p = `/programmes/${row.programmeId}`;
  const page = (name: string, path: string, as: string | null): JsRoute => ({
    name,
    path,
    as,
    budget: path === "/" && as === null ? JS_BUDGET.landing : JS_BUDGET.page,
  });
  return [
    page("landing (anonymous)", "/", null),
    page("open circles (anonymous)", "/circles", null),
    page("log in", "/login", null),
    page("sign up", "/signup", null),
    page("forgot password", "/forgot-password", null),
    page("dashboard (entrepreneur)", "/dashboard", ENTREPRENEUR),
    page("open circles (entrepreneur)", "/circles", ENTREPRENEUR),
    page("circle page", c, ENTREPRENEUR),
    page("circle home", `${c}/home`, ENTREPRENEUR),
    page("circle threads", `${c}/threads`, ENTREPRENEUR),
    page("thread", `${c}/threads/${thread.id}`, ENTREPRENEUR),
    page("new thread", `${c}/threads/new`, ENTREPRENEUR),
    page("thread search", `${c}/threads/search?q=klant`, ENTREPRENEUR),
    page("thread (coach)", `${c}/threads/${thread.id}`, coach.email),
    page("moderation queue", `${c}/moderation`, coach.email),
    page("meetings", `${c}/meetings`, ENTREPRENEUR),
    page("meeting", `${c}/meetings/${meeting.id}`, ENTREPRENEUR),
    page("date poll", `${c}/polls/${poll.id}`, ENTREPRENEUR),
    page("meeting follow-up (coach)", `${c}/meetings/${meeting.id}/follow-up`, coach.email),
    page("calendar settings", "/settings/calendar", ENTREPRENEUR),
    page("settings", "/settings", ENTREPRENEUR),
    page("notification settings", "/settings/notifications", ENTREPRENEUR),
    page("notifications", "/notifications", ENTREPRENEUR),
    page("onboarding: company", "/onboarding/company", ENTREPRENEUR),
    page("onboarding: profile", "/onboarding/profile", ENTREPRENEUR),
    page("dashboard (organiser)", "/dashboard", ORGANISER),
    page("dashboard (coach)", "/dashboard", coach.email),
    page("circle members", `${c}/members`, coach.email),
    page("circle edit", `${c}/edit`, ORGANISER),
    page("programmes", "/programmes", ORGANISER),
    page("new programme", "/programmes/new", ORGANISER),
    page("programme", p, ORGANISER),
    page("programme edit", `${p}/edit`, ORGANISER),
    page("programme matching", `${p}/matching`, ORGANISER),
    page("new circle", `${p}/circles/new`, ORGANISER),
    page("admin: users", "/admin/users", ORGANISER),
    // The knowledge bank (issue 18): its messages are a chunk of their own too.
    page("knowledge bank (anonymous)", "/knowledge?q=opvolging", null),
    page("knowledge story (anonymous)", `/knowledge/${knowledgeSlug(db)}`, null),
    page("knowledge editor (organiser)", "/knowledge/new", ORGANISER),
    page("ambassadors (anonymous)", "/ambassadors", null),
    page("ambassador profile (anonymous)", `/ambassadors/${ambassadorSlug(db)}`, null),
    page("ask an ambassador (anonymous)", `/ambassadors/${ambassadorSlug(db)}/contact`, null),
    page("wegwijzer (anonymous)", "/support", null),
    page("ambassador hub", "/ambassador", AMBASSADOR),
    page("ambassador profile editor", "/ambassador/profile", AMBASSADOR),
    page("contact requests", "/ambassador/requests", AMBASSADOR),
    page("borging (coach)", `${c}/harvest`, coach.email),
  ];
}

/** The demo ambassador's published profile (db/seed-ambassadors.ts). */
function ambassadorSlug(db: Database.Database): string {
  const row = db
    .prepare(
      "select slug from ambassador_profile p join user u on u.id = p.user_id where u.email = ? and p.published = 1",
    )
    .get(AMBASSADOR) as { slug: string } | undefined;
  if (!row) throw new Error("No published profile of the demo ambassador in the seeded database");
  return row.slug;
}

/** A published story of the seed (db/seed-knowledge.ts). */
function knowledgeSlug(db: Database.Database): string {
  const row = db
    .prepare(
      "select slug from knowledge_item where status = 'published' and kind = 'story' order by id limit 1",
    )
    .get() as { slug: string } | undefined;
  if (!row) throw new Error("No published story in the seeded database");
  return row.slug;
}

const decodeEntities = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const m of tag.matchAll(pattern)) {
    found.set(m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ""));
  }
  return found;
}

/**
 * The absolute URLs of the scripts a page's HTML names (`<script src>`) or preloads as modules
 * (`<link rel="modulepreload" href>`), each once, in document order.
 */
export function scriptUrls(html: string, pageUrl: string): string[] {
  const urls = new Set<string>();
  for (const m of html.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const attrs = attributes(m[2]!);
    const tag = m[1]!.toLowerCase();
    const rels = (attrs.get("rel") ?? "").toLowerCase().split(/\s+/);
    const href =
      tag === "script" ? attrs.get("src") : rels.includes("modulepreload") ? attrs.get("href") : "";
    if (href) urls.add(new URL(href, pageUrl).href);
  }
  return [...urls];
}

export type ScriptSize = { url: string; raw: number; gzip: number };
export type PageJs = { files: ScriptSize[]; raw: number; gzip: number };

/** The gzip -9 size of a file's bytes, as a server with pre-compressed assets could send it. */
export const gzipSize = (bytes: Uint8Array) => zlib.gzipSync(bytes, { level: 9 }).length;

/**
 * Sizes already measured, by URL. The build's assets are fingerprinted (a changed file gets a new
 * name), so within one run a URL's size never changes; most pages share the big chunks.
 */
const measured = new Map<string, ScriptSize>();

/**
 * Fetches every script the page names and sums the sizes. Fetch undoes any Content-Encoding, so
 * `raw` is the file itself; a non-200 answer is an error, since a missing file would make the
 * page look lighter than it is.
 */
export async function measurePageJs(html: string, pageUrl: string): Promise<PageJs> {
  const files: ScriptSize[] = [];
  for (const url of scriptUrls(html, pageUrl)) {
    let size = measured.get(url);
    if (!size) {
      const bytes = await fetchBytes(url);
      size = { url, raw: bytes.length, gzip: gzipSize(bytes) };
      measured.set(url, size);
    }
    files.push(size);
  }
  return {
    files,
    raw: files.reduce((sum, f) => sum + f.raw, 0),
    gzip: files.reduce((sum, f) => sum + f.gzip, 0),
  };
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
