import type { DecisionRecord, DelegateRecord, InfoRecord, RequestAggregate, RequestRecord, SeatRecord, StageRecord } from "./records.ts";
import type { ApprovalStatus, Register, StageStatus } from "./types.ts";

/** A notification for the outbox (kinds and payloads: src/core/approvals/notifications.ts). */
export interface OutgoingNotification {
  recipientId: string;
  kind: string;
  payload: Record<string, unknown>;
  dedupeKey?: string;
}

/** One step for the hash-chained audit log. */
export interface ApprovalAuditEvent {
  actor: string;
  action: string;
  /** "approval" (the subject is a request) or "approval_delegate" (the subject is the approver who delegated). */
  subjectType: "approval" | "approval_delegate";
  subjectId: string;
  /** Ids, states and outcomes only. */
  details: Record<string, unknown>;
}

export interface Timer {
  kind: string;
  runAt: Date;
  key: string;
  payload: Record<string, unknown>;
}

export interface RegisterFilter {
  register?: Register;
  status?: ApprovalStatus;
}

/** Reads that need no transaction. */
export interface ApprovalReads {
  load(requestId: string): Promise<RequestAggregate | null>;
}

/**
 * What the approval use cases do inside one database transaction. Everything written here, and
 * every notification, timer and audit entry, commits together or not at all.
 */
export interface ApprovalTx extends ApprovalReads {
  findIdByRequestKey(requestKey: string): Promise<string | null>;
  /** Inserts the request with its stages and seats; `number` is assigned by the store. */
  insertRequest(request: Omit<RequestRecord, "number">, stages: StageRecord[]): Promise<void>;
  /**
   * Locks the request for this transaction if its status is one of `statuses`: the conditional
   * update is how concurrent deciders are serialised by the database. False when it is not.
   */
  claim(requestId: string, statuses: readonly ApprovalStatus[]): Promise<boolean>;
  updateRequest(requestId: string, changes: Partial<Pick<RequestRecord, "status" | "currentStage" | "closedAt">>, at: Date): Promise<void>;
  /** Changes a stage only while its status is `onlyIf` (when given); true when it changed. */
  updateStage(stageId: string, changes: Partial<Pick<StageRecord, "status" | "openedAt" | "closedAt" | "escalationLevel">>, onlyIf?: StageStatus): Promise<boolean>;
  addSeat(stageId: string, seat: SeatRecord): Promise<void>;
  /** Throws the store's unique violation when the seat already decided this stage. */
  insertDecision(requestId: string, decision: DecisionRecord): Promise<void>;
  insertInfoRequest(requestId: string, info: InfoRecord): Promise<void>;
  answerInfoRequest(infoId: string, answer: string, at: Date): Promise<void>;
  /** Delegations in force at `at` made by any of these people. */
  delegationsBy(personIds: string[], at: Date): Promise<DelegateRecord[]>;
  /** Delegations in force at `at` naming this delegate. */
  delegationsTo(delegateId: string, at: Date): Promise<DelegateRecord[]>;
  putDelegate(record: DelegateRecord): Promise<void>;
  removeDelegate(personId: string): Promise<boolean>;
  notify(notification: OutgoingNotification): Promise<void>;
  schedule(timer: Timer): Promise<void>;
  cancelTimers(keyPrefix: string): Promise<void>;
  audit(event: ApprovalAuditEvent): Promise<void>;
}

export interface ApprovalStore extends ApprovalReads {
  transaction<T>(work: (tx: ApprovalTx) => Promise<T>): Promise<T>;
  listByRequester(personId: string): Promise<RequestAggregate[]>;
  /** Requests with a pending stage in which one of these people holds a seat. */
  listWithOpenSeat(personIds: string[]): Promise<RequestAggregate[]>;
  listRegister(filter: RegisterFilter): Promise<RequestAggregate[]>;
  delegationsTo(delegateId: string, at: Date): Promise<DelegateRecord[]>;
  delegationOf(personId: string, at: Date): Promise<DelegateRecord | null>;
  /** True for the store's "unique constraint violated" error. */
  isUniqueViolation(error: unknown): boolean;
}
