import { NOTIFICATION_KINDS as K, notification, requestRef } from "./notifications.ts";
import { stageDecisions, type RequestAggregate, type StageRecord } from "./records.ts";
import { decisionRefs, notifyApprovers, stageRef, type StepContext } from "./steps.ts";
import { scheduleStageTimers, stageTimerPrefix } from "./timers.ts";
import type { ApprovalTx } from "./store.ts";

/** Opens a stage: its approvers are asked, its reminder and escalation timers start. */
export async function openStage(tx: ApprovalTx, ctx: StepContext, agg: RequestAggregate, stage: StageRecord): Promise<void> {
  const now = ctx.clock.now();
  await tx.updateStage(stage.id, { status: "pending", openedAt: now }, "waiting");
  const ref = requestRef(agg.request);
  const sref = stageRef(agg, stage);
  await notifyApprovers(
    tx,
    ctx,
    stage.seats.map((s) => s.personId),
    (onBehalfOf) => ({ kind: K.requested, request: ref, stage: sref, requesterId: agg.request.requesterId, onBehalfOf }),
    `approval:${agg.request.id}:requested:${stage.position}`,
  );
  await scheduleStageTimers(tx, ctx, agg.request.id, stage, now);
  await tx.audit({
    actor: "system",
    action: "approval.stage_opened",
    subjectType: "approval",
    subjectId: agg.request.id,
    details: { stage: stage.position, role: stage.role, rule: stage.rule, fallback: stage.fallback, approvers: stage.seats.map((s) => s.personId) },
  });
}

/**
 * Closes the current stage with its outcome and moves the request on: the next stage opens, or
 * the request is approved, or (declined) it is declined and the later stages are cancelled.
 * `agg` must already hold the deciding decision. Returns false if the stage was already closed.
 */
export async function closeStage(tx: ApprovalTx, ctx: StepContext, agg: RequestAggregate, stage: StageRecord, outcome: "approved" | "declined", actor: string): Promise<boolean> {
  const now = ctx.clock.now();
  if (!(await tx.updateStage(stage.id, { status: outcome, closedAt: now }, "pending"))) return false;
  await tx.cancelTimers(stageTimerPrefix(agg.request.id, stage.position));
  const decisions = stageDecisions(agg, stage);
  const decidedBy = decisionRefs(decisions);
  const ref = requestRef(agg.request);
  const sref = stageRef(agg, stage);
  const undecided = stage.seats.map((s) => s.personId).filter((id) => !decisions.some((d) => d.approverId === id));
  await notifyApprovers(tx, ctx, undecided, () => ({ kind: K.closed, request: ref, stage: sref, outcome, decidedBy }), `approval:${agg.request.id}:closed:${stage.position}`);
  await tx.audit({
    actor,
    action: "approval.stage_closed",
    subjectType: "approval",
    subjectId: agg.request.id,
    details: { stage: stage.position, outcome, approvals: decisions.filter((d) => d.action === "approve").length, declines: decisions.filter((d) => d.action === "decline").length },
  });

  const requesterId = agg.request.requesterId;
  if (outcome === "declined") {
    for (const later of agg.stages.filter((s) => s.position > stage.position)) await tx.updateStage(later.id, { status: "cancelled", closedAt: now }, "waiting");
    await tx.updateRequest(agg.request.id, { status: "declined", closedAt: now }, now);
    const reasons = decisions.filter((d) => d.action === "decline" && d.reason).map((d) => d.reason!);
    await tx.notify(notification(requesterId, { kind: K.declined, request: ref, stage: sref, reason: reasons.join("\n") || null, decidedBy }, `approval:${agg.request.id}:declined`));
    await tx.audit({ actor, action: "approval.declined", subjectType: "approval", subjectId: agg.request.id, details: { stage: stage.position } });
    return true;
  }

  const next = agg.stages.find((s) => s.position === stage.position + 1);
  if (next) {
    await tx.updateRequest(agg.request.id, { currentStage: next.position }, now);
    await tx.notify(notification(requesterId, { kind: K.stageApproved, request: ref, stage: sref, next: stageRef(agg, next) }, `approval:${agg.request.id}:stage_approved:${stage.position}`));
    await openStage(tx, ctx, agg, next);
    return true;
  }

  await tx.updateRequest(agg.request.id, { status: "approved", closedAt: now }, now);
  const approvals = agg.decisions.filter((d) => d.action === "approve");
  const conditions = approvals.filter((d) => d.conditions).map((d) => d.conditions!);
  const expiresOn = earliest(approvals.map((d) => d.expiresOn));
  await tx.notify(
    notification(requesterId, { kind: K.approved, request: ref, conditions, expiresOn, decidedBy: decisionRefs(approvals) }, `approval:${agg.request.id}:approved`),
  );
  if (agg.request.disclosureRequired) {
    const subjectId = agg.request.subjectId ?? requesterId;
    for (const id of ctx.discloseTo) {
      await tx.notify(notification(id, { kind: K.disclosureRequired, request: ref, subjectId, inWriting: agg.request.inWriting }, `approval:${agg.request.id}:disclose:${id}`));
    }
  }
  await tx.audit({
    actor,
    action: "approval.approved",
    subjectType: "approval",
    subjectId: agg.request.id,
    details: { stages: agg.stages.length, expiresOn, disclosureRequired: agg.request.disclosureRequired, disclosedTo: agg.request.disclosureRequired ? ctx.discloseTo : [] },
  });
  return true;
}

export function earliest(dates: Array<string | null>): string | null {
  const set = dates.filter((d): d is string => !!d).sort();
  return set[0] ?? null;
}
