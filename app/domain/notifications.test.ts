import { describe, expect, it } from "vitest";
import {
  amsterdamToUtc,
  categoryOf,
  defaultChannels,
  lastDigestSlot,
  stillVisible,
} from "./notifications";

describe("notification catalogue", () => {
  it("puts every type in a category with a default channel", () => {
    expect(categoryOf("post.mention")).toBe("mentions");
    expect(defaultChannels[categoryOf("post.mention")]).toBe("immediate");
    expect(defaultChannels[categoryOf("meeting.created")]).toBe("immediate");
    expect(defaultChannels[categoryOf("thread.created")]).toBe("digest");
  });
  it("hides links to private circle pages from people who are no longer members", () => {
    expect(stillVisible("circle_private", { member: false, related: true })).toBe(false);
    expect(stillVisible("circle_private", { member: true, related: true })).toBe(true);
    expect(stillVisible("circle_summary", { member: false, related: true })).toBe(true);
    expect(stillVisible("own", { member: false, related: false })).toBe(true);
  });
});

describe("digest schedule in Europe/Amsterdam", () => {
  it("converts wall-clock hours in summer and winter", () => {
    expect(amsterdamToUtc(2027, 7, 1, 8).toISOString()).toBe("2027-07-01T06:00:00.000Z");
    expect(amsterdamToUtc(2027, 1, 15, 8).toISOString()).toBe("2027-01-15T07:00:00.000Z");
  });
  it("finds the latest digest moment at or before now", () => {
    expect(lastDigestSlot(new Date("2027-07-01T06:30:00Z"), 8).toISOString()).toBe(
      "2027-07-01T06:00:00.000Z",
    );
    expect(lastDigestSlot(new Date("2027-07-01T05:59:00Z"), 8).toISOString()).toBe(
      "2027-06-30T06:00:00.000Z",
    );
    expect(lastDigestSlot(new Date("2027-01-01T00:30:00Z"), 8).toISOString()).toBe(
      "2026-12-31T07:00:00.000Z",
    );
  });
});
