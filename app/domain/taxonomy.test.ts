import { describe, expect, it } from "vitest";
import {
  dayPartCodes,
  isDivisionOf,
  isValidKvkNumber,
  label,
  lifePhases,
  provinceCodes,
  sectorCodes,
  sectors,
  sizeClassFor,
  suggestLifePhase,
  themeCodes,
} from "./taxonomy";

describe("taxonomy", () => {
  it("has the SBI sections A to S, twelve provinces and ten themes", () => {
    expect(sectorCodes.join("")).toBe("ABCDEFGHIJKLMNOPQRS");
    expect(provinceCodes).toHaveLength(12);
    expect(themeCodes).toHaveLength(10);
    expect(dayPartCodes.slice(0, 2)).toEqual(["evening", "early_morning"]);
  });

  it("derives the size class from employees and refuses large companies", () => {
    expect(sizeClassFor(0)).toBe("solo");
    expect(sizeClassFor(1)).toBe("micro");
    expect(sizeClassFor(9)).toBe("micro");
    expect(sizeClassFor(10)).toBe("small");
    expect(sizeClassFor(49)).toBe("small");
    expect(sizeClassFor(50)).toBe("medium");
    expect(sizeClassFor(249)).toBe("medium");
    expect(sizeClassFor(250)).toBeNull();
    expect(sizeClassFor(-1)).toBeNull();
    expect(sizeClassFor(2.5)).toBeNull();
  });

  it("checks that an SBI division belongs to its section", () => {
    expect(isDivisionOf("C", "25")).toBe(true);
    expect(isDivisionOf("C", "41")).toBe(false);
    expect(isDivisionOf("F", "43")).toBe(true);
    expect(isDivisionOf("I", "5")).toBe(false);
  });

  it("validates KvK numbers as exactly 8 digits", () => {
    expect(isValidKvkNumber("12345678")).toBe(true);
    expect(isValidKvkNumber("1234567")).toBe(false);
    expect(isValidKvkNumber("1234567a")).toBe(false);
    expect(isValidKvkNumber("123456789")).toBe(false);
  });

  it("suggests a life phase from the founding year", () => {
    expect(suggestLifePhase(2025, 2027)).toBe("starting");
    expect(suggestLifePhase(2010, 2027)).toBe("established");
  });

  it("labels codes in both languages", () => {
    expect(label(sectors, "F", "nl")).toBe("Bouwnijverheid");
    expect(label(lifePhases, "succession", "en")).toBe("Succession (handing over or taking over)");
    expect(label(sectors, "Z", "nl")).toBe("");
  });
});
