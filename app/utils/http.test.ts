import { describe, expect, it } from "vitest";
import { safeRedirect } from "./http.server";
import { OPEN_REDIRECT_CORPUS } from "../../tests/open-redirect-corpus";

describe("safeRedirect", () => {
  it.each([
    ["/settings", "/settings"],
    ["/circles/12?tab=members#top", "/circles/12?tab=members#top"],
    ["/login?redirectTo=%2Fsettings", "/login?redirectTo=%2Fsettings"],
    // Normalised by the URL parser, so the Location header is always plain ASCII.
    ["/a/../settings", "/settings"],
    ["/kring €", "/kring%20%E2%82%AC"],
  ])("keeps the same-site path %j", (target, expected) => {
    expect(safeRedirect(target)).toBe(expected);
  });

  it.each(OPEN_REDIRECT_CORPUS)("refuses %j", (target) => {
    expect(safeRedirect(target)).toBe("/dashboard");
    expect(safeRedirect(target, "/")).toBe("/");
  });

  it("refuses what is not a string", () => {
    expect(safeRedirect(null)).toBe("/dashboard");
    expect(safeRedirect(undefined)).toBe("/dashboard");
    expect(safeRedirect(new Blob(["/settings"]) as unknown as FormDataEntryValue)).toBe(
      "/dashboard",
    );
  });

  it("never returns a value a Location header cannot hold", () => {
    for (const target of [...OPEN_REDIRECT_CORPUS, "/é", "/€", "/ok\u2028"]) {
      expect(() => new Headers({ Location: safeRedirect(target) })).not.toThrow();
    }
  });
});
