// Retention: RETENTION_DAYS after closing, a case loses its content (report, messages, the link to
// its reporter) unless it is on legal hold. Number, category, states and dates stay for statistics.
import { DAY_MS } from "../clock.ts";
import { SUBJECT, type CaseContext } from "./context.ts";
import type { CaseDb, CaseJobHandler } from "./store.ts";

export const PURGE_JOB = "case.purge";

const purgeKey = (caseId: string) => `case:${caseId}:purge`;

export function purgeDueAt(ctx: CaseContext, closedAt: Date): Date {
  return new Date(closedAt.getTime() + ctx.retentionDays * DAY_MS);
}

/** Schedules the purge for when it is due (or now, if that has passed, e.g. after a hold is lifted). */
export async function schedulePurge(tx: CaseDb, ctx: CaseContext, caseId: string, closedAt: Date): Promise<void> {
  const due = purgeDueAt(ctx, closedAt);
  const runAt = due > ctx.clock.now() ? due : ctx.clock.now();
  // The key carries the time, so a purge job can schedule its successor without replacing itself.
  await tx.jobs.schedule({ kind: PURGE_JOB, runAt, payload: { caseId }, key: `${purgeKey(caseId)}:${runAt.toISOString()}` }, ctx.clock);
}

export const cancelPurge = (tx: CaseDb, caseId: string) => tx.jobs.cancel(purgeKey(caseId));

export function retentionJobHandlers(ctx: CaseContext): Record<string, CaseJobHandler> {
  return {
    [PURGE_JOB]: async (tx, payload) => {
      const row = await tx.cases.find({ id: String(payload.caseId) });
      if (!row || row.purgedAt || !row.closedAt || row.legalHold) return;
      // RETENTION_DAYS may have grown since the job was scheduled.
      if (purgeDueAt(ctx, row.closedAt) > ctx.clock.now()) return schedulePurge(tx, ctx, row.id, row.closedAt);
      await tx.cases.purge(row.id, ctx.clock.now());
      await tx.jobs.cancel(`case:${row.id}:checkin:`);
      await tx.audit.append({ actor: "system", action: "case.purged", subjectType: SUBJECT, subjectId: row.id, details: {} }, ctx);
      ctx.logger.info({ caseNumber: row.number }, "case content purged after the retention period");
    },
  };
}
