/**
 * Issue 14, finding 5: /admin/outbox lists failed mails for organisers, who may not see the
 * circle a notification is about. The list shows category, recipient, status and error, never
 * the subject or body (a notification's subject is its sentence: "X applied for circle Y").
 */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { emailOutbox } from "../../db/schema";
import { getDb } from "~/utils/db.server";
import { applyToCircle } from "~/models/memberships.server";
import { getCircle } from "~/models/circles.server";
import { loader as outboxLoader } from "~/routes/admin.outbox";
import { getRequest, loaderArgs, makeCircle, makeUser, sessionCookieFor, settle } from "./helpers";

describe("the organisers' outbox view", () => {
  it("shows category, recipient, status and error of a failed notification mail, never its subject or content", async () => {
    const { id: circleId, coach } = await makeCircle({ name: "Kring Vertrouwelijk Zwolle" });
    const applicant = await makeUser({ name: "Pieter Privé" });
    expect(
      applyToCircle({
        userId: applicant.id,
        circleId,
        motivation: "Mijn motivatie",
        coachIds: [coach.id],
      }).ok,
    ).toBe(true);
    const mail = getDb().select().from(emailOutbox).where(eq(emailOutbox.userId, coach.id)).get()!;
    // Otherwise the test could not tell a hidden subject from one that never held anything private.
    expect(mail.subject).toMatch(/Pieter Privé/);
    expect(mail.subject + mail.text).toMatch(/Kring Vertrouwelijk Zwolle/);
    getDb()
      .update(emailOutbox)
      .set({ status: "failed", attempts: 6, lastError: "550 Mailbox unavailable" })
      .where(eq(emailOutbox.id, mail.id))
      .run();

    const organiser = await makeUser({ roles: ["organiser"] });
    const res = await settle(async () =>
      outboxLoader(
        loaderArgs(getRequest("/admin/outbox", { cookie: await sessionCookieFor(organiser.id) })),
      ),
    );
    expect(res.status).toBe(200);
    const body = await res.text();
    const { failed } = JSON.parse(body) as { failed: Array<Record<string, unknown>> };
    expect(failed.find((m) => m.id === mail.id)).toMatchObject({
      to: mail.toAddress,
      category: "membership",
      status: "failed",
      lastError: "550 Mailbox unavailable",
      attempts: 6,
    });
    expect(getCircle(circleId)?.name).toBe("Kring Vertrouwelijk Zwolle");
    expect(body).not.toMatch(/Pieter|Privé|Vertrouwelijk|motivatie/);
    expect(body).not.toContain(mail.subject);
  });
});
