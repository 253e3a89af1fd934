import { describe, expect, it } from "vitest";
import {
  clip,
  escapeXml,
  initials,
  isSlug,
  normalisePublicFields,
  publicView,
  reachDay,
  reachKindFor,
  readSource,
  slugBase,
  uniqueSlug,
} from "./ambassadors";

describe("slugs", () => {
  it("are plain ascii from a Dutch name", () => {
    expect(slugBase("Henk Wolters")).toBe("henk-wolters");
    expect(slugBase("Chloë van 't Hoff-Ünal")).toBe("chloe-van-t-hoff-unal");
    expect(slugBase("  Ærø   Straße ")).toBe("aero-strasse");
    expect(slugBase("!!!")).toBe("ambassadeur");
    expect(slugBase("a".repeat(200)).length).toBeLessThanOrEqual(60);
  });
  it("get a suffix when taken", () => {
    const taken = new Set(["sanne-kuipers", "sanne-kuipers-2"]);
    expect(uniqueSlug("Sanne Kuipers", (s) => taken.has(s))).toBe("sanne-kuipers-3");
    expect(uniqueSlug("Bart Nijhuis", (s) => taken.has(s))).toBe("bart-nijhuis");
  });
  it("are recognised, and nothing else is", () => {
    expect(isSlug("henk-wolters-2")).toBe(true);
    for (const bad of ["", "Henk", "-a", "a--b", "a/b", "../x", "a".repeat(81), 3])
      expect(isSlug(bad)).toBe(false);
  });
});

describe("initials", () => {
  it("take first and last name, skipping particles", () => {
    expect(initials("Henk Wolters")).toBe("HW");
    expect(initials("Jan van der Berg")).toBe("JB");
    expect(initials("esther")).toBe("E");
    expect(initials("Émile de Ruijter")).toBe("ÉR");
    expect(initials("   ")).toBe("?");
  });
});

const profile = {
  name: "Rachid Benali",
  slug: "rachid-benali",
  headline: "Installateur die circulair ging",
  companyName: "Benali Installaties",
  sector: "F",
  sizeClass: "small",
  lifePhase: "established",
  province: "LI",
  themes: ["sustainability"],
  bioHtml: "<p>Hallo</p>",
  offers: ["talk"],
  availability: "Vrijdagmiddag",
  hasPhoto: true,
  publicFields: ["company", "themes"],
};

describe("public view", () => {
  it("keeps only the fields made public, and always the name", () => {
    const view = publicView(profile);
    expect(view).toMatchObject({
      name: "Rachid Benali",
      companyName: "Benali Installaties",
      themes: ["sustainability"],
      hasPhoto: false,
      sector: null,
      province: null,
      bioHtml: null,
      offers: [],
      availability: null,
    });
    expect(JSON.stringify(view)).not.toContain("Vrijdagmiddag");
    expect(JSON.stringify(view)).not.toContain("LI");
  });
  it("normalises the stored list", () => {
    expect(normalisePublicFields(["bio", "nonsense", "photo", "bio"])).toEqual(["photo", "bio"]);
  });
});

describe("sources", () => {
  it("come from a short allow-list, anything else is direct", () => {
    expect(readSource("qr")).toBe("qr");
    expect(readSource(" KAART ")).toBe("kaart");
    expect(readSource("<script>")).toBe("direct");
    expect(readSource(null)).toBe("direct");
    expect(readSource("x".repeat(10_000))).toBe("direct");
  });
  it("a QR scan is a card scan, the rest a view", () => {
    expect(reachKindFor("qr")).toBe("card_scan");
    expect(reachKindFor("kaart")).toBe("profile_view");
    expect(reachKindFor("direct")).toBe("profile_view");
  });
  it("are counted by the day in Amsterdam", () => {
    expect(reachDay(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(reachDay(new Date("2026-12-31T12:00:00Z"))).toBe("2026-12-31");
  });
});

describe("text for the card", () => {
  it("escapes XML", () => {
    expect(escapeXml(`<b a="1">Tom & 'Jerry'</b>\u0001`)).toBe(
      "&lt;b a=&quot;1&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/b&gt;",
    );
  });
  it("clips on a word", () => {
    expect(clip("Van familiebedrijf naar zelfsturende teams", 20)).toBe("Van familiebedrijf…");
    expect(clip("kort", 20)).toBe("kort");
  });
});
