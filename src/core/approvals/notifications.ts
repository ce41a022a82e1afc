import type { RequestRecord } from "./records.ts";
import { reference } from "./records.ts";
import type { OutgoingNotification } from "./store.ts";
import type { DecisionRule, StageRole } from "./types.ts";

/**
 * Notifications the approval core puts in the outbox (src/store/outbox.ts), in the same
 * transaction as the change. Payloads carry ids, the request's one-line summary, and what the
 * recipient must read to act (a question, an answer, a decline reason, conditions); never the
 * request's details (amounts, givers) or any secret. A surface renders a message from the payload,
 * or calls `approvals.get(payload.requestId, recipientId)` for the full `ApprovalView`.
 *
 * Every payload has `request: RequestRef`. Kind by kind (recipient → extra fields):
 */
export const NOTIFICATION_KINDS = {
  /** Each approver of a stage that opens, and their delegate (`onBehalfOf` set). → `stage`, `requesterId`, `onBehalfOf` */
  requested: "approval.requested",
  /** Approvers (and delegates) who have not decided after APPROVAL_REMIND_DAYS business days. → `stage`, `onBehalfOf`, `overdue` */
  reminder: "approval.reminder",
  /** A person added as approver of an overdue stage (`asApprover` true; their delegate too, `onBehalfOf` set), or alerted about a group's overdue stage (false). → `stage`, `asApprover`, `reason`, `onBehalfOf` */
  escalated: "approval.escalated",
  /** The requester: an approver asked a question. → `infoId`, `askedById`, `question` */
  infoRequested: "approval.info_requested",
  /** The approvers of the stage: the requester answered; the request is pending again. → `infoId`, `askedById`, `answer` */
  infoAnswered: "approval.info_answered",
  /** The requester: one stage approved, the next one opened. → `stage` (the approved one), `next` */
  stageApproved: "approval.stage_approved",
  /** The requester: every stage approved. → `conditions`, `expiresOn`, `decidedBy` */
  approved: "approval.approved",
  /** The requester: declined. → `stage`, `reason`, `decidedBy` */
  declined: "approval.declined",
  /** Approvers of a stage who did not decide it: someone else settled it (update their buttons). → `stage`, `outcome`, `decidedBy` */
  closed: "approval.closed",
  /** Approvers of the open stage: the requester withdrew. → `stage` */
  withdrawn: "approval.withdrawn",
  /** `approvals.disclose_to` role holders: an approval flagged for prompt disclosure was granted. → `subjectId`, `inWriting` */
  disclosureRequired: "approval.disclosure_required",
  /** The new delegate. → `personId` (who delegated), `until` (ISO or null) */
  delegated: "approval.delegated",
} as const;

export type ApprovalNotificationKind = (typeof NOTIFICATION_KINDS)[keyof typeof NOTIFICATION_KINDS];

/** Identifies the request in every payload. */
export interface RequestRef {
  requestId: string;
  number: number;
  reference: string;
  topicId: string;
  clauseId: string;
  /** The requester's one-line summary of what is asked. */
  summary: string;
}

export interface StageRef {
  position: number;
  /** Stages in the route, e.g. 2 for the Audit Committee then the Board. */
  of: number;
  role: StageRole;
  rule: DecisionRule;
}

/** A decision as payloads carry it (ids; the surface looks names up). */
export interface DecisionRef {
  approverId: string;
  actorId: string;
  action: "approve" | "decline";
  decidedAt: string;
}

export type ApprovalPayload =
  | { kind: "approval.requested"; request: RequestRef; stage: StageRef; requesterId: string; onBehalfOf: string | null }
  | { kind: "approval.reminder"; request: RequestRef; stage: StageRef; onBehalfOf: string | null; overdue: boolean }
  | { kind: "approval.escalated"; request: RequestRef; stage: StageRef; asApprover: boolean; reason: "overdue"; onBehalfOf: string | null }
  | { kind: "approval.info_requested"; request: RequestRef; infoId: string; askedById: string; question: string }
  | { kind: "approval.info_answered"; request: RequestRef; infoId: string; askedById: string; answer: string }
  | { kind: "approval.stage_approved"; request: RequestRef; stage: StageRef; next: StageRef }
  | { kind: "approval.approved"; request: RequestRef; conditions: string[]; expiresOn: string | null; decidedBy: DecisionRef[] }
  | { kind: "approval.declined"; request: RequestRef; stage: StageRef; reason: string | null; decidedBy: DecisionRef[] }
  | { kind: "approval.closed"; request: RequestRef; stage: StageRef; outcome: "approved" | "declined" | "withdrawn"; decidedBy: DecisionRef[] }
  | { kind: "approval.withdrawn"; request: RequestRef; stage: StageRef }
  | { kind: "approval.disclosure_required"; request: RequestRef; subjectId: string; inWriting: boolean }
  | { kind: "approval.delegated"; personId: string; until: string | null };

export function requestRef(request: RequestRecord): RequestRef {
  return {
    requestId: request.id,
    number: request.number,
    reference: reference(request.number),
    topicId: request.topicId,
    clauseId: request.clauseId,
    summary: request.summary,
  };
}

/** An outbox message for one payload; `dedupeKey` makes a retried step enqueue it once. */
export function notification(recipientId: string, payload: ApprovalPayload, dedupeKey?: string): OutgoingNotification {
  const { kind, ...rest } = payload;
  return { recipientId, kind, payload: rest as Record<string, unknown>, ...(dedupeKey ? { dedupeKey } : {}) };
}
