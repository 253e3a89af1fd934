import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "./db.server";

let db: DB | undefined;
afterEach(() => db?.$client.close());

describe("the connection's statement cache", () => {
  it("compiles the same SQL once", () => {
    db = openDatabase(":memory:");
    const first = db.$client.prepare("select 1 as one");
    expect(db.$client.prepare("select 1 as one")).toBe(first);
    expect(db.$client.prepare("select 2 as two")).not.toBe(first);
  });

  it("hands out a reused statement in object-row mode, whatever drizzle set before", () => {
    db = openDatabase(":memory:");
    db.$client.prepare("select 1 as one").raw(true);
    expect(db.$client.prepare("select 1 as one").get()).toEqual({ one: 1 });
    expect(db.all(sql`select 1 as one`)).toEqual([{ one: 1 }]);
    expect(db.values(sql`select 1 as one`)).toEqual([[1]]);
    expect(db.all(sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });

  it("keeps at most 500 statements, dropping the oldest", () => {
    db = openDatabase(":memory:");
    const first = db.$client.prepare("select 0");
    for (let i = 1; i <= 500; i++) db.$client.prepare(`select ${i}`);
    expect(db.$client.prepare("select 500")).toBe(db.$client.prepare("select 500"));
    expect(db.$client.prepare("select 0")).not.toBe(first);
  });
});
