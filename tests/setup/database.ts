/**
 * Every test file gets its own fresh SQLite file (and outbox folder), migrated like production.
 * No database mocks: loaders, actions and models run against the real schema.
 */
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { afterAll } from "vitest";
import { closeDb, getDb, migrateDatabase } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { settleMatchingWorkers } from "~/server/matching-runner.server";

const dir = path.resolve("tests/.tmp", `${process.pid}-${crypto.randomUUID()}`);
fs.mkdirSync(dir, { recursive: true });
closeDb();
process.env.NODE_ENV = "test";
process.env.DATABASE_PATH = path.join(dir, "test.db");
process.env.OUTBOX_DIR = path.join(dir, "outbox");
process.env.APP_URL = "http://localhost:3000";
// Notification mails go out at once in tests; the delay itself is tested with a simulated clock.
process.env.NOTIFY_EMAIL_DELAY_SECONDS = "0";
delete process.env.SMTP_URL;
resetEnvCache();
migrateDatabase(getDb());

afterAll(async () => {
  // Matching runs work in worker threads; let them end before the database goes.
  await settleMatchingWorkers();
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});
