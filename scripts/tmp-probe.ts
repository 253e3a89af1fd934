// Temporary: time sequential replies against the production server (not committed).
import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";
import { generateSecureRandomString, hashSecret } from "../app/utils/crypto.server";
import { openWorkspaceDb, seededWorkspace, spawnServer, waitFor200 } from "./lib/bench-server";
import { startCommand as sc } from "./lib/start-command";

const ws = await seededWorkspace();
const db = openWorkspaceDb(ws);
const programme = db.prepare("select id from programme limit 1").get() as { id: number };
const cid = Number(db.prepare(`insert into circle (programme_id, name, theme, status, capacity_min, capacity_max, meeting_mode, open_for_applications, house_rules) values (?, 'X', 'growth', 'active', 2, 8, 'online', 0, 'r')`).run(programme.id).lastInsertRowid);
const uid = Number(db.prepare(`insert into user (email, name, password_hash, email_verified_at) values ('p@b.test','P','x',?)`).run(Date.now()).lastInsertRowid);
db.prepare("insert into user_role (user_id, role) values (?, 'entrepreneur')").run(uid);
db.prepare("insert into membership (circle_id, user_id, state, house_rules_accepted_at) values (?, ?, 'member', ?)").run(cid, uid, Date.now());
const id = generateSecureRandomString(15), secret = generateSecureRandomString(24);
db.prepare("insert into session (id, secret_hash, user_id, expires_at, created_at) values (?, ?, ?, ?, ?)").run(id, hashSecret(secret), uid, Date.now() + 1e9, Date.now());
db.close();
const cookie = (await createCookie("kw_session", { secrets: [ws.sessionSecret] }).serialize(`${id}.${secret}`)).split(";")[0]!;
const prof = process.argv.includes("--prof");
const app = await spawnServer(ws, { env: { POSTS_PER_MINUTE: "10000" }, args: prof ? ["--cpu-prof", "--cpu-prof-dir=/tmp/kw-prof", ...sc().args] : undefined });
await waitFor200(app, app.baseURL + "/");
const h = { Cookie: cookie, Origin: app.baseURL, "Content-Type": "application/x-www-form-urlencoded" };
const r = await fetch(`${app.baseURL}/circles/${cid}/threads/new`, { method: "POST", redirect: "manual", headers: h, body: new URLSearchParams({ title: "T", body: "B", key: crypto.randomUUID() }) });
const tid = Number(r.headers.get("Location")!.match(/threads\/(\d+)/)![1]);
const times: number[] = [];
for (let i = 0; i < 200; i++) {
  const t = performance.now();
  const res = await fetch(`${app.baseURL}/circles/${cid}/threads/${tid}?_data=${encodeURIComponent("routes/circles.$circleId.threads.$threadId")}`, { method: "POST", headers: h, body: new URLSearchParams({ intent: "reply", body: `Antwoord ${i}`, key: crypto.randomUUID() }) });
  await res.text();
  times.push(performance.now() - t);
  if (res.status !== 200) console.log(res.status);
}
times.sort((a, b) => a - b);
console.log("median", times[100]!.toFixed(1), "p90", times[180]!.toFixed(1), "max", times[199]!.toFixed(1));
await app.stop();
ws.cleanUp();
