/**
 * Online backups of the SQLite database. `VACUUM INTO` copies the database inside one read
 * transaction: in WAL mode that is a consistent snapshot, taken while the server keeps reading
 * and writing (writers are not blocked, and nothing written after the snapshot began is in it).
 * The copy is written under a temporary name, checked, and only then renamed, so a file with a
 * backup's name is always a complete, sound database. Old backups are pruned after a good one.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const PREFIX = "kringwijs-";
const SUFFIX = ".db";
// An ISO time with ':' and '.' replaced, so names sort by time and are valid on every filesystem.
const NAME = /^kringwijs-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.db$/;

export function backupFileName(now: Date) {
  return `${PREFIX}${now.toISOString().replace(/[:.]/g, "-")}${SUFFIX}`;
}

/** The backups in `dir`, oldest first. Other files there are left alone. */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => NAME.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

export type BackupResult = { file: string; bytes: number; ms: number; removed: string[] };

export function createBackup(input: {
  databasePath: string;
  dir: string;
  keep: number;
  now?: Date;
}): BackupResult {
  const started = Date.now();
  // A backup holds password, session and token hashes: only the server's own user may read it.
  fs.mkdirSync(input.dir, { recursive: true, mode: 0o700 });
  const file = path.join(input.dir, backupFileName(input.now ?? new Date()));
  if (fs.existsSync(file)) throw new Error(`A backup named ${file} already exists`);
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });

  // Never creates a database: a wrong path must fail, not back up an empty file.
  const source = new Database(input.databasePath, { fileMustExist: true });
  try {
    // The server may hold the write lock for a moment; wait for it rather than fail.
    source.pragma("busy_timeout = 10000");
    source.prepare("VACUUM INTO ?").run(partial);
  } finally {
    source.close();
  }

  try {
    const copy = new Database(partial, { fileMustExist: true });
    try {
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new Error(`The copy failed its integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
    fs.chmodSync(partial, 0o600);
    // The data must be on disk before the name says "backup".
    const fd = fs.openSync(partial, "r");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, file);
    // And the new name must be on disk too.
    const dirFd = fs.openSync(input.dir, "r");
    try {
      fs.fsyncSync(dirFd);
    } finally {
      fs.closeSync(dirFd);
    }
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }

  const all = listBackups(input.dir);
  const removed = all.slice(0, Math.max(0, all.length - input.keep));
  for (const old of removed) fs.rmSync(old, { force: true });
  return { file, bytes: fs.statSync(file).size, ms: Date.now() - started, removed };
}
