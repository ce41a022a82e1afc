// The ports of the cases core: everything it needs from storage, in its own terms. src/store/caseStore.ts
// implements them with Prisma; test/support/memory/caseStore.ts in memory (for core tests without a
// database). Sealed fields arrive sealed and leave sealed: encryption happens in the core (sealing.ts).
import type { Clock } from "../clock.ts";
import type { AuditLog } from "../auditLog.ts";
import type { DirectoryQueries } from "../directory/types.ts";

export type { AuditContext, AuditEvent, AuditLog, AuditRecord } from "../auditLog.ts";

/** A report_case row. Sealed: content, reporterLink; reporterTag is a MAC (reporterTags.ts). */
export interface CaseRecord {
  id: string;
  number: string;
  category: string;
  section: string | null;
  mode: string;
  priority: string;
  status: string;
  outcome: string | null;
  /** Cases filed before the choice was sealed into content: what the reporter chose. */
  recipient: string | null;
  routedTo: string;
  content: string | null;
  reporterLink: string | null;
  reporterTag: string | null;
  receiptDigest: string;
  linkedCaseId: string | null;
  filedAt: Date;
  acknowledgeBy: Date;
  acknowledgedAt: Date | null;
  feedbackBy: Date | null;
  feedbackAt: Date | null;
  closedAt: Date | null;
  legalHold: boolean;
  purgedAt: Date | null;
}

export interface HandlerRecord {
  caseId: string;
  personId: string;
  reason: string;
  assignedAt: Date;
  removedAt: Date | null;
}

/** A case with its handlers (current and removed), oldest assignment first. */
export type CaseRow = CaseRecord & { handlers: HandlerRecord[] };

export interface MessageRecord {
  id: string;
  /** Insertion order, for messages written at one instant. */
  seq: number;
  caseId: string;
  kind: string;
  authorId: string | null;
  /** Sealed; null once purged. */
  body: string | null;
  via: string | null;
  at: Date;
}

export interface CheckinRecord {
  caseId: string;
  day: number;
  askedAt: Date;
  answeredAt: Date | null;
  answer: string | null;
  linkedCaseId: string | null;
}

export type NewCase = Omit<CaseRecord, "outcome" | "acknowledgedAt" | "feedbackBy" | "feedbackAt" | "closedAt" | "legalHold" | "purgedAt">;
export type CaseChanges = Partial<Omit<CaseRecord, "id" | "number" | "filedAt">>;
export type NewMessage = Omit<MessageRecord, "seq" | "via"> & { via?: string | null };

/** Case rows, handlers, thread messages and check-ins. */
export interface CaseRows {
  /** The next number of the year ("C-2026-0042"), held by this transaction until it ends. */
  allocateNumber(year: number): Promise<string>;
  insert(data: NewCase): Promise<void>;
  update(id: string, changes: CaseChanges): Promise<void>;
  find(where: { id: string } | { number: string }): Promise<CaseRow | null>;
  /** Only what a receipt check reads, in one query (a wrong number and a wrong code cost alike). */
  findForReceipt(number: string): Promise<Pick<CaseRecord, "id" | "number" | "filedAt" | "receiptDigest" | "content" | "category" | "mode"> | null>;
  /** The case, only if the person is one of its current handlers. */
  findForHandler(number: string, personId: string): Promise<CaseRow | null>;
  /** Newest first; `take` bounds it. */
  listForHandler(personId: string, take?: number): Promise<CaseRecord[]>;
  /** Cases carrying one of these reporter tags (and that number, when given), newest first. */
  findByReporterTags(tags: string[], number?: string, take?: number): Promise<CaseRow[]>;
  /** Which of `tags` some case carries. */
  takenReporterTags(tags: string[]): Promise<string[]>;
  /**
   * Claims a form submission's key (a Slack view id) with this transaction: true the first time. A
   * second filing of the same form, on any replica, waits for this transaction, then gets false.
   */
  claimSubmission(key: string): Promise<boolean>;
  /** Holds a lock on `key` until the transaction ends (two filings of one reporter never take one tag). */
  lockReporter(key: number): Promise<void>;
  /** Numbers of the cases linked to this one (retaliation cases), oldest first. */
  numbersLinkedTo(caseId: string): Promise<string[]>;
  numberOf(id: string): Promise<string | null>;
  /** Adds a handler, or gives a removed one access again. */
  addHandler(caseId: string, personId: string, reason: string, at: Date): Promise<void>;
  removeHandler(caseId: string, personId: string, at: Date): Promise<void>;
  insertMessage(data: NewMessage): Promise<void>;
  /** Oldest first (by time, then insertion). */
  messagesOf(caseId: string, kinds?: string[]): Promise<MessageRecord[]>;
  updateMessageBody(id: string, body: string): Promise<void>;
  recordCheckin(caseId: string, day: number, at: Date): Promise<void>;
  openCheckins(caseId: string): Promise<CheckinRecord[]>;
  /** Answers a check-in once; false if it was not asked or is already answered. */
  answerCheckin(caseId: string, day: number, answer: string, at: Date, linkedCaseId: string | null): Promise<boolean>;
  /** Marks the typed-message notice shown under `currentTag` unless one of `tags` has it; true only for the one caller that marked it. */
  claimReporterNotice(tags: string[], currentTag: string, at: Date): Promise<boolean>;
  /** Removes a case's content: report, reporter link and tag, message bodies. */
  purge(id: string, at: Date): Promise<void>;
  /** Every case, oldest number first, in pages. */
  all(): AsyncIterable<CaseRecord>;
}

/** The recipient id of a notification whose recipient is sealed in its payload (a reporter). */
export const SEALED_RECIPIENT = "sealed";

export interface Notification {
  /** Set when the payload is sealed to this row (a reporter notice). */
  id?: string;
  /** A person id, or SEALED_RECIPIENT. */
  recipientId: string;
  kind: string;
  payload: Record<string, unknown>;
  /** Not delivered before this time (default: at once). */
  notBefore?: Date;
}

export interface OutboxRecord {
  id: string;
  recipientId: string;
  kind: string;
  payload: unknown;
}

/** The transactional outbox: a notification exists exactly when the change that caused it does. */
export interface Outbox {
  enqueue(notification: Notification, clock: Clock): Promise<void>;
  /** One message by id (a reporter's private update is opened by its row id). */
  find(id: string): Promise<OutboxRecord | null>;
  /** Ids of messages of these kinds still pending or failed, written at or before `before`, never passed on; oldest first. */
  undeliveredIds(kinds: string[], before: Date, take: number): Promise<string[]>;
  /** Marks the message passed on if it still is undelivered and was not yet; the message, or null for every later caller. */
  claimForReroute(id: string, at: Date): Promise<OutboxRecord | null>;
  /** Messages failed, or pending since before `before`. */
  countUndelivered(before: Date): Promise<number>;
}

export interface JobSpec {
  kind: string;
  runAt: Date;
  payload: Record<string, unknown>;
  /** Names the timer; scheduling the same key again replaces it while it is pending. */
  key?: string;
}

/** Persisted timers. */
export interface Jobs {
  schedule(job: JobSpec, clock: Clock): Promise<void>;
  /** Cancels pending timers whose key starts with the prefix. */
  cancel(keyPrefix: string): Promise<void>;
}

/** People as a picker needs them (the directory's queries answer everything else). */
export interface People {
  isActive(personId: string): Promise<boolean>;
  /** Active, unmerged people not in `excluded` whose name or email contains `text` (any case), by name; at most `take`. */
  search(options: { excluded: string[]; text: string; take: number }): Promise<Array<{ id: string; name: string }>>;
}

/** Everything over one connection: the root one, or one transaction. */
export interface CaseDb {
  cases: CaseRows;
  audit: AuditLog;
  outbox: Outbox;
  jobs: Jobs;
  people: People;
  /** The directory over the same connection (PGlite has one: a transaction cannot wait on the root client). */
  directory: DirectoryQueries;
}

export interface CaseStore extends CaseDb {
  /** Runs `work` all or nothing: rows, audit entries, notifications and timers commit together. */
  transaction<T>(work: (tx: CaseDb) => Promise<T>): Promise<T>;
}

/** Runs one due job inside a transaction; what it changes and enqueues commits with it. */
export type CaseJobHandler = (tx: CaseDb, payload: Record<string, unknown>, job: { id: string; kind: string; runAt: Date }) => Promise<void>;

export function activeHandlerIds(row: CaseRow): string[] {
  return row.handlers.filter((h) => h.removedAt === null).map((h) => h.personId);
}
