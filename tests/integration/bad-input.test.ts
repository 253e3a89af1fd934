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
import { action as onboardingCompany } from "~/routes/onboarding.company";
import { action as onboardingProfile } from "~/routes/onboarding.profile";
import { action as onboardingQuestion } from "~/routes/onboarding.question";
import { action as onboardingReady } from "~/routes/onboarding.ready";
import { action as newProgramme } from "~/routes/programmes.new";
import { action as editProgramme } from "~/routes/programmes.$programmeId.edit";
import { action as programmeDetail } from "~/routes/programmes.$programmeId._index";
import { action as newCircle } from "~/routes/programmes.$programmeId.circles.new";
import { action as editCircle } from "~/routes/circles.$circleId.edit";
import { action as circleSummary } from "~/routes/circles.$circleId._index";
import { action as circleMembers } from "~/routes/circles.$circleId.members";
import { action as preferences } from "~/routes/settings_.notifications";
import { action as unsubscribe } from "~/routes/unsubscribe";
import { action as adminOutbox } from "~/routes/admin.outbox";
import { action as runMatchingAction } from "~/routes/programmes.$programmeId.matching._index";
import { getDb } from "~/utils/db.server";
import {
  actionArgs,
  formRequest,
  makeContext,
  makeCircle,
  makeUser,
  sessionCookieFor,
  settle,
  programmeFormFields,
} from "./helpers";

type FormCase = {
  name: string;
  action: (args: ActionFunctionArgs) => Promise<unknown>;
  path: string;
  fields: Record<string, string>;
  /** Fields that are not free text (their wrong values are covered by "wrong types"). */
  fixed?: string[];
  as?: "organiser" | "user" | "coach";
  /** Route params, for pages of one programme or circle. */
  params?: "programme" | "circle";
};

const programmeFields = programmeFormFields;
const circleFields = {
  intent: "save",
  name: "Kring",
  theme: "growth",
  description: "Tekst",
  status: "forming",
  capacityMin: "3",
  capacityMax: "8",
  timeCommitment: "6 keer",
  meetingMode: "online",
  houseRules: "Regels",
};
// The new-circle form has no intent field of its own.
const { intent: _intent, ...newCircleFields } = circleFields;

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
  {
    name: "onboarding: company",
    action: onboardingCompany,
    path: "/onboarding/company",
    fields: {
      name: "Bakkerij",
      kvkNumber: "12345678",
      sector: "C",
      sbiDivision: "10",
      employees: "4",
      foundedYear: "2001",
      lifePhase: "established",
      province: "OV",
      municipality: "Zwolle",
    },
    fixed: ["sector", "employees", "foundedYear", "lifePhase", "province"],
    as: "user",
  },
  {
    name: "onboarding: profile",
    action: onboardingProfile,
    path: "/onboarding/profile",
    fields: { companyRole: "owner", themes: "growth", dayParts: "evening", meetingMode: "online" },
    fixed: ["companyRole", "themes", "dayParts", "meetingMode"],
    as: "user",
  },
  {
    name: "onboarding: question",
    action: onboardingQuestion,
    path: "/onboarding/question",
    fields: { questionSituation: "Situatie", questionTried: "Geprobeerd", questionWish: "Wens" },
    as: "user",
  },
  {
    name: "onboarding: ready",
    action: onboardingReady,
    path: "/onboarding/ready",
    fields: { ready: "no" },
    fixed: ["ready"],
    as: "user",
  },
  {
    name: "new programme",
    action: newProgramme,
    path: "/programmes/new",
    fields: programmeFields,
    fixed: [
      "startsOn",
      "endsOn",
      "sizeMin",
      "sizeTarget",
      "sizeMax",
      "sectorPolicy",
      "weights.phase",
    ],
    as: "organiser",
  },
  {
    name: "edit programme",
    action: editProgramme,
    path: "/programmes/x/edit",
    fields: programmeFields,
    fixed: [
      "startsOn",
      "endsOn",
      "sizeMin",
      "sizeTarget",
      "sizeMax",
      "sectorPolicy",
      "weights.phase",
    ],
    as: "organiser",
    params: "programme",
  },
  {
    name: "archive programme",
    action: programmeDetail,
    path: "/programmes/x",
    fields: { intent: "archive" },
    fixed: ["intent"],
    as: "organiser",
    params: "programme",
  },
  {
    name: "new circle",
    action: newCircle,
    path: "/programmes/x/circles/new",
    fields: newCircleFields,
    fixed: ["theme", "status", "capacityMin", "capacityMax", "meetingMode"],
    as: "organiser",
    params: "programme",
  },
  {
    name: "edit circle",
    action: editCircle,
    path: "/circles/x/edit",
    fields: circleFields,
    fixed: ["intent", "theme", "status", "capacityMin", "capacityMax", "meetingMode"],
    as: "organiser",
    params: "circle",
  },
  {
    name: "invite to circle",
    action: editCircle,
    path: "/circles/x/edit",
    fields: { intent: "invite", email: "iemand@example.nl" },
    fixed: ["intent"],
    as: "coach",
    params: "circle",
  },
  {
    name: "apply to circle",
    action: circleSummary,
    path: "/circles/x",
    fields: { intent: "apply", motivation: "Graag" },
    fixed: ["intent"],
    as: "user",
    params: "circle",
  },
  {
    name: "coach's decision",
    action: circleMembers,
    path: "/circles/x/members",
    fields: { intent: "approve", membershipId: "1", message: "Welkom" },
    fixed: ["intent", "membershipId"],
    as: "coach",
    params: "circle",
  },
  {
    name: "remove a member",
    action: circleMembers,
    path: "/circles/x/members",
    fields: { intent: "remove", membershipId: "1", reason: "Reden" },
    fixed: ["intent", "membershipId"],
    as: "coach",
    params: "circle",
  },
  {
    name: "e-mail preferences",
    action: preferences,
    path: "/settings/notifications",
    fields: {
      "channels.mentions": "immediate",
      "channels.threads": "digest",
      "channels.membership": "immediate",
      "channels.meetings": "immediate",
      "channels.actions": "immediate",
      "channels.contact": "never",
      "channels.account": "immediate",
      digestHour: "8",
    },
    fixed: ["channels.mentions", "channels.threads", "digestHour"],
    as: "user",
  },
  { name: "unsubscribe", action: unsubscribe, path: "/unsubscribe", fields: { token: "x.y" } },
  {
    name: "retry a failed mail",
    action: adminOutbox,
    path: "/admin/outbox",
    fields: { id: "1" },
    fixed: ["id"],
    as: "organiser",
  },
  {
    name: "run matching",
    action: runMatchingAction,
    path: "/programmes/x/matching",
    fields: {
      sizeMin: "3",
      sizeTarget: "4",
      sizeMax: "6",
      sectorPolicy: "mixed",
      meetingMode: "online",
      "weights.phase": "3",
      "weights.size": "2",
      "weights.role": "2",
      "weights.themes": "2",
      "weights.sector": "1",
      "weights.region": "1",
    },
    fixed: ["sizeMin", "sizeTarget", "sizeMax", "sectorPolicy", "meetingMode", "weights.phase"],
    as: "organiser",
    params: "programme",
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

/** Who submits, and on which programme or circle (the circle's coach acts as "coach"). */
async function setup(form: FormCase): Promise<{ cookie?: string; params: Record<string, string> }> {
  if (!form.as) return { params: {} };
  const world = form.params ? await makeCircle() : null;
  let userId: number;
  if (form.as === "coach") userId = world!.coach.id;
  else if (form.as === "organiser")
    userId = world ? world.programme.organiser.id : (await makeUser({ roles: ["organiser"] })).id;
  else userId = (await makeUser()).id;
  const params: Record<string, string> = world
    ? form.params === "programme"
      ? { programmeId: String(world.programme.id) }
      : { circleId: String(world.id) }
    : {};
  return { cookie: await sessionCookieFor(userId), params };
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
      const { cookie, params } = await setup(form);
      const before = snapshot();
      const res = await settle(() =>
        form.action(
          actionArgs(
            formRequest(form.path, fields, { cookie }),
            makeContext({ clientIp: `bad-input-${Math.random()}` }),
            params,
          ),
        ),
      );
      expect(res.status).toBe(400);
      const body = (await res.json()) as {
        status?: string;
        error?: Record<string, string[]> | null;
        invalid?: boolean;
        done?: boolean;
      };
      // A conform reply names what is wrong; the token pages say their link is invalid.
      if (body.error !== undefined)
        expect(Object.values(body.error ?? {}).flat().length).toBeGreaterThan(0);
      else expect(body.invalid === true || body.done === false).toBe(true);
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
