import { describe, expect, it } from "vitest";
import { EventSequence, type CatchUpResult } from "./event-sequence";

type E = { seq: number };
const ev = (...seqs: number[]): E[] => seqs.map((seq) => ({ seq }));

/** A sequence over a log of events 1..`logTo` (events at or below `prunedTo` are gone). */
function setup(loaderSeq: number, log: { logTo?: number; prunedTo?: number } = {}) {
  const applied: number[] = [];
  const fetches: number[] = [];
  let reloads = 0;
  let release: (() => void) | null = null;
  let hold = false;
  const state = { logTo: log.logTo ?? 0, prunedTo: log.prunedTo ?? 0 };
  const sequence = new EventSequence<E>(loaderSeq, {
    apply: (events) => applied.push(...events.map((e) => e.seq)),
    fetchSince: async (since) => {
      fetches.push(since);
      // Answer as the server does at the moment the request arrives.
      const answer = (): CatchUpResult<E> =>
        since < state.prunedTo
          ? { reload: true }
          : { events: ev(...Array.from({ length: state.logTo - since }, (_, i) => since + 1 + i)) };
      if (!hold) return answer();
      return new Promise((resolve) => {
        release = () => resolve(answer());
      });
    },
    reload: () => {
      reloads += 1;
    },
  });
  return {
    sequence,
    applied,
    fetches,
    state,
    reloads: () => reloads,
    holdFetches: () => {
      hold = true;
    },
    release: () => release?.(),
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe("EventSequence", () => {
  it("applies events in order and drops the ones already applied or in the loader's data", async () => {
    const s = setup(3, { logTo: 6 });
    s.sequence.receive(ev(2, 3, 4));
    s.sequence.receive(ev(4, 5));
    await flush();
    expect(s.applied).toEqual([4, 5]);
    expect(s.fetches).toEqual([]);
  });

  it("fetches what a gap left out before applying what follows it", async () => {
    const s = setup(1, { logTo: 5 });
    s.sequence.receive(ev(2));
    s.sequence.receive(ev(5));
    await flush();
    expect(s.fetches).toEqual([2]);
    expect(s.applied).toEqual([2, 3, 4, 5]);
  });

  it("catches up after a reconnect when the join says the circle moved on", async () => {
    const s = setup(2, { logTo: 4 });
    s.sequence.known(2);
    await flush();
    expect(s.fetches).toEqual([]);
    s.sequence.known(4);
    await flush();
    expect(s.fetches).toEqual([2]);
    expect(s.applied).toEqual([3, 4]);
  });

  it("queues live events that arrive during a catch-up and applies them after it, once each", async () => {
    const s = setup(0, { logTo: 3 });
    s.holdFetches();
    s.sequence.known(3);
    await flush();
    // While the fetch runs, the live ones (4, 5) and a duplicate of a missed one (2) arrive.
    s.state.logTo = 5;
    s.sequence.receive(ev(5, 4, 2));
    expect(s.applied).toEqual([]);
    s.release();
    await flush();
    expect(s.applied).toEqual([1, 2, 3, 4, 5]);
    expect(s.fetches).toEqual([0]);
  });

  it("reloads when the log no longer reaches back", async () => {
    const s = setup(2, { logTo: 1500, prunedTo: 500 });
    s.sequence.known(1500);
    await flush();
    expect(s.reloads()).toBe(1);
    expect(s.applied).toEqual([]);
    // The reloaded page's data is at 1500; what follows applies normally.
    s.sequence.rebase(1500);
    s.sequence.receive(ev(1501));
    await flush();
    expect(s.applied).toEqual([1501]);
  });

  it("re-applies from memory when the reloaded data is older than what the page showed", async () => {
    const s = setup(0, { logTo: 3 });
    s.sequence.receive(ev(1, 2, 3));
    s.sequence.rebase(1);
    await flush();
    expect(s.applied).toEqual([1, 2, 3, 2, 3]);
    expect(s.fetches).toEqual([]);
    expect(s.sequence.lastApplied).toBe(3);
  });

  it("skips events that newer loader data already holds", async () => {
    const s = setup(0, { logTo: 4 });
    s.sequence.receive(ev(1));
    s.sequence.rebase(3);
    s.sequence.receive(ev(2, 3, 4));
    await flush();
    expect(s.applied).toEqual([1, 4]);
  });

  it("reloads instead of fetching in a loop when the log has nothing the page is missing", async () => {
    const s = setup(0, { logTo: 0 });
    s.sequence.known(7);
    await flush();
    await flush();
    expect(s.fetches).toEqual([0]);
    expect(s.reloads()).toBe(1);
  });

  it("does nothing more once stopped", async () => {
    const s = setup(0, { logTo: 2 });
    s.holdFetches();
    s.sequence.receive(ev(2));
    s.sequence.stop();
    s.release();
    await flush();
    expect(s.applied).toEqual([]);
  });
});
