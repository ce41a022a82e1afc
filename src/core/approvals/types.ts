import type { PersonRole } from "../directory/types.ts";
import type { ApproverRole } from "../policy/types.ts";

/** How a group decides a stage: the first member's decision, a majority of eligible members, or all of them. */
export const DECISION_RULES = ["any", "majority", "all"] as const;
export type DecisionRule = (typeof DECISION_RULES)[number];

export const REGISTERS = ["gifts", "conflicts", "outside_roles", "waivers"] as const;
export type Register = (typeof REGISTERS)[number];

/** Facts a request can record; the rules file says which ones a topic requires. */
export const DETAIL_FIELDS = ["amount", "currency", "giver", "organisation", "position", "date", "endDate"] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

export interface ApprovalDetails {
  /** A gift's or transaction's value, in `currency`. */
  amount?: number;
  /** ISO 4217, e.g. "USD". */
  currency?: string;
  /** Who gives the gift or payment. */
  giver?: string;
  /** The other company: the firm, the enterprise, the party to the transaction. */
  organisation?: string;
  /** The role held outside (director, consultant, …). */
  position?: string;
  /** When it happens or starts (YYYY-MM-DD). */
  date?: string;
  /** When it ends (YYYY-MM-DD). */
  endDate?: string;
}

export type ApprovalStatus = "pending" | "info_requested" | "approved" | "declined" | "withdrawn";
export type StageStatus = "waiting" | "pending" | "approved" | "declined" | "cancelled";
/** A Code approver role; `supervisor` means the requester's immediate supervisor. */
export type StageRole = ApproverRole;
/** Why a stage's approvers are not the role itself. */
export type StageFallback = "no_eligible_approver" | "no_supervisor";
/** How someone came to hold a seat. */
export type SeatVia = "role" | "supervisor" | "chain" | "escalation" | PersonRole;

export interface PersonRef {
  id: string;
  name: string;
}

/** What a requester submits. The topic comes from the Ask answer (`Answer.topicId`) or a clause they pick. */
export interface NewApprovalRequest {
  requesterId: string;
  topicId?: string;
  /** Alternatively a clause id ("3(c)"); it must identify one needs-approval topic. */
  clauseId?: string;
  /** What is asked, in the requester's words. */
  summary: string;
  details?: ApprovalDetails;
  /** Directory ids of other people the request names (they are never approvers). */
  involvedIds?: string[];
  /** Waivers: whom the waiver is for (defaults to the requester). */
  waiverForId?: string;
}

export type DecisionAction = "approve" | "decline" | "ask_info";

export interface DecisionInput {
  action: DecisionAction;
  /** approve: conditions attached to the approval. */
  conditions?: string;
  /** approve: the approval lapses after this day (YYYY-MM-DD). */
  expiresOn?: string;
  /** decline: required. */
  reason?: string;
  /** ask_info: required. */
  question?: string;
  /**
   * The stage the button was shown for (`StageView.position`, `StageRef.position` in payloads).
   * Required: someone on both the Audit Committee and the Board must not have a late Audit
   * Committee click counted as a Board vote. A click for a stage that has moved on is a late click.
   */
  stage: number;
  /** A delegate acting for one of several approvers who chose them. */
  onBehalfOf?: string;
}

export interface DecisionView {
  action: "approve" | "decline";
  stage: number;
  /** The approver whose seat this is. */
  approver: PersonRef;
  /** Who clicked: the approver, or their delegate (then `byDelegate` is true). */
  actor: PersonRef;
  byDelegate: boolean;
  conditions: string | null;
  expiresOn: string | null;
  reason: string | null;
  decidedAt: Date;
}

export interface InfoRequestView {
  action: "ask_info";
  stage: number;
  askedBy: PersonRef;
  actor: PersonRef;
  byDelegate: boolean;
  question: string;
  answer: string | null;
  askedAt: Date;
  answeredAt: Date | null;
}

export interface SeatView {
  person: PersonRef;
  via: SeatVia;
  decision: DecisionView | null;
}

export interface StageView {
  position: number;
  role: StageRole;
  rule: DecisionRule;
  status: StageStatus;
  fallback: StageFallback | null;
  /** Who decides this stage and why, for this viewer: "your immediate supervisor", "the ethics officer, because you have no supervisor above you in the directory". */
  who: string;
  approvers: SeatView[];
  /** Approvals needed to approve the stage under its rule. */
  needed: number;
  approvals: number;
  declines: number;
  escalationLevel: number;
  openedAt: Date | null;
  closedAt: Date | null;
}

/** What the viewer may do now; surfaces show buttons from this. */
export interface ViewerActions {
  canDecide: boolean;
  /** Set when the viewer would decide as someone's delegate. */
  onBehalfOf: PersonRef | null;
  canAnswer: boolean;
  canWithdraw: boolean;
}

/** The platform-neutral request each surface renders. */
export interface ApprovalView {
  id: string;
  number: number;
  /** "AP-12" */
  reference: string;
  topicId: string;
  clauseId: string;
  register: Register | null;
  summary: string;
  details: ApprovalDetails;
  requester: PersonRef;
  subject: PersonRef | null;
  involved: PersonRef[];
  status: ApprovalStatus;
  inWriting: boolean;
  disclosureRequired: boolean;
  /** Position of the stage being decided (or that settled it). */
  currentStage: number;
  stages: StageView[];
  decisions: DecisionView[];
  infoRequests: InfoRequestView[];
  /** Every approver's conditions, in order. */
  conditions: string[];
  /** The earliest expiry any approver set. */
  expiresOn: string | null;
  expired: boolean;
  createdAt: Date;
  closedAt: Date | null;
  viewer: ViewerActions;
}

/** Who would decide a request, before it is made. */
export interface RoutePreview {
  topicId: string;
  clauseId: string;
  register: Register | null;
  requires: DetailField[];
  inWriting: boolean;
  disclosureRequired: boolean;
  stages: Array<{ role: StageRole; rule: DecisionRule; fallback: StageFallback | null; approvers: PersonRef[]; needed: number }>;
}

export type RejectionCode =
  | "invalid" // input fails validation; `field` names it
  | "not_found"
  | "unknown_topic"
  | "ambiguous_clause" // `options` lists the clause's needs-approval topics
  | "not_needs_approval" // the topic's verdict is not needs_approval: nothing to approve
  | "unknown_person"
  | "missing_details" // `field` names the first missing detail
  | "no_approver" // nobody, even the escalation role, can decide
  | "not_an_approver"
  | "not_requester"
  | "excluded" // the actor is the requester or named in the request
  | "choose_on_behalf_of"; // a delegate for several approvers must say for whom (`options`)

export interface Rejected {
  kind: "rejected";
  code: RejectionCode;
  /** A plain sentence for the person. */
  message: string;
  field?: string;
  options?: Array<{ id: string; label: string }>;
}

export type RequestResult = { kind: "created"; view: ApprovalView; /** True when the same key was submitted before. */ replayed: boolean } | Rejected;

export type DecideResult =
  | { kind: "recorded"; view: ApprovalView; decision: DecisionView; stageOutcome: "open" | "approved" | "declined" }
  | { kind: "info_requested"; view: ApprovalView; info: InfoRequestView }
  /** This seat already acted (the same click delivered twice, or a second click). */
  | { kind: "duplicate"; view: ApprovalView; previous: DecisionView | InfoRequestView }
  /** Someone else settled the stage first: who, and how. */
  | { kind: "already_decided"; view: ApprovalView; outcome: "approved" | "declined"; decidedBy: DecisionView[] }
  /** The request is not waiting for a decision: withdrawn, or waiting for the requester's answer (asked by `by`). */
  | { kind: "not_pending"; view: ApprovalView; status: ApprovalStatus; by: PersonRef | null }
  | Rejected;

export type AnswerInfoResult =
  | { kind: "answered"; view: ApprovalView }
  | { kind: "duplicate"; view: ApprovalView }
  | { kind: "not_waiting"; view: ApprovalView; status: ApprovalStatus }
  | Rejected;

export type WithdrawResult = { kind: "withdrawn"; view: ApprovalView } | { kind: "not_pending"; view: ApprovalView; status: ApprovalStatus } | Rejected;

export interface DelegateView {
  person: PersonRef;
  delegate: PersonRef;
  until: Date | null;
}

/** A request that needs the person's decision, possibly as someone's delegate. */
export interface WaitingItem {
  view: ApprovalView;
  stage: number;
  onBehalfOf: PersonRef | null;
}

/** The `approvals:` section of the rules file, parsed (src/core/approvals/settings.ts). */
export interface TopicSettings {
  register: Register | null;
  approvers: "all_in_order" | "one_of";
  requires: DetailField[];
  inWriting: boolean;
  promptDisclosure: boolean;
}

export interface ApprovalSettings {
  decisionRule(role: StageRole): DecisionRule;
  topic(topicId: string): TopicSettings;
  waivers: { restrictedRoles: PersonRole[]; restrictedTopic: string; otherTopic: string } | null;
  escalateTo: PersonRole;
  discloseTo: PersonRole[];
}
