import { describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { auditEvents, sessions, users } from "../../db/schema";
import { action as signupAction } from "~/routes/signup";
import { action as verifyAction, loader as verifyLoader } from "~/routes/verify-email";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password";
import { getDb } from "~/utils/db.server";
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
  waitForMail,
} from "./helpers";
import { OPEN_REDIRECT_CORPUS } from "../open-redirect-corpus";

const userCount = () => getDb().select({ n: count() }).from(users).get()!.n;
const cookieOf = (res: Response) =>
  res.headers.get("Set-Cookie")?.match(/kw_session=[^;]+/)?.[0] ?? null;

describe("sign-up and e-mail verification", () => {
  it("creates an unverified account, mails a link, and the link verifies and logs in", async () => {
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
    const cookie = cookieOf(verified);
    expect(cookie).not.toBeNull();
    expect((await getSessionFromCookie(cookie))?.session.userId).toBe(row.id);
    expect(
      getDb().select().from(users).where(eq(users.id, row.id)).get()!.emailVerifiedAt,
    ).not.toBeNull();

    // Single use.
    const again = await settle(() =>
      verifyAction(
        actionArgs(formRequest("/verify-email", { token: link.searchParams.get("token")! })),
      ),
    );
    expect(again.status).toBe(400);
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

  it("rate-limits attempts per account and says how long to wait", async () => {
    const user = await makeUser();
    const context = makeContext({ clientIp: "10.0.0.9" });
    let last: Response | undefined;
    for (let i = 0; i < 9; i++) {
      last = await settle(() =>
        loginAction(
          actionArgs(
            formRequest("/login", { email: user.email, password: "fout fout fout" }),
            context,
          ),
        ),
      );
    }
    const body = await last!.json();
    expect(body.error[""][0]).toMatch(/^auth\.tooManyAttempts\|\d+$/);
    // Even the right password is refused while the limit holds.
    const right = await settle(() =>
      loginAction(
        actionArgs(formRequest("/login", { email: user.email, password: user.password }), context),
      ),
    );
    expect(right.status).toBe(400);
  });

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
    const token = issueUserToken(user.id, "reset_password", issued);
    expect(
      consumeUserToken(token, "reset_password", new Date(issued.getTime() + 61 * 60 * 1000)),
    ).toBeNull();
    expect(
      consumeUserToken(token, "reset_password", new Date(issued.getTime() + 59 * 60 * 1000)),
    ).toBe(user.id);
  });

  it("rate-limits reset requests per account", async () => {
    const user = await makeUser();
    const context = makeContext({ clientIp: "10.0.0.77" });
    const results: number[] = [];
    for (let i = 0; i < 4; i++) {
      results.push(
        (
          await settle(() =>
            forgotAction(
              actionArgs(formRequest("/forgot-password", { email: user.email }), context),
            ),
          )
        ).status,
      );
    }
    expect(results).toEqual([200, 200, 200, 400]);
    await waitForMail(user.email, /nieuw wachtwoord/);
  });
});
