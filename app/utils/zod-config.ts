/**
 * zod 4 probes `new Function` to compile validators, which our CSP (no 'unsafe-eval') reports as
 * a violation in the browser. `jitless` must be set before the first schema is built, so root.tsx
 * imports this module (the root is evaluated before any route module), and so does validation.ts.
 *
 * It sets the option on zod's global config object, which zod keeps on `globalThis` (shared by
 * every copy of zod, created by whichever loads first) instead of calling `z.config()`: importing
 * zod here, even only `zod/v4/core`, would put all of zod into the root chunk, which every page
 * loads, also pages without a form. zod-config.test.ts checks that zod sees the setting.
 */
type ZodGlobal = typeof globalThis & { __zod_globalConfig?: { jitless?: boolean } };

const zodGlobal = globalThis as ZodGlobal;
zodGlobal.__zod_globalConfig ??= {};
zodGlobal.__zod_globalConfig.jitless = true;

export {};
