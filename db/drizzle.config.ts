import { defineConfig } from "drizzle-kit";

// Migrations are generated (`npm run db:generate`) and committed; never `push`.
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  dbCredentials: { url: process.env.DATABASE_PATH ?? "data/kringwijs.db" },
});
