import { describe, expect, it } from "vitest";
import { action as companyAction } from "~/routes/onboarding.company";
import { action as profileAction } from "~/routes/onboarding.profile";
import { action as questionAction } from "~/routes/onboarding.question";
import { action as readyAction } from "~/routes/onboarding.ready";
import { loader as onboardingLoader } from "~/routes/onboarding._index";
import { getCompany, getProfile } from "~/models/profiles.server";
import { load, signedIn, submit } from "./helpers";

const company = {
  name: "Bakkerij Bosman",
  kvkNumber: "12345678",
  sector: "C",
  sbiDivision: "10",
  employees: "12",
  foundedYear: "1987",
  lifePhase: "succession",
  province: "GE",
  municipality: "Apeldoorn",
  familyBusiness: "on",
};

describe("onboarding", () => {
  it("walks company → profile → question → ready, resumable at the first open step", async () => {
    const u = await signedIn();
    const step = async () =>
      (await load(onboardingLoader, "/onboarding", { cookie: u.cookie })).headers.get("Location");
    expect(await step()).toBe("/onboarding/company");

    const c = await submit(companyAction, "/onboarding/company", company, { cookie: u.cookie });
    expect(c.headers.get("Location")).toBe("/onboarding/profile");
    expect(getCompany(u.id)).toMatchObject({
      name: "Bakkerij Bosman",
      kvkNumber: "12345678",
      employees: 12,
      familyBusiness: true,
      sbiDivision: "10",
    });
    expect(await step()).toBe("/onboarding/profile");

    const p = await submit(
      profileAction,
      "/onboarding/profile",
      {
        companyRole: "owner",
        themes: ["succession_governance", "people"],
        dayParts: ["evening", "early_morning"],
        meetingMode: "in_person",
        willingToHost: "on",
      },
      { cookie: u.cookie },
    );
    expect(p.headers.get("Location")).toBe("/onboarding/question");
    expect(getProfile(u.id)).toMatchObject({
      companyRole: "owner",
      themes: ["succession_governance", "people"],
      dayParts: ["evening", "early_morning"],
      willingToHost: true,
      readyToMatch: false,
    });

    const q = await submit(
      questionAction,
      "/onboarding/question",
      {
        questionSituation: "Mijn zoon neemt over.",
        questionTried: "",
        questionWish: "Hoe deden anderen dat?",
      },
      { cookie: u.cookie },
    );
    expect(q.headers.get("Location")).toBe("/onboarding/ready");

    const r = await submit(
      readyAction,
      "/onboarding/ready",
      { ready: "yes" },
      { cookie: u.cookie },
    );
    expect(r.status).toBe(200);
    expect(getProfile(u.id)?.readyToMatch).toBe(true);
  });

  it("refuses 'ready to be matched' while the profile is incomplete", async () => {
    const u = await signedIn();
    const r = await submit(
      readyAction,
      "/onboarding/ready",
      { ready: "yes" },
      { cookie: u.cookie },
    );
    expect(r.status).toBe(400);
    expect((await r.json()).error[""]).toEqual(["onboarding.ready.incomplete"]);
    expect(getProfile(u.id)?.readyToMatch ?? false).toBe(false);
  });

  it.each([
    ["an invalid KvK number", { kvkNumber: "1234" }, "kvkNumber", "validation.kvk"],
    ["300 employees", { employees: "300" }, "employees", "company.tooLarge"],
    [
      "a founding year in the future",
      { foundedYear: String(new Date().getFullYear() + 1) },
      "foundedYear",
      "validation.yearInFuture",
    ],
    [
      "a division outside the sector",
      { sbiDivision: "43" },
      "sbiDivision",
      "validation.sbiDivision",
    ],
    [
      "a fractional number of employees",
      { employees: "2.5" },
      "employees",
      "validation.wholeNumber",
    ],
    ["an unknown sector", { sector: "Z" }, "sector", "validation.choose"],
  ])("explains %s next to the field and saves nothing", async (_label, change, field, message) => {
    const u = await signedIn();
    const res = await submit(
      companyAction,
      "/onboarding/company",
      { ...company, ...change },
      { cookie: u.cookie },
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error[field]).toEqual([message]);
    expect(body.initialValue.name).toBe("Bakkerij Bosman");
    expect(getCompany(u.id)).toBeNull();
  });

  it("limits themes to three and needs at least one day-part", async () => {
    const u = await signedIn();
    const res = await submit(
      profileAction,
      "/onboarding/profile",
      {
        themes: ["growth", "finance", "people", "international"],
        companyRole: "owner",
        meetingMode: "online",
      },
      { cookie: u.cookie },
    );
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error.themes).toEqual(["validation.chooseAtMost|3"]);
    expect(json.error.dayParts).toEqual(["validation.chooseOne"]);
  });
});
