/**
 * Issue 14, finding 1: the circle suggestions on /circles must not reveal who is in a circle.
 * The viewer controls their own KvK number, SBI division and municipality; if typing a member's
 * values made that member's circle vanish (or move, or change its counts), the suggestions would
 * tell the viewer which company sits in which circle. Those conflicts are for the coach to weigh
 * when deciding on the application.
 */
import { describe, expect, it } from "vitest";
import { saveCompany } from "~/models/profiles.server";
import { suggestCircles } from "~/models/matching.server";
import { listOpenCircles } from "~/models/circles.server";
import { applyToCircle, inviteToCircle, respondToInvitation } from "~/models/memberships.server";
import { loader as openCirclesLoader } from "~/routes/circles._index";
import { loader as membersLoader } from "~/routes/circles.$circleId.members";
import { loader as summaryLoader } from "~/routes/circles.$circleId._index";
import {
  getRequest,
  loaderArgs,
  makeCircle,
  makeContext,
  makeMatchableEntrepreneur,
  sessionCookieFor,
  settle,
} from "./helpers";

type Company = {
  kvkNumber: string | null;
  sector: string;
  sbiDivision: string | null;
  municipality: string;
};

function setCompany(userId: number, c: Company, name = `Bedrijf ${userId}`) {
  saveCompany(userId, {
    name,
    employees: 4,
    foundedYear: 2015,
    lifePhase: "growing",
    province: "OV",
    familyBusiness: false,
    ...c,
  });
}

function entrepreneur(company: Company, name?: string) {
  return makeMatchableEntrepreneur({
    user: name ? { name } : {},
    company: {
      ...(name ? { name: `${name} BV` } : {}),
      employees: 4,
      foundedYear: 2015,
      ...company,
    },
  });
}

describe("circle suggestions reveal nothing about members' companies", () => {
  it("keeps the suggestions (list, counts, order) the same when the viewer copies a member's KvK number, division or municipality", async () => {
    const held = await makeCircle({ capacityMax: 8, meetingMode: "online" });
    const other = await makeCircle({ capacityMax: 8, meetingMode: "online" });
    const member = await entrepreneur({
      kvkNumber: "12345678",
      sector: "C",
      sbiDivision: "25",
      municipality: "Zwolle",
    });
    const otherMember = await entrepreneur({
      kvkNumber: "23456789",
      sector: "J",
      sbiDivision: "62",
      municipality: "Enschede",
    });
    for (const [circle, person] of [
      [held, member],
      [other, otherMember],
    ] as const) {
      expect(inviteToCircle(circle.coach.id, circle.id, person.email).ok).toBe(true);
      respondToInvitation(person.id, circle.id, true);
    }
    const own: Company = {
      kvkNumber: "87654321",
      sector: "C",
      sbiDivision: "10",
      municipality: "Deventer",
    };
    const viewer = await entrepreneur(own);
    const cookie = await sessionCookieFor(viewer.id);
    const seen = async () => {
      const res = await settle(() =>
        openCirclesLoader(loaderArgs(getRequest("/circles", { cookie }))),
      );
      return {
        all: suggestCircles(viewer.id, listOpenCircles()),
        page: (await res.json()).suggestions,
      };
    };

    const before = await seen();
    // Otherwise the test could not tell a vanished circle from one that was never suggested.
    expect(before.all.map((s) => s.circleId)).toContain(held.id);
    expect(before.page.map((s: { circleId: number }) => s.circleId)).toContain(held.id);

    const probes: Array<[string, Partial<Company>]> = [
      ["the member's KvK number", { kvkNumber: "12345678" }],
      ["the member's division and municipality", { sbiDivision: "25", municipality: "Zwolle" }],
      ["the member's section and municipality", { sbiDivision: null, municipality: " zwolle " }],
      ["all of them", { kvkNumber: "12345678", sbiDivision: "25", municipality: "Zwolle" }],
    ];
    for (const [what, change] of probes) {
      setCompany(viewer.id, { ...own, ...change });
      expect(await seen(), what).toEqual(before);
    }
  });

  it("shows the coach, and only the coach, that an applicant shares a company or competes with a member", async () => {
    const circle = await makeCircle({ capacityMax: 8, meetingMode: "online" });
    const member = await entrepreneur(
      { kvkNumber: "11112222", sector: "F", sbiDivision: "43", municipality: "Kampen" },
      "Mila Lid",
    );
    inviteToCircle(circle.coach.id, circle.id, member.email);
    respondToInvitation(member.id, circle.id, true);
    const colleague = await entrepreneur(
      { kvkNumber: "11112222", sector: "F", sbiDivision: "41", municipality: "Zwolle" },
      "Cas Collega",
    );
    const rival = await entrepreneur(
      { kvkNumber: "33334444", sector: "F", sbiDivision: "43", municipality: "kampen" },
      "Rik Rivaal",
    );
    const stranger = await entrepreneur({
      kvkNumber: "55556666",
      sector: "F",
      sbiDivision: "43",
      municipality: "Urk",
    });
    for (const u of [colleague, rival, stranger])
      expect(
        applyToCircle({
          userId: u.id,
          circleId: circle.id,
          motivation: "Graag",
          coachIds: [circle.coach.id],
        }).ok,
      ).toBe(true);

    const coachCookie = await sessionCookieFor(circle.coach.id);
    const res = await settle(() =>
      membersLoader(
        loaderArgs(
          getRequest(`/circles/${circle.id}/members`, { cookie: coachCookie }),
          makeContext(),
          {
            circleId: String(circle.id),
          },
        ),
      ),
    );
    expect(res.status).toBe(200);
    const { pending } = await res.json();
    const conflictsOf = (userId: number) =>
      pending.find((p: { userId: number }) => p.userId === userId).conflicts;
    expect(conflictsOf(colleague.id)).toEqual([{ kind: "sameCompany", name: "Mila Lid" }]);
    expect(conflictsOf(rival.id)).toEqual([{ kind: "competitors", name: "Mila Lid" }]);
    expect(conflictsOf(stranger.id)).toEqual([]);

    // The applicant's own view of the circle says nothing about it.
    const rivalCookie = await sessionCookieFor(rival.id);
    const summary = await settle(() =>
      summaryLoader(
        loaderArgs(getRequest(`/circles/${circle.id}`, { cookie: rivalCookie }), makeContext(), {
          circleId: String(circle.id),
        }),
      ),
    );
    expect(summary.status).toBe(200);
    const body = await summary.text();
    expect(body).not.toMatch(/Mila|conflict|competitor|sameCompany/i);
  });
});
