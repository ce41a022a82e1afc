import { randomUUID } from "node:crypto";
import type { Clock } from "../core/clock.ts";
import type { PrismaClient } from "./generated/client.ts";
import type { Tx } from "./tx.ts";

export interface JobSpec {
  kind: string;
  runAt: Date;
  payload: Record<string, unknown>;
  /** Names the timer; scheduling the same key again replaces it while it is pending. */
  key?: string;
}

/** Schedules a persisted timer in the caller's transaction. */
export async function schedule(tx: Tx, job: JobSpec, clock: Clock): Promise<void> {
  const data = { kind: job.kind, runAt: job.runAt, payload: job.payload as object };
  if (!job.key) {
    await tx.job.create({ data: { id: randomUUID(), createdAt: clock.now(), ...data } });
    return;
  }
  await tx.job.upsert({
    where: { key: job.key },
    create: { id: randomUUID(), key: job.key, createdAt: clock.now(), ...data },
    update: { ...data, status: "pending", attempts: 0, lockedUntil: null, lastError: null, doneAt: null },
  });
}

/** Cancels pending timers whose key starts with the prefix (e.g. every timer of one request). */
export async function cancelJobs(tx: Tx, keyPrefix: string): Promise<number> {
  const { count } = await tx.job.updateMany({ where: { key: { startsWith: keyPrefix }, status: "pending" }, data: { status: "cancelled" } });
  return count;
}

/** Runs one due job inside a transaction; what it changes and enqueues commits with "done". */
export type JobHandler = (tx: Tx, payload: Record<string, unknown>, job: { id: string; kind: string; runAt: Date }) => Promise<void>;

export interface RunJobsOptions {
  clock: Clock;
  batchSize?: number;
  leaseMs?: number;
  maxAttempts?: number;
}

/**
 * Runs due jobs once each, even with several replicas: a job is claimed with SKIP LOCKED, then
 * its handler and the "done" mark run in one transaction that re-checks the job is still pending.
 */
export async function runDueJobs(prisma: PrismaClient, handlers: Record<string, JobHandler>, options: RunJobsOptions): Promise<number> {
  const { clock, batchSize = 20, leaseMs = 60_000, maxAttempts = 10 } = options;
  const now = clock.now();
  const claimed = await prisma.$queryRawUnsafe<Array<{ id: string; attempts: number }>>(
    // RETURNING comes back in no particular order: the outer SELECT runs them in the order due.
    `WITH claimed AS (
       UPDATE job SET locked_until = $1::timestamp, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM job WHERE status = 'pending' AND run_at <= $2::timestamp AND (locked_until IS NULL OR locked_until < $2::timestamp)
         ORDER BY run_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING id, attempts, run_at)
     SELECT id, attempts FROM claimed ORDER BY run_at`,
    new Date(now.getTime() + leaseMs),
    now,
    batchSize,
  );
  let ran = 0;
  for (const { id, attempts } of claimed) {
    try {
      const done = await prisma.$transaction(async (tx) => {
        const job = await tx.job.findUnique({ where: { id } });
        if (!job || job.status !== "pending") return false;
        const handler = handlers[job.kind];
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(tx, job.payload as Record<string, unknown>, job);
        const marked = await tx.job.updateMany({ where: { id, status: "pending" }, data: { status: "done", doneAt: clock.now(), lockedUntil: null } });
        return marked.count === 1;
      });
      if (done) ran++;
    } catch (error) {
      await prisma.job.update({
        where: { id },
        data: {
          status: attempts >= maxAttempts ? "failed" : "pending",
          lockedUntil: null,
          lastError: `${(error as Error).name}: ${(error as Error).message}`.slice(0, 500),
          runAt: new Date(clock.now().getTime() + Math.min(60 * 60_000, 5_000 * 2 ** attempts)),
        },
      });
    }
  }
  return ran;
}
