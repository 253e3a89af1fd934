import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { emailOutbox } from "../../db/schema";
import { getDb } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import {
  listNotifications,
  markRead,
  notify,
  runDigests,
  savePreferences,
  getPreferences,
  unreadCount,
} from "~/models/notifications.server";
import { backoffMs, enqueueMail, LEASE_MS, processOutbox } from "~/models/outbox.server";
import { defaultChannels } from "~/domain/notifications";
import { leaveCircle, applyToCircle, decideApplication } from "~/models/memberships.server";
import { getMembership } from "~/models/circles.server";
import { loader as unsubscribeLoader, action as unsubscribeAction } from "~/routes/unsubscribe";
import { loader as openNotification } from "~/routes/notifications.$notificationId";
import { action as markAllAction } from "~/routes/notifications._index";
import { unsubscribeToken } from "~/utils/unsubscribe.server";
import {
  actionArgs,
  formRequest,
  getRequest,
  loaderArgs,
  makeCircle,
  makeContext,
  makeUser,
  withSmtpSink,
  sessionCookieFor,
  settle,
} from "./helpers";

const outboxRows = (userId: number) =>
  getDb().select().from(emailOutbox).where(eq(emailOutbox.userId, userId)).all();

describe("the outbox against a real SMTP server", () => {
  const smtp = withSmtpSink();
  const received = smtp.received;
  // The next `n` mails are refused with a temporary error.
  const refuseNext = (n: number) => {
    let left = n;
    smtp.onMail = () => {
      if (left <= 0) return;
      left -= 1;
      throw Object.assign(new Error("Mailbox temporarily unavailable"), { responseCode: 451 });
    };
  };

  const queue = (to: string, subject: string) =>
    getDb().transaction((tx) =>
      enqueueMail(tx, {
        userId: null,
        to,
        kind: "account",
        mail: { subject, html: `<p>${subject}</p>`, text: subject },
      }),
    );

  it("delivers a queued mail once and marks it sent", async () => {
    received.length = 0;
    const id = queue("een@example.nl", "Eerste bericht");
    expect(await processOutbox()).toBe(1);
    expect(await processOutbox()).toBe(0);
    expect(received.map((m) => m.subject)).toEqual(["Eerste bericht"]);
    expect(received[0]!.messageId).toBe(`<outbox-${id}@kringwijs.nl>`);
    expect(getDb().select().from(emailOutbox).where(eq(emailOutbox.id, id)).get()).toMatchObject({
      status: "sent",
      attempts: 1,
    });
  });

  it("retries with exponential backoff while the server refuses, then sends exactly one message", async () => {
    received.length = 0;
    refuseNext(2);
    const id = queue("twee@example.nl", "Tweede bericht");
    const t0 = new Date();
    expect(await processOutbox(t0)).toBe(0);
    let row = getDb().select().from(emailOutbox).where(eq(emailOutbox.id, id)).get()!;
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + backoffMs(1));
    expect(await processOutbox(t0)).toBe(0); // not due yet: nothing tried
    const t1 = new Date(t0.getTime() + backoffMs(1));
    expect(await processOutbox(t1)).toBe(0);
    row = getDb().select().from(emailOutbox).where(eq(emailOutbox.id, id)).get()!;
    expect(row.nextAttemptAt.getTime()).toBe(t1.getTime() + backoffMs(2));
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    expect(await processOutbox(new Date(t1.getTime() + backoffMs(2)))).toBe(1);
    expect(received.map((m) => m.subject)).toEqual(["Tweede bericht"]);
  });

  it("marks a mail failed after repeated refusals, for organisers to see", async () => {
    received.length = 0;
    refuseNext(100);
    const id = queue("drie@example.nl", "Derde bericht");
    let now = new Date();
    for (let i = 0; i < 10; i++) {
      await processOutbox(now);
      now = new Date(now.getTime() + 2 * 60 * 60_000);
    }
    smtp.onMail = null;
    const row = getDb().select().from(emailOutbox).where(eq(emailOutbox.id, id)).get()!;
    expect(row.status).toBe("failed");
    expect(row.attempts).toBe(6);
    expect(row.lastError).toMatch(/temporarily unavailable/);
    const { listFailedMails } = await import("~/models/outbox.server");
    expect(listFailedMails().map((m) => m.id)).toContain(id);
  });

  it("after a kill between 'sent' and 'marked', sends at most one duplicate with the same Message-ID", async () => {
    received.length = 0;
    const id = queue("vier@example.nl", "Vierde bericht");
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "tests/integration/fixtures/send-outbox.ts"],
      { env: { ...process.env } },
    );
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code) => resolve(code)),
    );
    // The server has the message; the sender is killed before it hears "250 OK" and can mark it.
    smtp.onMail = async () => {
      smtp.onMail = null;
      child.kill("SIGKILL");
      await new Promise((resolve) => setTimeout(resolve, 200));
    };
    await exited;
    expect(received).toHaveLength(1);
    const row = getDb().select().from(emailOutbox).where(eq(emailOutbox.id, id)).get()!;
    expect(row.status).toBe("sending");
    // Nothing is resent while the lease holds, then exactly once.
    expect(await processOutbox(new Date())).toBe(0);
    expect(await processOutbox(new Date(Date.now() + LEASE_MS + 1000))).toBe(1);
    expect(await processOutbox(new Date(Date.now() + 2 * LEASE_MS))).toBe(0);
    expect(received).toHaveLength(2);
    expect(received[0]!.messageId).toBe(received[1]!.messageId);
  });
});

describe("notifications", () => {
  it("appear in the app, count as unread, and mail at once for immediate categories", async () => {
    const user = await makeUser({ name: "Bas" });
    getDb().transaction((tx) =>
      notify(tx, {
        userId: user.id,
        type: "role.granted",
        data: { role: "coach" },
        url: "/dashboard",
      }),
    );
    expect(unreadCount(user.id)).toBe(1);
    expect(listNotifications(user.id)[0]).toMatchObject({
      type: "role.granted",
      url: "/dashboard",
      read: false,
    });
    const [mail] = outboxRows(user.id);
    expect(mail).toMatchObject({
      kind: "notification",
      subject: "Je hebt de rol Begeleider gekregen",
    });
    expect(mail!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail!.headers["List-Unsubscribe"]).toMatch(
      /^<http:\/\/localhost:3000\/unsubscribe\?token=/,
    );
  });

  it("sends no e-mail about something already read in the app", async () => {
    const user = await makeUser();
    process.env.NOTIFY_EMAIL_DELAY_SECONDS = "60";
    resetEnvCache();
    try {
      const now = new Date();
      getDb().transaction((tx) =>
        notify(
          tx,
          { userId: user.id, type: "role.granted", data: { role: "coach" }, url: "/dashboard" },
          now,
        ),
      );
      await processOutbox(now);
      expect(outboxRows(user.id)[0]!.status).toBe("pending"); // waiting out the delay
      markRead(user.id, listNotifications(user.id)[0]!.id);
      await processOutbox(new Date(now.getTime() + 61_000));
      expect(outboxRows(user.id)[0]!.status).toBe("skipped");
    } finally {
      process.env.NOTIFY_EMAIL_DELAY_SECONDS = "0";
      resetEnvCache();
    }
  });

  it("withholds the link once the person can no longer see the circle", async () => {
    const { id: circleId, coach } = await makeCircle();
    const user = await makeUser();
    applyToCircle({ userId: user.id, circleId, motivation: "Graag", coachIds: [coach.id] });
    decideApplication({
      coachId: coach.id,
      circleId,
      membershipId: getMembership(circleId, user.id)!.id,
      approve: true,
      message: null,
    });
    expect(listNotifications(user.id)[0]).toMatchObject({
      type: "membership.approved",
      url: `/circles/${circleId}/home`,
    });
    leaveCircle(user.id, circleId);
    expect(listNotifications(user.id)[0]).toMatchObject({ type: "membership.approved", url: null });
  });

  it("opening one marks it read and leads to the thing; others' notifications are a 404; mark all read", async () => {
    const user = await makeUser();
    const other = await makeUser();
    getDb().transaction((tx) => {
      notify(tx, {
        userId: user.id,
        type: "role.granted",
        data: { role: "coach" },
        url: "/dashboard",
      });
      notify(tx, {
        userId: user.id,
        type: "role.granted",
        data: { role: "ambassador" },
        url: "/dashboard",
      });
    });
    const [first] = listNotifications(user.id);
    const cookie = await sessionCookieFor(user.id);
    const open = await settle(() =>
      openNotification(
        loaderArgs(getRequest(`/notifications/${first!.id}`, { cookie }), makeContext(), {
          notificationId: String(first!.id),
        }),
      ),
    );
    expect(open.headers.get("Location")).toBe("/dashboard");
    expect(unreadCount(user.id)).toBe(1);
    const otherCookie = await sessionCookieFor(other.id);
    const peek = await settle(() =>
      openNotification(
        loaderArgs(
          getRequest(`/notifications/${first!.id}`, { cookie: otherCookie }),
          makeContext(),
          { notificationId: String(first!.id) },
        ),
      ),
    );
    expect(peek.status).toBe(404);
    await settle(() => markAllAction(actionArgs(formRequest("/notifications", {}, { cookie }))));
    expect(unreadCount(user.id)).toBe(0);
  });
});

describe("daily digest (simulated clock)", () => {
  it("collects a day of digest-category events into one mail, in order; nothing at once; nothing for 'never'", async () => {
    const user = await makeUser({ name: "Ilse" });
    savePreferences(user.id, {
      channels: { ...defaultChannels, threads: "digest", contact: "never" },
      digestHour: 8,
    });
    // Wednesday 1 July 2027, Amsterdam time: events from 09:00 to 21:00.
    const at = (h: number, m = 0) => new Date(Date.UTC(2027, 6, 1, h - 2, m));
    const titles = ["Personeel vinden", "Cao-onderhandelingen", "Eerste werknemer", "Thuiswerken"];
    titles.forEach((title, i) => {
      getDb().transaction((tx) =>
        notify(
          tx,
          {
            userId: user.id,
            type: "thread.created",
            data: { circle: "Kring Twente", title },
            url: "/circles/1/home",
          },
          at(9 + i * 4),
        ),
      );
    });
    getDb().transaction((tx) =>
      notify(
        tx,
        { userId: user.id, type: "contact.requested", data: { name: "Henk" }, url: "/dashboard" },
        at(12),
      ),
    );
    expect(outboxRows(user.id)).toEqual([]); // nothing at once

    expect(runDigests(at(23))).toBe(0); // before the next 08:00
    expect(runDigests(at(8 + 24, 1))).toBe(1); // Thursday 08:01
    expect(runDigests(at(8 + 24, 30))).toBe(0); // once per day
    const rows = outboxRows(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "digest",
      subject: "Je dagoverzicht van Kringwijs: 4 meldingen",
    });
    const positions = titles.map((t) => rows[0]!.text.indexOf(t));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(rows[0]!.text).not.toContain("Henk");
    expect(rows[0]!.headers["List-Unsubscribe"]).toContain("/unsubscribe?token=");
  });
});

describe("one-click unsubscribe", () => {
  it("works without login for its own user and category only, and refuses a tampered token", async () => {
    const user = await makeUser();
    const other = await makeUser();
    const token = unsubscribeToken(user.id, "membership");
    const page = await (
      await settle(() => unsubscribeLoader(loaderArgs(getRequest(`/unsubscribe?token=${token}`))))
    ).json();
    expect(page).toEqual({ token, category: "membership" });
    expect(getPreferences(user.id).channels.membership).toBe("immediate"); // a GET changes nothing

    // A mail client's RFC 8058 POST: no cookie, no origin, the token in the URL.
    const oneClick = new Request(`http://localhost:3000/unsubscribe?token=${token}`, {
      method: "POST",
      body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }),
    });
    expect((await settle(() => unsubscribeAction(actionArgs(oneClick)))).status).toBe(200);
    expect(getPreferences(user.id).channels).toMatchObject({
      membership: "never",
      meetings: "immediate",
    });
    expect(getPreferences(other.id).channels.membership).toBe("immediate");

    const [payload, signature] = token.split(".");
    const forgedPayload = Buffer.from(`${other.id}:membership`).toString("base64url");
    for (const bad of [
      `${forgedPayload}.${signature}`,
      `${payload}.${signature}x`,
      `${payload}`,
      "nonsense",
    ]) {
      const res = await settle(() =>
        unsubscribeAction(actionArgs(formRequest("/unsubscribe", { token: bad }))),
      );
      expect(res.status).toBe(400);
    }
    expect(getPreferences(other.id).channels.membership).toBe("immediate");
  });

  it("from a digest turns off every digest category", async () => {
    const user = await makeUser();
    const token = unsubscribeToken(user.id, "digest");
    await settle(() => unsubscribeAction(actionArgs(formRequest("/unsubscribe", { token }))));
    expect(getPreferences(user.id).channels).toMatchObject({
      threads: "never",
      mentions: "immediate",
    });
  });
});
