/**
 * Every form, fed what browsers and attackers send: nothing, empty strings, 10,000 characters,
 * files instead of text. Each answer is a 400 with a message, never a 500, and nothing is written.
 */
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { ActionFunctionArgs } from "@remix-run/node";
import { action as signup } from "~/routes/signup";
import { action as login } from "~/routes/login";
import { action as forgot } from "~/routes/forgot-password";
import { action as reset } from "~/routes/reset-password";
import { action as verify } from "~/routes/verify-email";
import { action as settings } from "~/routes/settings";
import { action as adminUsers } from "~/routes/admin.users";
import { action as locale } from "~/routes/resources.locale";
import { getDb } from "~/utils/db.server";
import {
  actionArgs,
  formRequest,
  makeContext,
  makeUser,
  sessionCookieFor,
  settle,
} from "./helpers";

type FormCase = {
  name: string;
  action: (args: ActionFunctionArgs) => Promise<unknown>;
  path: string;
  fields: Record<string, string>;
  /** Fields that are not free text (their wrong values are covered by "wrong types"). */
  fixed?: string[];
  as?: "organiser" | "user";
};

const forms: FormCase[] = [
  {
    name: "sign up",
    action: signup,
    path: "/signup",
    fields: { name: "Eva", email: "eva@example.nl", password: "fietsen langs de Vecht" },
  },
  {
    name: "log in",
    action: login,
    path: "/login",
    fields: { email: "eva@example.nl", password: "fietsen langs de Vecht" },
  },
  {
    name: "forgot password",
    action: forgot,
    path: "/forgot-password",
    fields: { email: "eva@example.nl" },
  },
  {
    name: "reset password",
    action: reset,
    path: "/reset-password",
    fields: { token: "x", password: "fietsen langs de Vecht", confirm: "fietsen langs de Vecht" },
  },
  { name: "verify e-mail", action: verify, path: "/verify-email", fields: { token: "x" } },
  {
    name: "settings",
    action: settings,
    path: "/settings",
    fields: { intent: "profile", name: "Eva", locale: "nl" },
    fixed: ["intent", "locale"],
    as: "user",
  },
  {
    name: "roles",
    action: adminUsers,
    path: "/admin/users",
    fields: { intent: "grant", userId: "1", role: "coach" },
    fixed: ["intent", "userId", "role"],
    as: "organiser",
  },
  {
    name: "language",
    action: locale,
    path: "/resources/locale",
    fields: { locale: "en" },
    fixed: ["locale"],
  },
];

function snapshot() {
  const db = getDb();
  const tables = db.all<{ name: string }>(
    sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`,
  );
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      db.get<{ n: number }>(sql.raw(`select count(*) as n from "${name}"`))!.n,
    ]),
  );
}

async function cookieFor(as: FormCase["as"]) {
  if (!as) return undefined;
  const user = await makeUser({ roles: as === "organiser" ? ["organiser"] : ["entrepreneur"] });
  return sessionCookieFor(user.id);
}

function variants(form: FormCase): Array<[string, Record<string, string | Blob>]> {
  const text = Object.keys(form.fields).filter((f) => !form.fixed?.includes(f));
  const out: Array<[string, Record<string, string | Blob>]> = [
    ["missing fields", {}],
    ["empty fields", Object.fromEntries(Object.keys(form.fields).map((k) => [k, ""]))],
  ];
  for (const field of text)
    out.push([`10,000 characters in ${field}`, { ...form.fields, [field]: "x".repeat(10_000) }]);
  for (const field of Object.keys(form.fields)) {
    out.push([
      `a file as ${field}`,
      { ...form.fields, [field]: new Blob(["binary"], { type: "application/octet-stream" }) },
    ]);
  }
  for (const field of form.fixed ?? [])
    out.push([
      `a wrong value for ${field}`,
      { ...form.fields, [field]: "🙃'; drop table user;--" },
    ]);
  return out;
}

describe.each(forms)("$name form", (form) => {
  it.each(variants(form))(
    "answers %s with a message and writes nothing",
    async (_label, fields) => {
      const cookie = await cookieFor(form.as);
      const before = snapshot();
      const res = await settle(() =>
        form.action(
          actionArgs(
            formRequest(form.path, fields, { cookie }),
            makeContext({ clientIp: `bad-input-${Math.random()}` }),
          ),
        ),
      );
      expect(res.status).toBe(400);
      const body = (await res.json()) as {
        status?: string;
        error?: Record<string, string[]> | null;
        invalid?: boolean;
      };
      // A conform reply names what is wrong; the verify form says its link is invalid.
      if (body.error !== undefined)
        expect(Object.values(body.error ?? {}).flat().length).toBeGreaterThan(0);
      else expect(body.invalid).toBe(true);
      expect(snapshot()).toEqual(before);
    },
  );
});

describe("a body that is not a form", () => {
  it("is a 400 rather than a crash", async () => {
    const request = new Request("http://localhost:3000/login", {
      method: "POST",
      body: "{not a form",
      headers: { "Content-Type": "application/json" },
    });
    const res = await settle(() => login(actionArgs(request)));
    expect(res.status).toBe(400);
  });
});
