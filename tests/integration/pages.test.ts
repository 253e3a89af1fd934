import { describe, expect, it } from "vitest";
import { loader as rootLoader } from "~/root";
import { loader as outboxLoader } from "~/routes/dev.outbox";
import { action as localeAction } from "~/routes/resources.locale";
import { action as settingsAction, loader as settingsLoader } from "~/routes/settings";
import { getUserById } from "~/models/users.server";
import { resolveLocale } from "~/i18n/locale.server";
import { resetEnvCache } from "~/utils/env.server";
import { sendMail } from "~/utils/mail.server";
import { createSession, getSessionFromCookie, SESSION_LIFETIME_MS } from "~/utils/session.server";
import { getDb } from "~/utils/db.server";
import { sessions } from "../../db/schema";
import { eq } from "drizzle-orm";
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

describe("language", () => {
  it("follows the user's setting, then the cookie, then Accept-Language, then Dutch", async () => {
    const req = (headers: Record<string, string>) => getRequest("/", { headers });
    expect(await resolveLocale(req({}))).toBe("nl");
    expect(await resolveLocale(req({ "Accept-Language": "en-US,en;q=0.9" }))).toBe("en");
    expect(
      await resolveLocale(req({ "Accept-Language": "en", Cookie: "kw_locale=ImVuIg%3D%3D" })),
    ).toBe("en");
    const res = await settle(() =>
      localeAction(
        actionArgs(formRequest("/resources/locale", { locale: "nl", redirectTo: "/settings" })),
      ),
    );
    const cookie = res.headers.get("Set-Cookie")!.split(";")[0]!;
    expect(res.headers.get("Location")).toBe("/settings");
    expect(await resolveLocale(req({ "Accept-Language": "en", Cookie: cookie }))).toBe("nl");
    expect(await resolveLocale(req({ Cookie: cookie }), "en")).toBe("en");
  });

  it.each(["/\n/evil.example", "/\t/evil.example", "/\\evil.example", "https://evil.example"])(
    "sends the language switcher's redirectTo %j home instead of off-site or to a 500",
    async (redirectTo) => {
      const res = await settle(() =>
        localeAction(actionArgs(formRequest("/resources/locale", { locale: "en", redirectTo }))),
      );
      expect(res.status).toBe(302);
      expect(res.headers.get("Location")).toBe("/");
    },
  );

  it("stores a signed-in user's choice on the account", async () => {
    const user = await makeUser();
    const cookie = await sessionCookieFor(user.id);
    await settle(() =>
      localeAction(
        actionArgs(
          formRequest(
            "/resources/locale",
            { locale: "en", redirectTo: "https://evil.example" },
            { cookie },
          ),
        ),
      ),
    );
    expect(getUserById(user.id)?.locale).toBe("en");
    const root = await (
      await settle(() =>
        rootLoader(loaderArgs(getRequest("/", { cookie, headers: { "Accept-Language": "nl" } }))),
      )
    ).json();
    expect(root.locale).toBe("en");
  });
});

describe("root loader", () => {
  it("describes the visitor and the navigation they may use", async () => {
    const anon = await (await settle(() => rootLoader(loaderArgs(getRequest("/"))))).json();
    expect(anon).toMatchObject({ user: null, nav: { admin: false }, locale: "nl" });
    const org = await makeUser({ roles: ["organiser"], name: "Marieke" });
    const cookie = await sessionCookieFor(org.id);
    const data = await (
      await settle(() => rootLoader(loaderArgs(getRequest("/", { cookie }))))
    ).json();
    expect(data).toMatchObject({
      user: { name: "Marieke", roles: ["organiser"] },
      nav: { admin: true },
    });
  });

  it("renews the cookie when the session was extended", async () => {
    const user = await makeUser();
    const { token, session } = createSession(user.id);
    // Pretend the session is in the second half of its life.
    const soon = new Date(Date.now() + SESSION_LIFETIME_MS / 4);
    getDb().update(sessions).set({ expiresAt: soon }).where(eq(sessions.id, session.id)).run();
    const { sessionCookie } = await import("~/utils/session.server");
    const cookie = (await sessionCookie.serialize(token)).split(";")[0]!;
    const res = await settle(() => rootLoader(loaderArgs(getRequest("/", { cookie }))));
    expect(res.headers.get("Set-Cookie")).toMatch(/kw_session=/);
    expect((await getSessionFromCookie(cookie))!.session.expiresAt.getTime()).toBeGreaterThan(
      soon.getTime(),
    );
  });
});

describe("settings", () => {
  it("saves name and language, and 'log out everywhere' ends every session and socket", async () => {
    const user = await makeUser();
    const cookie = await sessionCookieFor(user.id);
    const other = await sessionCookieFor(user.id);
    const saved = await settle(() =>
      settingsAction(
        actionArgs(
          formRequest(
            "/settings",
            { intent: "profile", name: "  Nieuwe Naam ", locale: "en" },
            { cookie },
          ),
        ),
      ),
    );
    expect(saved.status).toBe(200);
    expect(getUserById(user.id)).toMatchObject({ name: "Nieuwe Naam", locale: "en" });
    const page = await (
      await settle(() => settingsLoader(loaderArgs(getRequest("/settings", { cookie }))))
    ).json();
    expect(page.sessions).toBe(2);

    const live = recordingPublisher();
    const res = await settle(() =>
      settingsAction(
        actionArgs(
          formRequest("/settings", { intent: "logout-everywhere" }, { cookie }),
          makeContext({ publisher: live.publisher }),
        ),
      ),
    );
    expect(res.headers.get("Location")).toBe("/login");
    expect(await getSessionFromCookie(cookie)).toBeNull();
    expect(await getSessionFromCookie(other)).toBeNull();
    expect(live.disconnected).toEqual([user.id]);
  });
});

describe("development outbox page", () => {
  it("lists sent mail outside production and is a 404 in production", async () => {
    await sendMail({
      to: "outbox@example.nl",
      subject: "Hallo outbox",
      text: "tekst",
      html: "<p>tekst</p>",
    });
    const data = await (
      await settle(() => outboxLoader(loaderArgs(getRequest("/dev/outbox"))))
    ).json();
    expect(data.messages.map((m: { subject: string }) => m.subject)).toContain("Hallo outbox");
    process.env.NODE_ENV = "production";
    process.env.SESSION_SECRET = "a-test-secret-of-enough-length";
    resetEnvCache();
    try {
      expect((await settle(() => outboxLoader(loaderArgs(getRequest("/dev/outbox"))))).status).toBe(
        404,
      );
    } finally {
      process.env.NODE_ENV = "test";
      resetEnvCache();
    }
  });
});

describe("flash messages", () => {
  it("show once after a redirect, then the cookie is cleared", async () => {
    const { redirectWithToast } = await import("~/utils/toast.server");
    const redirect = await redirectWithToast("/", { key: "login.welcome" });
    const cookie = redirect.headers.get("Set-Cookie")!.split(";")[0]!;
    const first = await settle(() => rootLoader(loaderArgs(getRequest("/", { cookie }))));
    expect((await first.json()).toast).toEqual({ kind: "success", key: "login.welcome" });
    expect(first.headers.get("Set-Cookie")).toMatch(/kw_toast=;/);
    const none = await settle(() => rootLoader(loaderArgs(getRequest("/"))));
    expect((await none.json()).toast).toBeNull();
  });
});
