/// <reference types="vite/client" />
/**
 * The authorisation matrix: every route's loader (and action, where it has one) for every kind
 * of visitor, with the expected outcome. A route file without a row fails the first test, so a
 * new page cannot ship without someone deciding who may see it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  actionArgs,
  formRequest,
  getRequest,
  loaderArgs,
  makeUser,
  sessionCookieFor,
  settle,
} from "./helpers";

type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => Promise<unknown> | unknown;
  action?: (args: ActionFunctionArgs) => Promise<unknown> | unknown;
};
const modules = import.meta.glob<RouteModule>("../../app/routes/*.tsx", { eager: true });
const routeName = (file: string) => file.replace("../../app/routes/", "").replace(/\.tsx$/, "");

const personas = ["anonymous", "entrepreneur", "organiser"] as const;
type Persona = (typeof personas)[number];
/** ok = 2xx; login = redirect to the login page; home = redirect to "/"; or a status code. */
type Outcome = "ok" | "login" | "home" | 400 | 403 | 404;
type Row = {
  path: string;
  loader?: Record<Persona, Outcome>;
  action?: { fields: Record<string, string>; expect: Record<Persona, Outcome> };
};

const all = (outcome: Outcome): Record<Persona, Outcome> => ({
  anonymous: outcome,
  entrepreneur: outcome,
  organiser: outcome,
});
const signedIn = (outcome: Outcome): Record<Persona, Outcome> => ({
  anonymous: "login",
  entrepreneur: outcome,
  organiser: outcome,
});
const anonymousOnly: Record<Persona, Outcome> = {
  anonymous: "ok",
  entrepreneur: "home",
  organiser: "home",
};

const matrix: Record<string, Row> = {
  _index: { path: "/", loader: all("ok") },
  $: { path: "/does-not-exist", loader: all(404), action: { fields: {}, expect: all(404) } },
  signup: {
    path: "/signup",
    loader: anonymousOnly,
    action: { fields: {}, expect: { anonymous: 400, entrepreneur: "home", organiser: "home" } },
  },
  login: {
    path: "/login",
    loader: anonymousOnly,
    action: { fields: {}, expect: { anonymous: 400, entrepreneur: "home", organiser: "home" } },
  },
  "check-email": { path: "/check-email" },
  "verify-email": {
    path: "/verify-email?token=nope",
    loader: all("ok"),
    action: { fields: { token: "nope" }, expect: all(400) },
  },
  "forgot-password": { path: "/forgot-password", action: { fields: {}, expect: all(400) } },
  "reset-password": {
    path: "/reset-password?token=nope",
    loader: all("ok"),
    action: { fields: {}, expect: all(400) },
  },
  logout: { path: "/logout", loader: all("home"), action: { fields: {}, expect: all("home") } },
  settings: {
    path: "/settings",
    loader: signedIn("ok"),
    action: {
      fields: { intent: "profile", name: "Nieuwe naam", locale: "auto" },
      expect: signedIn("ok"),
    },
  },
  "admin.users": {
    path: "/admin/users",
    loader: { anonymous: "login", entrepreneur: 403, organiser: "ok" },
    action: {
      fields: { intent: "grant", userId: "1", role: "ambassador" },
      expect: { anonymous: "login", entrepreneur: 403, organiser: "ok" },
    },
  },
  // Development tool; in production it is a 404 (see dev-outbox.test.ts).
  "dev.outbox": { path: "/dev/outbox", loader: all("ok") },
  "resources.locale": {
    path: "/resources/locale",
    loader: all("home"),
    action: { fields: { locale: "en", redirectTo: "/" }, expect: all("home") },
  },
};

function outcomeOf(res: Response): Outcome | number {
  if (res.status >= 200 && res.status < 300) return "ok";
  if (res.status === 302) {
    const location = res.headers.get("Location") ?? "";
    if (location.startsWith("/login")) return "login";
    if (location === "/") return "home";
    return 302;
  }
  return res.status;
}

const userIds: Partial<Record<Persona, number>> = {};
beforeAll(async () => {
  await makeUser({ roles: ["entrepreneur"] }); // user 1, the target of the role grant
  userIds.entrepreneur = (await makeUser({ roles: ["entrepreneur"] })).id;
  userIds.organiser = (await makeUser({ roles: ["organiser"] })).id;
});

describe("authorisation matrix", () => {
  it("has a row for every route", () => {
    const routes = Object.keys(modules).map(routeName).sort();
    expect(routes.filter((r) => !(r in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((r) => !routes.includes(r))).toEqual([]);
  });

  const cases = Object.entries(matrix).flatMap(([route, row]) =>
    personas.flatMap((persona) => [
      ...(row.loader
        ? [{ route, persona, kind: "loader" as const, expected: row.loader[persona] }]
        : []),
      ...(row.action
        ? [{ route, persona, kind: "action" as const, expected: row.action.expect[persona] }]
        : []),
    ]),
  );

  it.each(cases)(
    "$route $kind as $persona: $expected",
    async ({ route, persona, kind, expected }) => {
      const mod = modules[`../../app/routes/${route}.tsx`]!;
      const row = matrix[route]!;
      // A fresh session per case: the logout row ends the session it is given.
      const userId = userIds[persona];
      const cookie = userId ? await sessionCookieFor(userId) : undefined;
      const res =
        kind === "loader"
          ? await settle(async () => mod.loader!(loaderArgs(getRequest(row.path, { cookie }))))
          : await settle(async () =>
              mod.action!(actionArgs(formRequest(row.path, row.action!.fields, { cookie }))),
            );
      expect(outcomeOf(res)).toBe(expected);
    },
  );

  it("declares a loader or action exactly where the module has one", () => {
    for (const [file, mod] of Object.entries(modules)) {
      const row = matrix[routeName(file)]!;
      expect(Boolean(row.loader), `${file} loader`).toBe(Boolean(mod.loader));
      expect(Boolean(row.action), `${file} action`).toBe(Boolean(mod.action));
    }
  });
});
