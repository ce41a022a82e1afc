import { stageOutcome } from "./decisionRule.ts";
import { holderIds, namesFor, rejected, reload, stepContext, viewerOf, type ApprovalDeps } from "./deps.ts";
import { decisionSchema, invalid, type ParsedDecision } from "./input.ts";
import { NOTIFICATION_KINDS as K, notification, requestRef } from "./notifications.ts";
import { closeStage } from "./progress.ts";
import { openInfoRequest, stageDecisions, type RequestAggregate, type StageRecord } from "./records.ts";
import { newId, type StepContext } from "./steps.ts";
import type { ApprovalTx } from "./store.ts";
import { stageTimerPrefix } from "./timers.ts";
import type { ApprovalStatus, DecideResult, DecisionInput, Rejected } from "./types.ts";
import { buildView, decisionView, infoView, personIdsOf } from "./view.ts";

/** What the transaction settled; the view is built after it commits. */
type Outcome =
  | { kind: "recorded"; decisionId: string; stageOutcome: "open" | "approved" | "declined" }
  | { kind: "info_requested"; infoId: string }
  | { kind: "duplicate"; decisionId?: string; infoId?: string }
  | { kind: "already_decided"; stage: number; outcome: "approved" | "declined" }
  | { kind: "not_pending"; status: ApprovalStatus; byId: string | null }
  | Rejected;

/**
 * An approver (or their delegate) approves, declines or asks for more information.
 *
 * Exactly once: the transaction first locks the request with a conditional update (`status =
 * pending`), so concurrent clicks on any replica run one after the other, and each one sees what
 * the earlier one wrote; one decision row per (stage, approver) is also a unique constraint. A
 * click that loses, or arrives twice, is told who decided and how.
 */
export async function decide(deps: ApprovalDeps, actorId: string, requestId: string, input: DecisionInput, idempotencyKey?: string): Promise<DecideResult> {
  const parsed = decisionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const decision = parsed.data;
  const today = deps.clock.now().toISOString().slice(0, 10);
  if (decision.action === "approve" && decision.expiresOn && decision.expiresOn < today) {
    return rejected("invalid", "The expiry date must not be in the past.", "expiresOn");
  }
  const before = await deps.store.load(requestId);
  if (!before) return rejected("not_found", "There is no such approval request.");
  const discloseTo = before.request.disclosureRequired ? await holderIds(deps.directory, deps.settings.discloseTo) : [];
  const key = idempotencyKey ? `${requestId}:${actorId}:${idempotencyKey}` : null;
  const ctx = stepContext(deps, discloseTo);

  let outcome: Outcome;
  try {
    outcome = await deps.store.transaction((tx) => decideInTx(tx, ctx, actorId, requestId, decision, key));
  } catch (error) {
    if (!deps.store.isUniqueViolation(error)) throw error;
    // Only reachable if the lock was bypassed: the database kept the other write. Report it.
    const agg = await reload(deps, requestId);
    const delegators = new Set((await deps.store.delegationsTo(actorId, deps.clock.now())).map((d) => d.personId));
    outcome = byKey(agg, key) ?? lateOutcome(agg, actorId, delegators, decision.stage) ?? rejected("not_an_approver", "You are not an approver of this request.");
  }
  if (outcome.kind === "rejected") {
    if (!outcome.options) return outcome;
    const names = await namesFor(deps.directory, outcome.options.map((o) => o.id));
    return { ...outcome, options: outcome.options.map((o) => ({ id: o.id, label: names(o.id).name })) };
  }

  const agg = await reload(deps, requestId);
  const nameFor = await namesFor(deps.directory, personIdsOf(agg));
  const view = buildView(agg, nameFor, await viewerOf(deps, actorId), deps.clock.now());
  switch (outcome.kind) {
    case "recorded":
      return { kind: "recorded", view, decision: decisionView(agg, agg.decisions.find((d) => d.id === outcome.decisionId)!, nameFor), stageOutcome: outcome.stageOutcome };
    case "info_requested":
      return { kind: "info_requested", view, info: infoView(agg, agg.infoRequests.find((i) => i.id === outcome.infoId)!, nameFor) };
    case "duplicate": {
      const d = agg.decisions.find((x) => x.id === outcome.decisionId);
      const i = agg.infoRequests.find((x) => x.id === outcome.infoId);
      return { kind: "duplicate", view, previous: d ? decisionView(agg, d, nameFor) : infoView(agg, i!, nameFor) };
    }
    case "already_decided": {
      const stage = agg.stages[outcome.stage]!;
      return { kind: "already_decided", view, outcome: outcome.outcome, decidedBy: stageDecisions(agg, stage).map((d) => decisionView(agg, d, nameFor)) };
    }
    case "not_pending":
      return { kind: "not_pending", view, status: outcome.status, by: outcome.byId ? nameFor(outcome.byId) : null };
  }
}

async function decideInTx(tx: ApprovalTx, ctx: StepContext, actorId: string, requestId: string, input: ParsedDecision, key: string | null): Promise<Outcome> {
  const now = ctx.clock.now();
  const claimed = await tx.claim(requestId, ["pending"]);
  const agg = await tx.load(requestId);
  if (!agg) return rejected("not_found", "There is no such approval request.");
  const replay = byKey(agg, key);
  if (replay) return replay;
  const delegators = new Set((await tx.delegationsTo(actorId, now)).map((d) => d.personId));
  if (!claimed) return lateOutcome(agg, actorId, delegators, input.stage) ?? notPending(agg, actorId, delegators);

  const r = agg.request;
  const stage = agg.stages[r.currentStage]!;
  if (input.stage !== stage.position) {
    if (input.stage > stage.position) return rejected("invalid", "That stage has not started yet.", "stage");
    return lateOutcome(agg, actorId, delegators, input.stage) ?? rejected("not_an_approver", "You are not an approver of this request.");
  }
  if (actorId === r.requesterId || actorId === r.subjectId || r.involvedIds.includes(actorId)) {
    return rejected("excluded", "You made this request or are named in it, so you cannot decide it.");
  }
  const seat = seatOf(agg, stage, actorId, delegators, input.onBehalfOf);
  if (seat.kind === "none") return lateOutcome(agg, actorId, delegators) ?? rejected("not_an_approver", "You are not an approver of this request.");
  if (seat.kind === "rejected") return seat;
  const previous = stageDecisions(agg, stage).find((d) => d.approverId === seat.seat);
  if (previous) return { kind: "duplicate", decisionId: previous.id };

  if (input.action === "ask_info") return askInfo(tx, ctx, agg, stage, seat.seat, actorId, input.question, key);

  const decisionId = newId("apd");
  await tx.insertDecision(requestId, {
    id: decisionId,
    stageId: stage.id,
    approverId: seat.seat,
    actorId,
    action: input.action,
    conditions: input.action === "approve" ? (input.conditions ?? null) : null,
    expiresOn: input.action === "approve" ? (input.expiresOn ?? null) : null,
    reason: input.action === "decline" ? input.reason : null,
    idempotencyKey: key,
    decidedAt: now,
  });
  await tx.audit({
    actor: actorId,
    action: "approval.decided",
    subjectType: "approval",
    subjectId: requestId,
    details: {
      stage: stage.position,
      approverId: seat.seat,
      actorId,
      byDelegate: seat.seat !== actorId,
      decision: input.action,
      withConditions: input.action === "approve" && !!input.conditions,
      expiresOn: input.action === "approve" ? (input.expiresOn ?? null) : null,
    },
  });
  const after = (await tx.load(requestId))!;
  const current = after.stages[stage.position]!;
  const decisions = stageDecisions(after, current);
  const settled = stageOutcome(current.rule, current.seats.length, decisions.filter((d) => d.action === "approve").length, decisions.filter((d) => d.action === "decline").length);
  if (settled !== "open") await closeStage(tx, ctx, after, current, settled, actorId);
  return { kind: "recorded", decisionId, stageOutcome: settled };
}

async function askInfo(tx: ApprovalTx, ctx: StepContext, agg: RequestAggregate, stage: StageRecord, seat: string, actorId: string, question: string, key: string | null): Promise<Outcome> {
  const now = ctx.clock.now();
  const infoId = newId("api");
  await tx.insertInfoRequest(agg.request.id, { id: infoId, stageId: stage.id, askedById: seat, actorId, question, answer: null, idempotencyKey: key, askedAt: now, answeredAt: null });
  await tx.updateRequest(agg.request.id, { status: "info_requested" }, now);
  // The approvers' clock stops while the requester is being asked; answering restarts it.
  await tx.cancelTimers(stageTimerPrefix(agg.request.id, stage.position));
  await tx.notify(notification(agg.request.requesterId, { kind: K.infoRequested, request: requestRef(agg.request), infoId, askedById: seat, question }, `approval:${agg.request.id}:info:${infoId}`));
  await tx.audit({
    actor: actorId,
    action: "approval.info_requested",
    subjectType: "approval",
    subjectId: agg.request.id,
    details: { stage: stage.position, infoId, askedById: seat, actorId, byDelegate: seat !== actorId },
  });
  return { kind: "info_requested", infoId };
}

type SeatChoice = { kind: "seat"; seat: string } | { kind: "none" } | Rejected;

/**
 * The seat the actor decides for: their own, or (as a delegate) the one approver who chose them,
 * or the one named by `onBehalfOf`. A delegate who is an approver of the same stage decides only
 * for themselves, so nobody casts two votes.
 */
function seatOf(agg: RequestAggregate, stage: StageRecord, actorId: string, delegators: ReadonlySet<string>, onBehalfOf: string | undefined): SeatChoice {
  const own = stage.seats.some((s) => s.personId === actorId);
  if (own) {
    if (onBehalfOf && onBehalfOf !== actorId) return rejected("invalid", "You are an approver of this stage yourself, so you decide only for yourself.", "onBehalfOf");
    return { kind: "seat", seat: actorId };
  }
  const forWhom = stage.seats.filter((s) => delegators.has(s.personId) && (!onBehalfOf || s.personId === onBehalfOf));
  if (forWhom.length === 1) return { kind: "seat", seat: forWhom[0]!.personId };
  if (forWhom.length === 0) return { kind: "none" };
  return {
    ...rejected("choose_on_behalf_of", "You are the delegate of several approvers of this request: choose whom you decide for.", "onBehalfOf"),
    options: forWhom.map((s) => ({ id: s.personId, label: s.personId })),
  };
}

function byKey(agg: RequestAggregate, key: string | null): Outcome | null {
  if (!key) return null;
  const d = agg.decisions.find((x) => x.idempotencyKey === key);
  if (d) return { kind: "duplicate", decisionId: d.id };
  const i = agg.infoRequests.find((x) => x.idempotencyKey === key);
  return i ? { kind: "duplicate", infoId: i.id } : null;
}

/**
 * A click for a stage that is no longer open to it: the actor's own earlier decision, or who
 * settled the stage and how. Null when the actor has nothing to do with the stage.
 */
function lateOutcome(agg: RequestAggregate, actorId: string, delegators: ReadonlySet<string>, position?: number): Outcome | null {
  const r = agg.request;
  const mine = (s: StageRecord) => s.seats.some((seat) => seat.personId === actorId || delegators.has(seat.personId));
  const stage = position !== undefined ? agg.stages[position] : [...agg.stages].reverse().find((s) => s.position <= r.currentStage && mine(s));
  if (!stage || !mine(stage)) return null;
  const decisions = stageDecisions(agg, stage);
  const own = decisions.find((d) => d.approverId === actorId || d.actorId === actorId);
  if (own) return { kind: "duplicate", decisionId: own.id };
  if (stage.status === "approved" || stage.status === "declined") return { kind: "already_decided", stage: stage.position, outcome: stage.status };
  if (r.status === "approved" || r.status === "declined") return { kind: "already_decided", stage: r.currentStage, outcome: r.status };
  if (r.status === "withdrawn") return { kind: "not_pending", status: r.status, byId: r.requesterId };
  if (r.status === "info_requested") return { kind: "not_pending", status: r.status, byId: openInfoRequest(agg)?.askedById ?? null };
  return null;
}

function notPending(agg: RequestAggregate, actorId: string, delegators: ReadonlySet<string>): Outcome {
  const r = agg.request;
  const involved = agg.stages.some((s) => s.seats.some((seat) => seat.personId === actorId || delegators.has(seat.personId)));
  if (!involved) return rejected("not_an_approver", "You are not an approver of this request.");
  return { kind: "not_pending", status: r.status, byId: r.status === "info_requested" ? (openInfoRequest(agg)?.askedById ?? null) : r.requesterId };
}
