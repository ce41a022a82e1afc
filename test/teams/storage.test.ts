import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/store/db.ts";
import { ETagConflictError, PrismaStorage } from "../../src/store/teamsBotState.ts";
import { freshDatabase } from "../support/db.ts";
import { warmUp } from "../support/teams.ts";

describe("PrismaStorage (botbuilder Storage in the database)", () => {
  beforeAll(warmUp, 120_000);
  let db: Database | undefined;
  afterEach(async () => db?.close());

  it("reads what was written, with an eTag, and nothing for unknown keys", async () => {
    db = await freshDatabase();
    const storage = new PrismaStorage(db.prisma);
    expect(await storage.read([])).toEqual({});
    await storage.write({ "msteams/bot/conversations/c1": { step: "intake", count: 1 } });
    const items = await storage.read(["msteams/bot/conversations/c1", "msteams/bot/users/u1"]);
    expect(Object.keys(items)).toEqual(["msteams/bot/conversations/c1"]);
    expect(items["msteams/bot/conversations/c1"]).toMatchObject({ step: "intake", count: 1 });
    expect(typeof items["msteams/bot/conversations/c1"].eTag).toBe("string");
    // The state survives a new storage instance (another replica).
    expect((await new PrismaStorage(db.prisma).read(["msteams/bot/conversations/c1"]))["msteams/bot/conversations/c1"].step).toBe("intake");
  });

  it("refuses a write whose eTag is stale (optimistic concurrency), allows '*' and no eTag", async () => {
    db = await freshDatabase();
    const storage = new PrismaStorage(db.prisma);
    await storage.write({ k: { v: 1 } });
    const first = (await storage.read(["k"])).k;
    const second = (await storage.read(["k"])).k;
    await storage.write({ k: { ...first, v: 2 } });
    await expect(storage.write({ k: { ...second, v: 3 } })).rejects.toBeInstanceOf(ETagConflictError);
    expect((await storage.read(["k"])).k.v).toBe(2);
    const current = (await storage.read(["k"])).k;
    await storage.write({ k: { ...current, v: 4 } });
    expect((await storage.read(["k"])).k).toMatchObject({ v: 4 });
    expect((await storage.read(["k"])).k.eTag).not.toBe(current.eTag);
    await storage.write({ k: { v: 5, eTag: "*" } });
    await storage.write({ k: { v: 6 } });
    expect((await storage.read(["k"])).k.v).toBe(6);
    // The eTag is not stored inside the value.
    expect(((await db.prisma.teamsBotState.findUniqueOrThrow({ where: { key: "k" } })).value as object)).toEqual({ v: 6 });
  });

  it("writes a new key even with an eTag (as MemoryStorage does) and deletes", async () => {
    db = await freshDatabase();
    const storage = new PrismaStorage(db.prisma);
    await storage.write({ fresh: { v: 1, eTag: "from-elsewhere" } });
    expect((await storage.read(["fresh"])).fresh.v).toBe(1);
    await storage.write({ other: { v: 2 } });
    await storage.delete(["fresh", "missing"]);
    expect(Object.keys(await storage.read(["fresh", "other"]))).toEqual(["other"]);
  });
});
