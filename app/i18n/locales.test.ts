import { describe, expect, it } from "vitest";
import { formatDateTime, formatNumber } from "./format";
import { matchAcceptLanguage } from "./locales";

describe("matchAcceptLanguage", () => {
  it("picks the highest-quality supported language", () => {
    expect(matchAcceptLanguage("de-DE,de;q=0.9,en;q=0.8,nl;q=0.7")).toBe("en");
    expect(matchAcceptLanguage("nl-BE,nl;q=0.9")).toBe("nl");
    expect(matchAcceptLanguage("en-GB;q=0.5, nl;q=0.6")).toBe("nl");
  });
  it("returns null for unsupported or empty headers", () => {
    expect(matchAcceptLanguage("fr-FR,de")).toBeNull();
    expect(matchAcceptLanguage("")).toBeNull();
    expect(matchAcceptLanguage(undefined)).toBeNull();
    expect(matchAcceptLanguage("en;q=0")).toBeNull();
  });
});

describe("formatting", () => {
  it("shows times in Europe/Amsterdam, whatever the machine's zone", () => {
    // 18:30 UTC on 1 July is 20:30 in Amsterdam (summer time); in January it is 19:30.
    expect(formatDateTime("2027-07-01T18:30:00Z", "nl", { timeStyle: "short" })).toBe("20:30");
    expect(formatDateTime("2027-01-15T18:30:00Z", "en", { timeStyle: "short" })).toBe("19:30");
    expect(formatDateTime("2027-07-01T18:30:00Z", "nl", { dateStyle: "long" })).toBe("1 juli 2027");
  });
  it("formats numbers per locale", () => {
    expect(formatNumber(1775.5, "nl")).toBe("1.775,5");
    expect(formatNumber(1775.5, "en")).toBe("1,775.5");
  });
});
