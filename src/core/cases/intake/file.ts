import { randomUUID } from "node:crypto";
import { pseudonymOf, SUBJECT, type CaseContext } from "../context.ts";
import { sealReport, sealReporter } from "../sealing.ts";
import { acknowledgeByOf, scheduleAcknowledgeTimers } from "../deadlines.ts";
import { HANDLER_KINDS, notifyHandlers, notifyReporter, REPORTER_KINDS } from "../notifications.ts";
import { claimNoticeIn } from "../notice.ts";
import { receiptDigest } from "../receipt.ts";
import { claimReporterTag } from "../reporterTags.ts";
import { route, type Route } from "../routing.ts";
import type { CaseDb } from "../store.ts";
import type { FileOptions, FileResult, Priority, Receipt, ReportDraft, ReportInput } from "../types.ts";
import { TOO_MANY_REPORTS } from "../../limits/rateLimit.ts";
import { validateReport } from "./validate.ts";

export const UNAVAILABLE =
  "Reports cannot be filed right now: the administrator has not set REPORTS_ENCRYPTION_KEY. Nothing was sent; your text is kept below.";
export const NO_RECIPIENT =
  "Everyone inside the company who could receive this report is named in it, so it was not filed. Your text is kept below. You can report to an outside authority instead (for accounting or securities matters, the SEC's Office of the Whistleblower; in the EU, your country's competent authority).";
export const UNKNOWN_REPORTER = "You are not in the company directory yet, so a report cannot be filed. Your text is kept below.";
export const ALREADY_FILED = "This report was already filed.";

/** Thrown inside the filing transaction to undo it: this submission was filed before. */
class AlreadyFiled extends Error {}

/** Validates, routes and files a report; the reporter gets a receipt at once. */
export async function fileReport(ctx: CaseContext, reporterId: string, raw: unknown, options: FileOptions = {}): Promise<FileResult> {
  const draft: ReportDraft = raw && typeof raw === "object" && !Array.isArray(raw) ? { ...(raw as ReportDraft) } : {};
  if (!ctx.keyring.available) return { ok: false, fieldErrors: {}, formError: UNAVAILABLE, draft };
  const reporter = await ctx.directory.get(reporterId);
  if (!reporter) return { ok: false, fieldErrors: {}, formError: UNKNOWN_REPORTER, draft };
  if (!ctx.limits.filing.allows(reporter.id)) {
    ctx.logger.warn({}, "report not filed: the reporter reached REPORTS_PER_DAY");
    return { ok: false, fieldErrors: {}, formError: TOO_MANY_REPORTS, draft };
  }

  const checked = await validateReport(raw, ctx.directory, ctx.categories);
  if (!checked.ok) return checked;
  const input = checked.input;
  // Exclusion works on people as the directory knows them now (an enrolled id merged into a file id).
  const involved = [...new Set(await Promise.all(input.involved.map(async (id) => (await ctx.directory.get(id))?.id ?? id)))];
  const routing = await route(
    { recipient: input.recipient, directorId: input.directorId, category: ctx.categories[input.category], reporterId: reporter.id, involved },
    ctx.directory,
  );
  if (!routing.handlers.length) {
    ctx.logger.warn({ category: input.category }, "report not filed: everyone who could receive it is excluded");
    return { ok: false, fieldErrors: {}, formError: NO_RECIPIENT, draft };
  }

  let filed;
  try {
    filed = await ctx.store.transaction(async (tx) => {
      // First, so that a second filing of the same submission waits here for the first, then stops.
      if (options.once && !(await tx.cases.claimSubmission(`report:once:${options.once}`))) throw new AlreadyFiled();
      const showTypedMessageNotice = await claimNoticeIn(tx, ctx, reporter.id);
      const opened = await openCase(tx, ctx, { input, involved, reporterId: reporter.id, routing, priority: "normal", linkedCaseId: null, showTypedMessageNotice });
      return { ...opened, showTypedMessageNotice };
    });
  } catch (error) {
    if (!(error instanceof AlreadyFiled)) throw error;
    return { ok: false, fieldErrors: {}, formError: ALREADY_FILED, draft, alreadyFiled: true };
  }
  ctx.limits.filing.record(reporter.id);
  ctx.logger.info({ caseNumber: filed.receipt.caseNumber, routedTo: routing.routedTo, handlers: routing.handlers.length }, "case filed");
  return { ok: true, caseNumber: filed.receipt.caseNumber, receipt: filed.receipt, showTypedMessageNotice: filed.showTypedMessageNotice };
}

export interface OpenCaseSpec {
  /** As submitted: the receipt covers exactly this. */
  input: ReportInput;
  /** Current directory ids of the people involved: stored, and excluded. */
  involved: string[];
  reporterId: string;
  routing: Route;
  priority: Priority;
  linkedCaseId: string | null;
  /** Whether the receipt tells the reporter that messages typed in the chat stay in its history. */
  showTypedMessageNotice?: boolean;
}

/**
 * Creates the case, its handlers, notifications (the reporter's receipt among them: owed, so it goes
 * through the outbox), audit entries and deadline timers in the caller's transaction.
 */
export async function openCase(tx: CaseDb, ctx: CaseContext, spec: OpenCaseSpec): Promise<{ id: string; receipt: Receipt }> {
  const { input, routing } = spec;
  const keyring = ctx.keyring;
  const now = ctx.clock.now();
  const id = randomUUID();
  const number = await tx.cases.allocateNumber(now.getUTCFullYear());
  const acknowledgeBy = acknowledgeByOf(now);
  const digest = receiptDigest(keyring, number, now, input);
  const { what, when, where, directorId } = input;
  await tx.cases.insert({
    id,
    number,
    category: input.category,
    section: ctx.categories[input.category].section,
    mode: input.mode,
    priority: spec.priority,
    status: "received",
    recipient: null,
    routedTo: routing.routedTo!,
    content: sealReport(keyring, id, { what, when, where, involved: spec.involved, directorId, recipient: input.recipient }),
    reporterLink: sealReporter(keyring, id, spec.reporterId),
    reporterTag: await claimReporterTag(tx, keyring, spec.reporterId),
    receiptDigest: digest,
    linkedCaseId: spec.linkedCaseId,
    filedAt: now,
    acknowledgeBy,
  });
  const audit = (actor: string, action: string, details: Record<string, unknown>) =>
    tx.audit.append({ actor, action, subjectType: SUBJECT, subjectId: id, details }, ctx);
  await audit(pseudonymOf(number), "case.filed", {
    category: input.category,
    mode: input.mode,
    priority: spec.priority,
    routedTo: routing.routedTo,
    ...(spec.linkedCaseId ? { linkedCaseId: spec.linkedCaseId } : {}),
  });
  for (const personId of routing.handlers) {
    await tx.cases.addHandler(id, personId, "routing", now);
    await audit("system", "case.assigned", { to: personId, reason: "routing" });
  }
  await notifyHandlers(tx, ctx.clock, routing.handlers, HANDLER_KINDS.assigned, { caseId: id, caseNumber: number, priority: spec.priority, reason: "routing" });
  await scheduleAcknowledgeTimers(tx, ctx.clock, id, acknowledgeBy);
  const route = { chosen: input.recipient, passedOver: routing.passedOver, someLeftOut: routing.someLeftOut, auditCommitteeToo: routing.auditCommitteeToo, namesPeople: spec.involved.length > 0 };
  const receipt: Receipt = { caseNumber: number, filedAt: now, digest, mode: input.mode, routedTo: routing.routedTo!, acknowledgeBy, route };
  await notifyReporter(tx, ctx, spec.reporterId, {
    kind: REPORTER_KINDS.filed,
    caseNumber: number,
    receipt,
    showTypedMessageNotice: spec.showTypedMessageNotice ?? false,
    anonymous: input.mode === "anonymous",
  });
  return { id, receipt };
}
