// Daily housekeeping in the real app's worker: the audit head logged at info, and de-duplication
// and delivery rows pruned after their retention (settings from the environment, as in production).
import { afterEach, describe, expect, it } from "vitest";
import { manualClock } from "../../src/core/clock.ts";
import { scheduleMaintenance } from "../../src/store/maintenance.ts";
import { report } from "../cases/support.ts";
import { startTestApp, type TestApp } from "../support/app.ts";

const DAY = 86_400_000;

describe("daily maintenance", () => {
  let app: TestApp | undefined;
  afterEach(async () => app?.close());

  it("logs the audit head once a day and prunes old de-duplication, sent outbox and settled card rows", async () => {
    const clock = manualClock("2026-03-02T09:00:00Z");
    app = await startTestApp({ DIRECTORY_FILE: "directory.example.yaml", DEDUPE_RETENTION_DAYS: "2", OUTBOX_RETENTION_DAYS: "10", MESSAGE_REGISTRY_RETENTION_DAYS: "30" }, { clock, workerIntervalMs: 0 });
    const { prisma } = app.db;
    const ago = (days: number) => new Date(clock.now().getTime() - days * DAY);
    await prisma.processedEvent.createMany({ data: [{ key: "old", processedAt: ago(3) }, { key: "recent", processedAt: ago(1) }] });
    const outbox = (id: string, status: string, sentDaysAgo: number | null) => ({
      id, recipientId: "dana", kind: "x", payload: {}, status, createdAt: ago(40), sentAt: sentDaysAgo === null ? null : ago(sentDaysAgo),
    });
    await prisma.outboxMessage.createMany({ data: [outbox("sent-old", "sent", 11), outbox("sent-new", "sent", 9), outbox("failed-old", "failed", null), outbox("pending", "pending", null)] });
    const request = (id: string, status: string) =>
      prisma.$executeRawUnsafe(
        `INSERT INTO approval_request (id, topic_id, clause_id, requester_id, involved_ids, summary, details, status, current_stage, created_at, updated_at)
         VALUES ($1, 'gifts', '2', 'dana', '[]', 's', '{}', $2, 0, $3::timestamp, $3::timestamp)`, id, status, ago(60));
    await request("open", "pending");
    await request("settled", "approved");
    const card = (ts: string, subject: string, days: number) => ({ channel: "D1", ts, personId: "dana", subject, createdAt: ago(days) });
    await prisma.slackMessage.createMany({ data: [card("1", "approval:open", 60), card("2", "approval:settled", 60), card("3", "approval:settled", 5)] });
    await prisma.teamsMessage.createMany({ data: [{ conversationId: "c", activityId: "1", personId: "dana", subject: "approval:settled", reference: {}, createdAt: ago(60) }] });

    await scheduleMaintenance(prisma, clock);
    expect(await app.worker.tick()).toMatchObject({ jobs: 2 });
    expect((await prisma.processedEvent.findMany()).map((r) => r.key)).toEqual(["recent"]);
    expect((await prisma.outboxMessage.findMany({ orderBy: { id: "asc" } })).map((r) => r.id)).toEqual(["failed-old", "pending", "sent-new"]);
    expect((await prisma.slackMessage.findMany({ orderBy: { ts: "asc" } })).map((r) => r.ts)).toEqual(["1", "3"]); // open approval's card kept
    expect(await prisma.teamsMessage.count()).toBe(0);
    const pruned = app.logs.map((l) => JSON.parse(l)).filter((l) => l.msg === "pruned de-duplication and delivery rows");
    expect(pruned).toMatchObject([{ level: 30, processedEvents: 1, sentOutbox: 1, slackMessages: 1, teamsMessages: 1 }]);

    // Once a day: nothing more today, again tomorrow, with the head of the log as it then is.
    await scheduleMaintenance(prisma, clock); // a restart the same day
    expect(await app.worker.tick()).toMatchObject({ jobs: 0 });
    expect(await app.cases.fileReport("lee", report())).toMatchObject({ ok: true });
    clock.advance(DAY);
    expect(await app.worker.tick()).toMatchObject({ jobs: 2 });
    const heads = app.logs.map((l) => JSON.parse(l)).filter((l) => l.component === "maintenance" && "auditHead" in l);
    expect(heads.length).toBe(2);
    expect(heads.every((l) => l.level === 30)).toBe(true);
    expect(heads[0].auditHead).toBeNull(); // the log was empty
    // The head as the job ran: a signed entry at or after the filing (the same pass may append more,
    // such as passing on the handler notice nobody could deliver).
    const filed = await prisma.auditEntry.findFirstOrThrow({ where: { action: "case.filed" } });
    const logged = await prisma.auditEntry.findFirstOrThrow({ where: { seq: Number(String(heads[1].auditHead).split(":")[0]) } });
    expect(heads[1].auditHead).toBe(`${logged.seq}:${logged.mac}`);
    expect(logged.seq).toBeGreaterThanOrEqual(filed.seq);
    expect(heads[1].auditHead).toMatch(/^\d+:[0-9a-f]{8}:[0-9a-f]{64}$/);
  });
});
