import { describe, expect, it } from "vitest";
import { addDays, fromAmsterdam, isDate, toAmsterdam } from "./meeting-time";

describe("meeting time in Europe/Amsterdam", () => {
  it("stores 19:00 on the last Sunday of March (summer time, UTC+2) as 17:00 UTC", () => {
    const instant = fromAmsterdam("2027-03-28", "19:00")!;
    expect(instant.toISOString()).toBe("2027-03-28T17:00:00.000Z");
    expect(toAmsterdam(instant)).toEqual({ date: "2027-03-28", time: "19:00" });
  });

  it("stores 19:00 on the last Sunday of October (winter time, UTC+1) as 18:00 UTC", () => {
    const instant = fromAmsterdam("2027-10-31", "19:00")!;
    expect(instant.toISOString()).toBe("2027-10-31T18:00:00.000Z");
    expect(toAmsterdam(instant)).toEqual({ date: "2027-10-31", time: "19:00" });
  });

  it("refuses the hour that does not exist when summer time starts", () => {
    expect(fromAmsterdam("2027-03-28", "02:30")).toBeNull();
    expect(fromAmsterdam("2027-03-28", "03:00")!.toISOString()).toBe("2027-03-28T01:00:00.000Z");
  });

  it("takes the first of the hour that happens twice when summer time ends", () => {
    expect(fromAmsterdam("2027-10-31", "02:30")!.toISOString()).toBe("2027-10-31T00:30:00.000Z");
  });

  it("rejects dates and times that do not exist", () => {
    expect(fromAmsterdam("2027-02-30", "19:00")).toBeNull();
    expect(fromAmsterdam("2027-02-10", "24:00")).toBeNull();
    expect(isDate("2028-02-29")).toBe(true);
    expect(isDate("2027-02-29")).toBe(false);
  });

  it("adds days across a month end", () => {
    expect(addDays("2027-01-31", 1)).toBe("2027-02-01");
  });
});
