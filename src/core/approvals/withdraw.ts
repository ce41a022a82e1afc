import { present, rejected, reload, stepContext, type ApprovalDeps } from "./deps.ts";
import { NOTIFICATION_KINDS as K, requestRef } from "./notifications.ts";
import { stageDecisions } from "./records.ts";
import { notifyApprovers, stageRef } from "./steps.ts";
import { requestTimerPrefix } from "./timers.ts";
import type { ApprovalStatus, Rejected, WithdrawResult } from "./types.ts";

type Outcome = { kind: "withdrawn" } | { kind: "not_pending"; status: ApprovalStatus } | Rejected;

/** The requester withdraws a request that is still open; its approvers are told and its timers stop. */
export async function withdraw(deps: ApprovalDeps, requesterId: string, requestId: string): Promise<WithdrawResult> {
  const ctx = stepContext(deps);
  const outcome = await deps.store.transaction(async (tx): Promise<Outcome> => {
    const now = ctx.clock.now();
    const claimed = await tx.claim(requestId, ["pending", "info_requested"]);
    const agg = await tx.load(requestId);
    if (!agg) return rejected("not_found", "There is no such approval request.");
    if (agg.request.requesterId !== requesterId) return rejected("not_requester", "Only the person who made the request can withdraw it.");
    if (!claimed) return { kind: "not_pending", status: agg.request.status };
    const stage = agg.stages[agg.request.currentStage]!;
    for (const s of agg.stages.filter((x) => x.position >= stage.position)) {
      await tx.updateStage(s.id, { status: "cancelled", closedAt: now }, s.status === "pending" ? "pending" : "waiting");
    }
    await tx.updateRequest(requestId, { status: "withdrawn", closedAt: now }, now);
    await tx.cancelTimers(requestTimerPrefix(requestId));
    const decided = new Set(stageDecisions(agg, stage).map((d) => d.approverId));
    const ref = requestRef(agg.request);
    const sref = stageRef(agg, stage);
    await notifyApprovers(
      tx,
      ctx,
      stage.seats.map((s) => s.personId).filter((id) => !decided.has(id)),
      () => ({ kind: K.withdrawn, request: ref, stage: sref }),
      `approval:${requestId}:withdrawn`,
    );
    await tx.audit({ actor: requesterId, action: "approval.withdrawn", subjectType: "approval", subjectId: requestId, details: { stage: stage.position, from: agg.request.status } });
    return { kind: "withdrawn" };
  });
  if (outcome.kind === "rejected") return outcome;
  const view = await present(deps, await reload(deps, requestId), requesterId);
  return outcome.kind === "withdrawn" ? { kind: "withdrawn", view } : { kind: "not_pending", view, status: outcome.status };
}
