import { answerCheckin, checkinJobHandlers, type CheckinAnswer } from "./checkins.ts";
import { withDefaults, type CaseServiceDeps } from "./context.ts";
import { deadlineJobHandlers } from "./deadlines.ts";
import { addNote, legalHold, listForHandler, messageReporter, reassign, reassignCandidates, setStatus, trailForHandler, view, type Candidate } from "./handling.ts";
import { fileReport } from "./intake/file.ts";
import { openReporterNotice, type ReporterNotice } from "./notifications.ts";
import { claimTypedMessageNotice, historyForReporter, listForReporter, messageHandlers, privateUpdate, verifyReceipt, viewAsReporter } from "./reporter.ts";
import { checkReceipt, type ReceiptCheckResult, type ReceiptCheckStore } from "./receiptCheck.ts";
import { retentionJobHandlers } from "./retention.ts";
import type { CaseJobHandler } from "./store.ts";
import { SUBJECT } from "./context.ts";
import { rerouteUndelivered, undeliveredCount } from "./undelivered.ts";
import type {
  CaseOutcome,
  CaseResult,
  CaseStatus,
  CaseSummary,
  CaseView,
  FileOptions,
  FileResult,
  HistoryItem,
  ListOptions,
  PrivateUpdate,
  Receipt,
  ReceiptCheck,
  ReporterCaseSummary,
  ReporterCaseView,
} from "./types.ts";

/**
 * The Report use cases, platform-neutral. Person ids are directory ids (surfaces resolve platform
 * users first). Handler operations answer "No such case." to anyone who is not a current handler.
 */
/** An outbox row as far as opening a reporter notification needs it. */
type OutboxRow = { id: string; recipientId: string; kind: string; payload: unknown };

export interface CaseService {
  // Reporter
  fileReport(reporterId: string, draft: unknown, options?: FileOptions): Promise<FileResult>;
  /** Newest first; `limit` for a screen that shows only the latest few (App Home). */
  listForReporter(reporterId: string, options?: ListOptions): Promise<ReporterCaseSummary[]>;
  viewAsReporter(reporterId: string, caseNumber: string): Promise<CaseResult<ReporterCaseView>>;
  /** What a "private update" button (its opaque id) opens, for the person who pressed it if it is theirs. */
  privateUpdate(personId: string, updateId: string): Promise<CaseResult<PrivateUpdate>>;
  messageHandlers(reporterId: string, caseNumber: string, text: unknown, via: "form" | "typed"): Promise<CaseResult<{ messageId: string; showTypedMessageNotice: boolean }>>;
  historyForReporter(reporterId: string, caseNumber: string): Promise<CaseResult<HistoryItem[]>>;
  answerCheckin(reporterId: string, caseNumber: string, day: number, answer: "yes" | "no"): Promise<CaseResult<CheckinAnswer>>;
  claimTypedMessageNotice(reporterId: string): Promise<boolean>;
  verifyReceipt(receipt: Pick<Receipt, "caseNumber" | "filedAt" | "digest">, submission: unknown): Promise<ReceiptCheck>;
  /**
   * Checks a receipt (case number and proof-of-filing code): valid or not, nothing more; audited
   * without saying who asked. `who` is the rate-limit key (a person id; null for the console).
   */
  checkReceipt(who: string | null, caseNumber: string, code: string, via: "slack" | "teams" | "console"): Promise<ReceiptCheckResult>;
  // Handlers
  view(actorId: string, caseNumber: string): Promise<CaseResult<CaseView>>;
  listForHandler(actorId: string, options?: ListOptions): Promise<CaseSummary[]>;
  /** The case's audit trail (who did what when, no content), for its current handlers only. */
  trailForHandler(actorId: string, caseNumber: string): Promise<CaseResult<HistoryItem[]>>;
  messageReporter(actorId: string, caseNumber: string, text: unknown): Promise<CaseResult<{ messageId: string }>>;
  addNote(actorId: string, caseNumber: string, text: unknown): Promise<CaseResult<{ messageId: string }>>;
  acknowledge(actorId: string, caseNumber: string): Promise<CaseResult<{ status: CaseStatus }>>;
  setStatus(actorId: string, caseNumber: string, status: CaseStatus, outcome?: CaseOutcome): Promise<CaseResult<{ status: CaseStatus }>>;
  close(actorId: string, caseNumber: string, outcome: CaseOutcome): Promise<CaseResult<{ status: CaseStatus }>>;
  reassign(actorId: string, caseNumber: string, toPersonId: string, options?: { stay?: boolean }): Promise<CaseResult<{ handlers: string[] }>>;
  /** Who `reassign` would accept (active, not named in the report, not a confidential case's reporter, not already a handler), matched by name or email. */
  reassignCandidates(actorId: string, caseNumber: string, query?: string, limit?: number): Promise<CaseResult<Candidate[]>>;
  legalHold(actorId: string, caseNumber: string, on: boolean): Promise<CaseResult<{ legalHold: boolean }>>;
  // Delivery and timers
  /** Opens the sealed ref of a reporter notification (kinds case.reporter.*); null for anything else. */
  openReporterNotice(message: OutboxRow): ReporterNotice | null;
  /** Who a reporter notification is for (its recipient is sealed in the row); null for anything else. */
  reporterNoticeRecipient(message: OutboxRow): string | null;
  /** Passes on handler notices still undelivered after UNDELIVERED_REROUTE_HOURS (worker); how many. */
  rerouteUndelivered(): Promise<number>;
  /** For an ethics officer, how many messages are undelivered (failed, or pending that long); null for anyone else. */
  undeliveredCount(actorId: string): Promise<number | null>;
  /** Handlers for the job runner (src/store/caseStore.ts: caseJobHandlers): deadlines, escalations, retaliation check-ins, retention purge. */
  jobHandlers: Record<string, CaseJobHandler>;
}

export function createCaseService(deps: CaseServiceDeps): CaseService {
  const ctx = withDefaults(deps);
  const receiptStore: ReceiptCheckStore = {
    findCase: (number) => ctx.store.cases.findForReceipt(number),
    audit: ({ subjectId, valid, via }) =>
      ctx.store.transaction((tx) => tx.audit.append({ actor: "receipt check", action: "case.receipt_checked", subjectType: SUBJECT, subjectId, details: { valid, via } }, ctx)),
  };
  return {
    fileReport: (reporterId, draft, options) => fileReport(ctx, reporterId, draft, options),
    listForReporter: (reporterId, options) => listForReporter(ctx, reporterId, options),
    viewAsReporter: (reporterId, number) => viewAsReporter(ctx, reporterId, number),
    privateUpdate: (personId, updateId) => privateUpdate(ctx, personId, updateId),
    messageHandlers: (reporterId, number, text, via) => messageHandlers(ctx, reporterId, number, text, via),
    historyForReporter: (reporterId, number) => historyForReporter(ctx, reporterId, number),
    answerCheckin: (reporterId, number, day, answer) => answerCheckin(ctx, reporterId, number, day, answer),
    claimTypedMessageNotice: (reporterId) => claimTypedMessageNotice(ctx, reporterId),
    verifyReceipt: (receipt, submission) => verifyReceipt(ctx, receipt, submission),
    checkReceipt: (who, number, code, via) => checkReceipt(ctx, receiptStore, who, number, code, via),
    view: (actorId, number) => view(ctx, actorId, number),
    listForHandler: (actorId, options) => listForHandler(ctx, actorId, options),
    trailForHandler: (actorId, number) => trailForHandler(ctx, actorId, number),
    messageReporter: (actorId, number, text) => messageReporter(ctx, actorId, number, text),
    addNote: (actorId, number, text) => addNote(ctx, actorId, number, text),
    acknowledge: (actorId, number) => setStatus(ctx, actorId, number, "acknowledged"),
    setStatus: (actorId, number, status, outcome) => setStatus(ctx, actorId, number, status, outcome),
    close: (actorId, number, outcome) => setStatus(ctx, actorId, number, "closed", outcome),
    reassign: (actorId, number, to, options) => reassign(ctx, actorId, number, to, options),
    reassignCandidates: (actorId, number, query, limit) => reassignCandidates(ctx, actorId, number, query, limit),
    legalHold: (actorId, number, on) => legalHold(ctx, actorId, number, on),
    openReporterNotice(message) {
      const opened = openReporterNotice(ctx.keyring, message);
      if (!opened) return null;
      const { recipientId: _recipient, ...notice } = opened;
      return notice as ReporterNotice;
    },
    reporterNoticeRecipient: (message) => openReporterNotice(ctx.keyring, message)?.recipientId ?? null,
    rerouteUndelivered: () => rerouteUndelivered(ctx, ctx.rerouteAfterMs),
    undeliveredCount: (actorId) => undeliveredCount(ctx, actorId, ctx.rerouteAfterMs),
    jobHandlers: { ...deadlineJobHandlers(ctx), ...checkinJobHandlers(ctx), ...retentionJobHandlers(ctx) },
  };
}
