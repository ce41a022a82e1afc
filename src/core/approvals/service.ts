import type { Clock } from "../clock.ts";
import type { DirectoryQueries } from "../directory/types.ts";
import type { PolicyRules } from "../policy/rules.ts";
import { decide } from "./decide.ts";
import { delegationOf, setDelegate, type SetDelegateResult } from "./delegates.ts";
import { namesFor, present, stepContext, viewerOf, type ApprovalDeps } from "./deps.ts";
import { answerInfo } from "./info.ts";
import { personIdsOf, seatFor, canView } from "./view.ts";
import { registerEntries, type RegisterEntry } from "./registers.ts";
import { createRequest, previewRequest } from "./request.ts";
import { parseApprovalSettings } from "./settings.ts";
import type { ApprovalStore, ApprovalTx, RegisterFilter } from "./store.ts";
import { JOB_KINDS, onEscalationDue, onReminderDue } from "./timers.ts";
import type {
  AnswerInfoResult,
  ApprovalSettings,
  ApprovalView,
  DecideResult,
  DecisionInput,
  DelegateView,
  NewApprovalRequest,
  Rejected,
  RequestResult,
  RoutePreview,
  WaitingItem,
  WithdrawResult,
} from "./types.ts";
import { withdraw } from "./withdraw.ts";

export interface ApprovalServiceOptions {
  store: ApprovalStore;
  directory: DirectoryQueries;
  /** The loaded Code (`Policy` from src/core/policy/load.ts); only its rules are used. */
  policy: { rules: PolicyRules };
  clock: Clock;
  config: { APPROVAL_REMIND_DAYS: number; APPROVAL_ESCALATE_DAYS: number };
}

/** A persisted-timer handler running inside the job's transaction (see src/store/approvals.ts). */
export type ApprovalTimerHandler = (tx: ApprovalTx, payload: Record<string, unknown>) => Promise<void>;

/** The Approve core, as the surfaces (Slack, Teams, console) and the CLI use it. */
export interface ApprovalService {
  readonly settings: ApprovalSettings;
  /** Who would decide, without making the request (to show before the requester confirms). */
  preview(input: NewApprovalRequest): Promise<RoutePreview | Rejected>;
  /** Makes a request; `idempotencyKey` (e.g. the modal submission id) makes a re-delivery return the same request. */
  request(input: NewApprovalRequest, idempotencyKey?: string): Promise<RequestResult>;
  /** approve | decline | ask_info, by an approver or their delegate; `idempotencyKey` = the platform's interaction id. */
  decide(actorId: string, requestId: string, decision: DecisionInput, idempotencyKey?: string): Promise<DecideResult>;
  answerInfo(requesterId: string, requestId: string, answer: string): Promise<AnswerInfoResult>;
  withdraw(requesterId: string, requestId: string): Promise<WithdrawResult>;
  setDelegate(personId: string, delegateId: string | null, options?: { until?: Date }): Promise<SetDelegateResult>;
  delegationOf(personId: string): Promise<DelegateView | null>;
  /** The person's own requests, newest first. */
  listForRequester(personId: string): Promise<ApprovalView[]>;
  /** Requests waiting for the person's decision, their own or as a delegate, oldest first. */
  listWaitingFor(personId: string): Promise<WaitingItem[]>;
  /** One request as the viewer may see it; null when it does not exist or is not theirs to see. */
  get(requestId: string, viewerId: string): Promise<ApprovalView | null>;
  /** Register entries for `conduct export approvals`. */
  register(filter?: RegisterFilter): Promise<RegisterEntry[]>;
  /** Handlers for the job kinds in JOB_KINDS ("approval.remind", "approval.escalate"). */
  readonly timers: Record<string, ApprovalTimerHandler>;
}

export function createApprovalService(options: ApprovalServiceOptions): ApprovalService {
  const settings = parseApprovalSettings(options.policy.rules);
  const deps: ApprovalDeps = {
    store: options.store,
    directory: options.directory,
    rules: options.policy.rules,
    settings,
    clock: options.clock,
    remindDays: options.config.APPROVAL_REMIND_DAYS,
    escalateDays: options.config.APPROVAL_ESCALATE_DAYS,
  };
  return {
    settings,
    preview: (input) => previewRequest(deps, input),
    request: (input, key) => createRequest(deps, input, key),
    decide: (actorId, requestId, decision, key) => decide(deps, actorId, requestId, decision, key),
    answerInfo: (requesterId, requestId, answer) => answerInfo(deps, requesterId, requestId, answer),
    withdraw: (requesterId, requestId) => withdraw(deps, requesterId, requestId),
    setDelegate: (personId, delegateId, opts) => setDelegate(deps, personId, delegateId, opts),
    delegationOf: (personId) => delegationOf(deps, personId),
    async listForRequester(personId) {
      const viewer = await viewerOf(deps, personId);
      const aggs = await deps.store.listByRequester(personId);
      return Promise.all(aggs.map((agg) => present(deps, agg, viewer)));
    },
    async listWaitingFor(personId) {
      const viewer = await viewerOf(deps, personId);
      const aggs = await deps.store.listWithOpenSeat([personId, ...viewer.delegators]);
      const items: WaitingItem[] = [];
      for (const agg of aggs) {
        const seat = seatFor(agg, viewer);
        if (!seat) continue;
        const view = await present(deps, agg, viewer);
        items.push({ view, stage: agg.request.currentStage, onBehalfOf: view.viewer.onBehalfOf });
      }
      return items;
    },
    async get(requestId, viewerId) {
      const agg = await deps.store.load(requestId);
      if (!agg) return null;
      const viewer = await viewerOf(deps, viewerId);
      return canView(agg, viewer, settings) ? present(deps, agg, viewer) : null;
    },
    async register(filter = {}) {
      const aggs = await deps.store.listRegister(filter);
      return registerEntries(aggs, await namesFor(deps.directory, aggs.flatMap(personIdsOf)));
    },
    timers: {
      [JOB_KINDS.remind]: (tx, payload) => onReminderDue(tx, stepContext(deps), payload),
      [JOB_KINDS.escalate]: (tx, payload) => onEscalationDue(tx, stepContext(deps), payload),
    },
  };
}
