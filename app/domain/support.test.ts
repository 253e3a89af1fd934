import { describe, expect, it } from "vitest";
import { rankForReferral, referralScore, servesProvince, servesTheme } from "./support";

const national = { name: "Landelijk fonds", provinces: [], themes: ["finance"] };
const overijssel = { name: "Loket Overijssel", provinces: ["OV"], themes: ["digitalisation"] };
const brabant = { name: "Hub Brabant", provinces: ["NB"], themes: ["finance", "growth"] };

describe("the wegwijzer's rules", () => {
  it("counts a national organisation for every province", () => {
    expect(servesProvince(national, "GR")).toBe(true);
    expect(servesProvince(overijssel, "OV")).toBe(true);
    expect(servesProvince(overijssel, "NB")).toBe(false);
    expect(servesProvince(overijssel, null)).toBe(true);
  });

  it("matches a theme, and no theme matches all", () => {
    expect(servesTheme(brabant, "growth")).toBe(true);
    expect(servesTheme(brabant, "people")).toBe(false);
    expect(servesTheme(brabant, "")).toBe(true);
    expect(servesTheme({ provinces: [], themes: [] }, "people")).toBe(true);
  });

  it("scores the own province above national above elsewhere, plus shared themes", () => {
    const want = { themes: ["finance"], province: "NB" };
    expect(referralScore(brabant, want)).toBeGreaterThan(referralScore(national, want));
    expect(referralScore(national, want)).toBeGreaterThan(referralScore(overijssel, want));
  });

  it("puts suggestions first and leaves nobody out", () => {
    const ranked = rankForReferral([overijssel, national, brabant], {
      themes: ["finance"],
      province: "NB",
    });
    expect(ranked.map((o) => o.name)).toEqual([
      "Hub Brabant",
      "Landelijk fonds",
      "Loket Overijssel",
    ]);
    expect(ranked.map((o) => o.suggested)).toEqual([true, true, false]);
  });
});
