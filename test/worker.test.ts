import { afterEach, describe, expect, it } from "vitest";
import { manualClock } from "../src/core/clock.ts";
import type { Person } from "../src/core/directory/types.ts";
import { createLogger } from "../src/log.ts";
import { schedule } from "../src/store/jobs.ts";
import { enqueue, RetryLater } from "../src/store/outbox.ts";
import { createWorker, type NotificationChannel } from "../src/worker.ts";
import { freshDatabase, type TestDatabase } from "./support/db.ts";

const person = (id: string, slackId: string | null, teamsId: string | null): Person => ({
  id, name: id, email: `${id}@example.com`, slackId, teamsId, supervisorId: null, roles: [],
});
const people = new Map([
  ["dana", person("dana", "U0DANA", null)],
  ["omar", person("omar", null, "aad-omar")],
]);

function channel(name: string, reaches: (p: Person) => boolean, log: string[], fail = () => false): NotificationChannel {
  return {
    name,
    canReach: reaches,
    send: async (p, m) => {
      if (fail()) throw new RetryLater("platform down", 10_000);
      log.push(`${name}:${p.id}:${m.kind}`);
    },
  };
}

describe("worker", () => {
  let db: TestDatabase | undefined;
  afterEach(async () => db?.close());

  it("fires due timers, then delivers what they and others enqueued, each on a platform the person is on", async () => {
    db = await freshDatabase();
    const clock = manualClock();
    const log: string[] = [];
    let slackDown = true;
    const worker = createWorker({
      prisma: db.prisma,
      directory: { get: async (id) => people.get(id) ?? null },
      channels: [channel("slack", (p) => !!p.slackId, log, () => slackDown), channel("teams", (p) => !!p.teamsId, log)],
      jobHandlers: { remind: async (tx, payload) => enqueue(tx, { recipientId: String(payload.to), kind: "approval.reminder", payload: {} }, clock) },
      clock,
      logger: createLogger("silent"),
    });
    await db.prisma.$transaction(async (tx) => {
      await schedule(tx, { kind: "remind", runAt: clock.now(), payload: { to: "omar" } }, clock);
      await enqueue(tx, { recipientId: "dana", kind: "case.assigned", payload: {} }, clock);
      await enqueue(tx, { recipientId: "nobody", kind: "case.assigned", payload: {} }, clock);
    });
    expect(await worker.tick()).toEqual({ jobs: 1, sent: 1 });
    expect(log).toEqual(["teams:omar:approval.reminder"]);
    slackDown = false;
    clock.advance(10_000);
    expect(await worker.tick()).toEqual({ jobs: 0, sent: 1 });
    expect(log).toEqual(["teams:omar:approval.reminder", "slack:dana:case.assigned"]);
    const stuck = await db.prisma.outboxMessage.findFirstOrThrow({ where: { recipientId: "nobody" } });
    expect([stuck.status, stuck.lastError]).toEqual(["pending", "Error: recipient is not in the directory"]);
  });

  it("keeps a notification for someone no platform can reach yet until one can", async () => {
    db = await freshDatabase();
    const clock = manualClock();
    const log: string[] = [];
    let installed = false;
    const worker = createWorker({
      prisma: db.prisma,
      directory: { get: async (id) => people.get(id) ?? null },
      channels: [channel("teams", () => installed, log)],
      jobHandlers: {},
      clock,
      logger: createLogger("silent"),
    });
    await db.prisma.$transaction((tx) => enqueue(tx, { recipientId: "omar", kind: "approval.requested", payload: {} }, clock));
    expect((await worker.tick()).sent).toBe(0);
    installed = true;
    clock.advance(15 * 60_000);
    expect((await worker.tick()).sent).toBe(1);
    expect(log).toEqual(["teams:omar:approval.requested"]);
  });
});
