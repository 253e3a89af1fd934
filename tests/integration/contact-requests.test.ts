/**
 * Contact requests end to end through the routes: the public form's bad input (a message per
 * field, the input kept, nothing stored), the honeypot, the limits per address and per sender,
 * profiles that cannot be written to, then the ambassador's inbox, the answer with a referral
 * that lands in the outbox addressed to the visitor, closing, and another ambassador's 404.
 */
import { describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import {
  action as contactAction,
  loader as contactLoader,
} from "~/routes/ambassadors.$slug.contact";
import { loader as inboxLoader } from "~/routes/ambassador.requests._index";
import {
  action as requestAction,
  loader as requestLoader,
} from "~/routes/ambassador.requests.$requestId";
import { createSupportOrganisation } from "~/models/support.server";
import {
  CONTACT_PER_EMAIL_PER_DAY,
  CONTACT_PER_IP_PER_HOUR,
} from "~/utils/contact-rate-limit.server";
import { getDb } from "~/utils/db.server";
import {
  ambassadorProfiles,
  auditEvents,
  contactRequests,
  emailOutbox,
  notifications,
  userRoles,
} from "../../db/schema";
import { load, makeContext, makeUser, signedIn, submit } from "./helpers";

let ipCounter = 0;
/** A fresh client address per call, so one test's requests never count against another's. */
const freshIp = () =>
  makeContext({ clientIp: `10.20.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}` });

async function ambassador(input: { published?: boolean; role?: boolean; province?: string } = {}) {
  const user = await signedIn({
    roles: input.role === false ? ["entrepreneur"] : ["entrepreneur", "ambassador"],
    name: "Henk Wolters",
  });
  const slug = `henk-${user.id}`;
  getDb()
    .insert(ambassadorProfiles)
    .values({
      userId: user.id,
      slug,
      headline: "Van familiebedrijf naar zelfsturende teams",
      province: input.province ?? "OV",
      themes: ["social_innovation", "people"],
      publicFields: ["themes", "province"],
      published: input.published ?? true,
    })
    .run();
  return { ...user, slug };
}

const requestsOf = (ambassadorId: number) =>
  getDb()
    .select()
    .from(contactRequests)
    .where(eq(contactRequests.ambassadorId, ambassadorId))
    .all();
const notificationsOf = (userId: number) =>
  getDb().select().from(notifications).where(eq(notifications.userId, userId)).all();
const mailsTo = (address: string) =>
  getDb().select().from(emailOutbox).where(eq(emailOutbox.toAddress, address)).all();

const question = "Hoe zijn jullie begonnen met zelfsturende teams in de werkplaats?";
const visitor = (n: string) => ({
  name: "Ilse de Vries",
  email: `ilse-${n}@example.nl`,
  message: question,
});

function send(
  slug: string,
  fields: Record<string, string>,
  options: {
    cookie?: string;
    context?: ReturnType<typeof makeContext>;
    headers?: Record<string, string>;
  } = {},
) {
  return submit(contactAction, `/ambassadors/${slug}/contact`, fields, {
    params: { slug },
    context: options.context ?? freshIp(),
    cookie: options.cookie,
    headers: options.headers,
  });
}

type Reply = { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };

describe("the contact form", () => {
  it("shows the ambassador's name and headline, and asks anonymous visitors for name and e-mail", async () => {
    const amb = await ambassador();
    const res = await load(contactLoader, `/ambassadors/${amb.slug}/contact`, {
      params: { slug: amb.slug },
    });
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.ambassador).toEqual({
      name: "Henk Wolters",
      slug: amb.slug,
      headline: "Van familiebedrijf naar zelfsturende teams",
    });
    expect(data.sender).toBeNull();
    expect(Object.keys(data.constraint).sort()).toEqual(["email", "message", "name"]);
  });

  it("is a 404 for an unknown slug, an unpublished profile and someone without the role", async () => {
    const hidden = await ambassador({ published: false });
    const demoted = await ambassador({ role: false });
    for (const slug of ["bestaat-niet", hidden.slug, demoted.slug, "x".repeat(500)]) {
      const page = await load(contactLoader, `/ambassadors/${slug}/contact`, { params: { slug } });
      expect(page.status, slug).toBe(404);
      const sent = await send(slug, visitor("404"));
      expect(sent.status, slug).toBe(404);
    }
    expect(requestsOf(hidden.id)).toHaveLength(0);
    expect(requestsOf(demoted.id)).toHaveLength(0);
  });

  it("refuses bad input per field, keeps the input and stores nothing", async () => {
    const amb = await ambassador();
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ ...visitor("a"), name: "" }, "name", "validation.required"],
      [{ ...visitor("b"), name: "n".repeat(101) }, "name", "validation.tooLong|100"],
      [{ ...visitor("c"), email: "geen-adres" }, "email", "validation.email"],
      [{ ...visitor("d"), email: "" }, "email", "validation.required"],
      [
        { ...visitor("e"), message: "Te kort bericht." },
        "message",
        "support.error.messageTooShort|20",
      ],
      [{ ...visitor("f"), message: "x".repeat(2001) }, "message", "validation.tooLong|2000"],
      [{ ...visitor("g"), message: "   " }, "message", "validation.required"],
    ];
    for (const [fields, field, message] of cases) {
      const res = await send(amb.slug, fields);
      expect(res.status, field).toBe(400);
      const reply = (await res.json()) as Reply;
      expect(reply.error?.[field], field).toEqual([message]);
      // The visitor's words come back into the form.
      expect(reply.initialValue?.message ?? "").toBe(fields.message);
      expect(reply.initialValue?.name ?? "").toBe(fields.name);
    }
    // Files and a huge body are a 400 too, never a 500.
    const file = await submit(
      contactAction,
      `/ambassadors/${amb.slug}/contact`,
      { name: new Blob(["x"]), email: "a@example.nl", message: question },
      { params: { slug: amb.slug }, context: freshIp() },
    );
    expect(file.status).toBe(400);
    expect(requestsOf(amb.id)).toHaveLength(0);
    expect(notificationsOf(amb.id)).toHaveLength(0);
  });

  it("thanks a bot that filled the honeypot, and stores and tells nothing", async () => {
    const amb = await ambassador();
    const res = await send(amb.slug, { ...visitor("bot"), website: "https://spam.example" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/ambassadors/${amb.slug}/contact?sent=1`);
    expect(requestsOf(amb.id)).toHaveLength(0);
    expect(notificationsOf(amb.id)).toHaveLength(0);
    expect(mailsTo(amb.email)).toHaveLength(0);
  });

  it(`refuses the request after ${CONTACT_PER_IP_PER_HOUR} from one address, with the message, storing nothing`, async () => {
    const amb = await ambassador();
    const context = freshIp();
    for (let i = 0; i < CONTACT_PER_IP_PER_HOUR; i++) {
      const res = await send(amb.slug, visitor(`ip-${i}`), { context });
      expect(res.status, `request ${i + 1}`).toBe(302);
    }
    const refused = await send(amb.slug, visitor("ip-last"), { context });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    const reply = (await refused.json()) as Reply;
    expect(reply.error?.[""]?.[0]).toMatch(/^support\.error\.rateMinutes\|\d+$/);
    expect(reply.initialValue?.message).toBe(question);
    expect(requestsOf(amb.id)).toHaveLength(CONTACT_PER_IP_PER_HOUR);
    // Another address may still write.
    expect((await send(amb.slug, visitor("elsewhere"))).status).toBe(302);
  });

  it(`refuses the request after ${CONTACT_PER_EMAIL_PER_DAY} from one sender to one ambassador, from any address`, async () => {
    const amb = await ambassador();
    const other = await ambassador();
    for (let i = 0; i < CONTACT_PER_EMAIL_PER_DAY; i++)
      expect((await send(amb.slug, visitor("same"))).status).toBe(302);
    const refused = await send(amb.slug, { ...visitor("same"), email: "ILSE-same@example.nl " });
    expect(refused.status).toBe(429);
    const reply = (await refused.json()) as Reply;
    expect(reply.error?.[""]?.[0]).toMatch(/^support\.error\.rateHours\|\d+$/);
    expect(requestsOf(amb.id)).toHaveLength(CONTACT_PER_EMAIL_PER_DAY);
    // The same sender may still write to another ambassador.
    expect((await send(other.slug, visitor("same"))).status).toBe(302);
  });

  it("uses the account's name and e-mail when signed in, whatever the form says", async () => {
    const amb = await ambassador();
    const sender = await signedIn({ name: "Pieter Jansen" });
    const page = await load(contactLoader, `/ambassadors/${amb.slug}/contact`, {
      params: { slug: amb.slug },
      cookie: sender.cookie,
    });
    const data = await page.json();
    expect(data.sender).toEqual({ name: "Pieter Jansen", email: sender.email });
    const res = await send(
      amb.slug,
      { name: "Iemand Anders", email: "anders@example.nl", message: question },
      { cookie: sender.cookie },
    );
    expect(res.status).toBe(302);
    const [stored] = requestsOf(amb.id);
    expect(stored).toMatchObject({
      senderId: sender.id,
      senderName: "Pieter Jansen",
      senderEmail: sender.email,
    });
  });

  it("does not let an ambassador write to themselves", async () => {
    const amb = await ambassador();
    const res = await send(amb.slug, { message: question }, { cookie: amb.cookie });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Reply).error?.[""]).toEqual(["support.error.self"]);
    expect(requestsOf(amb.id)).toHaveLength(0);
  });
});

describe("a request from question to answer", () => {
  it("stores it, tells the ambassador, and mails the answer with the referral to the visitor", async () => {
    const amb = await ambassador({ province: "OV" });
    const organiser = await makeUser({ roles: ["organiser"] });
    const local = createSupportOrganisation(organiser.id, {
      name: "Innovatieloket Oost",
      kind: "innovation_desk",
      description: "Eerste hulp bij innovatievragen.",
      url: "https://example.org/loket-oost",
      email: "loket@example.org",
      phone: null,
      provinces: ["OV"],
      themes: ["people"],
    });
    const far = createSupportOrganisation(organiser.id, {
      name: "Zeeuws Netwerk",
      kind: "network",
      description: "Ondernemers in Zeeland.",
      url: "https://example.org/zeeland",
      email: null,
      phone: null,
      provinces: ["ZE"],
      themes: ["finance"],
    });

    // The visitor writes from the English page.
    const sent = await send(amb.slug, visitor("flow"), { headers: { "Accept-Language": "en" } });
    expect(sent.status).toBe(302);
    const [stored] = requestsOf(amb.id);
    expect(stored).toMatchObject({
      senderName: "Ilse de Vries",
      senderEmail: "ilse-flow@example.nl",
      senderLocale: "en",
      status: "open",
      message: question,
    });
    const [told] = notificationsOf(amb.id);
    expect(told).toMatchObject({
      type: "contact.requested",
      url: `/ambassador/requests/${stored!.id}`,
      data: { name: "Ilse de Vries" },
    });
    // In the app, and by e-mail at once (the contact category's default).
    expect(mailsTo(amb.email)).toHaveLength(1);

    // The inbox shows it under "open".
    const inbox = await (
      await load(inboxLoader, "/ambassador/requests", { cookie: amb.cookie })
    ).json();
    expect(inbox.counts).toEqual({ open: 1, answered: 0, closed: 0 });
    expect(inbox.requests.map((r: { id: number }) => r.id)).toEqual([stored!.id]);

    // The request page suggests the local organisation first.
    const path = `/ambassador/requests/${stored!.id}`;
    const params = { requestId: String(stored!.id) };
    const page = await (await load(requestLoader, path, { cookie: amb.cookie, params })).json();
    expect(page.contact.message).toBe(question);
    expect(page.organisations[0]).toMatchObject({ id: local, suggested: true });
    expect(page.organisations.find((o: { id: number }) => o.id === far)).toMatchObject({
      suggested: false,
    });

    const answer =
      "Wij begonnen klein: één team, één opdracht.\n\nBel het loket, die helpen je verder.";
    const answered = await submit(
      requestAction,
      path,
      { intent: "answer", answer, referredIds: [String(local)] },
      { cookie: amb.cookie, params },
    );
    expect(answered.status).toBe(302);
    expect(answered.headers.get("Location")).toBe(path);

    const [mail] = mailsTo("ilse-flow@example.nl");
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe("Henk Wolters has answered your question");
    expect(mail!.text).toContain("Wij begonnen klein: één team, één opdracht.");
    expect(mail!.text).toContain("Bel het loket, die helpen je verder.");
    expect(mail!.text).toContain("Innovatieloket Oost: https://example.org/loket-oost");
    expect(mail!.text).toContain("loket@example.org");
    expect(mail!.text).not.toContain("Zeeuws Netwerk");
    expect(mail!.html).toContain("https://example.org/loket-oost");

    const after = requestsOf(amb.id)[0]!;
    // Stored with plain newlines, whatever line ends the browser sent.
    expect(after).toMatchObject({ status: "answered", answer, referredIds: [local] });
    const audit = getDb()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.subjectType, "contact_request"), eq(auditEvents.subjectId, stored!.id)),
      )
      .all()
      .map((a) => a.action);
    expect(audit).toEqual(["contact.requested", "contact.answered"]);

    // Answered once is enough: a second answer (another tab) sends nothing.
    const again = await submit(
      requestAction,
      path,
      { intent: "answer", answer: "Nog een keer." },
      { cookie: amb.cookie, params },
    );
    expect(again.status).toBe(400);
    expect(((await again.json()) as Reply).error?.[""]).toEqual(["support.error.notOpen"]);
    expect(mailsTo("ilse-flow@example.nl")).toHaveLength(1);

    // Then it is closed.
    const closed = await submit(
      requestAction,
      path,
      { intent: "close" },
      { cookie: amb.cookie, params },
    );
    expect(closed.status).toBe(302);
    expect(requestsOf(amb.id)[0]!.status).toBe("closed");
    const closedInbox = await (
      await load(inboxLoader, "/ambassador/requests?status=closed", { cookie: amb.cookie })
    ).json();
    expect(closedInbox.counts).toEqual({ open: 0, answered: 0, closed: 1 });
    expect(closedInbox.status).toBe("closed");
    expect(closedInbox.requests).toHaveLength(1);
  });

  it("closes without answering, and mails nothing", async () => {
    const amb = await ambassador();
    await send(amb.slug, visitor("close"));
    const [stored] = requestsOf(amb.id);
    const params = { requestId: String(stored!.id) };
    const res = await submit(
      requestAction,
      `/ambassador/requests/${stored!.id}`,
      { intent: "close" },
      { cookie: amb.cookie, params },
    );
    expect(res.status).toBe(302);
    expect(requestsOf(amb.id)[0]).toMatchObject({ status: "closed", answer: null });
    expect(mailsTo("ilse-close@example.nl")).toHaveLength(0);
  });

  it("refuses an empty or oversized answer and an unknown intent, keeping the text", async () => {
    const amb = await ambassador();
    await send(amb.slug, visitor("bad-answer"));
    const [stored] = requestsOf(amb.id);
    const path = `/ambassador/requests/${stored!.id}`;
    const params = { requestId: String(stored!.id) };
    for (const [fields, field, message] of [
      [{ intent: "answer", answer: "" }, "answer", "validation.required"],
      [{ intent: "answer", answer: "a".repeat(5001) }, "answer", "validation.tooLong|5000"],
      [{ intent: "answer", answer: "Prima", referredIds: "abc" }, "referredIds[0]", null],
      [{ intent: "wis" }, "intent", null],
    ] as const) {
      const res = await submit(requestAction, path, fields, { cookie: amb.cookie, params });
      expect(res.status, JSON.stringify(fields).slice(0, 60)).toBe(400);
      const reply = (await res.json()) as Reply;
      if (message) expect(reply.error?.[field]).toEqual([message]);
    }
    expect(requestsOf(amb.id)[0]!.status).toBe("open");
    expect(mailsTo("ilse-bad-answer@example.nl")).toHaveLength(0);
  });
});

describe("the inbox is the ambassador's own", () => {
  it("hides another ambassador's requests: 404 to read, answer or close", async () => {
    const amb = await ambassador();
    const other = await ambassador();
    await send(amb.slug, visitor("private"));
    const [stored] = requestsOf(amb.id);
    const path = `/ambassador/requests/${stored!.id}`;
    const params = { requestId: String(stored!.id) };
    expect((await load(requestLoader, path, { cookie: other.cookie, params })).status).toBe(404);
    const attempts: Array<Record<string, string>> = [
      { intent: "answer", answer: "Ik antwoord wel." },
      { intent: "close" },
    ];
    for (const fields of attempts) {
      const res = await submit(requestAction, path, fields, { cookie: other.cookie, params });
      expect(res.status).toBe(404);
    }
    expect(requestsOf(amb.id)[0]!.status).toBe("open");
    const inbox = await (
      await load(inboxLoader, "/ambassador/requests", { cookie: other.cookie })
    ).json();
    expect(inbox.counts).toEqual({ open: 0, answered: 0, closed: 0 });
    expect(inbox.requests).toEqual([]);
  });

  it("is a 403 for people who are not ambassadors, and a 404 for bad ids", async () => {
    const entrepreneur = await signedIn();
    expect(
      (await load(inboxLoader, "/ambassador/requests", { cookie: entrepreneur.cookie })).status,
    ).toBe(403);
    const amb = await ambassador();
    for (const id of ["abc", "0", "-1", "1e3", "99999999", "9".repeat(40)]) {
      const res = await load(requestLoader, `/ambassador/requests/${id}`, {
        cookie: amb.cookie,
        params: { requestId: id },
      });
      expect(res.status, id).toBe(404);
    }
    // An unknown status shows the open ones.
    const inbox = await (
      await load(inboxLoader, "/ambassador/requests?status=<script>", { cookie: amb.cookie })
    ).json();
    expect(inbox.status).toBe("open");
  });

  it("loses the inbox with the role", async () => {
    const amb = await ambassador();
    getDb()
      .delete(userRoles)
      .where(and(eq(userRoles.userId, amb.id), eq(userRoles.role, "ambassador")))
      .run();
    expect((await load(inboxLoader, "/ambassador/requests", { cookie: amb.cookie })).status).toBe(
      403,
    );
    expect(
      getDb().get<{ n: number }>(
        sql`select count(*) as n from contact_request where ambassador_id = ${amb.id}`,
      )!.n,
    ).toBe(0);
  });
});
