import { afterEach, describe, expect, it } from "vitest";
import { manualClock, type Clock } from "../../src/core/clock.ts";
import { createKeyring, missingKeyring } from "../../src/core/crypto/keyring.ts";
import { auditKeysFrom } from "../../src/core/crypto/auditKeys.ts";
import { appendAudit, auditHead, auditTrail, formatHead, hashOf, parseHead, sealUnkeyedAudit, verifyAudit } from "../../src/store/audit.ts";
import { freshDatabase, type TestDatabase } from "../support/db.ts";

const KEYS = createKeyring(Buffer.alloc(32, 0x3c).toString("base64"));
const keyed = (clock: Clock) => ({ clock, auditKeys: KEYS });

describe("hash-chained audit log", () => {
  let db: TestDatabase | undefined;
  afterEach(async () => db?.close());

  async function withEntries(n: number) {
    db = await freshDatabase();
    const clock = manualClock();
    for (let i = 1; i <= n; i++) {
      clock.advance(1000);
      await db.prisma.$transaction((tx) =>
        appendAudit(tx, { actor: i % 2 ? "dana" : "system", action: "case.viewed", subjectType: "case", subjectId: `C-2026-000${i % 3}`, details: { n: i } }, keyed(clock)),
      );
    }
    return db;
  }

  it("links every entry to the one before and verifies clean", async () => {
    const db = await withEntries(5);
    expect(await verifyAudit(db.prisma, KEYS)).toEqual({ entries: 5, problems: [], macsChecked: true });
    const rows = await db.prisma.auditEntry.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect((await auditTrail(db.prisma, "case", "C-2026-0001")).map((r) => r.seq)).toEqual([1, 4]);
  });

  it("keeps one chain when transactions append several entries, concurrently, and one rolls back", async () => {
    db = await freshDatabase();
    const clock = manualClock();
    const event = (n: number) => ({ actor: "system", action: "case.assigned", subjectType: "case", subjectId: `C-${n}`, details: { n } });
    const appendThree = (first: number) =>
      db!.prisma.$transaction(async (tx) => {
        for (let n = first; n < first + 3; n++) await appendAudit(tx, event(n), keyed(clock));
      });
    await Promise.all([appendThree(1), appendThree(10), appendThree(20)]); // PostgreSQL runs these at once
    await expect(
      db.prisma.$transaction(async (tx) => {
        await appendAudit(tx, event(30), keyed(clock));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await appendThree(40);
    await appendAudit(db.prisma, event(50), keyed(clock)); // outside a transaction
    await appendAudit(db.prisma, event(51), keyed(clock));
    expect(await verifyAudit(db.prisma, KEYS)).toEqual({ entries: 14, problems: [], macsChecked: true });
    const rows = await db.prisma.auditEntry.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual([...Array(14).keys()].map((i) => i + 1));
    expect(rows.some((r) => r.subjectId === "C-30")).toBe(false);
  });

  it("detects an edited entry", async () => {
    const db = await withEntries(4);
    await db.prisma.$executeRawUnsafe(`UPDATE audit_entry SET actor = 'mallory' WHERE seq = 2`);
    expect((await verifyAudit(db.prisma, KEYS)).problems).toEqual([{ seq: 2, problem: "edited" }]);
  });

  it("detects a deleted entry", async () => {
    const db = await withEntries(4);
    await db.prisma.$executeRawUnsafe(`DELETE FROM audit_entry WHERE seq = 3`);
    expect((await verifyAudit(db.prisma, KEYS)).problems).toEqual([
      { seq: 4, problem: "missing before" },
      { seq: 4, problem: "broken link" },
    ]);
  });

  it("detects an entry edited with its hash recomputed, through the next link", async () => {
    const db = await withEntries(3);
    const { createHash } = await import("node:crypto");
    await db.prisma.$executeRawUnsafe(`UPDATE audit_entry SET hash = $1 WHERE seq = 2`, createHash("sha256").update("forged").digest("hex"));
    const problems = (await verifyAudit(db.prisma, KEYS)).problems;
    expect(problems).toContainEqual({ seq: 2, problem: "edited" });
    expect(problems).toContainEqual({ seq: 3, problem: "broken link" });
  });

  /** What a DBA without the key can do: delete an entry and recompute every later hash and link. */
  async function rechainAfterDeleting(db: TestDatabase, seq: number) {
    await db.prisma.$executeRawUnsafe(`DELETE FROM audit_entry WHERE seq = $1`, seq);
    await db.prisma.$executeRawUnsafe(`UPDATE audit_entry SET seq = seq - 1 WHERE seq > $1`, seq);
    let prevHash = seq > 1 ? (await db.prisma.auditEntry.findUniqueOrThrow({ where: { seq: seq - 1 } })).hash : "0".repeat(64);
    for (const e of await db.prisma.auditEntry.findMany({ where: { seq: { gte: seq } }, orderBy: { seq: "asc" } })) {
      const hash = hashOf({ ...e, prevHash });
      await db.prisma.auditEntry.update({ where: { seq: e.seq }, data: { prevHash, hash } });
      prevHash = hash;
    }
  }

  it("detects a deleted entry with the chain recomputed after it (the key is not in the database)", async () => {
    const db = await withEntries(5);
    await rechainAfterDeleting(db, 3);
    expect((await verifyAudit(db.prisma, KEYS)).problems).toEqual([
      { seq: 3, problem: "MAC does not match" },
      { seq: 4, problem: "MAC does not match" },
    ]);
    // Clearing the MACs does not help: nothing vouches for the rewritten entries.
    await db.prisma.$executeRawUnsafe(`UPDATE audit_entry SET mac = NULL WHERE seq >= 3`);
    expect((await verifyAudit(db.prisma, KEYS)).problems).toEqual([{ seq: 3, problem: "not keyed" }]);
  });

  it("detects a truncated log against the head kept elsewhere", async () => {
    const db = await withEntries(4);
    const head = await auditHead(db.prisma);
    const kept = parseHead(formatHead({ seq: head!.seq, mac: head!.mac! }))!;
    expect(kept.seq).toBe(4);
    expect((await verifyAudit(db.prisma, KEYS, kept)).problems).toEqual([]);
    await db.prisma.$executeRawUnsafe(`DELETE FROM audit_entry WHERE seq >= 3`);
    expect((await verifyAudit(db.prisma, KEYS)).problems).toEqual([]); // what is left is a valid chain…
    expect((await verifyAudit(db.prisma, KEYS, kept)).problems).toEqual([{ seq: 4, problem: "truncated" }]); // …but not the one kept
  });

  it("refuses entries sealed under a key it does not have", async () => {
    const db = await withEntries(2);
    const other = createKeyring(Buffer.alloc(32, 0x4d).toString("base64"));
    expect((await verifyAudit(db.prisma, other)).problems).toEqual([
      { seq: 1, problem: "unknown key" },
      { seq: 2, problem: "unknown key" },
    ]);
    // Sealed under the report keys before AUDIT_KEY was set: still verified.
    expect((await verifyAudit(db.prisma, auditKeysFrom(Buffer.alloc(32, 0x4d).toString("base64"), KEYS))).problems).toEqual([]);
  });

  it("seals a log written before keying once, at start, and keys from then on", async () => {
    db = await freshDatabase();
    const clock = manualClock();
    const unkeyed = { clock, auditKeys: missingKeyring("no key") };
    for (let n = 1; n <= 3; n++) await appendAudit(db.prisma, { actor: "system", action: "case.viewed", subjectType: "case", subjectId: `C-${n}` }, unkeyed);
    expect((await db.prisma.auditEntry.findMany()).map((e) => e.mac)).toEqual([null, null, null]);
    expect((await verifyAudit(db.prisma, KEYS)).problems).toEqual([{ seq: 1, problem: "not keyed" }]);

    expect(await sealUnkeyedAudit(db.prisma, keyed(clock))).toBe(3);
    expect(await sealUnkeyedAudit(db.prisma, keyed(clock))).toBe(0); // once
    const seal = await db.prisma.auditEntry.findUniqueOrThrow({ where: { seq: 4 } });
    expect([seal.action, seal.details, seal.mac?.startsWith(`${KEYS.currentId}:`)]).toEqual(["audit.keyed", { unkeyed: 3 }, true]);
    expect(await verifyAudit(db.prisma, KEYS)).toEqual({ entries: 4, problems: [], macsChecked: true });
    // The old entries are covered by the seal through the hash chain.
    await db.prisma.$executeRawUnsafe(`UPDATE audit_entry SET actor = 'mallory' WHERE seq = 2`);
    expect((await verifyAudit(db.prisma, KEYS)).problems).toEqual([{ seq: 2, problem: "edited" }]);
  });
});

