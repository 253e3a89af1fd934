/**
 * Applying a circle's live events exactly once and in order, whatever the socket does.
 *
 * How a gap is detected: the server numbers a circle's events 1, 2, 3, … in the same
 * transaction as the write they describe (appendEvent in discussions.server.ts), and publishes
 * them only after commit. A page that has applied everything up to `last` therefore expects
 * `last + 1` next.
 * - An event with `seq <= last` is a duplicate (already applied, or already in the loader's
 *   data) and is dropped.
 * - An event with `seq > last + 1` means the ones between were missed (sent while the socket was
 *   down or before it joined the room): it waits, and the missing ones are fetched (`fetchSince`,
 *   the events route) before anything after them is applied.
 * - After a (re)connect the join's answer carries the circle's current number (`known`); above
 *   `last`, the same catch-up runs, so events sent while offline arrive even if nothing new follows.
 * Events that arrive while a catch-up runs wait too and are applied after it, in `seq` order.
 * When the log no longer reaches back (`{ reload: true }`) the page reloads its data instead and
 * hands the new loader `seq` to `rebase`.
 */

export type Sequenced = { seq: number };

export type CatchUpResult<E> = { events: E[] } | { reload: true };

export type EventSequenceHandlers<E> = {
  /** Applies events to the page, in order; called only with events after the last applied one. */
  apply: (events: E[]) => void;
  /** The circle's events after `since` (GET /circles/:id/events?since=…). */
  fetchSince: (since: number) => Promise<CatchUpResult<E>>;
  /** The page reloads its data (revalidate); the new loader seq comes back through `rebase`. */
  reload: () => void;
};

/** How many applied events are kept to re-apply when new loader data is older than them. */
const REPLAY_KEEP = 500;
/** A failed catch-up (network) is tried again after this long. */
const RETRY_MS = 3_000;
/** A reload that did not come back through `rebase` in this time no longer holds catch-ups back. */
const RELOAD_WAIT_MS = 10_000;

export class EventSequence<E extends Sequenced> {
  private last: number;
  /** Received, not yet applied (after a gap or during a catch-up), by seq. */
  private readonly pending = new Map<number, E>();
  /** The highest seq known to exist: from events and from join answers. */
  private highest: number;
  /** Events applied on top of the loader's data, to re-apply when that data is replaced. */
  private applied: E[] = [];
  private fetching = false;
  private reloadingUntil = 0;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    loaderSeq: number,
    private readonly handlers: EventSequenceHandlers<E>,
    private readonly now: () => number = Date.now,
  ) {
    this.last = loaderSeq;
    this.highest = loaderSeq;
  }

  /** The seq of the last event the page shows. */
  get lastApplied() {
    return this.last;
  }

  /** Live events as they arrive from the socket. */
  receive(events: E[]) {
    for (const event of events) this.hold(event);
    this.drain();
  }

  /** The circle's current seq, from the answer to a (re)join: anything above `last` was missed. */
  known(seq: number) {
    this.highest = Math.max(this.highest, seq);
    this.drain();
  }

  /**
   * The page replaced its state with loader data at `seq` (a revalidation). Newer data: events
   * up to it are in it. Older data (a load that started before events the page already applied):
   * those events are applied again, from memory, since the page's state no longer has them.
   */
  rebase(seq: number) {
    this.reloadingUntil = 0;
    this.highest = Math.max(this.highest, seq);
    if (seq >= this.last) {
      this.last = seq;
      this.applied = [];
    } else {
      const replay = this.applied.filter((e) => e.seq > seq);
      if (replay[0]?.seq === seq + 1) {
        this.applied = replay;
        this.handlers.apply(replay);
      } else {
        // Not in memory any more: fetch them like any other gap.
        this.last = seq;
        this.applied = [];
      }
    }
    for (const s of this.pending.keys()) if (s <= this.last) this.pending.delete(s);
    this.drain();
  }

  stop() {
    this.stopped = true;
    this.pending.clear();
    if (this.retry) clearTimeout(this.retry);
  }

  private hold(event: E) {
    if (event.seq <= this.last) return;
    this.pending.set(event.seq, event);
    this.highest = Math.max(this.highest, event.seq);
  }

  /** Applies what follows `last` without a hole; starts a catch-up when something is missing. */
  private drain() {
    if (this.stopped || this.fetching) return;
    this.applyReady();
    if (this.highest > this.last && this.now() >= this.reloadingUntil) void this.catchUp();
  }

  /** Applies the pending events that follow `last` without a hole; returns how many. */
  private applyReady(): number {
    const ready: E[] = [];
    for (let next = this.pending.get(this.last + 1); next; next = this.pending.get(this.last + 1)) {
      this.pending.delete(next.seq);
      this.last = next.seq;
      ready.push(next);
    }
    if (ready.length === 0) return 0;
    this.applied.push(...ready);
    if (this.applied.length > REPLAY_KEEP)
      this.applied.splice(0, this.applied.length - REPLAY_KEEP);
    this.handlers.apply(ready);
    return ready.length;
  }

  private async catchUp() {
    this.fetching = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    let result: CatchUpResult<E>;
    try {
      result = await this.handlers.fetchSince(this.last);
    } catch {
      this.fetching = false;
      if (!this.stopped) this.retry = setTimeout(() => this.drain(), RETRY_MS);
      return;
    }
    this.fetching = false;
    if (this.stopped) return;
    if ("reload" in result) return this.reload();
    for (const event of result.events) this.hold(event);
    // The fetched events together with those that arrived meanwhile, in seq order.
    const progressed = this.applyReady() > 0;
    if (this.highest <= this.last) return;
    // Still behind: fetch on while that helps; when the log has nothing the page is missing, it
    // cannot say more, so the page loads afresh.
    if (progressed) void this.catchUp();
    else this.reload();
  }

  private reload() {
    this.reloadingUntil = this.now() + RELOAD_WAIT_MS;
    this.handlers.reload();
  }
}
