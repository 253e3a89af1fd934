import { closeDb, getDb, migrateDatabase } from "../app/utils/db.server";
import { getEnv } from "../app/utils/env.server";

migrateDatabase(getDb());
console.log(`Database migrated: ${getEnv().DATABASE_PATH}`);
closeDb();
