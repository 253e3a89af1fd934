/**
 * Issue 14, finding 4: an organiser must not reach a circle's private home on their own. Nobody
 * grants or revokes their own roles, nobody invites themselves, an organiser becomes a member
 * only through the circle's coach, and the members can see that an organiser is among them.
 * Every refused attempt leaves an audit event.
 */
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvents, memberships, userRoles } from "../../db/schema";
import { getDb } from "~/utils/db.server";
import { getUserById } from "~/models/users.server";
import { getMembership } from "~/models/circles.server";
import { acceptHouseRules, inviteToCircle } from "~/models/memberships.server";
import { loadCandidates } from "~/models/matching.server";
import { action as adminUsersAction, loader as adminUsersLoader } from "~/routes/admin.users";
import { action as editCircleAction } from "~/routes/circles.$circleId.edit";
import {
  action as membersAction,
  loader as membersLoader,
} from "~/routes/circles.$circleId.members";
import { action as summaryAction } from "~/routes/circles.$circleId._index";
import { loader as homeLoader } from "~/routes/circles.$circleId.home";
import {
  actionArgs,
  formRequest,
  getRequest,
  loaderArgs,
  makeCircle,
  makeContext,
  makeProgramme,
  makeMatchableEntrepreneur,
  makeUser,
  sessionCookieFor,
  settle,
} from "./helpers";

function refusals(action: string, actorId: number) {
  return getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.actorId, actorId)))
    .all();
}

async function changeRole(cookie: string, userId: number, role: string, intent: string) {
  return settle(() =>
    adminUsersAction(
      actionArgs(formRequest("/admin/users", { intent, userId: String(userId), role }, { cookie })),
    ),
  );
}

describe("nobody changes their own roles", () => {
  it("refuses an organiser granting or revoking any of their own roles, and audits each attempt", async () => {
    const org = await makeUser({ roles: ["organiser", "coach"], name: "Olga Organisator" });
    const cookie = await sessionCookieFor(org.id);
    const attempts: Array<[string, string]> = [
      ["entrepreneur", "grant"],
      ["ambassador", "grant"],
      ["coach", "revoke"],
      ["organiser", "revoke"],
    ];
    for (const [role, intent] of attempts) {
      const res = await changeRole(cookie, org.id, role, intent);
      expect(res.status, `${intent} ${role}`).toBe(400);
      expect((await res.json()).error[""]).toEqual(["admin.ownRoles"]);
    }
    expect(getUserById(org.id)?.roles).toEqual(["coach", "organiser"]);
    expect(refusals("role.change_refused", org.id).map((e) => e.details)).toEqual(
      attempts.map(([role, intent]) => ({ role, grant: intent === "grant", reason: "own_roles" })),
    );
    // The page does not offer the buttons either.
    const page = await (
      await settle(() => adminUsersLoader(loaderArgs(getRequest("/admin/users", { cookie }))))
    ).json();
    expect(page.me).toBe(org.id);
  });
});

describe("an organiser joins a circle only through its coach", () => {
  async function organiserEntrepreneur(name = "Otto Organisator") {
    const org = await makeUser({ roles: ["organiser"], name });
    // Granted by a colleague, which stays allowed: it is their own grant that is refused.
    const colleague = await makeUser({ roles: ["organiser"] });
    const res = await changeRole(
      await sessionCookieFor(colleague.id),
      org.id,
      "entrepreneur",
      "grant",
    );
    expect(res.status).toBe(200);
    return { ...org, cookie: await sessionCookieFor(org.id) };
  }

  const invite = (circleId: number, cookie: string, email: string) =>
    settle(() =>
      editCircleAction(
        actionArgs(
          formRequest(`/circles/${circleId}/edit`, { intent: "invite", email }, { cookie }),
          makeContext(),
          { circleId: String(circleId) },
        ),
      ),
    );

  it("refuses self-invitations (organisers and coaches alike) and audits them", async () => {
    const { id: circleId, coach } = await makeCircle();
    const org = await organiserEntrepreneur();
    const res = await invite(circleId, org.cookie, org.email.toUpperCase());
    expect(res.status).toBe(400);
    expect((await res.json()).error.email).toEqual(["circle.invite.self"]);
    expect(getMembership(circleId, org.id)).toBeNull();
    expect(refusals("membership.invite_refused", org.id)).toMatchObject([
      { subjectId: circleId, details: { userId: org.id, reason: "self" } },
    ]);

    getDb().insert(userRoles).values({ userId: coach.id, role: "entrepreneur" }).run();
    const coachCookie = await sessionCookieFor(coach.id);
    const own = await settle(() =>
      membersAction(
        actionArgs(
          formRequest(
            `/circles/${circleId}/members`,
            { intent: "invite", email: coach.email },
            { cookie: coachCookie },
          ),
          makeContext(),
          { circleId: String(circleId) },
        ),
      ),
    );
    expect(own.status).toBe(400);
    expect((await own.json()).error.email).toEqual(["circle.invite.self"]);
    expect(getMembership(circleId, coach.id)).toBeNull();
    expect(refusals("membership.invite_refused", coach.id)).toHaveLength(1);
  });

  it("refuses an organiser inviting another organiser; the circle's coach may, and the members see an organiser joined", async () => {
    const { id: circleId, coach } = await makeCircle({ capacityMax: 5 });
    const org = await organiserEntrepreneur("Otto Organisator");
    const colleague = await makeUser({ roles: ["organiser"] });
    const res = await invite(circleId, await sessionCookieFor(colleague.id), org.email);
    expect(res.status).toBe(400);
    expect((await res.json()).error.email).toEqual(["circle.invite.organiser_needs_coach"]);
    expect(getMembership(circleId, org.id)).toBeNull();
    expect(refusals("membership.invite_refused", colleague.id)).toMatchObject([
      { subjectId: circleId, details: { userId: org.id, reason: "organiser_needs_coach" } },
    ]);

    // A plain entrepreneur can still be invited by an organiser.
    const member = await makeUser({ name: "Mees Lid" });
    expect(
      (await invite(circleId, await sessionCookieFor(colleague.id), member.email)).status,
    ).toBe(200);

    // Through the coach it works, and everyone in the circle can see who the organiser is.
    expect(inviteToCircle(coach.id, circleId, org.email)).toMatchObject({ ok: true });
    const coachCookie = await sessionCookieFor(coach.id);
    const pending = (
      await (
        await settle(() =>
          membersLoader(
            loaderArgs(
              getRequest(`/circles/${circleId}/members`, { cookie: coachCookie }),
              makeContext(),
              { circleId: String(circleId) },
            ),
          ),
        )
      ).json()
    ).pending as Array<{ userId: number; organiser: boolean }>;
    expect(pending.find((p) => p.userId === org.id)?.organiser).toBe(true);
    expect(pending.find((p) => p.userId === member.id)?.organiser).toBe(false);
    for (const [who, cookie] of [
      [org, org.cookie],
      [member, await sessionCookieFor(member.id)],
    ] as const) {
      const accepted = await settle(() =>
        summaryAction(
          actionArgs(
            formRequest(`/circles/${circleId}`, { intent: "accept" }, { cookie }),
            makeContext(),
            { circleId: String(circleId) },
          ),
        ),
      );
      expect(accepted.status).toBe(302);
      acceptHouseRules(who.id, circleId);
    }
    const home = await settle(async () =>
      homeLoader(
        loaderArgs(
          getRequest(`/circles/${circleId}/home`, { cookie: await sessionCookieFor(member.id) }),
          makeContext(),
          { circleId: String(circleId) },
        ),
      ),
    );
    expect(home.status).toBe(200);
    const members = (await home.json()).members as Array<{ userId: number; organiser: boolean }>;
    expect(members.find((m) => m.userId === org.id)?.organiser).toBe(true);
    expect(members.find((m) => m.userId === member.id)?.organiser).toBe(false);
  });

  it("refuses an organiser accepting an invitation that did not come from the coach", async () => {
    const { id: circleId } = await makeCircle();
    const colleague = await makeUser({ roles: ["organiser"] });
    // Invited while still a plain entrepreneur, made an organiser afterwards.
    const later = await makeUser({ name: "Lars Later" });
    expect(inviteToCircle(colleague.id, circleId, later.email)).toMatchObject({ ok: true });
    getDb().insert(userRoles).values({ userId: later.id, role: "organiser" }).run();
    const res = await settle(async () =>
      summaryAction(
        actionArgs(
          formRequest(
            `/circles/${circleId}`,
            { intent: "accept" },
            { cookie: await sessionCookieFor(later.id) },
          ),
          makeContext(),
          { circleId: String(circleId) },
        ),
      ),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error[""]).toEqual(["circle.invite.organiser_needs_coach"]);
    expect(
      getDb()
        .select({ state: memberships.state })
        .from(memberships)
        .where(and(eq(memberships.circleId, circleId), eq(memberships.userId, later.id)))
        .get()?.state,
    ).toBe("invited");
    expect(refusals("membership.accept_refused", later.id)).toMatchObject([
      { subjectId: circleId, details: { userId: later.id, reason: "organiser_needs_coach" } },
    ]);
  });

  it("leaves organisers out of matching, so accepting a proposal never invites one", async () => {
    const programme = await makeProgramme();
    const ready = async (roles: Array<"entrepreneur" | "organiser">) =>
      (await makeMatchableEntrepreneur({ user: { roles } })).id;
    const plain = await ready(["entrepreneur"]);
    const organiser = await ready(["entrepreneur", "organiser"]);
    const ids = loadCandidates(programme.id).candidates.map((c) => c.id);
    expect(ids).toContain(plain);
    expect(ids).not.toContain(organiser);
  });
});
