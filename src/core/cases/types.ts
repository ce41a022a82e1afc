// The platform-neutral results of the cases core; surfaces render these (Block Kit, Adaptive Cards, text).
import type { Category } from "./categories.ts";

/** Who the reporter asks to receive the report (Code section 1). Default: the ethics officer. */
export const RECIPIENTS = ["ethics_officer", "supervisor", "president", "director", "audit_committee"] as const;
export type RecipientKind = (typeof RECIPIENTS)[number];
/** Where routing can end up: a recipient, or (when everyone above is excluded) the Board. */
export type RoutedTo = RecipientKind | "board";

/** confidential: handlers see who reported. anonymous: they see "Reporter of C-2026-0042". */
export const MODES = ["confidential", "anonymous"] as const;
export type ReportMode = (typeof MODES)[number];

export const STATUSES = ["received", "acknowledged", "investigating", "closed"] as const;
export type CaseStatus = (typeof STATUSES)[number];
export const OUTCOMES = ["substantiated", "unsubstantiated", "referred"] as const;
export type CaseOutcome = (typeof OUTCOMES)[number];
export type Priority = "normal" | "high";

/** A report as the intake form submits it: raw, possibly invalid. Returned as is when rejected. */
export interface ReportDraft {
  what?: unknown;
  when?: unknown;
  where?: unknown;
  /** Directory person ids. */
  involved?: unknown;
  category?: unknown;
  recipient?: unknown;
  /** With recipient "director": which Director. */
  directorId?: unknown;
  mode?: unknown;
}
export type DraftField = keyof ReportDraft;

/** A validated report. */
export interface ReportInput {
  what: string;
  when: string | null;
  where: string | null;
  involved: string[];
  category: Category;
  recipient: RecipientKind;
  directorId: string | null;
  mode: ReportMode;
}

export interface PersonRef {
  id: string;
  name: string;
}

/** Given to the reporter at once. `digest` is an HMAC of what they submitted (verifyReceipt). */
export interface Receipt {
  caseNumber: string;
  filedAt: Date;
  digest: string;
  mode: ReportMode;
  routedTo: RoutedTo;
  acknowledgeBy: Date;
  /** How it was routed, for telling the reporter truthfully (receiptRouteLines); names no one. */
  route: ReceiptRoute;
}

/** Where a report went against what the reporter chose, without naming anyone. */
export interface ReceiptRoute {
  chosen: RecipientKind;
  /** Why the chosen recipient did not receive it; null when they did. */
  passedOver: "named" | "reporter" | "none_on_file" | null;
  /** Some of the group it went to were left out, being named in it. */
  someLeftOut: boolean;
  auditCommitteeToo: boolean;
  /** The report names people (who never receive it or see it). */
  namesPeople: boolean;
}

/** Lists are newest first; `limit` keeps only that many. */
export interface ListOptions {
  limit?: number;
}

export type FieldErrors = Partial<Record<DraftField, string>>;

export type FileResult =
  | {
      ok: true;
      caseNumber: string;
      receipt: Receipt;
      /** True once per reporter: tell them typed thread messages stay in the workspace's history. */
      showTypedMessageNotice: boolean;
    }
  | {
      ok: false;
      /** One message per rejected field, to show next to it. */
      fieldErrors: FieldErrors;
      /** A problem with the report as a whole (no one can receive it, reports unavailable). */
      formError?: string;
      /** Exactly what was submitted, so the reporter's text is never lost. */
      draft: ReportDraft;
      /** Set when a filing with the same `once` key was already made (a second submission of one form). */
      alreadyFiled?: true;
    };

export interface FileOptions {
  /**
   * A key naming this submission (a Slack view id): filed at most once per key, on every replica,
   * even when a person submits again while the first filing is still under way.
   */
  once?: string;
}

/** "not_found" is also the answer for someone who may not see the case (never "forbidden"). */
export type CaseError = "not_found" | "invalid_state" | "not_eligible" | "invalid";
export type CaseResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: CaseError; message: string; fieldErrors?: Record<string, string> };

export type ThreadKind = "to_reporter" | "from_reporter" | "note";

export interface ThreadItem {
  id: string;
  kind: ThreadKind;
  /** A handler's name, or the reporter's name (confidential) or pseudonym (anonymous). */
  author: string;
  /** The handler's person id; null for the reporter, in both modes. */
  authorId: string | null;
  at: Date;
  /** Null once the case was purged. */
  text: string | null;
}

/** What a case's handlers see. */
export interface CaseView {
  id: string;
  number: string;
  category: Category;
  categoryLabel: string;
  section: string | null;
  mode: ReportMode;
  priority: Priority;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  /** Named in confidential mode; a pseudonym only in anonymous mode. */
  reporter: { kind: "named"; person: PersonRef } | { kind: "anonymous"; pseudonym: string };
  /** Null once purged. */
  report: { what: string; when: string | null; where: string | null; involved: PersonRef[] } | null;
  /** What the reporter chose; null once purged. */
  recipient: RecipientKind | null;
  routedTo: RoutedTo;
  handlers: PersonRef[];
  filedAt: Date;
  acknowledgeBy: Date;
  acknowledgedAt: Date | null;
  feedbackBy: Date | null;
  feedbackAt: Date | null;
  closedAt: Date | null;
  legalHold: boolean;
  purgedAt: Date | null;
  /** Retaliation case ↔ the case it protects the reporter of. */
  linkedCases: string[];
  thread: ThreadItem[];
}

export interface CaseSummary {
  number: string;
  category: Category;
  categoryLabel: string;
  priority: Priority;
  status: CaseStatus;
  filedAt: Date;
  acknowledgeBy: Date;
  feedbackBy: Date | null;
  acknowledgedAt: Date | null;
  feedbackAt: Date | null;
  /** A legal deadline passed without the acknowledgement / the feedback it requires. */
  overdue: { acknowledge: boolean; feedback: boolean };
}

/** What the reporter sees of their own case: no handler notes, no deadlines machinery. */
export interface ReporterCaseView {
  number: string;
  category: Category;
  categoryLabel: string;
  mode: ReportMode;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  filedAt: Date;
  /** Their own messages are authored "You". Internal notes never appear. */
  thread: ThreadItem[];
  /** Retaliation check-ins (days after closing: 30, 90) waiting for an answer. */
  openCheckins: number[];
  /** The receipt's proof-of-filing code ("<key id>:<hex>"), as given at filing. */
  receipt: string;
}

/** A reporter notice opened from its "private update" button, with the case it is about. */
export interface PrivateUpdate {
  notice: import("./notifications.ts").ReporterNotice;
  case: ReporterCaseView;
}

export interface ReporterCaseSummary {
  number: string;
  categoryLabel: string;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  filedAt: Date;
}

/** One line of a case's history as its reporter sees it: who acted when, never note content. */
export interface HistoryItem {
  at: Date;
  /** "You", a handler's name, or "System". */
  actor: string;
  /** The audit action, e.g. "case.viewed", "case.note_added", "case.status_changed". */
  action: string;
  /** Non-content details: { to: "investigating" }, { outcome }, { day: 30 }. */
  details: Record<string, string | number | boolean>;
}

export interface ReceiptCheck {
  valid: boolean;
  /** Why not: "digest does not match" | "unknown case" | "key no longer available". */
  reason?: string;
}
