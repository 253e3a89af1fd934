import fs from "node:fs";
import { z } from "zod";

/**
 * Every environment variable the server reads, validated once at boot so a misconfigured
 * deployment fails fast instead of at the first request that needs the value.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_PATH: z.string().min(1).default("data/kringwijs.db"),
  OUTBOX_DIR: z.string().min(1).default("data/outbox"),
  APP_URL: z.url().optional(),
  SESSION_SECRET: z.string().min(16).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Kringwijs <noreply@kringwijs.nl>"),
  /** How often the mail worker looks for e-mails to send and digests to build. */
  MAIL_WORKER_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  /** Immediate notification mails wait this long, so nothing is mailed that was already seen in the app. */
  NOTIFY_EMAIL_DELAY_SECONDS: z.coerce.number().int().min(0).default(60),
  /** How many posts one person may write in a minute (threads and replies together). */
  POSTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(6),
  /** Where `npm run db:backup` writes its copies; keep it on another disk, or copy it off the machine. */
  BACKUP_DIR: z.string().min(1).default("data/backups"),
  /** How many backups `npm run db:backup` keeps; older ones are deleted after a good new one. */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
  /** The request log's level; `silent` turns it off. Defaults to info, and to silent in tests. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  /**
   * Which proxies to believe about the client's address (Express's "trust proxy"): `false`,
   * a number of proxy hops, or a comma-separated list of proxy addresses or subnets. `true`
   * means one hop, never "trust every hop": then the left-most X-Forwarded-For entry, which the
   * client writes itself, would become its address and every rate limit could be dodged.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default("false")
    .refine(
      (v) =>
        /^(true|false|[1-9]|10)$/.test(v) ||
        /^[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*$/.test(v) ||
        /^(loopback|linklocal|uniquelocal)(\s*,\s*[a-z0-9.:/]+)*$/.test(v),
      "false, true (one hop), a number of hops (1-10) or a list of proxy addresses",
    )
    .transform((v): false | number | string =>
      v === "false" ? false : v === "true" ? 1 : /^\d+$/.test(v) ? Number(v) : v,
    ),
});

export type Env = Omit<z.infer<typeof schema>, "LOG_LEVEL"> & {
  SESSION_SECRET: string;
  LOG_LEVEL: NonNullable<z.infer<typeof schema>["LOG_LEVEL"]>;
};

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  // `npm run setup` writes a git-ignored .env with a generated SESSION_SECRET; real variables win.
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  const env = parsed.data;
  if (!env.SESSION_SECRET && env.NODE_ENV === "production") {
    throw new Error("SESSION_SECRET must be set in production (at least 16 characters).");
  }
  cached = {
    ...env,
    // Outside production a fixed development secret keeps flash cookies working across restarts.
    SESSION_SECRET: env.SESSION_SECRET ?? "kringwijs-development-secret-not-for-production",
    LOG_LEVEL: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
  };
  return cached;
}

/** The app's own base URL: configured, never taken from a request's Host header. */
export function appBaseUrl(): string {
  const env = getEnv();
  return env.APP_URL ?? `http://localhost:${env.PORT}`;
}

/** Drops the cached value; tests that change process.env call this. */
export function resetEnvCache() {
  cached = undefined;
}
