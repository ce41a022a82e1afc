import { categoryLabel, pseudonymOf, type CaseContext } from "./context.ts";
import { openMessage, openReport, reporterIdOf } from "./sealing.ts";
import type { CaseOutcome, CaseStatus, CaseSummary, CaseView, PersonRef, Priority, ReporterCaseView, ThreadItem, ThreadKind } from "./types.ts";
import type { Category } from "./categories.ts";
import { activeHandlerIds, type CaseRecord, type CaseRow, type MessageRecord } from "./store.ts";

/** Names for person ids, through the directory (outside any transaction). */
async function namesOf(ctx: CaseContext, ids: Iterable<string>): Promise<Map<string, PersonRef>> {
  const names = new Map<string, PersonRef>();
  for (const id of new Set(ids)) {
    const person = await ctx.directory.get(id);
    names.set(id, { id, name: person?.name ?? "(no longer in the directory)" });
  }
  return names;
}

export function summaryOf(ctx: CaseContext, row: CaseRecord): CaseSummary {
  const now = ctx.clock.now().getTime();
  return {
    number: row.number,
    category: row.category as Category,
    categoryLabel: categoryLabel(ctx, row.category),
    priority: row.priority as Priority,
    status: row.status as CaseStatus,
    filedAt: row.filedAt,
    acknowledgeBy: row.acknowledgeBy,
    feedbackBy: row.feedbackBy,
    acknowledgedAt: row.acknowledgedAt,
    feedbackAt: row.feedbackAt,
    overdue: {
      acknowledge: !row.acknowledgedAt && row.acknowledgeBy.getTime() < now,
      feedback: !row.feedbackAt && row.feedbackBy !== null && row.feedbackBy.getTime() < now,
    },
  };
}

/** What handlers see. In anonymous mode nothing here derives from the reporter's identity. */
export async function caseViewOf(ctx: CaseContext, row: CaseRow, messages: MessageRecord[], linkedCases: string[]): Promise<CaseView> {
  const report = openReport(ctx.keyring, row);
  const handlerIds = activeHandlerIds(row);
  const reporterId = row.mode === "confidential" ? reporterIdOf(ctx.keyring, row) : null;
  const names = await namesOf(ctx, [...handlerIds, ...(report?.involved ?? []), ...messages.flatMap((m) => (m.authorId ? [m.authorId] : [])), ...(reporterId ? [reporterId] : [])]);
  const reporterLabel = reporterId ? names.get(reporterId)!.name : pseudonymOf(row.number);
  return {
    id: row.id,
    number: row.number,
    category: row.category as Category,
    categoryLabel: categoryLabel(ctx, row.category),
    section: row.section,
    mode: row.mode as CaseView["mode"],
    priority: row.priority as Priority,
    status: row.status as CaseStatus,
    outcome: row.outcome as CaseOutcome | null,
    reporter: reporterId ? { kind: "named", person: names.get(reporterId)! } : { kind: "anonymous", pseudonym: pseudonymOf(row.number) },
    report: report ? { what: report.what, when: report.when, where: report.where, involved: report.involved.map((id) => names.get(id)!) } : null,
    recipient: report?.recipient ?? (row.recipient as CaseView["recipient"]),
    routedTo: row.routedTo as CaseView["routedTo"],
    handlers: handlerIds.map((id) => names.get(id)!),
    filedAt: row.filedAt,
    acknowledgeBy: row.acknowledgeBy,
    acknowledgedAt: row.acknowledgedAt,
    feedbackBy: row.feedbackBy,
    feedbackAt: row.feedbackAt,
    closedAt: row.closedAt,
    legalHold: row.legalHold,
    purgedAt: row.purgedAt,
    linkedCases,
    thread: messages.map((m) => threadItem(ctx, row, m, m.authorId ? names.get(m.authorId)!.name : reporterLabel)),
  };
}

/** What the reporter sees: their exchange with the handlers, never internal notes. */
export async function reporterViewOf(ctx: CaseContext, row: CaseRow, messages: MessageRecord[], openCheckins: number[]): Promise<ReporterCaseView> {
  const shared = messages.filter((m) => m.kind !== "note");
  const names = await namesOf(ctx, shared.flatMap((m) => (m.authorId ? [m.authorId] : [])));
  return {
    number: row.number,
    category: row.category as Category,
    categoryLabel: categoryLabel(ctx, row.category),
    mode: row.mode as ReporterCaseView["mode"],
    status: row.status as CaseStatus,
    outcome: row.outcome as CaseOutcome | null,
    filedAt: row.filedAt,
    thread: shared.map((m) => threadItem(ctx, row, m, m.authorId ? names.get(m.authorId)!.name : "You")),
    openCheckins,
    receipt: row.receiptDigest,
  };
}

function threadItem(ctx: CaseContext, row: CaseRow, m: MessageRecord, author: string): ThreadItem {
  return { id: m.id, kind: m.kind as ThreadKind, author, authorId: m.authorId, at: m.at, text: openMessage(ctx.keyring, row.id, m.id, m.body) };
}
