import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvents, memberships } from "../../db/schema";
import { getDb } from "~/utils/db.server";
import { getCircle, getMembership } from "~/models/circles.server";
import {
  acceptHouseRules,
  applyToCircle,
  decideApplication,
  inviteToCircle,
  leaveCircle,
  removeMember,
  respondToInvitation,
} from "~/models/memberships.server";
import { loader as homeLoader } from "~/routes/circles.$circleId.home";
import { listNotifications } from "~/models/notifications.server";
import { action as summaryAction } from "~/routes/circles.$circleId._index";
import { action as membersAction } from "~/routes/circles.$circleId.members";
import {
  actionArgs,
  formRequest,
  getRequest,
  loaderArgs,
  makeCircle,
  makeContext,
  makeUser,
  recordingPublisher,
  sessionCookieFor,
  settle,
  waitForMail,
} from "./helpers";

const stateOf = (circleId: number, userId: number) =>
  getMembership(circleId, userId)?.state ?? null;

async function applicant(circleId: number, coachId: number) {
  const user = await makeUser();
  const result = applyToCircle({
    userId: user.id,
    circleId,
    motivation: "Ik wil graag leren van anderen.",
    coachIds: [coachId],
  });
  expect(result.ok).toBe(true);
  return { ...user, membershipId: getMembership(circleId, user.id)!.id };
}

describe("membership life cycle", () => {
  it("apply → approve → accept house rules → leave, with an audit event for each step", async () => {
    const { id: circleId, coach } = await makeCircle();
    const a = await applicant(circleId, coach.id);
    expect(stateOf(circleId, a.id)).toBe("applied");
    const decided = decideApplication({
      coachId: coach.id,
      circleId,
      membershipId: a.membershipId,
      approve: true,
      message: "Welkom!",
    });
    expect(decided).toMatchObject({ ok: true, state: "member" });
    expect(getMembership(circleId, a.id)?.houseRulesAcceptedAt).toBeNull();
    acceptHouseRules(a.id, circleId);
    expect(getMembership(circleId, a.id)?.houseRulesAcceptedAt).toBeInstanceOf(Date);
    expect(leaveCircle(a.id, circleId)).toMatchObject({ ok: true, state: "left" });
    const actions = getDb()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, "circle"), eq(auditEvents.subjectId, circleId)))
      .all()
      .map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "circle.created",
        "membership.applied",
        "membership.approved",
        "membership.house_rules_accepted",
        "membership.left",
      ]),
    );
  });

  it("declines with a message, and a declined person may apply again", async () => {
    const { id: circleId, coach } = await makeCircle();
    const a = await applicant(circleId, coach.id);
    expect(
      decideApplication({
        coachId: coach.id,
        circleId,
        membershipId: a.membershipId,
        approve: false,
        message: "Deze kring past niet bij je fase.",
      }),
    ).toMatchObject({ ok: true, state: "declined" });
    expect(getMembership(circleId, a.id)?.message).toBe("Deze kring past niet bij je fase.");
    expect(
      applyToCircle({ userId: a.id, circleId, motivation: "Nieuwe poging", coachIds: [coach.id] })
        .ok,
    ).toBe(true);
    expect(
      applyToCircle({ userId: a.id, circleId, motivation: "Dubbel", coachIds: [coach.id] }),
    ).toEqual({
      ok: false,
      reason: "already",
    });
  });

  it("invitations can be accepted or declined; only entrepreneurs can be invited", async () => {
    const { id: circleId, coach } = await makeCircle();
    const invitee = await makeUser();
    expect(inviteToCircle(coach.id, circleId, invitee.email.toUpperCase()).ok).toBe(true);
    expect(stateOf(circleId, invitee.id)).toBe("invited");
    expect(respondToInvitation(invitee.id, circleId, true)).toMatchObject({
      ok: true,
      state: "member",
    });
    const other = await makeUser();
    inviteToCircle(coach.id, circleId, other.email);
    expect(respondToInvitation(other.id, circleId, false)).toMatchObject({
      ok: true,
      state: "declined",
    });
    const staff = await makeUser({ roles: ["coach"] });
    expect(inviteToCircle(coach.id, circleId, staff.email)).toEqual({
      ok: false,
      reason: "no_such_entrepreneur",
    });
    expect(inviteToCircle(coach.id, circleId, invitee.email)).toEqual({
      ok: false,
      reason: "already",
    });
  });

  it("puts approvals beyond capacity on the waitlist and promotes the first in line when a seat frees", async () => {
    const { id: circleId, coach } = await makeCircle({ capacityMax: 2 });
    const [a, b, c, d] = [
      await applicant(circleId, coach.id),
      await applicant(circleId, coach.id),
      await applicant(circleId, coach.id),
      await applicant(circleId, coach.id),
    ];
    decideApplication({
      coachId: coach.id,
      circleId,
      membershipId: a!.membershipId,
      approve: true,
      message: null,
    });
    decideApplication({
      coachId: coach.id,
      circleId,
      membershipId: b!.membershipId,
      approve: true,
      message: null,
    });
    expect(
      decideApplication({
        coachId: coach.id,
        circleId,
        membershipId: c!.membershipId,
        approve: true,
        message: null,
      }),
    ).toMatchObject({
      state: "waitlisted",
      notified: [c!.id],
    });
    expect(
      decideApplication({
        coachId: coach.id,
        circleId,
        membershipId: d!.membershipId,
        approve: true,
        message: null,
      }),
    ).toMatchObject({
      state: "waitlisted",
    });
    expect(getCircle(circleId)?.members).toBe(2);

    const left = leaveCircle(a!.id, circleId);
    expect(left).toMatchObject({ ok: true, notified: [c!.id] });
    expect(listNotifications(c!.id).map((n) => n.type)).toEqual([
      "membership.promoted",
      "membership.waitlisted",
    ]);
    expect(stateOf(circleId, c!.id)).toBe("member");
    expect(stateOf(circleId, d!.id)).toBe("waitlisted");

    const removed = removeMember({
      coachId: coach.id,
      circleId,
      membershipId: b!.membershipId,
      reason: "Komt niet meer opdagen.",
    });
    expect(removed).toMatchObject({ ok: true, notified: [b!.id, d!.id] });
    expect(listNotifications(b!.id)[0]).toMatchObject({
      type: "membership.removed",
      data: { message: "Komt niet meer opdagen." },
      url: `/circles/${circleId}`,
    });
    expect(getCircle(circleId)?.members).toBe(2);
  });

  it("never exceeds capacity when two processes approve for the last seat at the same moment", async () => {
    const { id: circleId, coach } = await makeCircle({ capacityMax: 2 });
    const first = await applicant(circleId, coach.id);
    decideApplication({
      coachId: coach.id,
      circleId,
      membershipId: first.membershipId,
      approve: true,
      message: null,
    }); // one seat left
    const x = await applicant(circleId, coach.id);
    const y = await applicant(circleId, coach.id);
    const startAt = Date.now() + 1500;
    const run = (membershipId: number) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [
            "--import",
            "tsx",
            "tests/integration/fixtures/approve.ts",
            String(circleId),
            String(membershipId),
            String(coach.id),
          ],
          {
            env: { ...process.env, START_AT: String(startAt) },
          },
        );
        let out = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (out += d));
        child.on("exit", (code) =>
          code === 0 ? resolve(JSON.parse(out)) : reject(new Error(out)),
        );
      });
    const results = await Promise.all([run(x.membershipId), run(y.membershipId)]);
    expect(results.sort()).toEqual(["member", "waitlisted"]);
    const members = getDb()
      .select()
      .from(memberships)
      .where(and(eq(memberships.circleId, circleId), eq(memberships.state, "member")))
      .all();
    expect(members).toHaveLength(2);
  });
});

describe("membership routes", () => {
  it("a member must accept the house rules before entering the circle", async () => {
    const { id: circleId, coach } = await makeCircle();
    const a = await applicant(circleId, coach.id);
    decideApplication({
      coachId: coach.id,
      circleId,
      membershipId: a.membershipId,
      approve: true,
      message: null,
    });
    const cookie = await sessionCookieFor(a.id);
    const gated = await settle(() =>
      homeLoader(
        loaderArgs(getRequest(`/circles/${circleId}/home`, { cookie }), makeContext(), {
          circleId: String(circleId),
        }),
      ),
    );
    expect(gated.status).toBe(302);
    expect(gated.headers.get("Location")).toBe(`/circles/${circleId}/house-rules`);
    acceptHouseRules(a.id, circleId);
    const home = await settle(() =>
      homeLoader(
        loaderArgs(getRequest(`/circles/${circleId}/home`, { cookie }), makeContext(), {
          circleId: String(circleId),
        }),
      ),
    );
    expect(home.status).toBe(200);
    const data = await home.json();
    expect(data.members.map((m: { userId: number }) => m.userId)).toEqual([a.id]);
  });

  it("the coach's approval notifies the applicant by mail and live", async () => {
    const { id: circleId, coach } = await makeCircle();
    const user = await makeUser({ name: "Lotte Aanmelder" });
    const cookie = await sessionCookieFor(user.id);
    const applied = await settle(() =>
      summaryAction(
        actionArgs(
          formRequest(
            `/circles/${circleId}`,
            { intent: "apply", motivation: "Ik zoek sparringpartners." },
            { cookie },
          ),
          makeContext(),
          { circleId: String(circleId) },
        ),
      ),
    );
    expect(applied.status).toBe(302);
    await waitForMail(coach.email, /Lotte Aanmelder heeft zich aangemeld/);
    const live = recordingPublisher();
    const membershipId = getMembership(circleId, user.id)!.id;
    const coachCookie = await sessionCookieFor(coach.id);
    const res = await settle(() =>
      membersAction(
        actionArgs(
          formRequest(
            `/circles/${circleId}/members`,
            { intent: "approve", membershipId: String(membershipId), message: "Welkom!" },
            { cookie: coachCookie },
          ),
          makeContext({ publisher: live.publisher }),
          { circleId: String(circleId) },
        ),
      ),
    );
    expect(res.status).toBe(200);
    expect(stateOf(circleId, user.id)).toBe("member");
    expect(live.sent).toContainEqual({ userId: user.id, event: { type: "notifications.changed" } });
    const mail = await waitForMail(user.email, /Welkom in .*je aanmelding is aangenomen/);
    expect(mail.text).toContain("Bericht: Welkom!");
  });

  it("a coach of another circle cannot decide on this circle's applications", async () => {
    const { id: circleId, coach } = await makeCircle();
    const other = await makeCircle();
    const a = await applicant(circleId, coach.id);
    const otherCoach = await sessionCookieFor(other.coach.id);
    const ownCoach = await sessionCookieFor(coach.id);
    const res = await settle(() =>
      membersAction(
        actionArgs(
          formRequest(
            `/circles/${circleId}/members`,
            { intent: "approve", membershipId: String(a.membershipId) },
            { cookie: otherCoach },
          ),
          makeContext(),
          { circleId: String(circleId) },
        ),
      ),
    );
    expect(res.status).toBe(403);
    expect(stateOf(circleId, a.id)).toBe("applied");
    // A membership id from another circle is not found through this circle.
    const b = await applicant(other.id, other.coach.id);
    const cross = await settle(() =>
      membersAction(
        actionArgs(
          formRequest(
            `/circles/${circleId}/members`,
            { intent: "approve", membershipId: String(b.membershipId) },
            { cookie: ownCoach },
          ),
          makeContext(),
          { circleId: String(circleId) },
        ),
      ),
    );
    expect(cross.status).toBe(400);
    expect(stateOf(other.id, b.id)).toBe("applied");
  });
});
