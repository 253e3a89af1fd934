/**
 * The worker: on a timer, runs the scheduled jobs that are due (meeting reminders), builds the
 * digests that are due and sends what the outbox holds. Ticks never overlap; a failing tick is
 * logged and the next one tries again.
 */
import { runScheduledJobs } from "../models/job-handlers.server";
import { runDigests } from "../models/notifications.server";
import { processOutbox } from "../models/outbox.server";

export function startMailWorker({
  intervalMs,
  onNotified,
}: {
  intervalMs: number;
  /** Told who got notifications from a job, so their open pages update. */
  onNotified?: (userIds: number[]) => void;
}) {
  let running = false;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  const tick = () => {
    if (running || stopped) return;
    running = true;
    current = (async () => {
      try {
        const notified = runScheduledJobs();
        if (notified.length > 0) onNotified?.(notified);
        runDigests();
        await processOutbox();
      } catch (error) {
        console.error("Mail worker tick failed", error);
      } finally {
        running = false;
      }
    })();
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    /** Stops the timer and waits for a tick in progress, so shutdown never cuts a send short. */
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
