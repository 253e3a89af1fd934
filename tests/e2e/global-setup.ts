/**
 * Starts one Kringwijs server for the whole end-to-end run: a fresh SQLite file with the demo
 * seed, mail written to an outbox folder, production mode on a free port. The tests get the
 * base URL, the outbox folder and the database file (to read, never to write) through `inject`.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { freePort } from "../../scripts/lib/bench-server";
import { startCommand } from "../../scripts/lib/start-command";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    outboxDir: string;
    databasePath: string;
    /** Lets the `login()` fixture sign a session cookie the way the server does. */
    sessionSecret: string;
  }
}

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

async function waitForHealthy(url: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`The server exited with code ${server.exitCode}:\n${output()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The server did not answer ${url} with 200 within 60 s:\n${output()}`);
}

function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => server.kill("SIGKILL"), 15_000);
    server.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    server.kill("SIGTERM");
  });
}

export default async function setup(project: TestProject) {
  // The same compiled server as `npm start` (build/server.js), with the same environment.
  const start = startCommand();
  for (const file of [path.join(root, "build/index.js"), start.entry]) {
    if (!fs.existsSync(file)) {
      throw new Error(`No production build (${file}): run \`npm run build\` before the e2e tests.`);
    }
  }
  const dir = path.join(root, "tests/.tmp", `e2e-${crypto.randomBytes(6).toString("hex")}`);
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const baseURL = `http://localhost:${port}`;
  const outboxDir = path.join(dir, "outbox");
  const databasePath = path.join(dir, "e2e.db");
  const sessionSecret = crypto.randomBytes(32).toString("hex");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    ...start.env,
    DATABASE_PATH: databasePath,
    OUTBOX_DIR: outboxDir,
    SESSION_SECRET: sessionSecret,
    PORT: String(port),
    // Send queued mail promptly, and notification mails without the usual wait.
    MAIL_WORKER_INTERVAL_MS: "200",
    NOTIFY_EMAIL_DELAY_SECONDS: "0",
    APP_URL: baseURL,
    // Set (empty) so a developer's .env cannot send the test mails to a real SMTP server.
    SMTP_URL: "",
    TRUST_PROXY: "false",
  };

  const cleanUp = () => fs.rmSync(dir, { recursive: true, force: true });

  try {
    // The seed migrates the fresh database first, then adds the demo people.
    await run(process.execPath, ["--import", "tsx", "scripts/seed.ts"], { cwd: root, env });
  } catch (error) {
    cleanUp();
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`Seeding failed: ${e.message}\n${e.stdout ?? ""}\n${e.stderr ?? ""}`, {
      cause: error,
    });
  }

  let output = "";
  const server = spawn(process.execPath, start.args, {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on("data", keep);
  server.stderr?.on("data", keep);

  try {
    await waitForHealthy(`${baseURL}/healthz`, server, () => output);
  } catch (error) {
    await stop(server);
    cleanUp();
    throw error;
  }

  project.provide("baseURL", baseURL);
  project.provide("outboxDir", outboxDir);
  project.provide("databasePath", databasePath);
  project.provide("sessionSecret", sessionSecret);

  return async () => {
    await stop(server);
    // The server's output of the last run, for reading after a failure (tests/.tmp is ignored).
    fs.writeFileSync(path.join(root, "tests/.tmp/e2e-server.log"), output);
    if (server.exitCode !== 0 && server.exitCode !== null) {
      console.error(`The server exited with code ${server.exitCode}:\n${output}`);
    }
    cleanUp();
  };
}
