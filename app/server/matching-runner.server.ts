/**
 * Matching runs off the request thread: each run is one worker thread (node:worker_threads)
 * running app/server/matching-worker.ts, so the engine never blocks the event loop that serves
 * pages and sockets. This module only keeps the live workers of this process (by run id) and
 * hands their messages on; the run's state lives in the database (matching.server.ts), which also
 * enforces one run per programme. A worker pool (piscina) would not earn its place: runs are rare,
 * one per programme at a time, and starting a thread costs a few milliseconds next to the run.
 */
import fs from "node:fs";
import path from "node:path";
import url from "node:url";
import { Worker } from "node:worker_threads";
import type { JobInput, JobMessage } from "../domain/matching/job";

type Handlers = {
  onProgress(message: Extract<JobMessage, { type: "progress" }>): void;
  onResult(message: Extract<JobMessage, { type: "result" }>): void;
  /** The worker failed (threw, or ended without a result); not called after cancelWorker. */
  onError(error: unknown): void;
};

type Active = { worker: Worker; cancelled: boolean; finished: Promise<void> };
const active = new Map<number, Active>();

/**
 * The worker: the bundle `npm run build:server` writes next to the server in production, else the
 * TypeScript source, loaded through tsx's module hooks registered inside the worker (development,
 * tests; `--import tsx` in execArgv does not reach a worker's entry module on Node 20).
 */
function createWorker(input: JobInput): Worker {
  const built = path.resolve("build/matching-worker.js");
  if (process.env.NODE_ENV === "production" && fs.existsSync(built))
    return new Worker(built, { workerData: input });
  const source = url.pathToFileURL(path.resolve("app/server/matching-worker.ts")).href;
  return new Worker(
    `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`,
    { eval: true, workerData: input },
  );
}

export function startWorker(runId: number, input: JobInput, handlers: Handlers): void {
  const worker = createWorker(input);
  let answered = false;
  const run: Active = {
    worker,
    cancelled: false,
    finished: new Promise<void>((resolve) => {
      worker.on("message", (message: JobMessage) => {
        if (run.cancelled) return;
        try {
          if (message.type === "progress") handlers.onProgress(message);
          else {
            answered = true;
            handlers.onResult(message);
          }
        } catch (error) {
          handlers.onError(error);
        }
      });
      worker.on("error", (error) => {
        if (run.cancelled || answered) return;
        answered = true;
        handlers.onError(error);
      });
      worker.on("exit", (code) => {
        active.delete(runId);
        if (!run.cancelled && !answered)
          handlers.onError(new Error(`matching worker exited with code ${code}`));
        resolve();
      });
    }),
  };
  active.set(runId, run);
}

/** Whether a run's worker is alive in this process (a restart ends all of them). */
export function isWorkerActive(runId: number): boolean {
  return active.has(runId);
}

/** Stops a run's worker at once; its messages are ignored from now on. */
export function cancelWorker(runId: number): boolean {
  const run = active.get(runId);
  if (!run) return false;
  run.cancelled = true;
  void run.worker.terminate();
  return true;
}

/** Resolves when every worker of this process has ended (tests, shutdown). */
export async function settleMatchingWorkers(): Promise<void> {
  await Promise.all([...active.values()].map((r) => r.finished));
}
