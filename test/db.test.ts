import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "../src/store/db.ts";
import { freshDatabase, TEST_DATABASE_URL } from "./support/db.ts";

describe("fresh test database", () => {
  let db: Database | undefined;
  afterEach(async () => db?.close());

  it("is migrated and empty, on the configured engine", async () => {
    db = await freshDatabase();
    expect(db.kind).toBe(TEST_DATABASE_URL ? "postgres" : "pglite");
    expect(await db.prisma.processedEvent.count()).toBe(0);
    await db.prisma.processedEvent.create({ data: { key: "slack:Ev1" } });
    expect(await db.prisma.processedEvent.count()).toBe(1);
  });

  it("does not share rows with another test's database", async () => {
    db = await freshDatabase();
    expect(await db.prisma.processedEvent.count()).toBe(0);
  });
});
