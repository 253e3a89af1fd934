import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./origin";

const host = "kringwijs.nl";

describe("isSameOriginRequest (CSRF)", () => {
  it("lets safe methods through", () => {
    expect(
      isSameOriginRequest({ method: "GET", host, headers: { origin: "https://evil.example" } }),
    ).toBe(true);
  });
  it("trusts Sec-Fetch-Site when the browser sends it", () => {
    expect(
      isSameOriginRequest({ method: "POST", host, headers: { "sec-fetch-site": "same-origin" } }),
    ).toBe(true);
    expect(
      isSameOriginRequest({
        method: "POST",
        host,
        headers: { "sec-fetch-site": "same-site", origin: `https://${host}` },
      }),
    ).toBe(false);
    expect(
      isSameOriginRequest({ method: "POST", host, headers: { "sec-fetch-site": "cross-site" } }),
    ).toBe(false);
  });
  it("falls back to comparing Origin with Host", () => {
    expect(
      isSameOriginRequest({ method: "POST", host, headers: { origin: `https://${host}` } }),
    ).toBe(true);
    expect(
      isSameOriginRequest({ method: "DELETE", host, headers: { origin: "https://evil.example" } }),
    ).toBe(false);
    expect(isSameOriginRequest({ method: "POST", host, headers: { origin: "null" } })).toBe(false);
    expect(isSameOriginRequest({ method: "POST", host, headers: { origin: "not a url" } })).toBe(
      false,
    );
  });
  it("lets mail clients post to the token-authenticated unsubscribe link (RFC 8058)", () => {
    expect(isSameOriginRequest({ method: "POST", host, path: "/unsubscribe", headers: {} })).toBe(
      true,
    );
    expect(isSameOriginRequest({ method: "POST", host, path: "/settings", headers: {} })).toBe(
      false,
    );
  });
  it("refuses a state change that carries neither header", () => {
    expect(isSameOriginRequest({ method: "POST", host, headers: {} })).toBe(false);
  });
});
