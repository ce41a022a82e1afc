import { present, rejected, reload, stepContext, type ApprovalDeps } from "./deps.ts";
import { answerSchema, invalid } from "./input.ts";
import { NOTIFICATION_KINDS as K, requestRef } from "./notifications.ts";
import { openInfoRequest, stageDecisions } from "./records.ts";
import { notifyApprovers } from "./steps.ts";
import { scheduleStageTimers } from "./timers.ts";
import type { AnswerInfoResult, ApprovalStatus, Rejected } from "./types.ts";

type Outcome = { kind: "answered" } | { kind: "duplicate" } | { kind: "not_waiting"; status: ApprovalStatus } | Rejected;

/**
 * The requester answers an approver's question: the request is pending again, the stage's
 * approvers get the answer, and the reminder and escalation timers start over.
 */
export async function answerInfo(deps: ApprovalDeps, requesterId: string, requestId: string, answer: string): Promise<AnswerInfoResult> {
  const parsed = answerSchema.safeParse(answer);
  if (!parsed.success) return invalid(parsed.error);
  const text = parsed.data;
  const ctx = stepContext(deps);
  const outcome = await deps.store.transaction(async (tx): Promise<Outcome> => {
    const now = ctx.clock.now();
    const claimed = await tx.claim(requestId, ["info_requested"]);
    const agg = await tx.load(requestId);
    if (!agg) return rejected("not_found", "There is no such approval request.");
    if (agg.request.requesterId !== requesterId) return rejected("not_requester", "Only the person who made the request can answer.");
    if (!claimed) {
      const last = agg.infoRequests.at(-1);
      return last?.answer === text ? { kind: "duplicate" } : { kind: "not_waiting", status: agg.request.status };
    }
    const info = openInfoRequest(agg);
    if (!info) return { kind: "not_waiting", status: agg.request.status };
    const stage = agg.stages[agg.request.currentStage]!;
    await tx.answerInfoRequest(info.id, text, now);
    await tx.updateRequest(requestId, { status: "pending" }, now);
    await scheduleStageTimers(tx, ctx, requestId, stage, now);
    const decided = new Set(stageDecisions(agg, stage).map((d) => d.approverId));
    const ref = requestRef(agg.request);
    await notifyApprovers(
      tx,
      ctx,
      stage.seats.map((s) => s.personId).filter((id) => !decided.has(id)),
      () => ({ kind: K.infoAnswered, request: ref, infoId: info.id, askedById: info.askedById, answer: text }),
      `approval:${requestId}:answered:${info.id}`,
    );
    await tx.audit({ actor: requesterId, action: "approval.info_answered", subjectType: "approval", subjectId: requestId, details: { stage: stage.position, infoId: info.id } });
    return { kind: "answered" };
  });
  if (outcome.kind === "rejected") return outcome;
  const view = await present(deps, await reload(deps, requestId), requesterId);
  return outcome.kind === "not_waiting" ? { kind: "not_waiting", view, status: outcome.status } : { kind: outcome.kind, view };
}
