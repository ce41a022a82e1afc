import { afterEach, describe, expect, it } from "vitest";
import { DAY_MS, addBusinessDays, manualClock } from "../../src/core/clock.ts";
import { openDatabase } from "../../src/store/db.ts";
import { enqueue } from "../../src/store/outbox.ts";
import { cancelJobs, runDueJobs, schedule, type JobHandler } from "../../src/store/jobs.ts";
import { freshDatabase, TEST_DATABASE_URL, type TestDatabase } from "../support/db.ts";

describe("persisted timers", () => {
  const dbs: TestDatabase[] = [];
  afterEach(async () => void (await Promise.all(dbs.splice(0).map((d) => d.close()))));
  const open = async () => {
    const db = await freshDatabase();
    dbs.push(db);
    return db;
  };

  it("runs a job when its time comes, once, committing what the handler did", async () => {
    const db = await open();
    const clock = manualClock("2026-03-02T09:00:00Z");
    await db.prisma.$transaction((tx) => schedule(tx, { kind: "remind", runAt: new Date(clock.now().getTime() + 2 * DAY_MS), payload: { requestId: "A-1" }, key: "approval:A-1:remind" }, clock));
    const seen: unknown[] = [];
    const handlers: Record<string, JobHandler> = {
      remind: async (tx, payload) => {
        seen.push(payload);
        await enqueue(tx, { recipientId: "dana", kind: "approval.reminder", payload }, clock);
      },
    };
    expect(await runDueJobs(db.prisma, handlers, { clock })).toBe(0);
    clock.advance(2 * DAY_MS);
    expect(await runDueJobs(db.prisma, handlers, { clock })).toBe(1);
    expect(await runDueJobs(db.prisma, handlers, { clock })).toBe(0);
    expect(seen).toEqual([{ requestId: "A-1" }]);
    expect(await db.prisma.outboxMessage.count()).toBe(1);
  });

  it("rolls back a failing handler's changes and retries it later", async () => {
    const db = await open();
    const clock = manualClock();
    await db.prisma.$transaction((tx) => schedule(tx, { kind: "flaky", runAt: clock.now(), payload: {} }, clock));
    let fail = true;
    const handlers: Record<string, JobHandler> = {
      flaky: async (tx) => {
        await enqueue(tx, { recipientId: "x", kind: "k", payload: {} }, clock);
        if (fail) throw new Error("boom");
      },
    };
    expect(await runDueJobs(db.prisma, handlers, { clock })).toBe(0);
    expect(await db.prisma.outboxMessage.count()).toBe(0);
    fail = false;
    clock.advance(60_000);
    expect(await runDueJobs(db.prisma, handlers, { clock })).toBe(1);
    expect(await db.prisma.outboxMessage.count()).toBe(1);
  });

  it("replaces a timer scheduled again under the same key, and cancels by key prefix", async () => {
    const db = await open();
    const clock = manualClock();
    const at = (ms: number) => new Date(clock.now().getTime() + ms);
    await db.prisma.$transaction(async (tx) => {
      await schedule(tx, { kind: "remind", runAt: at(1000), payload: { n: 1 }, key: "approval:A-1:remind" }, clock);
      await schedule(tx, { kind: "remind", runAt: at(5000), payload: { n: 2 }, key: "approval:A-1:remind" }, clock);
      await schedule(tx, { kind: "escalate", runAt: at(9000), payload: {}, key: "approval:A-1:escalate" }, clock);
      await schedule(tx, { kind: "escalate", runAt: at(9000), payload: {}, key: "approval:A-2:escalate" }, clock);
    });
    expect(await db.prisma.job.count()).toBe(3);
    expect((await db.prisma.job.findUniqueOrThrow({ where: { key: "approval:A-1:remind" } })).payload).toEqual({ n: 2 });
    expect(await db.prisma.$transaction((tx) => cancelJobs(tx, "approval:A-1:"))).toBe(2);
    clock.advance(10_000);
    const ran: string[] = [];
    const handlers = { remind: async () => void ran.push("remind"), escalate: async (_tx: unknown, _p: unknown, job: { id: string }) => void ran.push(job.id) };
    expect(await runDueJobs(db.prisma, handlers, { clock })).toBe(1);
  });

  it("counts business days, skipping weekends", () => {
    expect(addBusinessDays(new Date("2026-03-06T10:00:00Z"), 2).toISOString()).toBe("2026-03-10T10:00:00.000Z"); // Fri → Tue
    expect(addBusinessDays(new Date("2026-03-02T10:00:00Z"), 5).toISOString()).toBe("2026-03-09T10:00:00.000Z"); // Mon → Mon
  });

  it.skipIf(!TEST_DATABASE_URL)("fires each timer once when two replicas run jobs at the same time", async () => {
    const db = await open();
    const clock = manualClock();
    await db.prisma.$transaction(async (tx) => {
      for (let i = 0; i < 40; i++) await schedule(tx, { kind: "tick", runAt: clock.now(), payload: { i } }, clock);
    });
    const replica = await openDatabase({ url: db.url! });
    try {
      const fired: number[] = [];
      const handlers: Record<string, JobHandler> = {
        tick: async (tx, payload) => {
          fired.push(payload.i as number);
          await enqueue(tx, { recipientId: "r", kind: "tick", payload }, clock);
        },
      };
      const drain = async (prisma: typeof db.prisma) => {
        while ((await runDueJobs(prisma, handlers, { clock, batchSize: 3 })) > 0);
      };
      await Promise.all([drain(db.prisma), drain(replica.prisma)]);
      expect(fired.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
      expect(await db.prisma.outboxMessage.count()).toBe(40);
    } finally {
      await replica.close();
    }
  });
});
