import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const configModule = path.join(import.meta.dirname, "zod-config.ts");

/** `z.config().jitless` in a fresh Node process that imports the modules in this order. */
function jitlessAfterImporting(order: string[]) {
  const script = `${order.map((m, i) => `const m${i} = await import(${JSON.stringify(m)});`).join("")}
    const { z } = await import("zod");
    process.stdout.write(String(z.config().jitless));`;
  return execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    encoding: "utf8",
  });
}

// zod-config.ts sets zod's option through the global object zod reads; these fail if a zod
// upgrade stops reading it (then the browser would probe `new Function` and break the CSP).
describe("zod-config", () => {
  it("is seen by zod loaded after it (the browser's order: the root comes first)", () => {
    expect(jitlessAfterImporting([configModule, "zod"])).toBe("true");
  });

  it("is seen by zod loaded before it", () => {
    expect(jitlessAfterImporting(["zod", configModule])).toBe("true");
  });

  it("is needed: zod alone compiles validators", () => {
    expect(jitlessAfterImporting(["zod"])).not.toBe("true");
  });
});
