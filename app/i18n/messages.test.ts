import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { serverCatalogues } from "./catalogues.server";
import { getT } from "./index";
import { nl as nlCore } from "./nl";
import { nlAmbassadors } from "./nl-ambassadors";
import { nlKnowledge } from "./nl-knowledge";
import { nlMatching } from "./nl-matching";
import { nlMeetingTools } from "./nl-meeting-tools";
import { nlSupport } from "./nl-support";
import { nlMeetings } from "./nl-meetings";

// The whole catalogues, as the server has them (the core plus the meeting pages' messages).
const { nl, en } = serverCatalogues;

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

/**
 * A route file and every app module it imports, transitively (~/ and relative imports): the
 * components and form schemas whose strings can end up on its page in the browser.
 */
function importsOf(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = fs.readFileSync(file, "utf8");
    for (const m of source.matchAll(/from "((?:~\/|\.\.?\/)[^"]+)"/g)) {
      const spec = m[1]!;
      const base = spec.startsWith("~/")
        ? path.resolve("app", spec.slice(2))
        : path.resolve(path.dirname(file), spec);
      const found = [".tsx", ".ts", "/index.ts"].map((ext) => base + ext).find(fs.existsSync);
      // Server modules render on the server, which has every message; a form's schema is the
      // exception (its errors show in the browser). Permission names look like keys, and are not.
      const serverOnly = /\.server\.tsx?$/.test(found ?? "") && !found!.includes("/app/forms/");
      if (found && !serverOnly && !found.endsWith("domain/permissions.ts")) visit(found);
    }
  };
  visit(entry);
  return [...seen];
}

describe("message files", () => {
  it("have the same keys in Dutch and English, none empty", () => {
    expect(keys(en as unknown as Tree).sort()).toEqual(keys(nl as unknown as Tree).sort());
    for (const key of keys(nl as unknown as Tree)) {
      const value = key.split(".").reduce<unknown>((node, part) => (node as Tree)[part], nl);
      expect(String(value).trim(), key).not.toBe("");
    }
  });

  it("give every page the keys it uses from the core and the parts its handle names", () => {
    // In the browser a page has the core (nl.ts) and the parts its route's handle names
    // (message-parts.ts) and nothing else: what it and the components it imports show must be
    // there. (The server has everything, so a missing part would only show in the browser.)
    const partKeys: Record<string, string[]> = {
      meetings: keys(nlMeetings as unknown as Tree),
      meetingTools: keys(nlMeetingTools as unknown as Tree),
      ambassadors: keys(nlAmbassadors as unknown as Tree),
      knowledge: keys(nlKnowledge as unknown as Tree),
      support: keys(nlSupport as unknown as Tree),
      matching: keys(nlMatching as unknown as Tree),
    };
    const strip = (k: string) => k.replace(/_(one|other)$/, "");
    const inParts = new Set(Object.values(partKeys).flat().map(strip));
    const routes = path.resolve("app/routes");
    const missing: string[] = [];
    for (const name of fs.readdirSync(routes)) {
      const text = fs.readFileSync(path.join(routes, name), "utf8");
      const declared = /messages: \[([^\]]*)\]/.exec(text)?.[1] ?? "";
      const parts = [...declared.matchAll(/"([a-zA-Z]+)"/g)].map((m) => m[1]!);
      const available = [
        ...keys(nlCore as unknown as Tree),
        ...parts.flatMap((part) => partKeys[part] ?? []),
      ].map(strip);
      // A template literal's fixed start (`meeting.state.${state}`) must begin some key.
      const has = (key: string, template: boolean) =>
        template ? available.some((k) => k.startsWith(key)) : available.includes(key);
      for (const file of importsOf(path.join(routes, name))) {
        const source = fs.readFileSync(file, "utf8");
        const where = `${name} via ${path.relative("app", file)}`;
        // Any string that is a key of a part (a t() call, a form's error, a toast's key) …
        for (const m of source.matchAll(/"([a-zA-Z]+\.[a-zA-Z0-9.]+)(?:\|\d+)?"/g))
          if (inParts.has(strip(m[1]!)) && !has(m[1]!, false)) missing.push(`${where}: ${m[1]}`);
        // … and the fixed start of a template literal that only parts' keys begin with.
        for (const m of source.matchAll(/`([a-zA-Z]+\.[a-zA-Z0-9.]*)\$\{/g))
          if ([...inParts].some((k) => k.startsWith(m[1]!)) && !has(m[1]!, true))
            missing.push(`${where}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
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
