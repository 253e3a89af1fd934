/**
 * Work due at a set time (meeting reminders, the poll reminder, the question after a meeting).
 * A job runs in one IMMEDIATE transaction with its effects: the handler's notifications (and
 * their queued e-mails) and the job's "done" commit together, so a crash or restart in between
 * leaves the job pending and nothing sent, and a second process (or a second tick) finds it done.
 * Jobs are rows, so they survive restarts; the worker (app/server/mail-worker.server.ts) asks
 * for the due ones on every tick.
 */
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import { scheduledJobs } from "../../db/schema";
import type { JobKind } from "../domain/states";
import { getDb } from "../utils/db.server";

export type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

/** Does the job's work inside its transaction; returns the users it notified. */
export type JobHandler = (tx: Tx, subjectId: number, now: Date) => number[];

/** A failing job is tried again after this wait, this many times, then marked failed. */
const RETRY_AFTER_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;

/** Schedules a job in the caller's transaction. A due time in the past runs on the next tick. */
export function scheduleJob(tx: Tx, kind: JobKind, subjectId: number, dueAt: Date) {
  tx.insert(scheduledJobs).values({ kind, subjectId, dueAt, status: "pending" }).run();
}

/** Cancels the pending jobs of these kinds for one subject (a meeting moved or cancelled). */
export function cancelJobs(tx: Tx, kinds: readonly JobKind[], subjectId: number) {
  tx.update(scheduledJobs)
    .set({ status: "cancelled" })
    .where(
      and(
        inArray(scheduledJobs.kind, [...kinds]),
        eq(scheduledJobs.subjectId, subjectId),
        eq(scheduledJobs.status, "pending"),
      ),
    )
    .run();
}

export function pendingJobs(kinds: readonly JobKind[], subjectId: number) {
  return getDb()
    .select({ kind: scheduledJobs.kind, dueAt: scheduledJobs.dueAt })
    .from(scheduledJobs)
    .where(
      and(
        inArray(scheduledJobs.kind, [...kinds]),
        eq(scheduledJobs.subjectId, subjectId),
        eq(scheduledJobs.status, "pending"),
      ),
    )
    .orderBy(asc(scheduledJobs.dueAt))
    .all();
}

/**
 * Runs the jobs due at `now`, oldest first, each in its own transaction, at most `limit` per
 * call so one tick never holds the database for long. Returns the users notified, for the
 * caller to tell their open pages.
 */
export function runDueJobs(
  handlers: Record<JobKind, JobHandler>,
  now: Date = new Date(),
  limit = 50,
): number[] {
  const db = getDb();
  const due = db
    .select({ id: scheduledJobs.id })
    .from(scheduledJobs)
    .where(and(eq(scheduledJobs.status, "pending"), lte(scheduledJobs.dueAt, now)))
    .orderBy(asc(scheduledJobs.dueAt), asc(scheduledJobs.id))
    .limit(limit)
    .all();
  const notified: number[] = [];
  for (const { id } of due) {
    try {
      notified.push(
        ...db.transaction(
          (tx) => {
            // Read again inside the lock: another process may have run it since the list.
            const job = tx.select().from(scheduledJobs).where(eq(scheduledJobs.id, id)).get();
            if (!job || job.status !== "pending") return [];
            const ids = handlers[job.kind](tx, job.subjectId, now);
            tx.update(scheduledJobs)
              .set({ status: "done", doneAt: now, attempts: job.attempts + 1 })
              .where(eq(scheduledJobs.id, id))
              .run();
            return ids;
          },
          { behavior: "immediate" },
        ),
      );
    } catch (error) {
      // The handler's writes rolled back with it; note the failure and try again later.
      const job = db.select().from(scheduledJobs).where(eq(scheduledJobs.id, id)).get();
      if (!job) continue;
      const attempts = job.attempts + 1;
      db.update(scheduledJobs)
        .set({
          attempts,
          lastError: error instanceof Error ? error.message : String(error),
          status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
          dueAt: new Date(now.getTime() + RETRY_AFTER_MS),
        })
        .where(eq(scheduledJobs.id, id))
        .run();
      console.error(`Job ${id} (${job.kind}) failed`, error);
    }
  }
  return notified;
}
