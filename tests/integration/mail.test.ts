import { describe, expect, it } from "vitest";
import { sendMail } from "~/utils/mail.server";
import { listOutbox } from "~/utils/outbox.server";
import { verifyEmailMail } from "~/emails/account-emails.server";
import { digestMail, notificationMail } from "~/emails/notification-emails.server";
import { withSmtpSink } from "./helpers";

describe("mail through a real SMTP server", () => {
  const { received } = withSmtpSink();

  it("delivers an HTML and plain-text message that reads back intact", async () => {
    const mail = verifyEmailMail("nl", "http://localhost:3000/verify-email?token=abc");
    await sendMail({ to: "sanne@example.nl", ...mail });
    expect(received).toHaveLength(1);
    const got = received[0]!;
    expect(got.subject).toBe("Bevestig je e-mailadres voor Kringwijs");
    expect(got.from?.text).toContain("noreply@kringwijs.nl");
    expect((Array.isArray(got.to) ? got.to[0] : got.to)?.text).toBe("sanne@example.nl");
    expect(got.text).toContain("Hallo,");
    expect(got.text).toContain("http://localhost:3000/verify-email?token=abc");
    expect(got.html).toContain('href="http://localhost:3000/verify-email?token=abc"');
    expect(await listOutbox()).toEqual([]); // nothing written to disk when SMTP is configured
  });
});

describe("mail without SMTP", () => {
  it("is written to the outbox as an .eml file", async () => {
    await sendMail({
      to: "koen@example.nl",
      subject: "Test",
      text: "Platte tekst",
      html: "<p>HTML</p>",
    });
    const [mail] = await listOutbox();
    expect(mail).toMatchObject({ to: "koen@example.nl", subject: "Test" });
    expect(mail!.text.trim()).toBe("Platte tekst");
  });
});

describe("names in mails (issue 14, finding 6a)", () => {
  const phishing = "Uw account is geblokkeerd, ga naar https://evil.example";
  const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map(([, h]) => h!);

  it("turns another member's name into text no mail client links, in subject, text and HTML", () => {
    const mail = notificationMail({
      userId: 1,
      locale: "nl",
      name: "Anouk",
      type: "membership.applied",
      category: "membership",
      data: { name: phishing, circle: "Kring www.evil.example" },
      url: "/circles/1/members",
    });
    for (const part of [mail.subject, mail.text, mail.html]) {
      expect(part).not.toMatch(/https?:\/\/evil|evil\.example|www\.evil/);
    }
    expect(mail.text).toContain("ga naar https: //evil. example");
    for (const href of hrefs(mail.html)) expect(href).toMatch(/^http:\/\/localhost:3000\//);
  });

  it("makes the recipient's own name and digest lines inert too", () => {
    const mail = digestMail({
      userId: 1,
      locale: "en",
      name: phishing,
      items: [
        {
          type: "membership.applied",
          data: { name: "see evil.example", circle: "Growth" },
          url: "/circles/1/members",
          createdAt: new Date("2027-03-01T09:00:00Z"),
        },
      ],
    });
    for (const part of [mail.subject, mail.text, mail.html]) {
      expect(part).not.toMatch(/https?:\/\/evil|evil\.example/);
    }
  });
});
