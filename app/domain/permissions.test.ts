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
});
