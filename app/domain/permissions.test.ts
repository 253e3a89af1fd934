import { describe, expect, it } from "vitest";
import { can } from "./permissions";

describe("can", () => {
  it("denies everything to anonymous visitors", () => {
    expect(can(null, "account.view")).toBe(false);
    expect(can(null, "users.manage_roles")).toBe(false);
  });
  it("lets only organisers manage roles", () => {
    expect(can({ id: 1, roles: ["entrepreneur"] }, "users.manage_roles")).toBe(false);
    expect(can({ id: 1, roles: ["coach", "ambassador"] }, "users.manage_roles")).toBe(false);
    expect(can({ id: 1, roles: ["organiser"] }, "users.manage_roles")).toBe(true);
    expect(can({ id: 1, roles: ["entrepreneur", "organiser"] }, "admin.view")).toBe(true);
  });
  it("lets every signed-in user see their own account", () => {
    expect(can({ id: 1, roles: [] }, "account.view")).toBe(true);
  });
  it("gives ambassadors their own profile, staff the knowledge bank, organisers the rest", () => {
    const as = (...roles: ("entrepreneur" | "ambassador" | "coach" | "organiser")[]) => ({
      id: 1,
      roles,
    });
    expect(can(null, "ambassador.own")).toBe(false);
    expect(can(as("entrepreneur"), "ambassador.own")).toBe(false);
    expect(can(as("entrepreneur", "ambassador"), "ambassador.own")).toBe(true);
    expect(can(as("ambassador"), "knowledge.manage")).toBe(false);
    expect(can(as("coach"), "knowledge.manage")).toBe(true);
    expect(can(as("organiser"), "knowledge.manage")).toBe(true);
    expect(can(as("coach"), "support.manage")).toBe(false);
    expect(can(as("coach"), "ambassadors.feature")).toBe(false);
    expect(can(as("organiser"), "support.manage")).toBe(true);
    expect(can(as("organiser"), "ambassadors.feature")).toBe(true);
  });
  it("lets only a circle's coach turn its summaries and threads into a draft", () => {
    const circle = {
      status: "active" as const,
      openForApplications: true,
      programmeArchived: false,
    };
    const actor = { id: 1, roles: ["coach", "organiser"] as const };
    const member = { isCoach: false, membership: "member" as const };
    expect(can(actor, "circle.harvest", { circle, relation: member })).toBe(false);
    expect(
      can(actor, "circle.harvest", { circle, relation: { isCoach: true, membership: null } }),
    ).toBe(true);
    expect(
      can(actor, "circle.harvest", {
        circle: { ...circle, programmeArchived: true },
        relation: { isCoach: true, membership: null },
      }),
    ).toBe(false);
  });
});
