import { describe, expect, it } from "vitest";
import {
  isHttpUrl,
  isSlug,
  publishBlocker,
  readingMinutes,
  slugify,
  tagIndexText,
  tagToken,
  tagOverlap,
} from "./knowledge";

describe("readingMinutes", () => {
  it("is words / 200 rounded up, at least one minute", () => {
    expect(readingMinutes("")).toBe(1);
    expect(readingMinutes("een paar woorden")).toBe(1);
    expect(readingMinutes(Array(200).fill("woord").join(" "))).toBe(1);
    expect(readingMinutes(Array(201).fill("woord").join(" "))).toBe(2);
    expect(readingMinutes(Array(1000).fill("woord").join("\n"))).toBe(5);
  });
});

describe("slugify", () => {
  it("drops accents and joins words with hyphens", () => {
    expect(slugify("Coöperatie & ideeën: onze aanpak!")).toBe("cooperatie-ideeen-onze-aanpak");
    expect(slugify("   ")).toBe("item");
    expect(slugify("a".repeat(200))).toHaveLength(80);
    expect(isSlug(slugify("Van idee naar coöperatie"))).toBe(true);
    expect(isSlug("../etc")).toBe(false);
    expect(isSlug("Hoofdletters")).toBe(false);
  });
});

describe("isHttpUrl", () => {
  it("accepts http(s) with a host only", () => {
    expect(isHttpUrl("https://example.org/scan")).toBe(true);
    expect(isHttpUrl("http://example.org")).toBe(true);
    expect(isHttpUrl("javascript:alert(1)")).toBe(false);
    expect(isHttpUrl("ftp://example.org")).toBe(false);
    expect(isHttpUrl("https://localhost")).toBe(false);
    expect(isHttpUrl("niet een adres")).toBe(false);
  });
});

describe("publishBlocker", () => {
  const base = { status: "draft" as const, kind: "story" as const, url: null, pendingApprovals: 0 };
  it("refuses while an approval is pending, and a tool without address", () => {
    expect(publishBlocker(base)).toBeNull();
    expect(publishBlocker({ ...base, pendingApprovals: 1 })).toBe("approval");
    expect(publishBlocker({ ...base, kind: "tool" })).toBe("url");
    expect(publishBlocker({ ...base, status: "published" })).toBe("published");
    expect(publishBlocker({ ...base, status: "unpublished" })).toBeNull();
  });
});

describe("tags", () => {
  it("index their labels in both languages", () => {
    const text = tagIndexText({
      themes: ["sustainability"],
      sectors: ["F"],
      lifePhases: [],
      sizeClasses: [],
    });
    expect(text).toContain("Duurzaamheid");
    expect(text).toContain("Sustainability");
    expect(text).toContain("Bouwnijverheid");
    expect(text).toContain(tagToken("themes", "sustainability"));
    expect(tagToken("sectors", "F")).toBe("kwsectorf");
    expect(tagToken("themes", "social_innovation")).toBe("kwthemesocialinnovation");
  });
  it("overlap counts a shared theme twice", () => {
    const a = {
      themes: ["finance", "growth"],
      sectors: ["C"],
      lifePhases: ["growing"],
      sizeClasses: [],
    };
    const b = { themes: ["growth"], sectors: ["C"], lifePhases: [], sizeClasses: ["small"] };
    expect(tagOverlap(a, b)).toBe(3);
  });
});
