// EU Whistleblowing Directive clocks (Art. 9(1)(b), (f)): acknowledge within 7 days of receipt; give
// feedback within 3 months of the acknowledgement or, without one, of the end of those 7 days.
import { DAY_MS, type Clock } from "../clock.ts";
import { SUBJECT, type CaseContext } from "./context.ts";
import { excludedPeople } from "./exclusions.ts";
import { HANDLER_KINDS, notifyHandlers, type Deadline } from "./notifications.ts";
import { activeHandlerIds, type CaseDb, type CaseJobHandler, type CaseRow } from "./store.ts";

export const ACKNOWLEDGE_DAYS = 7;
export const ACKNOWLEDGE_REMIND_BEFORE_DAYS = 2;
export const FEEDBACK_MONTHS = 3;
export const FEEDBACK_REMIND_BEFORE_DAYS = 14;

export const DEADLINE_JOBS = {
  acknowledgeReminder: "case.acknowledge_reminder",
  acknowledgeDue: "case.acknowledge_due",
  feedbackReminder: "case.feedback_reminder",
  feedbackDue: "case.feedback_due",
} as const;

export function acknowledgeByOf(filedAt: Date): Date {
  return new Date(filedAt.getTime() + ACKNOWLEDGE_DAYS * DAY_MS);
}

/** Three months from the acknowledgement, or from the 7-day mark if that came first. */
export function feedbackByOf(acknowledgedAt: Date | null, acknowledgeBy: Date): Date {
  const from = acknowledgedAt && acknowledgedAt < acknowledgeBy ? acknowledgedAt : acknowledgeBy;
  return addMonthsUtc(from, FEEDBACK_MONTHS);
}

/** Calendar months, keeping the time of day; the 31st becomes the month's last day when needed. */
export function addMonthsUtc(from: Date, months: number): Date {
  const result = new Date(from);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const last = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, last));
  return result;
}

const key = (caseId: string, deadline: Deadline, step: "remind" | "due") => `case:${caseId}:${deadline}:${step}`;

export async function scheduleAcknowledgeTimers(tx: CaseDb, clock: Clock, caseId: string, acknowledgeBy: Date): Promise<void> {
  const remindAt = new Date(acknowledgeBy.getTime() - ACKNOWLEDGE_REMIND_BEFORE_DAYS * DAY_MS);
  await tx.jobs.schedule({ kind: DEADLINE_JOBS.acknowledgeReminder, runAt: remindAt, payload: { caseId }, key: key(caseId, "acknowledge", "remind") }, clock);
  await tx.jobs.schedule({ kind: DEADLINE_JOBS.acknowledgeDue, runAt: acknowledgeBy, payload: { caseId }, key: key(caseId, "acknowledge", "due") }, clock);
}

export async function scheduleFeedbackTimers(tx: CaseDb, clock: Clock, caseId: string, feedbackBy: Date): Promise<void> {
  const remindAt = new Date(feedbackBy.getTime() - FEEDBACK_REMIND_BEFORE_DAYS * DAY_MS);
  await tx.jobs.schedule({ kind: DEADLINE_JOBS.feedbackReminder, runAt: remindAt, payload: { caseId }, key: key(caseId, "feedback", "remind") }, clock);
  await tx.jobs.schedule({ kind: DEADLINE_JOBS.feedbackDue, runAt: feedbackBy, payload: { caseId }, key: key(caseId, "feedback", "due") }, clock);
}

export const cancelDeadlineTimers = (tx: CaseDb, caseId: string, deadline: Deadline) => tx.jobs.cancel(`case:${caseId}:${deadline}:`);

/** Is the deadline still open? Acknowledge: still "received". Feedback: no feedback yet and not closed. */
function pending(row: CaseRow, deadline: Deadline): boolean {
  return deadline === "acknowledge" ? row.status === "received" : row.feedbackAt === null && row.status !== "closed";
}

const dueOf = (row: CaseRow, deadline: Deadline) => (deadline === "acknowledge" ? row.acknowledgeBy : row.feedbackBy!);

/** Job handlers for the two deadlines: a reminder before each, an escalation when it is missed. */
export function deadlineJobHandlers(ctx: CaseContext): Record<string, CaseJobHandler> {
  const load = async (tx: CaseDb, payload: Record<string, unknown>) => tx.cases.find({ id: String(payload.caseId) });

  const remind = (deadline: Deadline): CaseJobHandler => async (tx, payload) => {
    const row = await load(tx, payload);
    // A reminder that runs late (after the deadline) is moot: the escalation says more.
    if (!row || !pending(row, deadline) || dueOf(row, deadline) <= ctx.clock.now()) return;
    const due = dueOf(row, deadline).toISOString();
    await notifyHandlers(tx, ctx.clock, activeHandlerIds(row), HANDLER_KINDS.deadlineReminder, { caseId: row.id, caseNumber: row.number, deadline, due });
    await tx.audit.append({ actor: "system", action: "case.deadline_reminder", subjectType: SUBJECT, subjectId: row.id, details: { deadline } }, ctx);
  };

  const missed = (deadline: Deadline): CaseJobHandler => async (tx, payload) => {
    const row = await load(tx, payload);
    if (!row || !pending(row, deadline)) return;
    await escalate(tx, ctx, row, deadline);
    if (deadline === "acknowledge" && !row.feedbackBy) {
      // No acknowledgement: the feedback clock runs from the end of the 7 days.
      const feedbackBy = feedbackByOf(null, row.acknowledgeBy);
      await tx.cases.update(row.id, { feedbackBy });
      await scheduleFeedbackTimers(tx, ctx.clock, row.id, feedbackBy);
    }
  };

  return {
    [DEADLINE_JOBS.acknowledgeReminder]: remind("acknowledge"),
    [DEADLINE_JOBS.acknowledgeDue]: missed("acknowledge"),
    [DEADLINE_JOBS.feedbackReminder]: remind("feedback"),
    [DEADLINE_JOBS.feedbackDue]: missed("feedback"),
  };
}

/** The people a missed deadline goes to: the ethics officer, else the Audit Committee, else the Board; never excluded people or the current handlers. */
const ESCALATION_ORDER = ["ethics_officer", "audit_committee", "director"] as const;

async function escalate(tx: CaseDb, ctx: CaseContext, row: CaseRow, deadline: Deadline): Promise<void> {
  const directory = tx.directory;
  const excluded = await excludedPeople(directory, ctx.keyring, row);
  const handlers = activeHandlerIds(row);
  let targets: string[] = [];
  for (const role of ESCALATION_ORDER) {
    targets = (await directory.holdersOf(role)).map((p) => p.id).filter((id) => !excluded.has(id) && !handlers.includes(id));
    if (targets.length) break;
  }
  const now = ctx.clock.now();
  const due = dueOf(row, deadline).toISOString();
  for (const personId of targets) await tx.cases.addHandler(row.id, personId, "escalation", now);
  const payload = { caseId: row.id, caseNumber: row.number, deadline, due };
  await notifyHandlers(tx, ctx.clock, handlers, HANDLER_KINDS.deadlineMissed, payload);
  await notifyHandlers(tx, ctx.clock, targets, HANDLER_KINDS.escalated, payload);
  await tx.audit.append({ actor: "system", action: "case.escalated", subjectType: SUBJECT, subjectId: row.id, details: { deadline, to: targets } }, ctx);
  if (!targets.length) ctx.logger.warn({ caseNumber: row.number, deadline }, "case deadline missed and no one is left to escalate to");
}
