import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvents } from "../../db/schema";
import { action, loader } from "~/routes/admin.users";
import { getUserById } from "~/models/users.server";
import { getDb } from "~/utils/db.server";
import {
  actionArgs,
  formRequest,
  getRequest,
  loaderArgs,
  makeContext,
  makeUser,
  recordingPublisher,
  sessionCookieFor,
  settle,
} from "./helpers";

async function organiser() {
  const user = await makeUser({ roles: ["organiser"], name: "Marieke Organisator" });
  return { ...user, cookie: await sessionCookieFor(user.id) };
}

describe("granting and revoking roles", () => {
  it("lets an organiser grant a role, records an audit event and tells the user's browser live", async () => {
    const org = await organiser();
    const target = await makeUser({ name: "Sanne Doelwit" });
    const live = recordingPublisher();
    const res = await settle(() =>
      action(
        actionArgs(
          formRequest(
            "/admin/users",
            { intent: "grant", userId: String(target.id), role: "coach" },
            { cookie: org.cookie },
          ),
          makeContext({ publisher: live.publisher }),
        ),
      ),
    );
    expect(res.status).toBe(200);
    expect(getUserById(target.id)?.roles).toEqual(["entrepreneur", "coach"]);
    expect(live.sent).toEqual([
      { userId: target.id, event: { type: "roles.changed" } },
      { userId: target.id, event: { type: "notifications.changed" } },
    ]);
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, target.id), eq(auditEvents.action, "role.granted")))
      .get();
    expect(audit).toMatchObject({
      actorId: org.id,
      subjectType: "user",
      details: { role: "coach" },
    });

    const revoke = await settle(() =>
      action(
        actionArgs(
          formRequest(
            "/admin/users",
            { intent: "revoke", userId: String(target.id), role: "coach" },
            { cookie: org.cookie },
          ),
          makeContext({ publisher: live.publisher }),
        ),
      ),
    );
    expect(revoke.status).toBe(200);
    expect(getUserById(target.id)?.roles).toEqual(["entrepreneur"]);
    // A revoke notifies nobody; it re-checks the user's sockets (open pages reload, ended sessions close).
    expect(live.sent).toHaveLength(2);
    expect(live.revalidated).toEqual([target.id]);
  });

  it("does nothing (and sends nothing) when the role is already there", async () => {
    const org = await organiser();
    const target = await makeUser({ roles: ["entrepreneur", "coach"] });
    const live = recordingPublisher();
    await settle(() =>
      action(
        actionArgs(
          formRequest(
            "/admin/users",
            { intent: "grant", userId: String(target.id), role: "coach" },
            { cookie: org.cookie },
          ),
          makeContext({ publisher: live.publisher }),
        ),
      ),
    );
    expect(live.sent).toEqual([]);
  });

  it("keeps an organiser from removing their own organiser role", async () => {
    const org = await organiser();
    const res = await settle(() =>
      action(
        actionArgs(
          formRequest(
            "/admin/users",
            { intent: "revoke", userId: String(org.id), role: "organiser" },
            { cookie: org.cookie },
          ),
        ),
      ),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error[""]).toEqual(["admin.ownRoles"]);
    expect(getUserById(org.id)?.roles).toContain("organiser");
  });

  it("answers an unknown user or role with a message, not an error", async () => {
    const org = await organiser();
    const unknownUser = await settle(() =>
      action(
        actionArgs(
          formRequest(
            "/admin/users",
            { intent: "grant", userId: "999999", role: "coach" },
            { cookie: org.cookie },
          ),
        ),
      ),
    );
    expect(unknownUser.status).toBe(400);
    expect((await unknownUser.json()).error[""]).toEqual(["admin.userNotFound"]);
    const badRole = await settle(() =>
      action(
        actionArgs(
          formRequest(
            "/admin/users",
            { intent: "grant", userId: String(org.id), role: "king" },
            { cookie: org.cookie },
          ),
        ),
      ),
    );
    expect(badRole.status).toBe(400);
    expect((await badRole.json()).error.role).toEqual(["validation.invalid"]);
  });

  it("refuses anyone who is not an organiser, on the server", async () => {
    const coach = await makeUser({ roles: ["coach"] });
    const target = await makeUser();
    const cookie = await sessionCookieFor(coach.id);
    const res = await settle(() =>
      action(
        actionArgs(
          formRequest(
            "/admin/users",
            { intent: "grant", userId: String(target.id), role: "organiser" },
            { cookie },
          ),
        ),
      ),
    );
    expect(res.status).toBe(403);
    expect(getUserById(target.id)?.roles).toEqual(["entrepreneur"]);
    const anonymous = await settle(() =>
      action(
        actionArgs(
          formRequest("/admin/users", {
            intent: "grant",
            userId: String(target.id),
            role: "organiser",
          }),
        ),
      ),
    );
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Fusers");
  });

  it("lists and searches users with their roles, paged", async () => {
    const org = await organiser();
    await makeUser({
      name: "Zoë Zoekbaar",
      email: "zoe.zoekbaar@example.nl",
      roles: ["entrepreneur", "ambassador"],
    });
    const res = await settle(() =>
      loader(loaderArgs(getRequest("/admin/users?q=zoekbaar", { cookie: org.cookie }))),
    );
    const data = await res.json();
    expect(data.total).toBe(1);
    expect(data.users[0]).toMatchObject({
      name: "Zoë Zoekbaar",
      roles: ["entrepreneur", "ambassador"],
    });
    const wildcard = await (
      await settle(() =>
        loader(loaderArgs(getRequest("/admin/users?q=%25", { cookie: org.cookie }))),
      )
    ).json();
    expect(wildcard.total).toBe(0); // % is searched literally
    const silly = await settle(() =>
      loader(
        loaderArgs(
          getRequest(`/admin/users?page=-5&q=${"x".repeat(10_000)}`, { cookie: org.cookie }),
        ),
      ),
    );
    expect(silly.status).toBe(200);
  });
});
