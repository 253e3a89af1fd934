import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { getT } from "./index";
import { nl } from "./nl";

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("message files", () => {
  it("have the same keys in Dutch and English, none empty", () => {
    expect(keys(en as unknown as Tree).sort()).toEqual(keys(nl as unknown as Tree).sort());
    for (const key of keys(nl as unknown as Tree)) {
      const value = key.split(".").reduce<unknown>((node, part) => (node as Tree)[part], nl);
      expect(String(value).trim(), key).not.toBe("");
    }
  });

  it("contain every literal key the code uses", () => {
    const known = new Set(keys(nl as unknown as Tree).map((k) => k.replace(/_(one|other)$/, "")));
    const used = new Set<string>();
    for (const file of sourceFiles(path.resolve("app"))) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\("([a-zA-Z0-9]+\.[a-zA-Z0-9.]+)"/g)) used.add(m[1]!);
      for (const m of text.matchAll(
        /(?:key|message|formErrors): \[?"((?:validation|auth|login|reset|admin|settings|verify|logout)\.[a-zA-Z]+)/g,
      ))
        used.add(m[1]!);
      for (const m of text.matchAll(/"(validation\.[a-zA-Z]+)(?:\|\d+)?"/g)) used.add(m[1]!);
    }
    const missing = [...used].filter((k) => !known.has(k));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(40);
  });

  it("interpolates plurals and nested role names", () => {
    expect(getT("nl")("validation.tooLong", { count: 100 })).toBe("Gebruik maximaal 100 tekens.");
    expect(getT("en")("auth.tooManyAttempts", { count: 1 })).toBe(
      "Too many attempts. Try again in 1 minute.",
    );
    expect(getT("nl")("admin.granted", { role: "coach" })).toBe("De rol Begeleider is toegekend.");
    expect(getT("en")("admin.revoked", { role: "organiser" })).toBe(
      "The role Organiser has been revoked.",
    );
  });
});
