/**
 * `npm run db:backup`: a consistent copy of the database while the server runs, into BACKUP_DIR,
 * keeping the newest BACKUP_KEEP copies. Meant for cron; exits non-zero when the backup failed.
 */
import { createBackup } from "../app/utils/backup.server";
import { getEnv } from "../app/utils/env.server";

const env = getEnv();
try {
  const result = createBackup({
    databasePath: env.DATABASE_PATH,
    dir: env.BACKUP_DIR,
    keep: env.BACKUP_KEEP,
  });
  console.log(
    `Backup written: ${result.file} (${(result.bytes / 1024).toFixed(0)} KiB, ${result.ms} ms)`,
  );
  for (const old of result.removed) console.log(`Old backup removed: ${old}`);
} catch (error) {
  console.error("Backup failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
