import { describe, expect, it } from "vitest";
import { hashPassword, isCommonPassword, verifyPassword } from "./password.server";

describe("passwords", () => {
  it("hashes with argon2id and verifies", async () => {
    const hash = await hashPassword("een lange zin als wachtwoord");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "een lange zin als wachtwoord")).toBe(true);
    expect(await verifyPassword(hash, "een andere zin")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });
  it("recognises common passwords, repeats and keyboard runs", () => {
    expect(isCommonPassword("password123")).toBe(true);
    expect(isCommonPassword("Qwertyuiop")).toBe(true);
    expect(isCommonPassword("wachtwoord123")).toBe(true);
    expect(isCommonPassword("aaaaaaaaaaaa")).toBe(true);
    expect(isCommonPassword("1234567890")).toBe(true);
    expect(isCommonPassword("fietsen langs de Vecht")).toBe(false);
  });
});
