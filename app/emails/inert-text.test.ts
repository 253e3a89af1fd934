import { describe, expect, it } from "vitest";
import { inertText } from "./inert-text";

/** Roughly what mail clients linkify: URLs with a scheme, www. hosts, bare domains, addresses. */
const LINK_LIKE =
  /[a-z][a-z0-9+.-]*:\/\/\S+|www\.\S+|[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}|\S+@\S+\.\S+/giu;

describe("inertText", () => {
  it.each([
    "Uw account is geblokkeerd, ga naar https://evil.example",
    "ga naar www.evil.example/herstel",
    "evil.example",
    "mail support@evil.example",
    "hxxps://evil.example",
    "https\uFF1A\uFF0F\uFF0Fevil\uFF0Eexample", // full-width look-alikes
    "https://evil\u3002example", // ideographic full stop, which browsers take as a dot
    "https://evil\u2024example", // one dot leader
    "https://evil.\u200Bexample", // a zero-width space that a client might drop
    "Jan\u202Eelpmaxe.live//:sptth", // a right-to-left override
    "Jan\nhttps://evil.example",
  ])("leaves nothing a mail client would link in %j", (name) => {
    const safe = inertText(name);
    expect(safe.match(LINK_LIKE)).toBeNull();
    expect(safe).not.toMatch(/[\n\r\u200B\u202E]/);
  });

  it.each([
    ["Sanne de Vries", "Sanne de Vries"],
    ["J. P. Balkenende", "J. P. Balkenende"],
    ["Kring Groei 2.0", "Kring Groei 2.0"],
    ["  Fatima   El Amrani ", "Fatima El Amrani"],
    ["Zoë Ørsted-Çelik", "Zoë Ørsted-Çelik"],
  ])("keeps an ordinary name as it is: %j", (name, expected) => {
    expect(inertText(name)).toBe(expected);
  });
});
