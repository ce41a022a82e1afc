// What a case's handlers do: view, write to the reporter, note, move the case through its states,
// reassign, put it on legal hold. Everyone else gets "No such case."
import { randomUUID } from "node:crypto";
import { asHandler, fail } from "./access.ts";
import { pseudonymOf, SUBJECT, type CaseContext } from "./context.ts";
import { reporterIdOf, sealMessage } from "./sealing.ts";
import { describeTrail } from "./history.ts";
import { notAssignable } from "./exclusions.ts";
import { scheduleCheckins } from "./checkins.ts";
import { cancelDeadlineTimers, feedbackByOf, scheduleFeedbackTimers } from "./deadlines.ts";
import { validateMessage } from "./intake/validate.ts";
import { HANDLER_KINDS, notifyHandlers, notifyReporter, REPORTER_KINDS } from "./notifications.ts";
import { cancelPurge, schedulePurge } from "./retention.ts";
import { OUTCOMES, type CaseOutcome, type CaseResult, type CaseStatus, type CaseSummary, type CaseView, type HistoryItem, type ListOptions } from "./types.ts";
import { activeHandlerIds, type CaseDb, type CaseRow } from "./store.ts";
import { caseViewOf, summaryOf } from "./views.ts";

const audit = (tx: CaseDb, ctx: CaseContext, actor: string, row: CaseRow, action: string, details: Record<string, unknown> = {}) =>
  tx.audit.append({ actor, action, subjectType: SUBJECT, subjectId: row.id, details }, ctx);

const ok = <T>(value: T): CaseResult<T> => ({ ok: true, value });

export async function view(ctx: CaseContext, actorId: string, number: string): Promise<CaseResult<CaseView>> {
  const loaded = await asHandler(ctx, actorId, number, async (tx, row) => {
    await audit(tx, ctx, actorId, row, "case.viewed");
    const linked = [...(row.linkedCaseId ? [await tx.cases.numberOf(row.linkedCaseId)] : []), ...(await tx.cases.numbersLinkedTo(row.id))];
    return ok({ row, messages: await tx.cases.messagesOf(row.id), linked: linked.filter((n): n is string => n !== null) });
  });
  if (!loaded.ok) return loaded;
  return ok(await caseViewOf(ctx, loaded.value.row, loaded.value.messages, loaded.value.linked));
}

/** The case's whole audit trail, for its handlers: who did what when (never content), oldest first. */
export async function trailForHandler(ctx: CaseContext, actorId: string, number: string): Promise<CaseResult<HistoryItem[]>> {
  const loaded = await asHandler(ctx, actorId, number, async (tx, row) => ok({ row, trail: await tx.audit.trail(SUBJECT, row.id) }));
  if (!loaded.ok) return loaded;
  const pseudonym = pseudonymOf(loaded.value.row.number);
  return ok(await describeTrail(ctx, loaded.value.trail, pseudonym, pseudonym));
}

export async function listForHandler(ctx: CaseContext, actorId: string, options: ListOptions = {}): Promise<CaseSummary[]> {
  return (await ctx.store.cases.listForHandler(actorId, options.limit)).map((row) => summaryOf(ctx, row));
}

async function writeMessage(tx: CaseDb, ctx: CaseContext, row: CaseRow, kind: "to_reporter" | "note", authorId: string, text: string): Promise<string> {
  const id = randomUUID();
  await tx.cases.insertMessage({ id, caseId: row.id, kind, authorId, body: sealMessage(ctx.keyring, row.id, id, text), at: ctx.clock.now() });
  return id;
}

/** A message to the reporter, relayed through the bot; in anonymous mode the handler never learns who gets it. */
export function messageReporter(ctx: CaseContext, actorId: string, number: string, text: unknown): Promise<CaseResult<{ messageId: string }>> {
  const checked = validateMessage(text);
  if (!checked.ok) return Promise.resolve(fail("invalid", checked.message, { text: checked.message }));
  return asHandler(ctx, actorId, number, async (tx, row) => {
    const reporterId = reporterIdOf(ctx.keyring, row);
    if (!reporterId) return fail("invalid_state", "This case's content was purged; the reporter can no longer be reached.");
    const messageId = await writeMessage(tx, ctx, row, "to_reporter", actorId, checked.text);
    await audit(tx, ctx, actorId, row, "case.message_to_reporter", { messageId });
    await notifyReporter(tx, ctx, reporterId, { kind: REPORTER_KINDS.message, caseNumber: row.number, messageId, anonymous: row.mode === "anonymous" });
    if (row.status !== "received" && !row.feedbackAt) await recordFeedback(tx, ctx, row);
    return ok({ messageId });
  });
}

/** An internal note between handlers: never sent or shown to the reporter. */
export function addNote(ctx: CaseContext, actorId: string, number: string, text: unknown): Promise<CaseResult<{ messageId: string }>> {
  const checked = validateMessage(text);
  if (!checked.ok) return Promise.resolve(fail("invalid", checked.message, { text: checked.message }));
  return asHandler(ctx, actorId, number, async (tx, row) => {
    if (row.purgedAt) return fail("invalid_state", "This case's content was purged.");
    const messageId = await writeMessage(tx, ctx, row, "note", actorId, checked.text);
    await audit(tx, ctx, actorId, row, "case.note_added", { messageId });
    return ok({ messageId });
  });
}

/** Feedback given (a message after acknowledgement, or closing): the 3-month clock stops. */
async function recordFeedback(tx: CaseDb, ctx: CaseContext, row: CaseRow): Promise<void> {
  await tx.cases.update(row.id, { feedbackAt: ctx.clock.now() });
  await cancelDeadlineTimers(tx, row.id, "feedback");
}

const NEXT: Record<CaseStatus, CaseStatus[]> = {
  received: ["acknowledged"],
  acknowledged: ["investigating", "closed"],
  investigating: ["closed"],
  closed: [],
};

/** The statuses a case in `status` can move to next. */
export const nextStatuses = (status: CaseStatus): readonly CaseStatus[] => NEXT[status] ?? [];

/** received → acknowledged → investigating → closed (with an outcome); each change is told to the reporter. */
export function setStatus(ctx: CaseContext, actorId: string, number: string, to: CaseStatus, outcome?: CaseOutcome): Promise<CaseResult<{ status: CaseStatus }>> {
  if (to === "closed" && !OUTCOMES.includes(outcome as CaseOutcome)) {
    const message = `Choose an outcome: ${OUTCOMES.join(", ")}`;
    return Promise.resolve(fail("invalid", message, { outcome: message }));
  }
  return asHandler(ctx, actorId, number, async (tx, row) => {
    const from = row.status as CaseStatus;
    if (!NEXT[from]?.includes(to)) return fail("invalid_state", from === "closed" ? "The case is closed." : `A ${from} case cannot become ${to}.`);
    const now = ctx.clock.now();
    if (to === "acknowledged") {
      const feedbackBy = feedbackByOf(now, row.acknowledgeBy);
      await tx.cases.update(row.id, { status: to, acknowledgedAt: now, feedbackBy });
      await cancelDeadlineTimers(tx, row.id, "acknowledge");
      // After a missed acknowledgement the feedback timers already run (from the 7-day mark).
      if (!row.feedbackAt && !row.feedbackBy) await scheduleFeedbackTimers(tx, ctx.clock, row.id, feedbackBy);
    } else if (to === "closed") {
      await tx.cases.update(row.id, { status: to, outcome: outcome!, closedAt: now });
      if (!row.feedbackAt) await recordFeedback(tx, ctx, row);
      await scheduleCheckins(tx, ctx.clock, row.id, now);
      await schedulePurge(tx, ctx, row.id, now);
    } else {
      await tx.cases.update(row.id, { status: to });
    }
    await audit(tx, ctx, actorId, row, "case.status_changed", { from, to, ...(to === "closed" ? { outcome } : {}) });
    const reporterId = reporterIdOf(ctx.keyring, row);
    if (reporterId) {
      await notifyReporter(tx, ctx, reporterId, { kind: REPORTER_KINDS.statusChanged, caseNumber: row.number, status: to, outcome: outcome ?? null, anonymous: row.mode === "anonymous" });
    }
    ctx.logger.info({ caseNumber: row.number, status: to }, "case status changed");
    return ok({ status: to });
  });
}

export const NOT_ELIGIBLE = "This person cannot be assigned to this case.";

/**
 * Hands the case to another person (and, unless `stay`, gives up access). Never to anyone the
 * report names, nor to a confidential case's reporter (`notAssignable`: people the handler sees
 * in the case). An anonymous reporter is treated like anyone else, so a refusal cannot single
 * them out. Every refusal has one message and is audited without naming the person.
 */
export async function reassign(ctx: CaseContext, actorId: string, number: string, toPersonId: string, options: { stay?: boolean } = {}): Promise<CaseResult<{ handlers: string[] }>> {
  const target = await ctx.directory.get(toPersonId);
  return asHandler(ctx, actorId, number, async (tx, row) => {
    if (row.purgedAt) return fail("invalid_state", "This case's content was purged.");
    const excluded = await notAssignable(tx.directory, ctx.keyring, row);
    if (!target || target.id === actorId || excluded.has(target.id) || !(await tx.people.isActive(target.id))) {
      await audit(tx, ctx, actorId, row, "case.reassign_refused");
      return fail("not_eligible", NOT_ELIGIBLE);
    }
    const now = ctx.clock.now();
    const already = activeHandlerIds(row).includes(target.id);
    if (!already) {
      await tx.cases.addHandler(row.id, target.id, "reassign", now);
      await audit(tx, ctx, actorId, row, "case.assigned", { to: target.id, reason: "reassign" });
      await notifyHandlers(tx, ctx.clock, [target.id], HANDLER_KINDS.assigned, { caseId: row.id, caseNumber: row.number, priority: row.priority as "normal" | "high", reason: "reassign" });
    }
    if (!options.stay) {
      await tx.cases.removeHandler(row.id, actorId, now);
      await audit(tx, ctx, actorId, row, "case.unassigned", { from: actorId });
    }
    const handlers = new Set(activeHandlerIds(row));
    handlers.add(target.id);
    if (!options.stay) handlers.delete(actorId);
    return ok({ handlers: [...handlers] });
  });
}

export interface Candidate {
  id: string;
  name: string;
}

/**
 * Who the case may be handed to (for a surface's picker): active people in the directory other
 * than the actor, its current handlers and `notAssignable` (so never computed from an anonymous
 * reporter); matched on name or email by `query`, at most `limit`. `reassign` accepts exactly these (and current handlers).
 */
export function reassignCandidates(ctx: CaseContext, actorId: string, number: string, query = "", limit = 15): Promise<CaseResult<Candidate[]>> {
  return asHandler(ctx, actorId, number, async (tx, row) => {
    if (row.purgedAt) return fail("invalid_state", "This case's content was purged.");
    const excluded = [...(await notAssignable(tx.directory, ctx.keyring, row)), ...activeHandlerIds(row), actorId];
    const text = query.trim().slice(0, 100);
    const people = await tx.people.search({ excluded, text, take: Math.max(1, Math.min(limit, 50)) });
    return ok(people);
  });
}

/** A case on legal hold is never purged; lifting the hold makes a closed case purgeable again. */
export function legalHold(ctx: CaseContext, actorId: string, number: string, on: boolean): Promise<CaseResult<{ legalHold: boolean }>> {
  return asHandler(ctx, actorId, number, async (tx, row) => {
    if (row.purgedAt) return fail("invalid_state", "This case's content was already purged.");
    await tx.cases.update(row.id, { legalHold: on });
    if (on) await cancelPurge(tx, row.id);
    else if (row.closedAt) await schedulePurge(tx, ctx, row.id, row.closedAt);
    await audit(tx, ctx, actorId, row, "case.legal_hold", { on });
    return ok({ legalHold: on });
  });
}
