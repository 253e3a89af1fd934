import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "../../db/schema";
import { getEnv } from "./env.server";
import { forgetSingleton, singleton } from "./singleton.server";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

// npm scripts, the server and the tests all run from the repository root.
const MIGRATIONS_FOLDER = path.resolve("db/migrations");

export function openDatabase(file: string): DB {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // FULL: every commit is on disk before the app says "saved" (NORMAL in WAL mode can lose the
  // last commits on power loss). Measured with `npm run bench:durability`: about 0.25 ms more per
  // commit and still ~750-1,000 commits/s on a shared VM disk, far above what people can submit.
  sqlite.pragma("synchronous = FULL");
  return drizzle(sqlite, { schema }) as DB;
}

export function migrateDatabase(db: DB) {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

/** The one connection of this process. */
export function getDb(): DB {
  return singleton("db", () => openDatabase(getEnv().DATABASE_PATH));
}

export function closeDb() {
  const store = globalThis as unknown as { __kringwijs?: Map<string, unknown> };
  const db = store.__kringwijs?.get("db") as DB | undefined;
  if (db) {
    db.$client.close();
    forgetSingleton("db");
  }
}

export { schema };
