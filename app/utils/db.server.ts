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
  cacheStatements(sqlite);
  return drizzle(sqlite, { schema }) as DB;
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * drizzle asks SQLite to compile every query again on every call; for a page's few queries that
 * was ~5 % of its CPU time. The connection keeps its compiled statements by SQL text instead
 * (the least recently added go first past 500, for SQL built with varying IN lists). drizzle
 * switches some statements to raw (array) rows and assumes the others are not, so a reused one
 * is switched back before it is handed out again. Nothing here iterates a statement (a busy
 * statement could not be reused).
 */
function cacheStatements(sqlite: Database.Database) {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement) {
      if (statement.reader) statement.raw(false);
      return statement;
    }
    statement = prepare(source);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(source, statement);
    return statement;
  }) as Database.Database["prepare"];
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
