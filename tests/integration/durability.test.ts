import { describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";

// The durability decision (README): a commit is on disk before the app reports success.
describe("the database connection", () => {
  it("runs in WAL mode with synchronous = FULL", () => {
    const db = getDb().$client;
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    // 2 is FULL (0 OFF, 1 NORMAL, 3 EXTRA).
    expect(db.pragma("synchronous", { simple: true })).toBe(2);
  });
});
