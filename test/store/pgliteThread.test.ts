// The embedded database on its own thread, through Prisma as the app uses it: types survive the
// crossing, PostgreSQL errors stay Prisma's errors, transactions commit and roll back, and the
// data is on disk for the next opening.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type Database } from "../../src/store/db.ts";
import { PGliteThread } from "../../src/store/pgliteThread.ts";
import { claimEvents, storedEventKey } from "../../src/store/processedEvents.ts";
import { recordAsk } from "../../src/store/askStats.ts";

describe("PGlite on a worker thread (DATA_DIR)", () => {
  const dir = mkdtempSync(join(tmpdir(), "conduct-thread-"));
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ dataDir: dir });
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("returns dates, numbers, JSON and bytes as Prisma types", async () => {
    const at = new Date("2026-03-02T09:00:00.123Z");
    await db.prisma.processedEvent.create({ data: { key: "k:types", processedAt: at } });
    expect((await db.prisma.processedEvent.findUnique({ where: { key: "k:types" } }))?.processedAt).toEqual(at);
    const [row] = await db.prisma.$queryRaw<Array<{ n: bigint; j: unknown; b: Uint8Array; t: string[] }>>`
      SELECT 9007199254740993::int8 AS n, '{"a":[1,2]}'::jsonb AS j, '\\x01ff'::bytea AS b, ARRAY['x','y']::text[] AS t`;
    expect(row!.n).toBe(9007199254740993n);
    expect(row!.j).toEqual({ a: [1, 2] });
    expect([...row!.b]).toEqual([1, 255]);
    expect(row!.t).toEqual(["x", "y"]);
  });

  it("keeps PostgreSQL's errors: a duplicate key is Prisma's P2002", async () => {
    await db.prisma.processedEvent.create({ data: { key: "k:dup" } });
    await expect(db.prisma.processedEvent.create({ data: { key: "k:dup" } })).rejects.toMatchObject({ code: "P2002" });
  });

  it("commits a transaction, and rolls back all of one that throws", async () => {
    await db.prisma.$transaction(async (tx) => {
      await tx.processedEvent.create({ data: { key: "k:tx1" } });
      await tx.processedEvent.create({ data: { key: "k:tx2" } });
    });
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.processedEvent.create({ data: { key: "k:tx3" } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    const keys = (await db.prisma.processedEvent.findMany({ where: { key: { startsWith: "k:tx" } } })).map((r) => r.key).sort();
    expect(keys).toEqual(["k:tx1", "k:tx2"]);
  });

  it("lets other statements wait for an open transaction instead of failing", async () => {
    let inside!: () => void;
    const opened = new Promise<void>((resolve) => (inside = resolve));
    const tx = db.prisma.$transaction(async (t) => {
      await t.processedEvent.create({ data: { key: "k:slow" } });
      inside();
      await new Promise((r) => setTimeout(r, 200));
    });
    await opened;
    const outside = db.prisma.processedEvent.count({ where: { key: "k:slow" } });
    await tx;
    expect(await outside).toBe(1); // it ran after the commit
  });

  it("group-commits concurrent claims: each key wins once, a key repeated in one batch goes to the first", async () => {
    const results = await Promise.all([
      claimEvents(db.prisma, ["ev:1", "post:A"]),
      claimEvents(db.prisma, ["ev:2", "post:A"]), // the same post under another event
      claimEvents(db.prisma, ["ev:1"]), // a retry of the first
      claimEvents(db.prisma, ["ev:3"]),
    ]);
    expect(results).toEqual([true, false, false, true]);
    expect(await claimEvents(db.prisma, ["ev:3"])).toBe(false);
    await Promise.all(Array.from({ length: 25 }, () => recordAsk(db.prisma, { verdict: "allowed", clauses: [] }, new Date("2026-03-02T10:00:00Z"))));
    expect((await db.prisma.askStat.findMany({ where: { day: "2026-03-02" } })).map((s) => s.count)).toEqual([25]);
  });

  it("keeps the data on disk for the next opening", async () => {
    await db.close();
    db = await openDatabase({ dataDir: dir });
    expect(await db.prisma.processedEvent.count({ where: { key: { in: ["k:types", "k:tx1", storedEventKey(db.prisma, "ev:1")] } } })).toBe(3);
  });
});

// A crashed database thread cannot come back: its owner must hear of it (once) to restart the
// process, and a normal close must not look like a crash.
describe("PGlite thread stopping", () => {
  const dir = mkdtempSync(join(tmpdir(), "conduct-thread-stop-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("tells its listeners once when the thread dies, then fails queries at once", async () => {
    const thread = await PGliteThread.create(join(dir, "crashed"));
    const stopped = vi.fn();
    thread.onStopped(stopped);
    const worker = thread["worker"]; // private; a crash is an "error" then an "exit"
    worker.emit("error", new RangeError("out of memory"));
    await worker.terminate();
    await vi.waitFor(() => expect(stopped).toHaveBeenCalledTimes(1));
    expect(stopped.mock.calls[0]![0]).toBeInstanceOf(RangeError);
    await expect(thread.query("SELECT 1")).rejects.toThrow("out of memory");
    await thread.close(); // does not hang on the dead thread
    expect(stopped).toHaveBeenCalledTimes(1);
  });

  it("stays quiet on a normal close", async () => {
    const thread = await PGliteThread.create(join(dir, "closed"));
    const stopped = vi.fn();
    thread.onStopped(stopped);
    expect((await thread.query<{ one: number }>("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    await thread.close();
    await new Promise((r) => setTimeout(r, 50)); // let a late "exit" event arrive
    expect(stopped).not.toHaveBeenCalled();
  });

  it("says why a new database could not be created (initdb runs in a process of its own)", async () => {
    const notADir = join(dir, "a-file");
    writeFileSync(notADir, "");
    await expect(PGliteThread.create(notADir)).rejects.toThrow(/creating the embedded database in .*a-file failed \(exit 1\)/);
  });
});
