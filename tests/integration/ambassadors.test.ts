/**
 * Ambassadors' profiles through their routes: saving with bad input (a message per field, the
 * input kept, nothing stored), what the public sees (hidden fields not in the data at all),
 * unpublished and role-less profiles are a 404, featuring by organisers only, and the reach
 * counts (a view and a QR scan per day, nothing about the visitor).
 */
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { ambassadorProfiles, ambassadorReach, auditEvents, userRoles } from "../../db/schema";
import { action as profileAction, loader as profileLoader } from "~/routes/ambassador.profile";
import { loader as publicLoader, meta as publicMeta } from "~/routes/ambassadors.$slug._index";
import { loader as listLoader } from "~/routes/ambassadors._index";
import { action as hubAction, loader as hubLoader } from "~/routes/ambassador._index";
import { action as adminAction } from "~/routes/admin.ambassadors";
import { loader as homeLoader } from "~/routes/_index";
import {
  getOwnProfile,
  listFeatured,
  publicAmbassadorCard,
  reachSummary,
  setPhoto,
  saveProfile,
  type ProfileInput,
} from "~/models/ambassadors.server";
import { reachDay } from "~/domain/ambassadors";
import { getDb } from "~/utils/db.server";
import { actionArgs, load, makeUser, sessionCookieFor, settle, signedIn, submit } from "./helpers";

const fullProfile: ProfileInput = {
  headline: "Van installateur naar circulaire dienstverlener",
  companyName: "Benali Installatietechniek",
  sector: "F",
  sizeClass: "small",
  lifePhase: "established",
  province: "LI",
  themes: ["sustainability"],
  bio: "Ik vertel graag **hoe** we het deden.",
  offers: ["talk", "company_visit"],
  availability: "Eens per maand op vrijdag",
  publicFields: ["company", "themes", "bio", "offers"],
  published: true,
};

async function ambassador(input: Partial<ProfileInput> = {}, name = "Rachid Benali") {
  const user = await signedIn({ roles: ["ambassador"], name });
  const profile = getOwnProfile(user.id);
  saveProfile(user.id, { ...fullProfile, ...input });
  return { ...user, slug: profile.slug };
}

describe("the own profile", () => {
  it("is made on the first visit, with a slug from the name", async () => {
    const { id, cookie } = await signedIn({ roles: ["ambassador"], name: "Esther Brüins" });
    const res = await load(profileLoader, "/ambassador/profile", { cookie });
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.profile.slug).toMatch(/^esther-bruins(-\d+)?$/);
    expect(data.profile.published).toBe(false);
    const row = getDb()
      .select()
      .from(ambassadorProfiles)
      .where(eq(ambassadorProfiles.userId, id))
      .get();
    expect(row?.slug).toBe(data.profile.slug);
  });

  it("refuses bad input with a message per field, keeps the input, stores nothing", async () => {
    const { id, cookie } = await signedIn({ roles: ["ambassador"] });
    getOwnProfile(id);
    const res = await submit(
      profileAction,
      "/ambassador/profile",
      {
        intent: "save",
        headline: "x".repeat(500),
        companyName: "Mijn Bedrijf",
        sector: "ZZ",
        province: "Atlantis",
        themes: ["sustainability", "digitalisation", "social_innovation", "people", "finance"],
        offers: ["juggling"],
        publicFields: ["bio", "creditCard"],
        bio: "b".repeat(5000),
      },
      { cookie },
    );
    expect(res.status).toBe(400);
    const { form, reply } = await res.json();
    expect(form).toBe("profile");
    expect(reply.error.headline).toEqual(["validation.tooLong|140"]);
    expect(reply.error.bio).toEqual(["validation.tooLong|4000"]);
    expect(reply.error.sector).toEqual(["validation.choose"]);
    expect(reply.error.province).toEqual(["validation.choose"]);
    expect(reply.error.themes).toEqual(["validation.chooseAtMost|4"]);
    // A code the page never offers: refused as invalid.
    expect(reply.error["offers[0]"]).toEqual(["validation.invalid"]);
    expect(reply.error["publicFields[1]"]).toEqual(["validation.invalid"]);
    expect(reply.initialValue.companyName).toBe("Mijn Bedrijf");
    const row = getDb()
      .select()
      .from(ambassadorProfiles)
      .where(eq(ambassadorProfiles.userId, id))
      .get()!;
    expect(row.headline).toBe("");
    expect(row.companyName).toBe("");
    expect(row.updatedAt).toBeNull();
  });

  it("saves good input with the bio sanitised, and audits it", async () => {
    const { id, cookie } = await signedIn({ roles: ["ambassador"] });
    const res = await submit(
      profileAction,
      "/ambassador/profile",
      {
        intent: "save",
        headline: "Van idee naar eigen zaak",
        bio: 'Hallo <script>alert(1)</script> **vet** <a href="javascript:alert(1)">x</a>',
        themes: ["sustainability"],
        offers: ["conversation"],
        publicFields: ["bio", "themes"],
        published: "on",
      },
      { cookie },
    );
    expect(res.status).toBe(200);
    const row = getDb()
      .select()
      .from(ambassadorProfiles)
      .where(eq(ambassadorProfiles.userId, id))
      .get()!;
    expect(row.published).toBe(true);
    expect(row.bioHtml).toContain("<strong>vet</strong>");
    expect(row.bioHtml).not.toMatch(/script|javascript:/i);
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, id), eq(auditEvents.action, "ambassador.profile_saved")))
      .all();
    expect(audit).toHaveLength(1);
  });

  it("answers a body that is not a form, or an unknown intent, with a 400", async () => {
    const { cookie } = await signedIn({ roles: ["ambassador"] });
    const json = new Request("http://localhost:3000/ambassador/profile", {
      method: "POST",
      body: JSON.stringify({ headline: "x" }),
      headers: { Cookie: cookie, "Content-Type": "application/json" },
    });
    const res = await settle(async () => profileAction(actionArgs(json)));
    expect(res.status).toBe(400);
    const broken = new Request("http://localhost:3000/ambassador/profile", {
      method: "POST",
      body: '--x\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupl',
      headers: { Cookie: cookie, "Content-Type": "multipart/form-data; boundary=x" },
    });
    expect((await settle(async () => profileAction(actionArgs(broken)))).status).toBe(400);
    const hub = await submit(hubAction, "/ambassador", { intent: "explode" }, { cookie });
    expect(hub.status).toBe(400);
  });

  it("is for ambassadors only", async () => {
    const { cookie } = await signedIn({ roles: ["entrepreneur"] });
    expect((await load(profileLoader, "/ambassador/profile", { cookie })).status).toBe(403);
    expect((await load(hubLoader, "/ambassador", { cookie })).status).toBe(403);
  });

  it("is published and taken offline from the hub", async () => {
    const a = await ambassador({ published: false });
    const res = await submit(hubAction, "/ambassador", { intent: "publish", published: "on" }, a);
    expect(res.status).toBe(302);
    expect(
      (await load(publicLoader, `/ambassadors/${a.slug}`, { params: { slug: a.slug } })).status,
    ).toBe(200);
    await submit(hubAction, "/ambassador", { intent: "publish" }, a);
    expect(
      (await load(publicLoader, `/ambassadors/${a.slug}`, { params: { slug: a.slug } })).status,
    ).toBe(404);
  });
});

describe("the public profile", () => {
  it("holds only what the ambassador made public (and the name)", async () => {
    const a = await ambassador();
    const res = await load(publicLoader, `/ambassadors/${a.slug}`, { params: { slug: a.slug } });
    expect(res.status).toBe(200);
    const { profile } = await res.json();
    expect(profile.name).toBe("Rachid Benali");
    expect(profile.companyName).toBe("Benali Installatietechniek");
    expect(profile.offers).toEqual(["talk", "company_visit"]);
    expect(profile.province).toBeNull();
    expect(profile.sector).toBeNull();
    expect(profile.availability).toBeNull();
    expect(profile.userId).toBeUndefined();
    const text = JSON.stringify(
      await (
        await load(publicLoader, `/ambassadors/${a.slug}`, { params: { slug: a.slug } })
      ).json(),
    );
    expect(text).not.toContain("Eens per maand");
    expect(text).not.toContain('"LI"');
    expect(text).not.toContain(a.email);
  });

  it("has Open Graph tags, with the photo only when it is public", async () => {
    const a = await ambassador({ publicFields: ["photo", "bio"] }, "Og Tester");
    const metaOf = async () => {
      const data = await (
        await load(publicLoader, `/ambassadors/${a.slug}`, { params: { slug: a.slug } })
      ).json();
      const tags = publicMeta({
        data,
        matches: [{ id: "root", data: { locale: "nl" } }],
      } as unknown as Parameters<typeof publicMeta>[0]) as Record<string, string>[];
      return Object.fromEntries(
        tags.filter((m) => m.property).map((m) => [m.property, m.content]),
      ) as Record<string, string>;
    };
    let og = await metaOf();
    expect(og["og:type"]).toBe("profile");
    expect(og["og:title"]).toContain("Og Tester");
    expect(og["og:description"]).toBe(fullProfile.headline);
    expect(og["og:image"]).toBeUndefined();

    const sharp = (await import("sharp")).default;
    const jpeg = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#123" } })
      .jpeg()
      .toBuffer();
    setPhoto(a.id, jpeg);
    og = await metaOf();
    expect(og["og:image"]).toMatch(
      new RegExp(`^https?://[^/]+/ambassadors/${a.slug}/photo\\?v=\\d+$`),
    );
    expect(publicAmbassadorCard(a.id)?.photoVersion).not.toBeNull();

    saveProfile(a.id, { ...fullProfile, publicFields: ["bio"] });
    og = await metaOf();
    expect(og["og:image"]).toBeUndefined();
    expect(publicAmbassadorCard(a.id)?.hasPhoto).toBe(false);
    saveProfile(a.id, { ...fullProfile, published: false });
    expect(publicAmbassadorCard(a.id)).toBeNull();
  });

  it("is a 404 when not published, when the role is gone, or for a bad slug", async () => {
    const hidden = await ambassador({ published: false }, "Verborgen Ambassadeur");
    const get = (slug: string) => load(publicLoader, `/ambassadors/${slug}`, { params: { slug } });
    expect((await get(hidden.slug)).status).toBe(404);

    const former = await ambassador({}, "Oud Ambassadeur");
    expect((await get(former.slug)).status).toBe(200);
    getDb()
      .delete(userRoles)
      .where(and(eq(userRoles.userId, former.id), eq(userRoles.role, "ambassador")))
      .run();
    expect((await get(former.slug)).status).toBe(404);

    for (const bad of ["", "Ë", "../etc", "a".repeat(5000), "%00"])
      expect((await get(bad)).status).toBe(404);

    const list = await (await load(listLoader, "/ambassadors")).json();
    const slugs = list.ambassadors.map((x: { slug: string }) => x.slug);
    expect(slugs).not.toContain(hidden.slug);
    expect(slugs).not.toContain(former.slug);
  });

  it("filters the list only by what is shown", async () => {
    const shown = await ambassador({ publicFields: ["province", "themes"] }, "Zichtbaar Limburg");
    const hiddenProvince = await ambassador({ publicFields: ["themes"] }, "Verborgen Limburg");
    const res = await load(listLoader, "/ambassadors?province=LI&theme=sustainability");
    const slugs = (await res.json()).ambassadors.map((x: { slug: string }) => x.slug);
    expect(slugs).toContain(shown.slug);
    expect(slugs).not.toContain(hiddenProvince.slug);
    // Unknown filter values are ignored, not an error.
    expect((await load(listLoader, "/ambassadors?province=%3Cx%3E&theme=")).status).toBe(200);
  });
});

describe("featuring", () => {
  it("is for organisers only, and shows on the landing page while public", async () => {
    const a = await ambassador({}, "Uitgelicht Persoon");
    const entrepreneur = await signedIn();
    const fields = { intent: "feature", userId: a.id };
    expect((await submit(adminAction, "/admin/ambassadors", fields, entrepreneur)).status).toBe(
      403,
    );
    expect((await submit(adminAction, "/admin/ambassadors", fields, a)).status).toBe(403);
    expect(listFeatured(12).map((f) => f.slug)).not.toContain(a.slug);

    const organiser = await signedIn({ roles: ["organiser"] });
    expect((await submit(adminAction, "/admin/ambassadors", fields, organiser)).status).toBe(302);
    expect(listFeatured(12).map((f) => f.slug)).toContain(a.slug);
    const home = await (await load(homeLoader, "/")).json();
    expect(home.featured.map((f: { slug: string }) => f.slug)).toContain(a.slug);

    // Unpublished: still featured, but not on the landing page.
    saveProfile(a.id, { ...fullProfile, published: false });
    expect(listFeatured(12).map((f) => f.slug)).not.toContain(a.slug);
    saveProfile(a.id, fullProfile);

    await submit(
      adminAction,
      "/admin/ambassadors",
      { intent: "unfeature", userId: a.id },
      organiser,
    );
    expect(listFeatured(12).map((f) => f.slug)).not.toContain(a.slug);

    // Bad input: a 400 or a 404, never a 500.
    expect(
      (
        await submit(
          adminAction,
          "/admin/ambassadors",
          { intent: "feature", userId: "abc" },
          organiser,
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await submit(
          adminAction,
          "/admin/ambassadors",
          { intent: "feature", userId: 99_999_999 },
          organiser,
        )
      ).status,
    ).toBe(404);
  });
});

describe("reach", () => {
  it("counts a view and a QR scan per day and source, and nothing about the visitor", async () => {
    const a = await ambassador({}, "Bereik Meter");
    const visit = (query: string, cookie?: string) =>
      load(publicLoader, `/ambassadors/${a.slug}${query}`, { params: { slug: a.slug }, cookie });
    await visit("");
    await visit("");
    await visit("?bron=qr");
    await visit("?bron=kaart");
    await visit("?bron=%3Cscript%3E");
    // The ambassador's own look does not count.
    await visit("", a.cookie);

    const rows = getDb()
      .select()
      .from(ambassadorReach)
      .where(eq(ambassadorReach.ambassadorId, a.id))
      .all();
    const today = reachDay(new Date());
    const byKey = Object.fromEntries(rows.map((r) => [`${r.kind}/${r.source}`, r]));
    expect(byKey["profile_view/direct"]).toMatchObject({ day: today, count: 3 });
    expect(byKey["card_scan/qr"]).toMatchObject({ day: today, count: 1 });
    expect(byKey["profile_view/kaart"]).toMatchObject({ day: today, count: 1 });
    expect(rows).toHaveLength(3);
    // No other columns than these: no address, no agent, no visitor id.
    for (const r of rows)
      expect(Object.keys(r).sort()).toEqual(["ambassadorId", "count", "day", "kind", "source"]);

    expect(reachSummary(a.id)).toMatchObject({ views: 4, scans: 1, totalViews: 4, totalScans: 1 });
    const hub = await (await load(hubLoader, "/ambassador", { cookie: a.cookie })).json();
    expect(hub.reach.views).toBe(4);
    expect(hub.reach.scans).toBe(1);
    expect(hub.reach.bySource).toEqual([
      { source: "direct", count: 3 },
      { source: "kaart", count: 1 },
      { source: "qr", count: 1 },
    ]);
  });

  it("leaves out days older than the window", async () => {
    const user = await makeUser({ roles: ["ambassador"] });
    getOwnProfile(user.id);
    const { countReach } = await import("~/models/ambassadors.server");
    countReach(user.id, "profile_view", "direct", "2020-01-01");
    countReach(user.id, "card_scan", "qr", reachDay(new Date()));
    expect(reachSummary(user.id)).toMatchObject({ views: 0, scans: 1, totalViews: 1 });
    expect(await sessionCookieFor(user.id)).toBeTruthy();
  });
});
