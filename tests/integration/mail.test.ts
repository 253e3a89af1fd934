import { describe, expect, it } from "vitest";
import { sendMail } from "~/utils/mail.server";
import { listOutbox } from "~/utils/outbox.server";
import { verifyEmailMail } from "~/emails/account-emails.server";
import { useSmtpSink } from "./helpers";

describe("mail through a real SMTP server", () => {
  const { received } = useSmtpSink();

  it("delivers an HTML and plain-text message that reads back intact", async () => {
    const mail = verifyEmailMail("nl", "Sanne", "http://localhost:3000/verify-email?token=abc");
    await sendMail({ to: "sanne@example.nl", ...mail });
    expect(received).toHaveLength(1);
    const got = received[0]!;
    expect(got.subject).toBe("Bevestig je e-mailadres voor Kringwijs");
    expect(got.from?.text).toContain("noreply@kringwijs.nl");
    expect((Array.isArray(got.to) ? got.to[0] : got.to)?.text).toBe("sanne@example.nl");
    expect(got.text).toContain("Hallo Sanne,");
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
