import { afterEach, describe, expect, it } from "vitest";
import { manualClock } from "../../src/core/clock.ts";
import { openDatabase } from "../../src/store/db.ts";
import { backoffMs, deliverDue, enqueue, RetryLater, type OutboxMessage } from "../../src/store/outbox.ts";
import { freshDatabase, TEST_DATABASE_URL, type TestDatabase } from "../support/db.ts";

describe("outbox", () => {
  const dbs: TestDatabase[] = [];
  afterEach(async () => void (await Promise.all(dbs.splice(0).map((d) => d.close()))));
  const open = async () => {
    const db = await freshDatabase();
    dbs.push(db);
    return db;
  };

  it("delivers what a committed transaction enqueued, and nothing from a rolled-back one", async () => {
    const db = await open();
    const clock = manualClock();
    await db.prisma.$transaction(async (tx) => enqueue(tx, { recipientId: "dana", kind: "case.assigned", payload: { caseNumber: "C-2026-0001" } }, clock));
    await expect(
      db.prisma.$transaction(async (tx) => {
        await enqueue(tx, { recipientId: "omar", kind: "case.assigned", payload: {} }, clock);
        throw new Error("state change failed");
      }),
    ).rejects.toThrow("state change failed");

    const sent: OutboxMessage[] = [];
    expect(await deliverDue(db.prisma, async (m) => void sent.push(m), { clock })).toBe(1);
    expect(sent.map((m) => [m.recipientId, m.kind, m.payload])).toEqual([["dana", "case.assigned", { caseNumber: "C-2026-0001" }]]);
    expect(await deliverDue(db.prisma, async (m) => void sent.push(m), { clock })).toBe(0);
  });

  it("ignores a second enqueue with the same dedupe key", async () => {
    const db = await open();
    const clock = manualClock();
    for (let i = 0; i < 2; i++) {
      await db.prisma.$transaction(async (tx) => enqueue(tx, { recipientId: "dana", kind: "k", payload: {}, dedupeKey: "same" }, clock));
    }
    expect(await db.prisma.outboxMessage.count()).toBe(1);
  });

  it("retries a failing platform with backoff, honours Retry-After, and delivers once it recovers", async () => {
    const db = await open();
    const clock = manualClock();
    await db.prisma.$transaction(async (tx) => enqueue(tx, { recipientId: "dana", kind: "k", payload: {} }, clock));
    let outage = true;
    let calls = 0;
    const send = async () => {
      calls++;
      if (outage) throw new RetryLater("429 from platform", 30_000);
    };
    expect(await deliverDue(db.prisma, send, { clock })).toBe(0);
    clock.advance(29_000);
    expect(await deliverDue(db.prisma, send, { clock })).toBe(0);
    expect(calls).toBe(1); // not due again before Retry-After
    clock.advance(1_000);
    outage = false;
    expect(await deliverDue(db.prisma, send, { clock })).toBe(1);
    const row = await db.prisma.outboxMessage.findFirstOrThrow();
    expect([row.status, row.attempts, calls]).toEqual(["sent", 2, 2]);
  });

  it("backs off exponentially, within a cap", () => {
    expect(backoffMs(1)).toBeGreaterThanOrEqual(800);
    expect(backoffMs(1)).toBeLessThanOrEqual(1200);
    expect(backoffMs(5)).toBeGreaterThanOrEqual(16_000 * 0.8);
    expect(backoffMs(40)).toBeLessThanOrEqual(15 * 60_000 * 1.2);
    expect(backoffMs(3, 5_000)).toBe(5_000);
  });

  it("retries a message whose worker died after claiming it, once the lease lapses", async () => {
    const db = await open();
    const clock = manualClock();
    await db.prisma.$transaction(async (tx) => enqueue(tx, { recipientId: "dana", kind: "k", payload: {} }, clock));
    await db.prisma.outboxMessage.updateMany({ data: { lockedUntil: new Date(clock.now().getTime() + 60_000) } }); // a crashed claim
    const sent: string[] = [];
    expect(await deliverDue(db.prisma, async (m) => void sent.push(m.id), { clock })).toBe(0);
    clock.advance(61_000);
    expect(await deliverDue(db.prisma, async (m) => void sent.push(m.id), { clock })).toBe(1);
  });

  it.skipIf(!TEST_DATABASE_URL)("sends each message once when two replicas deliver at the same time", async () => {
    const db = await open();
    const clock = manualClock();
    await db.prisma.$transaction(async (tx) => {
      for (let i = 0; i < 60; i++) await enqueue(tx, { recipientId: `p${i}`, kind: "k", payload: { i } }, clock);
    });
    const replica = await openDatabase({ url: db.url! });
    try {
      const sent: string[] = [];
      const send = async (m: OutboxMessage) => {
        await new Promise((r) => setTimeout(r, 2));
        sent.push(m.id);
      };
      const drain = async (prisma: typeof db.prisma) => {
        while ((await deliverDue(prisma, send, { clock, batchSize: 7 })) > 0);
      };
      await Promise.all([drain(db.prisma), drain(replica.prisma)]);
      expect(sent).toHaveLength(60);
      expect(new Set(sent).size).toBe(60);
    } finally {
      await replica.close();
    }
  });
});
