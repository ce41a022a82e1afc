import type { Clock } from "../core/clock.ts";
import type { Logger } from "../log.ts";
import { auditHead, formatHead } from "./audit.ts";
import type { PrismaClient } from "./generated/client.ts";
import { schedule, type JobHandler } from "./jobs.ts";
import { pruneStore, type RetentionDays } from "./prune.ts";
import type { Db, Tx } from "./tx.ts";

/**
 * Daily housekeeping as persisted jobs (once a day across replicas; a missed day runs at the next
 * start): log the audit log's head, and prune de-duplication and delivery rows.
 */
export const DAILY_JOBS = { auditHead: "maintenance.audit_head", prune: "maintenance.prune" } as const;

export interface MaintenanceDeps {
  clock: Clock;
  logger: Logger;
  retention: RetentionDays;
}

/** Logs the head at info level: whoever keeps the logs elsewhere keeps the head too. */
export async function logAuditHead(db: Db, logger: Logger): Promise<void> {
  const head = await auditHead(db);
  if (!head) return logger.info({ auditHead: null }, "audit log head: the log is empty");
  if (!head.mac) return logger.warn({ auditSeq: head.seq }, "audit log head is not keyed: set AUDIT_KEY (or REPORTS_ENCRYPTION_KEY) to seal the audit log");
  logger.info({ auditHead: formatHead({ seq: head.seq, mac: head.mac }) }, "audit log head: keep it elsewhere; `conduct audit verify --head <it>` then detects a truncated log");
}

export function maintenanceJobHandlers({ clock, logger, retention }: MaintenanceDeps): Record<string, JobHandler> {
  return {
    async [DAILY_JOBS.auditHead](tx) {
      await logAuditHead(tx, logger);
      await scheduleNextDay(tx, clock, DAILY_JOBS.auditHead);
    },
    async [DAILY_JOBS.prune](tx) {
      const pruned = await pruneStore(tx, retention, clock.now());
      logger.info(pruned, "pruned de-duplication and delivery rows");
      await scheduleNextDay(tx, clock, DAILY_JOBS.prune);
    },
  };
}

/** At start: today's runs (unless done already today) and so, through each run, every later day. */
export async function scheduleMaintenance(prisma: PrismaClient, clock: Clock): Promise<void> {
  for (const kind of Object.values(DAILY_JOBS)) {
    const key = `${kind}:${dayOf(clock.now())}`;
    await prisma.$transaction(async (tx) => {
      if (!(await tx.job.findUnique({ where: { key }, select: { status: true } }))) await schedule(tx, { kind, runAt: clock.now(), payload: {}, key }, clock);
    });
  }
}

async function scheduleNextDay(tx: Tx, clock: Clock, kind: string): Promise<void> {
  const next = new Date(`${dayOf(new Date(clock.now().getTime() + 86_400_000))}T00:10:00Z`);
  await schedule(tx, { kind, runAt: next, payload: {}, key: `${kind}:${dayOf(next)}` }, clock);
}

const dayOf = (at: Date) => at.toISOString().slice(0, 10);
