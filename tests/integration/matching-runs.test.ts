/**
 * Issue 19: matching runs in a worker thread. The action answers at once; progress reaches the
 * organisers live; a second run for the programme is refused while one goes; a run can be
 * cancelled; a time budget saves the best result so far, marked as such; and the main thread's
 * event loop keeps turning while a large pool is matched.
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { matchingProposals, matchingRuns } from "../../db/schema";
import { getDb } from "~/utils/db.server";
import {
  cancelMatchingRun,
  latestRun,
  programmePolicy,
  runOfProposal,
  startMatchingRun,
} from "~/models/matching.server";
import { settleMatchingWorkers, startWorker } from "~/server/matching-runner.server";
import {
  action as runAction,
  loader as runLoader,
} from "~/routes/programmes.$programmeId.matching._index";
import { loader as proposalLoader } from "~/routes/programmes.$programmeId.matching.$proposalId";
import { defaultWeights } from "~/models/programmes.server";
import { syntheticPool } from "~/domain/matching/synthetic";
import type { JobMessage } from "~/domain/matching/job";
import {
  actionArgs,
  formRequest,
  getRequest,
  loaderArgs,
  makeContext,
  makeMatchableEntrepreneur,
  makeProgramme,
  recordingPublisher,
  sessionCookieFor,
  settle,
} from "./helpers";

const policyFields = {
  sizeMin: "3",
  sizeTarget: "4",
  sizeMax: "5",
  sectorPolicy: "mixed",
  meetingMode: "online",
  ...Object.fromEntries(
    Object.entries(defaultWeights).map(([k, v]) => [`weights.${k}`, String(v)]),
  ),
};

async function programmeWithCandidates(count = 8) {
  const programme = await makeProgramme();
  for (let i = 0; i < count; i++) await makeMatchableEntrepreneur();
  return programme;
}

describe("matching runs in a worker thread", () => {
  it("answers at once, tells the organisers how far it is, and saves the proposal", async () => {
    const { id: programmeId, organiser } = await programmeWithCandidates();
    const cookie = await sessionCookieFor(organiser.id);
    const { publisher, sent } = recordingPublisher();
    const params = { programmeId: String(programmeId) };
    const started = await settle(() =>
      runAction(
        actionArgs(
          formRequest(`/programmes/${programmeId}/matching`, policyFields, { cookie }),
          makeContext({ publisher }),
          params,
        ),
      ),
    );
    expect(started.status).toBe(302);
    expect(started.headers.get("Location")).toBe(`/programmes/${programmeId}/matching`);
    // Nothing is saved yet: the engine works in the worker, after the response.
    expect(latestRun(programmeId)?.status).toBe("running");
    expect(
      getDb()
        .select()
        .from(matchingProposals)
        .where(eq(matchingProposals.programmeId, programmeId))
        .all(),
    ).toEqual([]);

    // While it runs, the page shows the run; a second start is refused with a clear message.
    const page = await (
      await settle(() =>
        runLoader(
          loaderArgs(
            getRequest(`/programmes/${programmeId}/matching`, { cookie }),
            makeContext(),
            params,
          ),
        ),
      )
    ).json();
    expect(page.run).toMatchObject({ status: "running" });
    const second = await settle(() =>
      runAction(
        actionArgs(
          formRequest(`/programmes/${programmeId}/matching`, policyFields, { cookie }),
          makeContext(),
          params,
        ),
      ),
    );
    expect(second.status).toBe(409);
    expect((await second.json()).error[""]).toEqual(["matching.alreadyRunning"]);

    await settleMatchingWorkers();
    const run = latestRun(programmeId)!;
    expect(run.status).toBe("done");
    expect(run.progress).toBe(1);
    expect(run.proposalId).toBeGreaterThan(0);
    const events = sent.filter((s) => s.event.type === "matching.run");
    expect(events.every((s) => s.userId === organiser.id)).toBe(true);
    expect(events[0]!.event).toMatchObject({ status: "running", runId: run.id });
    expect(events.at(-1)!.event).toMatchObject({ status: "done", progress: 1, runId: run.id });

    // The proposal is complete, so it carries no "best so far" mark.
    const proposal = await (
      await settle(() =>
        proposalLoader(
          loaderArgs(
            getRequest(`/programmes/${programmeId}/matching/${run.proposalId}`, { cookie }),
            makeContext(),
            { ...params, proposalId: String(run.proposalId) },
          ),
        ),
      )
    ).json();
    expect(proposal.proposal.timedOut).toBe(false);
    expect(proposal.circles.length).toBeGreaterThan(0);

    // Finished, the programme may run again.
    expect(
      startMatchingRun({
        actorId: organiser.id,
        programmeId,
        policy: programmePolicy(programmeId, "online")!,
      }).ok,
    ).toBe(true);
    await settleMatchingWorkers();
  });

  it("refuses a second run even when two start at the same moment (the database's unique index)", async () => {
    const { id: programmeId, organiser } = await programmeWithCandidates(4);
    const policy = programmePolicy(programmeId, "online")!;
    getDb()
      .insert(matchingRuns)
      .values({ programmeId, createdById: organiser.id, status: "running" })
      .run();
    expect(() =>
      getDb()
        .insert(matchingRuns)
        .values({ programmeId, createdById: organiser.id, status: "running" })
        .run(),
    ).toThrow(/UNIQUE/);
    // A run marked running without a live worker was cut off by a restart: it no longer blocks.
    expect(startMatchingRun({ actorId: organiser.id, programmeId, policy }).ok).toBe(true);
    expect(startMatchingRun({ actorId: organiser.id, programmeId, policy })).toEqual({
      ok: false,
      reason: "running",
    });
    await settleMatchingWorkers();
    const runs = getDb()
      .select()
      .from(matchingRuns)
      .where(eq(matchingRuns.programmeId, programmeId))
      .all();
    expect(runs.map((r) => r.status)).toEqual(["failed", "done"]);
  });

  it("cancels a run: the worker stops and nothing is saved", async () => {
    const { id: programmeId, organiser } = await programmeWithCandidates();
    const cookie = await sessionCookieFor(organiser.id);
    const params = { programmeId: String(programmeId) };
    const started = startMatchingRun({
      actorId: organiser.id,
      programmeId,
      policy: programmePolicy(programmeId, "online")!,
    });
    expect(started.ok).toBe(true);
    const runId = (started as { runId: number }).runId;
    const { publisher, sent } = recordingPublisher();
    const cancel = (id: number) =>
      settle(() =>
        runAction(
          actionArgs(
            formRequest(
              `/programmes/${programmeId}/matching`,
              { intent: "cancel", runId: String(id) },
              { cookie },
            ),
            makeContext({ publisher }),
            params,
          ),
        ),
      );
    expect((await cancel(runId)).status).toBe(302);
    await settleMatchingWorkers();
    expect(latestRun(programmeId)).toMatchObject({ status: "cancelled", proposalId: null });
    expect(sent.map((s) => s.event)).toContainEqual(
      expect.objectContaining({ type: "matching.run", status: "cancelled", runId }),
    );
    expect(
      getDb()
        .select()
        .from(matchingProposals)
        .where(eq(matchingProposals.programmeId, programmeId))
        .all(),
    ).toEqual([]);
    // Cancelling again, or a run of another programme, or nonsense: a message, no 500.
    const again = await cancel(runId);
    expect(again.status).toBe(400);
    expect((await again.json()).error[""]).toEqual(["matching.runState.notRunning"]);
    expect((await cancel(999_999)).status).toBe(400);
    const bad = await settle(() =>
      runAction(
        actionArgs(
          formRequest(
            `/programmes/${programmeId}/matching`,
            { intent: "cancel", runId: "x".repeat(5000) },
            { cookie },
          ),
          makeContext(),
          params,
        ),
      ),
    );
    expect(bad.status).toBe(400);
    expect(cancelMatchingRun({ actorId: organiser.id, programmeId: programmeId + 1, runId })).toBe(
      false,
    );
  });

  it("saves the best result so far when the time budget runs out, and marks it", async () => {
    const { id: programmeId, organiser } = await programmeWithCandidates();
    const cookie = await sessionCookieFor(organiser.id);
    const started = startMatchingRun({
      actorId: organiser.id,
      programmeId,
      policy: programmePolicy(programmeId, "online")!,
      budgetMs: 0,
    });
    expect(started.ok).toBe(true);
    await settleMatchingWorkers();
    const run = latestRun(programmeId)!;
    expect(run.status).toBe("timed_out");
    expect(runOfProposal(run.proposalId!)?.id).toBe(run.id);
    const proposal = await (
      await settle(() =>
        proposalLoader(
          loaderArgs(
            getRequest(`/programmes/${programmeId}/matching/${run.proposalId}`, { cookie }),
            makeContext(),
            { programmeId: String(programmeId), proposalId: String(run.proposalId) },
          ),
        ),
      )
    ).json();
    expect(proposal.proposal.timedOut).toBe(true);
  });

  it("keeps the main thread free while a large pool is matched", async () => {
    const pool = syntheticPool(20_000, 3, { shape: "oneMunicipality" });
    const policy = {
      ...programmePolicy((await makeProgramme()).id, "in_person")!,
      sizeMin: 5,
      sizeTarget: 8,
      sizeMax: 12,
    };
    const progress: number[] = [];
    let result: Extract<JobMessage, { type: "result" }> | null = null;
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    startWorker(
      -1,
      { pool, policy, seed: 1, budgetMs: 60_000 },
      {
        onProgress: (m) => progress.push(m.done),
        onResult: (m) => (result = m),
        onError: (e) => {
          throw e;
        },
      },
    );
    await settleMatchingWorkers();
    clearInterval(ticker);
    expect(result).not.toBeNull();
    expect(result!.circles.length).toBeGreaterThan(1000);
    expect(result!.complete).toBe(true);
    // Progress came in steps, and the event loop never stalled for the length of the run.
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)).toBe(1);
    expect(longestGap).toBeLessThan(Math.max(250, result!.ms / 2));
  }, 60_000);
});
