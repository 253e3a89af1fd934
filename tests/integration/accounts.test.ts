import { describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { auditEvents, emailOutbox, sessions, users } from "../../db/schema";
import { action as signupAction } from "~/routes/signup";
import { action as verifyAction, loader as verifyLoader } from "~/routes/verify-email";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password";
import { getDb } from "~/utils/db.server";
import { ACCOUNT_MAILS_PER_HOUR } from "~/models/accounts.server";
import { getSessionFromCookie } from "~/utils/session.server";
import {
  actionArgs,
  formRequest,
  getRequest,
  linkIn,
  loaderArgs,
  makeContext,
  makeUser,
  outboxCount,
  sessionCookieFor,
  settle,
  submit,
  waitForMail,
} from "./helpers";
import { OPEN_REDIRECT_CORPUS } from "../open-redirect-corpus";
import {
  LOGIN_CONSECUTIVE_FAILS,
  LOGIN_DAILY_FAILS_PER_IP,
  recordLoginFailure,
} from "~/utils/rate-limit.server";

const userCount = () => getDb().select({ n: count() }).from(users).get()!.n;
const cookieOf = (res: Response) =>
  res.headers.get("Set-Cookie")?.match(/kw_session=[^;]+/)?.[0] ?? null;

describe("sign-up and e-mail verification", () => {
  it("creates an unverified account, mails a link, and the link verifies; logging in takes the password", async () => {
    const email = "lotte.signup@example.nl";
    const res = await settle(() =>
      signupAction(
        actionArgs(
          formRequest(
            "/signup",
            { name: "Lotte", email, password: "fietsen langs de Vecht" },
            { headers: { "Accept-Language": "en" } },
          ),
        ),
      ),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/check-email");
    expect(cookieOf(res)).toBeNull(); // not logged in before verifying
    const row = getDb().select().from(users).where(eq(users.email, email)).get()!;
    expect(row.emailVerifiedAt).toBeNull();
    expect(row.passwordHash.startsWith("$argon2id$")).toBe(true);

    const mail = await waitForMail(email, /Confirm your email address/); // Accept-Language: en
    const link = linkIn(mail.text, "/verify-email");
    const page = await (
      await settle(() => verifyLoader(loaderArgs(getRequest(link.pathname + link.search))))
    ).json();
    expect(page.valid).toBe(true);

    const verified = await settle(() =>
      verifyAction(
        actionArgs(formRequest("/verify-email", { token: link.searchParams.get("token")! })),
      ),
    );
    expect(verified.status).toBe(302);
    // To the login page, which then continues with the onboarding; no session from the link.
    expect(verified.headers.get("Location")).toBe("/login?redirectTo=%2Fonboarding%2Fcompany");
    expect(cookieOf(verified)).toBeNull();
    expect(getDb().select().from(sessions).where(eq(sessions.userId, row.id)).all()).toEqual([]);
    expect(
      getDb().select().from(users).where(eq(users.id, row.id)).get()!.emailVerifiedAt,
    ).not.toBeNull();
    const login = await settle(() =>
      loginAction(
        actionArgs(
          formRequest("/login", {
            email,
            password: "fietsen langs de Vecht",
            redirectTo: "/onboarding/company",
          }),
        ),
      ),
    );
    expect(login.headers.get("Location")).toBe("/onboarding/company");
    expect((await getSessionFromCookie(cookieOf(login)))?.session.userId).toBe(row.id);

    // Single use.
    const again = await settle(() =>
      verifyAction(
        actionArgs(formRequest("/verify-email", { token: link.searchParams.get("token")! })),
      ),
    );
    expect(again.status).toBe(400);
  });

  it("carries a circle from the sign-up through the mail's link to the login, and drops any other place", async () => {
    const email = "kees.kring@example.nl";
    const signup = (redirectTo: string, address: string) =>
      settle(() =>
        signupAction(
          actionArgs(
            formRequest("/signup", {
              name: "Kees",
              email: address,
              password: "fietsen langs de Vecht",
              redirectTo,
            }),
          ),
        ),
      );
    expect((await signup("/circles/7", email)).headers.get("Location")).toBe("/check-email");
    const link = linkIn((await waitForMail(email, /Bevestig/)).text, "/verify-email");
    expect(link.searchParams.get("next")).toBe("/circles/7");
    const page = await (
      await settle(() => verifyLoader(loaderArgs(getRequest(link.pathname + link.search))))
    ).json();
    expect(page).toMatchObject({ valid: true, next: "/circles/7" });
    const verified = await settle(() =>
      verifyAction(
        actionArgs(
          formRequest("/verify-email", { token: link.searchParams.get("token")!, next: page.next }),
        ),
      ),
    );
    expect(verified.headers.get("Location")).toBe("/login?redirectTo=%2Fcircles%2F7");

    // Anything but a circle's page is dropped, in the mail and at the confirmation alike.
    for (const [i, elsewhere] of ["//evil.example", "/settings", "/circles/7/home"].entries()) {
      const other = `kees.${i}@example.nl`;
      await signup(elsewhere, other);
      const otherLink = linkIn((await waitForMail(other, /Bevestig/)).text, "/verify-email");
      expect(otherLink.searchParams.has("next")).toBe(false);
      const res = await settle(() =>
        verifyAction(
          actionArgs(
            formRequest("/verify-email", {
              token: otherLink.searchParams.get("token")!,
              next: elsewhere,
            }),
          ),
        ),
      );
      expect(res.headers.get("Location")).toBe("/login?redirectTo=%2Fonboarding%2Fcompany");
    }
  });

  it("never gives a session for someone else's sign-up: the mailbox owner takes the account over with a new password", async () => {
    const victim = "slachtoffer@example.nl";
    const attackerPassword = "het wachtwoord van de aanvaller";
    await settle(() =>
      signupAction(
        actionArgs(
          formRequest("/signup", { name: "Aanvaller", email: victim, password: attackerPassword }),
        ),
      ),
    );
    const userId = getDb().select().from(users).where(eq(users.email, victim)).get()!.id;

    // The mailbox owner follows the link: the address is confirmed, but nobody is signed in.
    const verifyLink = linkIn((await waitForMail(victim, /Bevestig/)).text, "/verify-email");
    const verified = await settle(() =>
      verifyAction(
        actionArgs(formRequest("/verify-email", { token: verifyLink.searchParams.get("token")! })),
      ),
    );
    expect(verified.status).toBe(302);
    expect(verified.headers.get("Location")).toMatch(/^\/login\?/);
    expect(cookieOf(verified)).toBeNull();
    expect(getDb().select().from(sessions).where(eq(sessions.userId, userId)).all()).toEqual([]);

    // Only the password opens the account: the attacker who chose it, until the owner resets it.
    const context = makeContext({ clientIp: "10.6.0.1" });
    const attacker = await settle(() =>
      loginAction(
        actionArgs(formRequest("/login", { email: victim, password: attackerPassword }), context),
      ),
    );
    const attackerCookie = cookieOf(attacker);
    expect(await getSessionFromCookie(attackerCookie)).not.toBeNull();

    await settle(() =>
      forgotAction(actionArgs(formRequest("/forgot-password", { email: victim }), context)),
    );
    const resetLink = linkIn(
      (await waitForMail(victim, /nieuw wachtwoord/)).text,
      "/reset-password",
    );
    const ownPassword = "mijn eigen nieuwe wachtwoord";
    await settle(() =>
      resetAction(
        actionArgs(
          formRequest("/reset-password", {
            token: resetLink.searchParams.get("token")!,
            password: ownPassword,
            confirm: ownPassword,
          }),
        ),
      ),
    );
    // The attacker's session has ended and their password no longer works.
    expect(await getSessionFromCookie(attackerCookie)).toBeNull();
    const again = await settle(() =>
      loginAction(
        actionArgs(formRequest("/login", { email: victim, password: attackerPassword }), context),
      ),
    );
    expect((await again.json()).error[""]).toEqual(["login.invalid"]);
    const owner = await settle(() =>
      loginAction(
        actionArgs(formRequest("/login", { email: victim, password: ownPassword }), context),
      ),
    );
    expect(owner.status).toBe(302);
  });

  it("leaves the name typed at sign-up out of the verification mail, so it cannot phish", async () => {
    const email = "naam.phishing@example.nl";
    await settle(() =>
      signupAction(
        actionArgs(
          formRequest("/signup", {
            name: "Uw account is geblokkeerd, ga naar https://evil.example",
            email,
            password: "fietsen langs de Vecht",
          }),
        ),
      ),
    );
    const mail = await waitForMail(email, /Bevestig je e-mailadres/);
    const html = mail.html ?? "";
    expect(html).toContain("Hallo,");
    for (const part of [mail.subject, mail.text, html]) {
      expect(part).not.toMatch(/geblokkeerd|evil/);
    }
    expect(mail.text).toMatch(/^Hallo,$/m);
    for (const [, href] of html.matchAll(/href="([^"]*)"/g))
      expect(href).toMatch(/^http:\/\/localhost:3000\/verify-email\?token=/);
  });

  it("does not reveal that an address is taken: same redirect, and the owner gets a hint by mail", async () => {
    const existing = await makeUser({ email: "bestaand@example.nl" });
    const before = userCount();
    const res = await settle(() =>
      signupAction(
        actionArgs(
          formRequest("/signup", {
            name: "Iemand",
            email: existing.email,
            password: "een heel ander wachtwoord",
          }),
        ),
      ),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/check-email");
    expect(userCount()).toBe(before);
    await waitForMail(existing.email, /al een account/);
  });

  it("refuses a common password with a message and keeps the other fields", async () => {
    const res = await settle(() =>
      signupAction(
        actionArgs(
          formRequest("/signup", {
            name: "Piet",
            email: "piet@example.nl",
            password: "password123",
          }),
        ),
      ),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.password).toEqual(["validation.passwordCommon"]);
    expect(body.initialValue.email).toBe("piet@example.nl");
    expect(body.initialValue.password).toBeUndefined();
  });
});

describe("login and logout", () => {
  it("logs in with the right password and refuses a wrong one without saying which part was wrong", async () => {
    const user = await makeUser();
    const wrong = await settle(() =>
      loginAction(
        actionArgs(formRequest("/login", { email: user.email, password: "niet het wachtwoord" })),
      ),
    );
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error[""]).toEqual(["login.invalid"]);

    const unknown = await settle(() =>
      loginAction(
        actionArgs(
          formRequest("/login", { email: "niemand@example.nl", password: "niet het wachtwoord" }),
        ),
      ),
    );
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error[""]).toEqual(["login.invalid"]);

    const ok = await settle(() =>
      loginAction(
        actionArgs(
          formRequest("/login", {
            email: user.email.toUpperCase(),
            password: user.password,
            redirectTo: "/settings",
          }),
        ),
      ),
    );
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/settings");
    expect(cookieOf(ok)).not.toBeNull();
  });

  it("never redirects off-site after login", async () => {
    const user = await makeUser();
    const res = await settle(() =>
      loginAction(
        actionArgs(
          formRequest("/login", {
            email: user.email,
            password: user.password,
            redirectTo: "//evil.example/x",
          }),
        ),
      ),
    );
    expect(res.headers.get("Location")).toBe("/dashboard");
  });

  it.each(OPEN_REDIRECT_CORPUS)(
    "answers a redirectTo of %j with the dashboard, never off-site and never a 500",
    async (redirectTo) => {
      const user = await makeUser();
      // An address of its own, so the login rate limit of one test does not touch the next.
      const context = makeContext({
        clientIp: `10.2.0.${OPEN_REDIRECT_CORPUS.indexOf(redirectTo)}`,
      });
      const res = await settle(() =>
        loginAction(
          actionArgs(
            formRequest("/login", { email: user.email, password: user.password, redirectTo }),
            context,
          ),
        ),
      );
      expect(res.status).toBe(302);
      expect(res.headers.get("Location")).toBe("/dashboard");
    },
  );

  it("sends an unverified user a fresh link instead of logging in", async () => {
    const user = await makeUser({ verified: false });
    const res = await settle(() =>
      loginAction(
        actionArgs(formRequest("/login", { email: user.email, password: user.password })),
      ),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error[""]).toEqual(["login.unverified"]);
    await waitForMail(user.email, /Bevestig je e-mailadres/);
  });
});

describe("login rate limit (rate-limiter-flexible's login endpoint protection)", () => {
  const attempt = (email: string, password: string, clientIp: string) =>
    settle(() =>
      loginAction(
        actionArgs(formRequest("/login", { email, password }), makeContext({ clientIp })),
      ),
    );
  const formError = async (res: Response) => (await res.json()).error[""][0] as string;
  const failTimes = async (n: number, email: string, clientIp: string) => {
    for (let i = 0; i < n; i++) await attempt(email, "fout fout fout", clientIp);
  };

  it("blocks an address from one IP after consecutive failures, and points to a new password", async () => {
    const user = await makeUser();
    await failTimes(LOGIN_CONSECUTIVE_FAILS, user.email, "10.8.0.1");
    const blocked = await attempt(user.email, "fout fout fout", "10.8.0.1");
    expect(blocked.status).toBe(400);
    expect(await formError(blocked)).toMatch(/^login\.tooManyAttempts\|\d+$/);
    // Even the right password waits while the block holds, from that IP.
    const right = await attempt(user.email, user.password, "10.8.0.1");
    expect(await formError(right)).toMatch(/^login\.tooManyAttempts\|\d+$/);
  });

  it("never locks the owner out from another IP, however many failures come from elsewhere", async () => {
    const user = await makeUser();
    await failTimes(LOGIN_CONSECUTIVE_FAILS + 5, user.email, "10.8.0.2");
    const owner = await attempt(user.email, user.password, "10.8.0.3");
    expect(owner.status).toBe(302);
    expect(cookieOf(owner)).not.toBeNull();
  });

  it("counts consecutive failures: a successful login starts the count again", async () => {
    const user = await makeUser();
    await failTimes(LOGIN_CONSECUTIVE_FAILS - 1, user.email, "10.8.0.4");
    expect((await attempt(user.email, user.password, "10.8.0.4")).status).toBe(302);
    await failTimes(LOGIN_CONSECUTIVE_FAILS - 1, user.email, "10.8.0.4");
    expect(await formError(await attempt(user.email, "fout fout fout", "10.8.0.4"))).toBe(
      "login.invalid",
    );
  });

  it("lifts the block at once when the owner sets a new password", async () => {
    const user = await makeUser();
    await failTimes(LOGIN_CONSECUTIVE_FAILS + 1, user.email, "10.8.0.5");
    expect(await formError(await attempt(user.email, user.password, "10.8.0.5"))).toMatch(
      /^login\.tooManyAttempts/,
    );
    await settle(() =>
      forgotAction(
        actionArgs(
          formRequest("/forgot-password", { email: user.email }),
          makeContext({ clientIp: "10.8.0.5" }),
        ),
      ),
    );
    const link = linkIn(
      (await waitForMail(user.email, /nieuw wachtwoord/)).text,
      "/reset-password",
    );
    const password = "een nieuwe zin na de blokkade";
    const reset = await settle(() =>
      resetAction(
        actionArgs(
          formRequest("/reset-password", {
            token: link.searchParams.get("token")!,
            password,
            confirm: password,
          }),
        ),
      ),
    );
    expect(reset.status).toBe(302);
    expect((await attempt(user.email, password, "10.8.0.5")).status).toBe(302);
  });

  it("blocks an IP for the day after many failures across addresses (slow guessing)", async () => {
    const user = await makeUser();
    // Spread over many addresses, so no address+IP limit is reached on the way.
    for (let i = 0; i < LOGIN_DAILY_FAILS_PER_IP; i++)
      expect(await recordLoginFailure(`gok${i}@example.nl`, "10.8.0.6")).toBeNull();
    const guess = await attempt("nog-een-gok@example.nl", "fout fout fout", "10.8.0.6");
    expect(await formError(guess)).toMatch(/^login\.tooManyAttempts\|\d+$/);
    // A day-long block: 24 hours in minutes.
    expect(
      Number((await formError(await attempt(user.email, user.password, "10.8.0.6"))).split("|")[1]),
    ).toBeGreaterThan(23 * 60);
    // Other addresses are not affected.
    expect((await attempt(user.email, user.password, "10.8.0.7")).status).toBe(302);
  });

  it("treats unknown and known addresses alike, so the limit reveals no accounts", async () => {
    const user = await makeUser();
    await failTimes(LOGIN_CONSECUTIVE_FAILS + 1, user.email, "10.8.0.8");
    await failTimes(LOGIN_CONSECUTIVE_FAILS + 1, "niemand-hier@example.nl", "10.8.0.8");
    expect(await formError(await attempt(user.email, "fout fout fout", "10.8.0.8"))).toMatch(
      /^login\.tooManyAttempts/,
    );
    expect(
      await formError(await attempt("niemand-hier@example.nl", "fout fout fout", "10.8.0.8")),
    ).toMatch(/^login\.tooManyAttempts/);
  });
});

describe("logout", () => {
  it("logs out by deleting the session", async () => {
    const user = await makeUser();
    const cookie = await sessionCookieFor(user.id);
    const res = await settle(() =>
      logoutAction(actionArgs(formRequest("/logout", {}, { cookie }))),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Set-Cookie")).toMatch(/kw_session=;.*Max-Age=0/);
    expect(await getSessionFromCookie(cookie)).toBeNull();
  });
});

describe("password reset", () => {
  it("mails a one-hour, single-use link; using it sets the password and ends every session", async () => {
    const user = await makeUser();
    const oldCookie = await sessionCookieFor(user.id);
    const res = await settle(() =>
      forgotAction(actionArgs(formRequest("/forgot-password", { email: user.email }))),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).sent).toBe(true);
    const mail = await waitForMail(user.email, /nieuw wachtwoord/);
    const link = linkIn(mail.text, "/reset-password");
    const token = link.searchParams.get("token")!;
    expect(
      (
        await (
          await settle(() => resetLoader(loaderArgs(getRequest(link.pathname + link.search))))
        ).json()
      ).valid,
    ).toBe(true);

    const mismatch = await settle(() =>
      resetAction(
        actionArgs(
          formRequest("/reset-password", {
            token,
            password: "nieuwe zin voor mij",
            confirm: "iets anders",
          }),
        ),
      ),
    );
    expect(mismatch.status).toBe(400);
    expect((await mismatch.json()).error.confirm).toEqual(["validation.passwordMismatch"]);

    const done = await settle(() =>
      resetAction(
        actionArgs(
          formRequest("/reset-password", {
            token,
            password: "nieuwe zin voor mij",
            confirm: "nieuwe zin voor mij",
          }),
        ),
      ),
    );
    expect(done.status).toBe(302);
    expect(await getSessionFromCookie(oldCookie)).toBeNull();
    const sessionsLeft = getDb().select().from(sessions).where(eq(sessions.userId, user.id)).all();
    expect(sessionsLeft).toHaveLength(1); // the new one

    const reuse = await settle(() =>
      resetAction(
        actionArgs(
          formRequest("/reset-password", {
            token,
            password: "nog een andere zin",
            confirm: "nog een andere zin",
          }),
        ),
      ),
    );
    expect(reuse.status).toBe(400);
    expect((await reuse.json()).error[""]).toEqual(["reset.invalidBody"]);

    const login = await settle(() =>
      loginAction(
        actionArgs(formRequest("/login", { email: user.email, password: "nieuwe zin voor mij" })),
      ),
    );
    expect(login.status).toBe(302);
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, user.id))
      .all();
    expect(audit.map((a) => a.action)).toContain("user.password_changed");
  });

  it("answers the same for unknown addresses and sends nothing", async () => {
    const before = await outboxCount();
    const res = await settle(() =>
      forgotAction(actionArgs(formRequest("/forgot-password", { email: "onbekend@example.nl" }))),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).sent).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(await outboxCount()).toBe(before);
  });

  it("refuses an expired token", async () => {
    const { issueUserToken, consumeUserToken } = await import("~/models/tokens.server");
    const user = await makeUser();
    const issued = new Date("2027-03-01T09:00:00Z");
    const token = issueUserToken({ userId: user.id, purpose: "reset_password", now: issued });
    expect(
      consumeUserToken(token, "reset_password", new Date(issued.getTime() + 61 * 60 * 1000)),
    ).toBeNull();
    expect(
      consumeUserToken(token, "reset_password", new Date(issued.getTime() + 59 * 60 * 1000)),
    ).toBe(user.id);
  });

  it("rate-limits reset requests per account and IP, so requests from elsewhere cannot keep the owner from a new password", async () => {
    const user = await makeUser();
    const request = (clientIp: string) =>
      settle(() =>
        forgotAction(
          actionArgs(
            formRequest("/forgot-password", { email: user.email }),
            makeContext({ clientIp }),
          ),
        ),
      );
    const results: number[] = [];
    for (let i = 0; i < 4; i++) results.push((await request("10.0.0.77")).status);
    expect(results).toEqual([200, 200, 200, 400]);
    expect((await request("10.0.0.78")).status).toBe(200);
    await waitForMail(user.email, /nieuw wachtwoord/);
  });
});

describe("account mails to one address", () => {
  const accountMails = (userId: number) =>
    getDb().select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.userId, userId)).get()!.n;

  it("are capped per hour whoever asks from wherever, with the same answer every time", async () => {
    const user = await makeUser();
    const statuses: number[] = [];
    for (let i = 0; i < ACCOUNT_MAILS_PER_HOUR + 3; i++) {
      const res = await submit(
        forgotAction,
        "/forgot-password",
        { email: user.email },
        { context: makeContext({ clientIp: `198.51.100.${i + 1}` }) },
      );
      statuses.push(res.status);
    }
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect(accountMails(user.id)).toBe(ACCOUNT_MAILS_PER_HOUR);
  });

  it("cannot be flooded with verification links by logging in to an unconfirmed sign-up", async () => {
    const user = await makeUser({ verified: false, password: "een eigen lang wachtwoord" });
    for (let i = 0; i < ACCOUNT_MAILS_PER_HOUR + 3; i++) {
      const res = await submit(
        loginAction,
        "/login",
        { email: user.email, password: "een eigen lang wachtwoord" },
        { context: makeContext({ clientIp: `203.0.113.${i + 1}` }) },
      );
      expect(res.status).toBe(400);
      expect((await res.json()).error[""]).toEqual(["login.unverified"]);
    }
    expect(accountMails(user.id)).toBe(ACCOUNT_MAILS_PER_HOUR);
  });
});
