// What the reporter does with their own cases: list, read the thread, write to the handlers, see
// the history (who acted when, never note content), answer check-ins, prove what they filed.
import { randomUUID } from "node:crypto";
import { asReporter, fail, reporterCases } from "./access.ts";
import { categoryLabel, pseudonymOf, SUBJECT, type CaseContext } from "./context.ts";
import { sealMessage } from "./sealing.ts";
import { validateMessage, validateReport } from "./intake/validate.ts";
import { HANDLER_KINDS, notifyHandlers, openReporterNotice, type ReporterNotice } from "./notifications.ts";
import { claimNoticeIn } from "./notice.ts";
import { describeTrail } from "./history.ts";
import { digestMatches } from "./receipt.ts";
import type { CaseOutcome, CaseResult, CaseStatus, HistoryItem, ListOptions, PrivateUpdate, Receipt, ReceiptCheck, ReporterCaseSummary, ReporterCaseView } from "./types.ts";
import { activeHandlerIds } from "./store.ts";
import { reporterViewOf } from "./views.ts";

export async function listForReporter(ctx: CaseContext, reporterId: string, options: ListOptions = {}): Promise<ReporterCaseSummary[]> {
  return (await reporterCases(ctx.store, ctx, reporterId, undefined, options.limit)).map((row) => ({
    number: row.number,
    categoryLabel: categoryLabel(ctx, row.category),
    status: row.status as CaseStatus,
    outcome: row.outcome as CaseOutcome | null,
    filedAt: row.filedAt,
  }));
}

export async function viewAsReporter(ctx: CaseContext, reporterId: string, number: string): Promise<CaseResult<ReporterCaseView>> {
  const loaded = await asReporter(ctx, reporterId, number, async (tx, row) => {
    await tx.audit.append({ actor: pseudonymOf(row.number), action: "case.viewed_by_reporter", subjectType: SUBJECT, subjectId: row.id }, ctx);
    const messages = await tx.cases.messagesOf(row.id, ["to_reporter", "from_reporter"]);
    const checkins = (await tx.cases.openCheckins(row.id)).map((c) => c.day);
    return { ok: true as const, value: { row, messages, checkins } };
  });
  if (!loaded.ok) return loaded;
  const { row, messages, checkins } = loaded.value;
  return { ok: true, value: await reporterViewOf(ctx, row, messages, checkins) };
}

export const UPDATE_GONE = "This update is no longer available. In Slack, your reports and their messages are also on the bot's Home tab.";
const UPDATE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * What a "private update" button opens: the reporter notice behind it (the button carries only the
 * outbox row's random id) with the case as its reporter sees it, for the person who clicked, if it
 * is theirs. Anyone else, a pruned row or a forged id gets the same answer.
 */
export async function privateUpdate(ctx: CaseContext, personId: string, updateId: string): Promise<CaseResult<PrivateUpdate>> {
  const gone: CaseResult<PrivateUpdate> = fail("not_found", UPDATE_GONE);
  const row = UPDATE_ID.test(updateId) ? await ctx.store.outbox.find(updateId) : null;
  const opened = row ? openReporterNotice(ctx.keyring, row) : null;
  if (!opened) return gone;
  const { recipientId, ...notice } = opened;
  const [recipient, me] = await Promise.all([ctx.directory.get(recipientId), ctx.directory.get(personId)]);
  if (!recipient || !me || recipient.id !== me.id) return gone;
  const view = await viewAsReporter(ctx, personId, notice.caseNumber);
  return view.ok ? { ok: true, value: { notice: notice as ReporterNotice, case: view.value } } : gone;
}

/**
 * A message from the reporter to the handlers. `via`: "form" (a modal: not in the chat history) or
 * "typed" (written into the DM thread: it stays in the workspace's history). The first typed
 * message of a reporter who was never told so returns showTypedMessageNotice: true.
 */
export function messageHandlers(
  ctx: CaseContext,
  reporterId: string,
  number: string,
  text: unknown,
  via: "form" | "typed",
): Promise<CaseResult<{ messageId: string; showTypedMessageNotice: boolean }>> {
  const checked = validateMessage(text);
  if (!checked.ok) return Promise.resolve(fail("invalid", checked.message, { text: checked.message }));
  return asReporter(ctx, reporterId, number, async (tx, row) => {
    const id = randomUUID();
    await tx.cases.insertMessage({ id, caseId: row.id, kind: "from_reporter", authorId: null, via, body: sealMessage(ctx.keyring, row.id, id, checked.text), at: ctx.clock.now() });
    await tx.audit.append({ actor: pseudonymOf(row.number), action: "case.message_from_reporter", subjectType: SUBJECT, subjectId: row.id, details: { messageId: id, via } }, ctx);
    await notifyHandlers(tx, ctx.clock, activeHandlerIds(row), HANDLER_KINDS.reporterReplied, { caseId: row.id, caseNumber: row.number, messageId: id });
    const showTypedMessageNotice = via === "typed" ? await claimNoticeIn(tx, ctx, reporterId) : false;
    return { ok: true, value: { messageId: id, showTypedMessageNotice } };
  });
}

/** Internal bookkeeping with nothing to tell the reporter. */
const HIDDEN_FROM_REPORTER = new Set(["case.reassign_refused"]);

/** Who acted on the case and when, from the audit trail; person ids become names. */
export async function historyForReporter(ctx: CaseContext, reporterId: string, number: string): Promise<CaseResult<HistoryItem[]>> {
  const loaded = await asReporter(ctx, reporterId, number, async (tx, row) => ({ ok: true as const, value: { row, trail: await tx.audit.trail(SUBJECT, row.id) } }));
  if (!loaded.ok) return loaded;
  const { row, trail } = loaded.value;
  return { ok: true, value: await describeTrail(ctx, trail, pseudonymOf(row.number), "You", HIDDEN_FROM_REPORTER) };
}

/** Marks the typed-message notice shown for this reporter; true only the first time. */
export function claimTypedMessageNotice(ctx: CaseContext, reporterId: string): Promise<boolean> {
  return ctx.store.transaction((tx) => claimNoticeIn(tx, ctx, reporterId));
}

/**
 * Proves what was filed: the receipt's digest must be the server's HMAC of this submission, and
 * the digest recorded for that case number. Works after the content was purged.
 */
export async function verifyReceipt(ctx: CaseContext, receipt: Pick<Receipt, "caseNumber" | "filedAt" | "digest">, submission: unknown): Promise<ReceiptCheck> {
  const row = await ctx.store.cases.find({ number: receipt.caseNumber });
  if (!row || row.filedAt.getTime() !== new Date(receipt.filedAt).getTime()) return { valid: false, reason: "unknown case" };
  if (!ctx.keyring.ids.includes(receipt.digest.split(":")[0] ?? "")) return { valid: false, reason: "key no longer available" };
  const checked = await validateReport(submission, ctx.directory, ctx.categories);
  if (!checked.ok || row.receiptDigest !== receipt.digest) return { valid: false, reason: "digest does not match" };
  return digestMatches(ctx.keyring, row.number, row.filedAt, checked.input, receipt.digest) ? { valid: true } : { valid: false, reason: "digest does not match" };
}
