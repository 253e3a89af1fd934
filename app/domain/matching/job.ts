/**
 * One matching job as the worker thread runs it (app/server/matching-worker.ts is only the
 * wiring): the engine with a time budget, reporting progress, answering with the circles as user
 * ids. Pure apart from the clock, so unit tests call it directly.
 */
import { match, type MatchProgress } from "./engine";
import type { Candidate, Policy } from "./model";

export type JobInput = {
  pool: Candidate[];
  policy: Policy;
  seed: number;
  /** Milliseconds after which the best result so far is returned (complete: false). */
  budgetMs: number;
};

export type JobMessage =
  | ({ type: "progress" } & MatchProgress)
  | { type: "result"; circles: number[][]; complete: boolean; ms: number };

export function runJob(input: JobInput, post: (message: JobMessage) => void): void {
  const start = performance.now();
  const result = match(input.pool, input.policy, {
    seed: input.seed,
    deadline: start + input.budgetMs,
    onProgress: (progress) => post({ type: "progress", ...progress }),
  });
  post({
    type: "result",
    circles: result.circles.map((c) => c.members),
    complete: result.complete,
    ms: performance.now() - start,
  });
}
