import { z } from "zod";
import { addBusinessDays, type Clock } from "../clock.ts";
import { NOTIFICATION_KINDS as K, notification, requestRef } from "./notifications.ts";
import { notifyApprovers, stageRef, type StepContext } from "./steps.ts";
import { stageDecisions, type RequestAggregate, type StageRecord } from "./records.ts";
import { escalationMode } from "./stages.ts";
import type { ApprovalTx } from "./store.ts";

/** Persisted timers (src/store/jobs.ts) the approval core schedules; run them with `approvalJobHandlers`. */
export const JOB_KINDS = { remind: "approval.remind", escalate: "approval.escalate" } as const;

const payloadSchema = z.object({ requestId: z.string(), stage: z.number().int().min(0), level: z.number().int().min(0) });
export type TimerPayload = z.infer<typeof payloadSchema>;

export const requestTimerPrefix = (requestId: string) => `approval:${requestId}:`;
export const stageTimerPrefix = (requestId: string, position: number) => `approval:${requestId}:s${position}:`;

/**
 * Starts a stage's reminder (APPROVAL_REMIND_DAYS) and escalation (APPROVAL_ESCALATE_DAYS) timers,
 * in business days from `from`. Keys carry the escalation level, so an escalation that schedules
 * the next level never replaces the job that is running it.
 */
export async function scheduleStageTimers(
  tx: ApprovalTx,
  ctx: { clock: Clock; remindDays: number; escalateDays: number },
  requestId: string,
  stage: Pick<StageRecord, "position" | "escalationLevel">,
  from: Date,
): Promise<void> {
  const key = `${stageTimerPrefix(requestId, stage.position)}l${stage.escalationLevel}:`;
  const payload: TimerPayload = { requestId, stage: stage.position, level: stage.escalationLevel };
  await tx.schedule({ kind: JOB_KINDS.remind, runAt: addBusinessDays(from, ctx.remindDays), key: `${key}remind`, payload });
  await tx.schedule({ kind: JOB_KINDS.escalate, runAt: addBusinessDays(from, ctx.escalateDays), key: `${key}escalate`, payload });
}

/** Locks the request and returns its stage if the timer still applies (same stage, same level, still open). */
async function dueStage(tx: ApprovalTx, raw: Record<string, unknown>): Promise<{ agg: RequestAggregate; stage: StageRecord; level: number } | null> {
  const payload = payloadSchema.parse(raw);
  if (!(await tx.claim(payload.requestId, ["pending"]))) return null; // closed, withdrawn, or waiting for an answer
  const agg = await tx.load(payload.requestId);
  const stage = agg?.stages[payload.stage];
  if (!agg || !stage || stage.status !== "pending" || agg.request.currentStage !== stage.position || stage.escalationLevel !== payload.level) return null;
  return { agg, stage, level: payload.level };
}

const undecidedSeats = (agg: RequestAggregate, stage: StageRecord) => {
  const decided = new Set(stageDecisions(agg, stage).map((d) => d.approverId));
  return stage.seats.map((s) => s.personId).filter((id) => !decided.has(id));
};

/** Reminds the approvers who have not decided (and their delegates). */
export async function onReminderDue(tx: ApprovalTx, ctx: StepContext, raw: Record<string, unknown>): Promise<void> {
  const due = await dueStage(tx, raw);
  if (!due) return;
  const { agg, stage, level } = due;
  const ref = requestRef(agg.request);
  const sref = stageRef(agg, stage);
  const recipients = await notifyApprovers(
    tx,
    ctx,
    undecidedSeats(agg, stage),
    (onBehalfOf) => ({ kind: K.reminder, request: ref, stage: sref, onBehalfOf, overdue: false }),
    `approval:${agg.request.id}:remind:${stage.position}:${level}`,
  );
  await tx.audit({ actor: "system", action: "approval.reminded", subjectType: "approval", subjectId: agg.request.id, details: { stage: stage.position, level, recipients } });
}

/**
 * An overdue stage escalates. A person-by-person stage gains the next person up its path as an
 * approver (and new timers); a group stage keeps its authority: the escalation role is alerted
 * and the members who have not decided are reminded again.
 */
export async function onEscalationDue(tx: ApprovalTx, ctx: StepContext, raw: Record<string, unknown>): Promise<void> {
  const due = await dueStage(tx, raw);
  if (!due) return;
  const { agg, stage, level } = due;
  const now = ctx.clock.now();
  const ref = requestRef(agg.request);
  const sref = stageRef(agg, stage);
  const base = `approval:${agg.request.id}:escalate:${stage.position}:${level}`;
  const mode = escalationMode(stage);
  const seated = new Set(stage.seats.map((s) => s.personId));
  const targets = mode === "add" ? stage.escalationPath.filter((id) => !seated.has(id)).slice(0, 1) : stage.escalationPath;
  await tx.updateStage(stage.id, { escalationLevel: level + 1 });
  if (mode === "add" && targets[0]) {
    await tx.addSeat(stage.id, { personId: targets[0], via: "escalation", addedAt: now });
    await scheduleStageTimers(tx, ctx, agg.request.id, { position: stage.position, escalationLevel: level + 1 }, now);
  }
  const escalated = (onBehalfOf: string | null) => ({ kind: K.escalated, request: ref, stage: sref, asApprover: mode === "add", reason: "overdue", onBehalfOf }) as const;
  if (mode === "add") {
    await notifyApprovers(tx, ctx, targets, escalated, base); // an added approver's delegate is asked too
  } else {
    for (const id of targets) await tx.notify(notification(id, escalated(null), `${base}:${id}`)); // alerted, not approvers
  }
  await notifyApprovers(
    tx,
    ctx,
    undecidedSeats(agg, stage),
    (onBehalfOf) => ({ kind: K.reminder, request: ref, stage: sref, onBehalfOf, overdue: true }),
    `${base}:overdue`,
  );
  await tx.audit({
    actor: "system",
    action: "approval.escalated",
    subjectType: "approval",
    subjectId: agg.request.id,
    details: { stage: stage.position, level: level + 1, mode, [mode === "add" ? "added" : "alerted"]: targets },
  });
}
