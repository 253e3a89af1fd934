import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { circles, memberships } from "../../db/schema";
import { getDb } from "~/utils/db.server";
import { saveCompany, saveProfile, saveQuestion, setReadyToMatch } from "~/models/profiles.server";
import { getProposal, latestRun, loadCandidates, suggestCircles } from "~/models/matching.server";
import { settleMatchingWorkers } from "~/server/matching-runner.server";
import { listNotifications } from "~/models/notifications.server";
import { listOpenCircles } from "~/models/circles.server";
import { action as runAction } from "~/routes/programmes.$programmeId.matching._index";
import {
  action as proposalAction,
  loader as proposalLoader,
} from "~/routes/programmes.$programmeId.matching.$proposalId";
import { defaultWeights } from "~/models/programmes.server";
import {
  actionArgs,
  formRequest,
  getRequest,
  loaderArgs,
  makeCircle,
  makeContext,
  makeProgramme,
  makeUser,
  recordingPublisher,
  sessionCookieFor,
  settle,
} from "./helpers";

type Profile = {
  phase: string;
  employees: number;
  themes: string[];
  dayParts: string[];
  municipality?: string;
  sector?: string;
  ready?: boolean;
  mode?: "online" | "in_person" | "either";
};

async function entrepreneur(p: Profile) {
  const user = await makeUser();
  saveCompany(user.id, {
    name: `Bedrijf ${user.id}`,
    kvkNumber: null,
    sector: p.sector ?? "C",
    sbiDivision: null,
    employees: p.employees,
    foundedYear: 2010,
    lifePhase: p.phase,
    province: "OV",
    municipality: p.municipality ?? `Plaats ${user.id}`,
    familyBusiness: false,
  });
  saveProfile(user.id, {
    companyRole: "owner",
    themes: p.themes,
    dayParts: p.dayParts,
    meetingMode: p.mode ?? "either",
    willingToHost: false,
    competitorsOk: false,
  });
  saveQuestion(user.id, {
    questionSituation: "Situatie",
    questionTried: "",
    questionWish: "Ervaringen",
  });
  if (p.ready !== false) setReadyToMatch(user.id, true);
  return user;
}

const policyFields = {
  sizeMin: "3",
  sizeTarget: "4",
  sizeMax: "5",
  sectorPolicy: "mixed",
  meetingMode: "in_person",
  ...Object.fromEntries(
    Object.entries(defaultWeights).map(([k, v]) => [`weights.${k}`, String(v)]),
  ),
};

/** Waits for the programme's run to end and returns the proposal it saved. */
async function finishedProposal(programmeId: number) {
  await settleMatchingWorkers();
  const run = latestRun(programmeId);
  expect(run?.status).toBe("done");
  return run!.proposalId!;
}

describe("matching in the product", () => {
  it("runs on a programme's ready candidates, lets the organiser move someone, and accepting invites everyone", async () => {
    const { id: programmeId, organiser } = await makeProgramme();
    const starters = await Promise.all(
      [0, 1, 2, 3].map(() =>
        entrepreneur({
          phase: "starting",
          employees: 2,
          themes: ["growth"],
          dayParts: ["evening"],
        }),
      ),
    );
    const successors = await Promise.all(
      [0, 1, 2, 3].map(() =>
        entrepreneur({
          phase: "succession",
          employees: 20,
          themes: ["succession_governance"],
          dayParts: ["evening", "morning"],
        }),
      ),
    );
    const notReady = await entrepreneur({
      phase: "starting",
      employees: 2,
      themes: ["growth"],
      dayParts: ["evening"],
      ready: false,
    });
    const lonely = await entrepreneur({
      phase: "growing",
      employees: 5,
      themes: ["finance"],
      dayParts: ["afternoon"],
    });

    const ids = loadCandidates(programmeId).candidates.map((c) => c.id);
    expect(ids).not.toContain(notReady.id);
    expect(ids).toEqual(
      expect.arrayContaining([...starters, ...successors, lonely].map((u) => u.id)),
    );

    const cookie = await sessionCookieFor(organiser.id);
    const run = await settle(() =>
      runAction(
        actionArgs(
          formRequest(`/programmes/${programmeId}/matching`, policyFields, { cookie }),
          makeContext(),
          { programmeId: String(programmeId) },
        ),
      ),
    );
    expect(run.status).toBe(302);
    // The run works in a worker thread; the action answers at once with the matching page.
    expect(run.headers.get("Location")).toBe(`/programmes/${programmeId}/matching`);
    const proposalId = await finishedProposal(programmeId);
    const params = { programmeId: String(programmeId), proposalId: String(proposalId) };

    const page = await (
      await settle(() =>
        proposalLoader(
          loaderArgs(
            getRequest(`/programmes/${programmeId}/matching/${proposalId}`, { cookie }),
            makeContext(),
            params,
          ),
        ),
      )
    ).json();
    expect(page.circles).toHaveLength(2);
    // Starters together and successors together: phase is the heaviest weight and succession fits only succession.
    const groups = page.circles.map((c: { members: Array<{ id: number }> }) =>
      c.members.map((m) => m.id).sort((a: number, b: number) => a - b),
    );
    expect(groups).toEqual(
      expect.arrayContaining([
        starters.map((u) => u.id).sort((a, b) => a - b),
        successors.map((u) => u.id).sort((a, b) => a - b),
      ]),
    );
    expect(page.unplaced).toEqual([
      expect.objectContaining({
        id: lonely.id,
        reason: { code: "tooFewCompatible", dayParts: ["afternoon"], count: 0, size: 3 },
      }),
    ]);
    const starterCircle = page.circles.find((c: { members: Array<{ id: number }> }) =>
      c.members.some((m) => m.id === starters[0]!.id),
    );
    expect(starterCircle.members[0].reasons).toContainEqual(
      expect.objectContaining({ code: "samePhase", count: 3 }),
    );
    expect(starterCircle.warnings).toEqual([]);

    // Moving a starter into the successors' circle breaks nothing hard (shared evening, 5 seats) but lowers its fit.
    const successorIndex = page.circles.findIndex((c: { members: Array<{ id: number }> }) =>
      c.members.some((m) => m.id === successors[0]!.id),
    );
    const before = page.circles[successorIndex].fit;
    const moved = await settle(() =>
      proposalAction(
        actionArgs(
          formRequest(
            `/programmes/${programmeId}/matching/${proposalId}`,
            { intent: "move", userId: String(starters[0]!.id), to: String(successorIndex) },
            { cookie },
          ),
          makeContext(),
          params,
        ),
      ),
    );
    expect(moved.status).toBe(200);
    const after = getProposal(programmeId, proposalId)!;
    expect(after.result.circles[successorIndex]!.members).toContain(starters[0]!.id);
    expect(after.result.circles[successorIndex]!.fit).toBeLessThan(before);
    // ... and leaves the starters' circle at 3, still within the rules; the 'tradeOff' explains it.
    const explanation = after.result.circles[successorIndex]!.explanations[starters[0]!.id]!;
    expect(explanation.tradeOffs).toContainEqual({ code: "onlyPhase", phase: "starting" });

    // Too few people in a circle is a warning that blocks accepting.
    const emptied = getProposal(programmeId, proposalId)!.result.circles.findIndex((c) =>
      c.members.includes(starters[1]!.id),
    );
    await settle(() =>
      proposalAction(
        actionArgs(
          formRequest(
            `/x`,
            { intent: "move", userId: String(starters[1]!.id), to: "out" },
            { cookie },
          ),
          makeContext(),
          params,
        ),
      ),
    );
    expect(getProposal(programmeId, proposalId)!.warnings[emptied]).toContain("tooSmall");
    const refused = await settle(() =>
      proposalAction(
        actionArgs(formRequest(`/x`, { intent: "accept" }, { cookie }), makeContext(), params),
      ),
    );
    expect(refused.status).toBe(400);
    expect((await refused.json()).error[""]).toEqual(["matching.accept.warnings"]);
    await settle(() =>
      proposalAction(
        actionArgs(
          formRequest(
            `/x`,
            { intent: "move", userId: String(starters[1]!.id), to: String(emptied) },
            { cookie },
          ),
          makeContext(),
          params,
        ),
      ),
    );

    const live = recordingPublisher();
    const accepted = await settle(() =>
      proposalAction(
        actionArgs(
          formRequest(`/x`, { intent: "accept" }, { cookie }),
          makeContext({ publisher: live.publisher }),
          params,
        ),
      ),
    );
    expect(accepted.status).toBe(302);
    const created = getDb()
      .select()
      .from(circles)
      .where(eq(circles.programmeId, programmeId))
      .all();
    expect(created).toHaveLength(2);
    expect(created.every((c) => c.status === "forming" && !c.openForApplications)).toBe(true);
    for (const u of [...starters, ...successors]) {
      const m = getDb()
        .select()
        .from(memberships)
        .where(and(eq(memberships.userId, u.id), eq(memberships.state, "invited")))
        .get();
      expect(m, `invitation for ${u.id}`).toBeDefined();
      expect(listNotifications(u.id)[0]).toMatchObject({ type: "membership.invited" });
    }
    expect(new Set(live.sent.map((s) => s.userId))).toEqual(
      new Set([...starters, ...successors].map((u) => u.id)),
    );
    // Accepting twice is refused; invited people are no longer candidates.
    const twice = await settle(() =>
      proposalAction(
        actionArgs(formRequest(`/x`, { intent: "accept" }, { cookie }), makeContext(), params),
      ),
    );
    expect(twice.status).toBe(400);
    expect(loadCandidates(programmeId).candidates.map((c) => c.id)).toEqual([lonely.id]);
  });

  it("answers bad input on the proposal page with a message and changes nothing", async () => {
    const { id: programmeId, organiser } = await makeProgramme();
    const cookie = await sessionCookieFor(organiser.id);
    const run = await settle(() =>
      runAction(
        actionArgs(formRequest(`/x`, policyFields, { cookie }), makeContext(), {
          programmeId: String(programmeId),
        }),
      ),
    );
    expect(run.status).toBe(302);
    const proposalId = String(await finishedProposal(programmeId));
    const params = { programmeId: String(programmeId), proposalId };
    const before = JSON.stringify(getProposal(programmeId, Number(proposalId)));
    for (const fields of [
      {},
      { intent: "move" },
      { intent: "move", userId: "x", to: "1" },
      { intent: "move", userId: "1", to: "9999" },
      { intent: "move", userId: "1", to: "x".repeat(10_000) },
      { intent: "explode" },
    ]) {
      const res = await settle(() =>
        proposalAction(
          actionArgs(
            formRequest(`/x`, fields as Record<string, string>, { cookie }),
            makeContext(),
            params,
          ),
        ),
      );
      expect(res.status, JSON.stringify(fields).slice(0, 60)).toBe(400);
      expect(Object.values((await res.json()).error).flat().length).toBeGreaterThan(0);
    }
    expect(JSON.stringify(getProposal(programmeId, Number(proposalId)))).toBe(before);
    const missing = await settle(() =>
      proposalLoader(
        loaderArgs(getRequest(`/x`, { cookie }), makeContext(), {
          programmeId: String(programmeId),
          proposalId: "999999",
        }),
      ),
    );
    expect(missing.status).toBe(404);
  });

  it("suggests open circles to an entrepreneur by fit, hides those that break a rule, and names nobody", async () => {
    const { id: circleId, coach } = await makeCircle({
      capacityMax: 8,
      meetingMode: "online",
      dayPart: "evening",
    });
    const near = await makeCircle({ capacityMax: 8, meetingMode: "online" });
    const me = await entrepreneur({
      phase: "starting",
      employees: 2,
      themes: ["growth"],
      dayParts: ["evening"],
    });
    const peers = await Promise.all(
      [0, 1].map(() =>
        entrepreneur({
          phase: "starting",
          employees: 3,
          themes: ["growth"],
          dayParts: ["evening"],
        }),
      ),
    );
    const others = await Promise.all(
      [0, 1].map(() =>
        entrepreneur({
          phase: "established",
          employees: 40,
          themes: ["finance"],
          dayParts: ["evening"],
        }),
      ),
    );
    const { inviteToCircle, respondToInvitation } = await import("~/models/memberships.server");
    for (const u of peers) {
      inviteToCircle(coach.id, circleId, u.email);
      respondToInvitation(u.id, circleId, true);
    }
    for (const u of others) {
      inviteToCircle(near.coach.id, near.id, u.email);
      respondToInvitation(u.id, near.id, true);
    }
    const daytime = await makeCircle({ capacityMax: 8, meetingMode: "online" });
    const morningPerson = await entrepreneur({
      phase: "starting",
      employees: 2,
      themes: ["growth"],
      dayParts: ["morning"],
    });
    inviteToCircle(daytime.coach.id, daytime.id, morningPerson.email);
    respondToInvitation(morningPerson.id, daytime.id, true);

    const suggestions = suggestCircles(me.id, listOpenCircles());
    const order = suggestions.map((s) => s.circleId);
    expect(order.indexOf(circleId)).toBeLessThan(order.indexOf(near.id));
    expect(order).not.toContain(daytime.id); // no shared day-part with its member
    const mine = suggestions.find((s) => s.circleId === circleId)!;
    expect(mine.counts).toEqual({ members: 2, samePhase: 2, similarSize: 2, sharedTheme: 2 });
    expect(JSON.stringify(suggestions)).not.toMatch(/Gebruiker|@example/);
  });
});
