import { afterEach, describe, expect, it } from "vitest";
import { manualClock } from "../../src/core/clock.ts";
import { appendAudit, auditTrail, verifyAudit } from "../../src/store/audit.ts";
import { freshDatabase, type TestDatabase } from "../support/db.ts";

describe("hash-chained audit log", () => {
  let db: TestDatabase | undefined;
  afterEach(async () => db?.close());

  async function withEntries(n: number) {
    db = await freshDatabase();
    const clock = manualClock();
    for (let i = 1; i <= n; i++) {
      clock.advance(1000);
      await db.prisma.$transaction((tx) =>
        appendAudit(tx, { actor: i % 2 ? "dana" : "system", action: "case.viewed", subjectType: "case", subjectId: `C-2026-000${i % 3}`, details: { n: i } }, clock),
      );
    }
    return db;
  }

  it("links every entry to the one before and verifies clean", async () => {
    const db = await withEntries(5);
    expect(await verifyAudit(db.prisma)).toEqual({ entries: 5, problems: [] });
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
        for (let n = first; n < first + 3; n++) await appendAudit(tx, event(n), clock);
      });
    await Promise.all([appendThree(1), appendThree(10), appendThree(20)]); // PostgreSQL runs these at once
    await expect(
      db.prisma.$transaction(async (tx) => {
        await appendAudit(tx, event(30), clock);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await appendThree(40);
    await appendAudit(db.prisma, event(50), clock); // outside a transaction
    await appendAudit(db.prisma, event(51), clock);
    expect(await verifyAudit(db.prisma)).toEqual({ entries: 14, problems: [] });
    const rows = await db.prisma.auditEntry.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual([...Array(14).keys()].map((i) => i + 1));
    expect(rows.some((r) => r.subjectId === "C-30")).toBe(false);
  });

  it("detects an edited entry", async () => {
    const db = await withEntries(4);
    await db.prisma.$executeRawUnsafe(`UPDATE audit_entry SET actor = 'mallory' WHERE seq = 2`);
    expect((await verifyAudit(db.prisma)).problems).toEqual([{ seq: 2, problem: "edited" }]);
  });

  it("detects a deleted entry", async () => {
    const db = await withEntries(4);
    await db.prisma.$executeRawUnsafe(`DELETE FROM audit_entry WHERE seq = 3`);
    expect((await verifyAudit(db.prisma)).problems).toEqual([
      { seq: 4, problem: "missing before" },
      { seq: 4, problem: "broken link" },
    ]);
  });

  it("detects an entry edited with its hash recomputed, through the next link", async () => {
    const db = await withEntries(3);
    const { createHash } = await import("node:crypto");
    await db.prisma.$executeRawUnsafe(`UPDATE audit_entry SET hash = $1 WHERE seq = 2`, createHash("sha256").update("forged").digest("hex"));
    const problems = (await verifyAudit(db.prisma)).problems;
    expect(problems).toContainEqual({ seq: 2, problem: "edited" });
    expect(problems).toContainEqual({ seq: 3, problem: "broken link" });
  });
});
