import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../db/schema";
import { applyToCircle } from "~/models/memberships.server";
import { createUser } from "~/models/users.server";
import { backupFileName, createBackup, listBackups } from "~/utils/backup.server";
import { getDb, migrateDatabase, openDatabase } from "~/utils/db.server";
import { getEnv, resetEnvCache } from "~/utils/env.server";
import { makeCircle, makeUser } from "./helpers";

const databasePath = () => process.env.DATABASE_PATH!;
const scratch = (name: string) => {
  const dir = path.join(path.dirname(databasePath()), name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};

/** Runs `npm run db:backup`'s script as its own process, as cron would while the server runs. */
function runBackupScript(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/backup.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on("exit", (code) => resolve({ code, output })),
  );
}

/** Every row of every table, in a fixed order (rowids may change in a VACUUM, so not by rowid). */
function dump(db: Database.Database, skip: Record<string, string> = {}) {
  const tables = db
    .prepare("select name, sql from sqlite_master where type = 'table' order by name")
    .all() as Array<{ name: string; sql: string }>;
  return Object.fromEntries(
    tables.map(({ name, sql }) => {
      const columns = db.prepare(`select * from "${name}" limit 0`).columns().length;
      const order = Array.from({ length: columns }, (_, i) => i + 1).join(", ");
      const where = skip[name] ? `where not (${skip[name]})` : "";
      const rows = db.prepare(`select * from "${name}" ${where} order by ${order}`).all();
      return [name, { sql, rows }];
    }),
  );
}

describe("npm run db:backup", () => {
  it("copies a consistent snapshot while another connection keeps writing, and the copy restores to the same data", async () => {
    // Data in many tables: people, a programme with a circle and coach, an application
    // (membership, notification, outbox), and enough audit rows that the copy takes a while.
    const { id: circleId, coach } = await makeCircle();
    const applicant = await makeUser();
    applyToCircle({
      userId: applicant.id,
      circleId,
      motivation: "Ik wil graag meedoen.",
      coachIds: [coach.id],
    });
    const bulk = Array.from({ length: 500 }, (_, i) => ({
      actorId: applicant.id,
      action: "test.filler",
      subjectType: "user",
      subjectId: applicant.id,
      details: { i, text: "x".repeat(300) },
    }));
    for (let n = 0; n < 16; n++) getDb().insert(auditEvents).values(bulk).run();

    // A writer makes accounts (user, role and audit row in one transaction) all along, about
    // one a millisecond, as a busy server would.
    const hash = "not-a-real-hash";
    const created: number[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const id = await createUser({
          name: `Gelijktijdig ${i}`,
          email: `gelijktijdig-${i}@example.nl`,
          password: { hash },
          roles: ["entrepreneur"],
        });
        created.push(id!);
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    const dir = scratch("backups");
    const result = await runBackupScript({ BACKUP_DIR: dir, BACKUP_KEEP: "3" });
    writing = false;
    await writer;
    expect(result.output).toMatch(/^Backup written: .*kringwijs-.*\.db \(\d+ KiB, \d+ ms\)\n$/);
    expect(result.code).toBe(0);
    const [backup] = listBackups(dir);
    expect(backup).toBeDefined();
    expect(fs.readdirSync(dir)).toEqual([path.basename(backup!)]);

    // Restore as the README says: the backup file becomes the database file of a fresh start.
    const restoredPath = path.join(scratch("restore"), "kringwijs.db");
    fs.copyFileSync(backup!, restoredPath);
    const restored = openDatabase(restoredPath);
    migrateDatabase(restored);

    // The snapshot holds the writer's first k accounts, each whole, and none after.
    const inCopy = new Set(
      (restored.$client.prepare("select id from user").all() as Array<{ id: number }>).map(
        (r) => r.id,
      ),
    );
    const k = created.filter((id) => inCopy.has(id)).length;
    expect(created.slice(0, k).every((id) => inCopy.has(id))).toBe(true);
    expect(k).toBeGreaterThan(0);
    expect(k).toBeLessThan(created.length);

    // Every table is equal to the live database, once the accounts made after the snapshot are set aside.
    const late = created.slice(k).join(", ");
    const afterSnapshot = {
      user: `id in (${late})`,
      user_role: `user_id in (${late})`,
      audit_event: `action = 'user.created' and subject_id in (${late})`,
      // The autoincrement counters of the written tables moved on; they are checked below.
      sqlite_sequence: `name in ('user', 'audit_event')`,
    };
    const live = dump(getDb().$client, afterSnapshot);
    const copy = dump(restored.$client, { sqlite_sequence: afterSnapshot.sqlite_sequence });
    expect(Object.keys(copy)).toEqual(Object.keys(live));
    expect(Object.keys(copy)).toEqual(
      expect.arrayContaining(["user", "circle", "membership", "notification", "email_outbox"]),
    );
    for (const table of Object.keys(live)) expect(copy[table], table).toEqual(live[table]);
    expect((copy.membership!.rows as unknown[]).length).toBe(1);
    // The copy's counters match its own rows, so new ids after a restore do not collide.
    for (const table of ["user", "audit_event"])
      expect(
        restored.$client
          .prepare(
            `select (select seq from sqlite_sequence where name = ?) = (select max(id) from "${table}")`,
          )
          .pluck()
          .get(table),
        table,
      ).toBe(1);
    expect(restored.$client.pragma("integrity_check", { simple: true })).toBe("ok");
    restored.$client.close();
  });

  it("names backups by time and keeps only the newest BACKUP_KEEP, leaving other files alone", () => {
    const dir = scratch("keep");
    fs.writeFileSync(path.join(dir, "notes.txt"), "niet weggooien");
    const times = [
      "2027-01-01T03:00:00.000Z",
      "2027-01-02T03:00:00.000Z",
      "2027-01-03T03:00:00.000Z",
    ];
    const results = times.map((t) =>
      createBackup({ databasePath: databasePath(), dir, keep: 2, now: new Date(t) }),
    );
    expect(results.map((r) => path.basename(r.file))).toEqual([
      "kringwijs-2027-01-01T03-00-00-000Z.db",
      "kringwijs-2027-01-02T03-00-00-000Z.db",
      "kringwijs-2027-01-03T03-00-00-000Z.db",
    ]);
    expect(results[2]!.removed).toEqual([results[0]!.file]);
    expect(fs.readdirSync(dir).sort()).toEqual([
      "kringwijs-2027-01-02T03-00-00-000Z.db",
      "kringwijs-2027-01-03T03-00-00-000Z.db",
      "notes.txt",
    ]);
    expect(backupFileName(new Date(times[0]!))).toBe("kringwijs-2027-01-01T03-00-00-000Z.db");
  });

  it("keeps backups readable by the server's own user only", () => {
    const dir = path.join(scratch("modes"), "backups");
    const { file } = createBackup({ databasePath: databasePath(), dir, keep: 1 });
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it("fails without leaving a file when the database does not exist", async () => {
    const dir = scratch("missing");
    const result = await runBackupScript({
      BACKUP_DIR: dir,
      DATABASE_PATH: path.join(dir, "bestaat-niet.db"),
    });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/^Backup failed: /);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("refuses a BACKUP_KEEP that is not a whole number of at least 1", () => {
    const before = process.env.BACKUP_KEEP;
    try {
      for (const bad of ["0", "-1", "twee", "1.5"]) {
        process.env.BACKUP_KEEP = bad;
        resetEnvCache();
        expect(() => getEnv(), bad).toThrow(/BACKUP_KEEP/);
      }
      process.env.BACKUP_KEEP = "7";
      resetEnvCache();
      expect(getEnv().BACKUP_KEEP).toBe(7);
    } finally {
      if (before === undefined) delete process.env.BACKUP_KEEP;
      else process.env.BACKUP_KEEP = before;
      resetEnvCache();
    }
  });
});
