/**
 * The worker thread of a matching run (see app/server/matching-runner.server.ts): runs one job and
 * posts its progress and result to the main thread, so a long run never blocks the server's event
 * loop. Built to build/matching-worker.js by `npm run build:server`; in development and tests it
 * runs from this file through tsx.
 */
import { parentPort, workerData } from "node:worker_threads";
import { runJob, type JobInput } from "../domain/matching/job";

if (!parentPort) throw new Error("matching-worker must run in a worker thread");
const port = parentPort;
runJob(workerData as JobInput, (message) => port.postMessage(message));
