/**
 * What the page benchmarks share: a seeded database in a temporary folder, the production server
 * started exactly as `npm start` starts it, and a signed session cookie for a seeded person.
 * Nothing here builds: the benchmarks expect `npm run build` to have run.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createCookie } from "@remix-run/node";
import Database from "better-sqlite3";
import { generateSecureRandomString, hashSecret } from "../../app/utils/crypto.server";
import { startCommand } from "./start-command";

export const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (address === null || typeof address === "string") {
        server.close();
        reject(new Error("No port"));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}

export function requireBuild() {
  const files = ["build/index.js", "public/build"].map((f) => path.join(root, f));
  for (const file of [...files, startCommand().entry]) {
    if (!fs.existsSync(file)) {
      throw new Error(`No production build (${file}): run \`npm run build\` first.`);
    }
  }
}

export type Workspace = {
  dir: string;
  databasePath: string;
  outboxDir: string;
  sessionSecret: string;
  cleanUp: () => void;
};

/** A temporary folder with a freshly migrated and seeded database, as the e2e setup makes it. */
export async function seededWorkspace(): Promise<Workspace> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kringwijs-bench-"));
  const workspace: Workspace = {
    dir,
    databasePath: path.join(dir, "bench.db"),
    outboxDir: path.join(dir, "outbox"),
    sessionSecret: crypto.randomBytes(32).toString("hex"),
    cleanUp: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
  try {
    await run(process.execPath, ["--import", "tsx", "scripts/seed.ts"], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", DATABASE_PATH: workspace.databasePath },
    });
  } catch (error) {
    workspace.cleanUp();
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`Seeding failed: ${e.message}\n${e.stderr ?? ""}`, { cause: error });
  }
  return workspace;
}

export type RunningServer = {
  process: ChildProcess;
  baseURL: string;
  port: number;
  output: () => string;
  stop: () => Promise<void>;
};

/** Starts `npm start`'s command on a free port against the workspace's database. */
export async function spawnServer(
  workspace: Workspace,
  { args, env: extraEnv = {} }: { args?: string[]; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const command = startCommand();
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, args ?? command.args, {
    cwd: root,
    env: {
      ...process.env,
      ...command.env,
      DATABASE_PATH: workspace.databasePath,
      OUTBOX_DIR: workspace.outboxDir,
      SESSION_SECRET: workspace.sessionSecret,
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: baseURL,
      LOG_LEVEL: "silent",
      // Set (empty) so a developer's .env cannot send mail to a real SMTP server.
      SMTP_URL: "",
      TRUST_PROXY: "false",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return { process: child, baseURL, port, output: () => output, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** One GET with a fresh connection; resolves with the status, or null when nothing answers. */
export function probe(url: string, timeoutMs = 2_000): Promise<number | null> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: timeoutMs }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? null));
      response.on("error", () => resolve(null));
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(null));
  });
}

/**
 * Polls `url` until it answers 200 and returns when that happened (performance.now()). Polls
 * every 10 ms, so a cold start is measured to about that.
 */
export async function waitFor200(server: RunningServer, url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.process.exitCode !== null) {
      throw new Error(
        `The server exited with code ${server.process.exitCode}:\n${server.output()}`,
      );
    }
    const status = await probe(url);
    if (status === 200) return performance.now();
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms:\n${server.output()}`);
}

/** Starts the production server and waits until its first page is served. */
export async function startServer(workspace: Workspace): Promise<RunningServer> {
  const server = await spawnServer(workspace);
  try {
    await waitFor200(server, `${server.baseURL}/`);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** The process's resident memory in bytes (Linux), or null where /proc is not there. */
export function residentBytes(pid: number): { rss: number; peak: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (name: string) =>
      Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, "m"))![1]);
    return { rss: kb("VmRSS") * 1024, peak: kb("VmHWM") * 1024 };
  } catch {
    return null;
  }
}

export function openWorkspaceDb(workspace: Workspace) {
  const db = new Database(workspace.databasePath, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  return db;
}

/**
 * A `Cookie` header for a new session of a seeded person, written straight into the database
 * and signed with the server's secret, as the e2e `login()` fixture does.
 */
export async function sessionCookieFor(workspace: Workspace, email: string): Promise<string> {
  const db = openWorkspaceDb(workspace);
  try {
    const user = db.prepare("select id from user where email = ?").get(email) as
      { id: number } | undefined;
    if (!user) throw new Error(`No user ${email} in the seeded database`);
    const id = generateSecureRandomString(15);
    const secret = generateSecureRandomString(24);
    // A month ahead: far from the renewal window, so no request writes to the session.
    const expiresAt = Date.now() + 30 * 24 * 60 * 60 * 1000;
    db.prepare(
      "insert into session (id, secret_hash, user_id, expires_at, created_at) values (?, ?, ?, ?, ?)",
    ).run(id, hashSecret(secret), user.id, expiresAt, Date.now());
    const cookie = createCookie("kw_session", {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secrets: [workspace.sessionSecret],
    });
    return (await cookie.serialize(`${id}.${secret}`)).split(";")[0]!;
  } finally {
    db.close();
  }
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
