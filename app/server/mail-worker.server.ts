/**
 * The mail worker: on a timer, builds the digests that are due and sends what the outbox holds.
 * Ticks never overlap; a failing tick is logged and the next one tries again.
 */
import { runDigests } from "../models/notifications.server";
import { processOutbox } from "../models/outbox.server";

export function startMailWorker({ intervalMs }: { intervalMs: number }) {
  let running = false;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  const tick = () => {
    if (running || stopped) return;
    running = true;
    current = (async () => {
      try {
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
