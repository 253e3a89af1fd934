import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNoConsoleErrors,
  freshUser,
  launchBrowser,
  linkFrom,
  loginWithForm,
  logout,
  logoutButton,
  newPage,
  readMail,
  seen,
  visit,
} from "./fixtures";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const WRONG = /Dit e-mailadres en wachtwoord horen niet bij elkaar/;
// A rejected login answers 400; Chromium logs that response as a console error.
const REJECTED_LOGIN =
  /status of 400 \(Bad Request\) \(http:\/\/[^)]+\/login\?_data=routes%2Flogin\)$/;
const REJECTED_SIGNUP =
  /status of 400 \(Bad Request\) \(http:\/\/[^)]+\/signup\?_data=routes%2Fsignup\)$/;

async function submitLogin(page: Page, email: string, password: string) {
  await visit(page, "/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
}

function toast(page: Page, text: string | RegExp) {
  return page.getByTestId("toast").getByText(text);
}

describe("account", () => {
  it("signs up, confirms the address, logs out and in, and resets the password", async () => {
    const page = await newPage(browser);
    const user = freshUser("account");

    // Sign up.
    await visit(page, "/signup");
    await page.getByLabel("Naam").fill(user.name);
    await page.getByLabel("E-mailadres").fill(user.email);
    await page.getByLabel("Wachtwoord", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Account maken" }).click();
    await page.waitForURL("**/check-email");
    await seen(page.getByRole("heading", { name: "Kijk in je mail" }));

    // Confirm the address with the link from the mail.
    const verification = await readMail(user.email, /Bevestig je e-mailadres/);
    expect(verification.subject).toBe("Bevestig je e-mailadres voor Kringwijs");
    await visit(page, linkFrom(verification.text, "/verify-email"));
    await page.getByRole("button", { name: "Bevestig mijn e-mailadres" }).click();
    // Confirming does not sign in: the password does, and then the onboarding starts at its
    // first step, the company.
    await page.waitForURL("**/login?**");
    await page.getByLabel("E-mailadres").fill(user.email);
    await page.getByLabel("Wachtwoord", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await seen(logoutButton(page));
    await page.waitForURL("**/onboarding/company");
    await seen(page.getByRole("heading", { level: 1, name: "Over je bedrijf" }));

    // Log out, then a wrong password: a clear message, and the address stays filled in.
    await logout(page);
    await seen(toast(page, "Je bent uitgelogd."));
    await submitLogin(page, user.email, "dit is niet mijn wachtwoord");
    await seen(page.getByText(WRONG));
    await expect.poll(() => page.getByLabel("E-mailadres").inputValue()).toBe(user.email);
    expect(await logoutButton(page).count()).toBe(0);

    // The right password logs in, to the overview.
    await page.getByLabel("Wachtwoord", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await seen(logoutButton(page));
    await seen(toast(page, "Je bent ingelogd."));
    await page.waitForURL("**/dashboard");
    await seen(page.getByRole("heading", { level: 1, name: `Hallo ${user.name}` }));

    // Password reset: ask for a link, with a neutral answer.
    await logout(page);
    await visit(page, "/login");
    await page.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
    await page.waitForURL("**/forgot-password");
    await page.getByLabel("E-mailadres").fill(user.email);
    await page.getByRole("button", { name: "Stuur de link" }).click();
    await seen(page.getByText(/Als er een account bij dit adres hoort/));

    // Choose a new password with the link from the mail.
    const resetMail = await readMail(user.email, /nieuw wachtwoord/);
    expect(resetMail.subject).toBe("Een nieuw wachtwoord voor Kringwijs");
    const resetLink = linkFrom(resetMail.text, "/reset-password");
    await visit(page, resetLink);
    await seen(page.getByRole("heading", { name: "Kies een nieuw wachtwoord" }));
    const newPassword = "een nieuw en nog langer wachtwoord";
    await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill(newPassword);
    await page.getByLabel("Herhaal het nieuwe wachtwoord").fill(newPassword);
    await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await seen(toast(page, "Je nieuwe wachtwoord is opgeslagen."));
    await seen(logoutButton(page));
    await page.waitForURL("**/dashboard");
    await seen(page.getByRole("heading", { level: 1, name: `Hallo ${user.name}` }));

    // The old password no longer works, the new one does.
    await logout(page);
    await submitLogin(page, user.email, user.password);
    await seen(page.getByText(WRONG));
    await loginWithForm(page, user.email, newPassword);

    // The link worked once.
    await visit(page, resetLink);
    await seen(page.getByRole("heading", { name: "Deze link werkt niet meer" }));
    await seen(page.getByRole("link", { name: "Nieuwe link aanvragen" }));

    expectNoConsoleErrors(page, [REJECTED_LOGIN]);
  });

  it("confirms an address without signing in, says to log in, then continues with the onboarding", async () => {
    const page = await newPage(browser);
    const user = freshUser("verified");
    await visit(page, "/signup");
    await page.getByLabel("Naam").fill(user.name);
    await page.getByLabel("E-mailadres").fill(user.email);
    await page.getByLabel("Wachtwoord", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Account maken" }).click();
    await page.waitForURL("**/check-email");
    const verification = await readMail(user.email, /Bevestig je e-mailadres/);
    await visit(page, linkFrom(verification.text, "/verify-email"));
    // The page says what comes next, and what to do for someone who did not sign up.
    await seen(page.getByText(/Daarna log je in met het wachtwoord dat je bij het aanmelden koos/));
    await seen(page.getByText(/Heb je je niet zelf aangemeld\? Bevestig dan niets/));
    await page.getByRole("button", { name: "Bevestig mijn e-mailadres" }).click();
    await page.waitForURL("**/login?**");
    await seen(
      toast(page, "Je e-mailadres is bevestigd. Log in met je wachtwoord om verder te gaan."),
    );
    expect(await logoutButton(page).count()).toBe(0);
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain("kw_session");
    await page.getByLabel("E-mailadres").fill(user.email);
    await page.getByLabel("Wachtwoord", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.waitForURL("**/onboarding/company");
    await seen(page.getByRole("heading", { level: 1, name: "Over je bedrijf" }));
    expectNoConsoleErrors(page);
  });

  it("shows the sign-up form's problems next to the fields and keeps what was typed", async () => {
    const page = await newPage(browser);
    await visit(page, "/signup");
    const name = page.getByLabel("Naam");
    const email = page.getByLabel("E-mailadres");
    const password = page.getByLabel("Wachtwoord", { exact: true });

    // Nothing filled in: every field says so.
    await page.getByRole("button", { name: "Account maken" }).click();
    for (const field of [name, email, password]) {
      await expect.poll(() => field.getAttribute("aria-invalid")).toBe("true");
    }
    await expect.poll(() => page.getByText("Vul dit veld in.").count()).toBe(3);
    expect(new URL(page.url()).pathname).toBe("/signup");

    // A password that is too short: the length rule, tied to the field for screen readers.
    const address = "nog-geen-account@example.nl";
    await name.fill("Kees Korthals");
    await email.fill(address);
    await password.fill("kort");
    await page.getByRole("button", { name: "Account maken" }).click();
    const tooShort = page.getByText("Kies een wachtwoord van minstens 10 tekens.");
    await seen(tooShort);
    await expect.poll(() => name.getAttribute("aria-invalid")).toBeNull();
    await expect.poll(() => email.getAttribute("aria-invalid")).toBeNull();
    expect(await password.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await password.getAttribute("aria-describedby")) ?? "";
    const errorId = await tooShort.evaluate((el) => el.closest("[role=alert]")?.id ?? "");
    expect(errorId).not.toBe("");
    expect(describedBy.split(" ")).toContain(errorId);
    expect(await name.inputValue()).toBe("Kees Korthals");
    expect(await email.inputValue()).toBe(address);
    expect(new URL(page.url()).pathname).toBe("/signup");

    // The server checks the form (D32): each rejected submission is a 400, which Chromium logs.
    expectNoConsoleErrors(page, [REJECTED_SIGNUP]);
  });

  it("checks the sign-up form on the server too, without JavaScript", async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    try {
      const response = await page.goto("/signup");
      expect(response?.status()).toBe(200);
      const address = "zonder-js@example.nl";
      await page.getByLabel("Naam").fill("Zonder Script");
      await page.getByLabel("E-mailadres").fill(address);
      await page.getByLabel("Wachtwoord", { exact: true }).fill("kort");
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST"),
        page.getByRole("button", { name: "Account maken" }).click(),
      ]);
      expect(answer.status()).toBe(400);
      await seen(page.getByText("Kies een wachtwoord van minstens 10 tekens."));
      expect(
        await page.getByLabel("Wachtwoord", { exact: true }).getAttribute("aria-invalid"),
      ).toBe("true");
      // Name and address come back; the password never does.
      expect(await page.getByLabel("Naam").inputValue()).toBe("Zonder Script");
      expect(await page.getByLabel("E-mailadres").inputValue()).toBe(address);
      expect(await page.getByLabel("Wachtwoord", { exact: true }).inputValue()).toBe("");
      expectNoConsoleErrors(page, [/status of 400 \(Bad Request\) \(http:\/\/[^)]+\/signup\)$/]);
    } finally {
      await page.context().close();
    }
  });
});
