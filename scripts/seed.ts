import { DEMO_PASSWORD, seed } from "../db/seed";
import { closeDb, getDb, migrateDatabase } from "../app/utils/db.server";

migrateDatabase(getDb());
await seed(console.log);
closeDb();
console.log(`
Demo logins (password for all: ${DEMO_PASSWORD})
  organisator@kringwijs.test   organiser
  coach@kringwijs.test         coach
  ambassadeur@kringwijs.test   ambassador and entrepreneur
  ondernemer@kringwijs.test    entrepreneur
`);
