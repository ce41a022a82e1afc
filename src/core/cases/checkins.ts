// Retaliation watch (Code section 1: "no reporting person will suffer retaliation"): 30 and 90 days
// after closing, the reporter is asked privately whether they faced retaliation; "yes" opens a
// linked high-priority case.
import { DAY_MS, type Clock } from "../clock.ts";
import { fail, NOT_FOUND, reporterCases } from "./access.ts";
import { pseudonymOf, SUBJECT, type CaseContext } from "./context.ts";
import { openReport, reporterIdOf } from "./sealing.ts";
import { NO_RECIPIENT, openCase } from "./intake/file.ts";
import { notifyReporter, REPORTER_KINDS } from "./notifications.ts";
import { route } from "./routing.ts";
import type { CaseDb, CaseJobHandler } from "./store.ts";
import type { CaseResult, Receipt, ReportInput, ReportMode } from "./types.ts";

export const CHECKIN_DAYS = [30, 90] as const;
export const CHECKIN_JOB = "case.retaliation_checkin";

export async function scheduleCheckins(tx: CaseDb, clock: Clock, caseId: string, closedAt: Date): Promise<void> {
  for (const day of CHECKIN_DAYS) {
    await tx.jobs.schedule({ kind: CHECKIN_JOB, runAt: new Date(closedAt.getTime() + day * DAY_MS), payload: { caseId, day }, key: `case:${caseId}:checkin:${day}` }, clock);
  }
}

export function checkinJobHandlers(ctx: CaseContext): Record<string, CaseJobHandler> {
  return {
    [CHECKIN_JOB]: async (tx, payload) => {
      const row = await tx.cases.find({ id: String(payload.caseId) });
      const reporterId = row ? reporterIdOf(ctx.keyring, row) : null;
      if (!row || !reporterId) return;
      const day = Number(payload.day);
      await tx.cases.recordCheckin(row.id, day, ctx.clock.now());
      await notifyReporter(tx, ctx, reporterId, { kind: REPORTER_KINDS.retaliationCheckin, caseNumber: row.number, day, anonymous: row.mode === "anonymous" });
      await tx.audit.append({ actor: "system", action: "case.checkin_sent", subjectType: SUBJECT, subjectId: row.id, details: { day } }, ctx);
    },
  };
}

export interface CheckinAnswer {
  answer: "yes" | "no";
  /** The receipt of the linked high-priority case a "yes" opened. */
  linkedCase: Receipt | null;
}

/** The reporter answers a check-in. "yes" opens a linked retaliation case, routed with the original case's exclusions. */
export async function answerCheckin(ctx: CaseContext, reporterId: string, number: string, day: number, given: unknown): Promise<CaseResult<CheckinAnswer>> {
  if (given !== "yes" && given !== "no") return fail("invalid", "Answer yes or no", { answer: "Answer yes or no" });
  const answer: "yes" | "no" = given;
  const [row] = await reporterCases(ctx.store, ctx, reporterId, number);
  if (!row) return NOT_FOUND;
  if (!(await ctx.store.cases.openCheckins(row.id)).some((c) => c.day === day)) return fail("invalid_state", "There is no open check-in to answer.");

  let opening: { input: ReportInput; involved: string[]; routing: Awaited<ReturnType<typeof route>> } | null = null;
  if (answer === "yes") {
    const involved = openReport(ctx.keyring, row)?.involved ?? [];
    const input: ReportInput = {
      what: `Retaliation reported in the ${day}-day check-in after case ${row.number} closed.`,
      when: null,
      where: null,
      involved: [],
      category: "retaliation",
      recipient: "ethics_officer",
      directorId: null,
      mode: row.mode as ReportMode,
    };
    const routing = await route({ recipient: input.recipient, directorId: null, category: ctx.categories.retaliation, reporterId, involved }, ctx.directory);
    if (!routing.handlers.length) return fail("not_eligible", NO_RECIPIENT);
    opening = { input, involved, routing };
  }

  return ctx.store.transaction(async (tx) => {
    const linked = opening ? await openCase(tx, ctx, { ...opening, reporterId, priority: "high", linkedCaseId: row.id }) : null;
    if (!(await tx.cases.answerCheckin(row.id, day, answer, ctx.clock.now(), linked?.id ?? null))) {
      throw new CheckinAlreadyAnswered();
    }
    await tx.audit.append(
      { actor: pseudonymOf(row.number), action: "case.checkin_answered", subjectType: SUBJECT, subjectId: row.id, details: { day, answer, ...(linked ? { linkedCase: linked.receipt.caseNumber } : {}) } },
      ctx,
    );
    if (linked) ctx.logger.info({ caseNumber: linked.receipt.caseNumber, linkedTo: row.number }, "retaliation case opened from a check-in");
    return { ok: true as const, value: { answer, linkedCase: linked?.receipt ?? null } };
  }).catch((error: unknown) => {
    if (error instanceof CheckinAlreadyAnswered) return fail("invalid_state", "There is no open check-in to answer.");
    throw error;
  });
}

class CheckinAlreadyAnswered extends Error {}
