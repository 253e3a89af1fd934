import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");

// Unit tests beside the code (app/**) and integration tests against a real SQLite file (tests/integration).
export default defineConfig({
  root,
  resolve: { alias: { "~": path.join(root, "app") } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "tests/integration/**/*.test.{ts,tsx}"],
    setupFiles: ["tests/setup/database.ts", "tests/setup/console.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 20_000,
  },
});
