/**
 * Issue 14, finding 3: losing the coach role, or being taken off a programme, ends someone's
 * coaching at once. Their circle rows go in the same transaction (audited), their open sockets
 * are re-checked, and circles left without a coach show up for the organiser.
 */
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvents, circleCoaches, programmeCoaches } from "../../db/schema";
import { getDb } from "~/utils/db.server";
import { listNotifications, notify } from "~/models/notifications.server";
import { createCircle, getCircle } from "~/models/circles.server";
import { DEFAULT_HOUSE_RULES } from "~/domain/house-rules";
import { action as adminUsersAction } from "~/routes/admin.users";
import { action as editProgrammeAction } from "~/routes/programmes.$programmeId.edit";
import { getProgramme } from "~/models/programmes.server";
import { loader as programmeLoader } from "~/routes/programmes.$programmeId._index";
import { loader as dashboardLoader } from "~/routes/dashboard";
import { loader as homeLoader } from "~/routes/circles.$circleId.home";
import { loader as membersLoader } from "~/routes/circles.$circleId.members";
import {
  action as editCircleAction,
  loader as editCircleLoader,
} from "~/routes/circles.$circleId.edit";
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
  submit,
  withRealtimeServer,
  programmeFormFields,
} from "./helpers";

const programmeFields = { ...programmeFormFields, name: "Programma met twee begeleiders" };

function circleIn(programmeId: number, organiserId: number, coachIds: number[]) {
  return createCircle(organiserId, programmeId, {
    name: `Kring ${Math.random().toString(36).slice(2, 7)}`,
    theme: "growth",
    description: "",
    status: "active",
    capacityMin: 2,
    capacityMax: 6,
    timeCommitment: "",
    meetingMode: "online",
    dayPart: "evening",
    province: null,
    openForApplications: true,
    houseRules: DEFAULT_HOUSE_RULES,
    coachIds,
  });
}

/** Everything a coach could do in a circle, as HTTP statuses for this cookie. */
async function coachAccess(circleId: number, cookie: string) {
  const params = { circleId: String(circleId) };
  const status = async (run: () => Promise<unknown>) => (await settle(run)).status;
  return {
    home: await status(() =>
      homeLoader(
        loaderArgs(getRequest(`/circles/${circleId}/home`, { cookie }), makeContext(), params),
      ),
    ),
    members: await status(() =>
      membersLoader(
        loaderArgs(getRequest(`/circles/${circleId}/members`, { cookie }), makeContext(), params),
      ),
    ),
    edit: await status(() =>
      editCircleLoader(
        loaderArgs(getRequest(`/circles/${circleId}/edit`, { cookie }), makeContext(), params),
      ),
    ),
    invite: await status(() =>
      editCircleAction(
        actionArgs(
          formRequest(
            `/circles/${circleId}/edit`,
            { intent: "invite", email: "niemand@example.nl" },
            { cookie },
          ),
          makeContext(),
          params,
        ),
      ),
    ),
  };
}

function coachRows(userId: number) {
  return getDb().select().from(circleCoaches).where(eq(circleCoaches.userId, userId)).all();
}

function auditFor(circleId: number) {
  return getDb()
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.subjectType, "circle"),
        eq(auditEvents.subjectId, circleId),
        eq(auditEvents.action, "circle.coach_removed"),
      ),
    )
    .all();
}

async function organiserView(programmeId: number, cookie: string) {
  const programme = await (
    await settle(() =>
      programmeLoader(
        loaderArgs(getRequest(`/programmes/${programmeId}`, { cookie }), makeContext(), {
          programmeId: String(programmeId),
        }),
      ),
    )
  ).json();
  const dashboard = await (
    await settle(() => dashboardLoader(loaderArgs(getRequest("/dashboard", { cookie }))))
  ).json();
  return {
    needsCoach: (programme.circles as Array<{ id: number; needsCoach: boolean }>)
      .filter((c) => c.needsCoach)
      .map((c) => c.id),
    dashboardCount: (
      dashboard.organiser.programmes as Array<{ id: number; circlesWithoutCoach: number }>
    ).find((p) => p.id === programmeId)?.circlesWithoutCoach,
  };
}

describe("a coach who loses the role stops coaching at once", () => {
  it("revoking the coach role removes them from every circle, audits it, re-checks their sockets and flags the circle for the organiser", async () => {
    const { id: circleId, coach, programme } = await makeCircle();
    const coachCookie = await sessionCookieFor(coach.id);
    expect(await coachAccess(circleId, coachCookie)).toEqual({
      home: 200,
      members: 200,
      edit: 200,
      invite: 400, // allowed, but nobody has that address
    });
    const orgCookie = await sessionCookieFor(programme.organiser.id);
    expect(await organiserView(programme.id, orgCookie)).toEqual({
      needsCoach: [],
      dashboardCount: 0,
    });

    const admin = await makeUser({ roles: ["organiser"] });
    const adminCookie = await sessionCookieFor(admin.id);
    const live = recordingPublisher();
    const res = await settle(() =>
      adminUsersAction(
        actionArgs(
          formRequest(
            "/admin/users",
            { intent: "revoke", userId: String(coach.id), role: "coach" },
            { cookie: adminCookie },
          ),
          makeContext({ publisher: live.publisher }),
        ),
      ),
    );
    expect(res.status).toBe(200);
    expect(coachRows(coach.id)).toEqual([]);
    expect(
      getDb().select().from(programmeCoaches).where(eq(programmeCoaches.userId, coach.id)).all(),
    ).toEqual([]);
    expect(auditFor(circleId)).toMatchObject([
      { actorId: admin.id, details: { userId: coach.id, reason: "role_revoked" } },
    ]);
    expect(live.revalidated).toEqual([coach.id]);

    const after = await coachAccess(circleId, coachCookie);
    expect(after.home).not.toBe(200);
    expect(after.members).not.toBe(200);
    expect(after.edit).not.toBe(200);
    expect(after.invite).toBeGreaterThanOrEqual(403);
    expect(await organiserView(programme.id, orgCookie)).toEqual({
      needsCoach: [circleId],
      dashboardCount: 1,
    });
  });

  it("taking a coach off a programme ends their coaching in that programme's circles only", async () => {
    const leaving = await makeUser({ roles: ["coach"], name: "Lotte Vertrekt" });
    const staying = await makeUser({ roles: ["coach"], name: "Sem Blijft" });
    const programme = await makeProgramme({ coachIds: [leaving.id, staying.id] });
    const shared = circleIn(programme.id, programme.organiser.id, [leaving.id, staying.id]);
    const alone = circleIn(programme.id, programme.organiser.id, [leaving.id]);
    const elsewhere = await makeProgramme({ coachIds: [leaving.id] });
    const otherCircle = circleIn(elsewhere.id, elsewhere.organiser.id, [leaving.id]);
    const leavingCookie = await sessionCookieFor(leaving.id);

    const live = recordingPublisher();
    const orgCookie = await sessionCookieFor(programme.organiser.id);
    const res = await settle(() =>
      editProgrammeAction(
        actionArgs(
          formRequest(
            `/programmes/${programme.id}/edit`,
            { ...programmeFields, "coachIds[0]": String(staying.id) },
            { cookie: orgCookie },
          ),
          makeContext({ publisher: live.publisher }),
          { programmeId: String(programme.id) },
        ),
      ),
    );
    expect(res.status).toBe(302);
    expect(coachRows(leaving.id).map((r) => r.circleId)).toEqual([otherCircle]);
    expect(coachRows(staying.id).map((r) => r.circleId)).toEqual([shared]);
    expect(getCircle(shared)?.coaches.map((c) => c.id)).toEqual([staying.id]);
    for (const circleId of [shared, alone])
      expect(auditFor(circleId)).toMatchObject([
        {
          actorId: programme.organiser.id,
          details: { userId: leaving.id, reason: "programme_removed" },
        },
      ]);
    expect(live.revalidated).toEqual([leaving.id]);
    expect((await coachAccess(shared, leavingCookie)).home).not.toBe(200);
    expect((await coachAccess(alone, leavingCookie)).home).not.toBe(200);
    expect((await coachAccess(otherCircle, leavingCookie)).home).toBe(200);
    expect(await organiserView(programme.id, orgCookie)).toEqual({
      needsCoach: [alone],
      dashboardCount: 1,
    });
  });

  it("gives a leftover coach row (from before this rule) no access", async () => {
    const { id: circleId, programme } = await makeCircle();
    const former = await makeUser({ roles: ["entrepreneur"] });
    // A row left behind by a revocation before coaching ended with the role.
    getDb().insert(circleCoaches).values({ circleId, userId: former.id }).run();
    getDb().insert(programmeCoaches).values({ programmeId: programme.id, userId: former.id }).run();
    expect(getCircle(circleId)?.coaches.map((c) => c.id)).not.toContain(former.id);
    expect((await coachAccess(circleId, await sessionCookieFor(former.id))).home).not.toBe(200);
    // Nor do their old notifications still lead into the circle's private pages.
    getDb().transaction((tx) =>
      notify(tx, {
        userId: former.id,
        type: "membership.applied",
        circleId,
        data: { circle: "Kring", name: "Iemand" },
        url: `/circles/${circleId}/members`,
      }),
    );
    expect(listNotifications(former.id)[0]?.url).toBeNull();
  });
});

describe("appointing coaches", () => {
  it("refuses an organiser who appoints themselves coach, audits it, and lets another organiser do it", async () => {
    const self = await makeUser({ roles: ["organiser", "coach"] });
    const { id: programmeId, organiser: other } = await makeProgramme();
    const edit = (cookie: string, coachIds: number[]) =>
      submit(
        editProgrammeAction,
        `/programmes/${programmeId}/edit`,
        { ...programmeFields, coachIds },
        { cookie, params: { programmeId: String(programmeId) } },
      );
    const selfCookie = await sessionCookieFor(self.id);

    const refused = await edit(selfCookie, [self.id]);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.coachIds).toEqual(["programmes.selfAppointed"]);
    expect(getProgramme(programmeId)?.coaches).toEqual([]);
    expect(
      getDb()
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.actorId, self.id),
            eq(auditEvents.action, "coach.self_appointment_refused"),
          ),
        )
        .all(),
    ).toHaveLength(1);

    // Another organiser may appoint them; keeping that place in a later edit is fine.
    expect((await edit(await sessionCookieFor(other.id), [self.id])).status).toBe(302);
    expect((await edit(selfCookie, [self.id])).status).toBe(302);
    expect(getProgramme(programmeId)?.coaches.map((c) => c.id)).toEqual([self.id]);
  });
});

describe("the coach's open pages", () => {
  const server = withRealtimeServer();

  it("are told to reload (and then lose the circle) when the coach is taken off the programme", async () => {
    const { id: circleId, coach, programme } = await makeCircle();
    const coachCookie = await sessionCookieFor(coach.id);
    const { events } = await server.open({ Cookie: coachCookie });

    const res = await settle(async () =>
      editProgrammeAction(
        actionArgs(
          formRequest(`/programmes/${programme.id}/edit`, programmeFields, {
            cookie: await sessionCookieFor(programme.organiser.id),
          }),
          makeContext({ publisher: server.publisher }),
          { programmeId: String(programme.id) },
        ),
      ),
    );
    expect(res.status).toBe(302);
    await new Promise((r) => setTimeout(r, 150));
    expect(events).toEqual([{ type: "roles.changed" }]);
    // The reload that event triggers goes through the loaders, which now refuse.
    expect((await coachAccess(circleId, coachCookie)).home).not.toBe(200);
  });
});
