import { randomUUID } from "node:crypto";
import type { Clock } from "../clock.ts";
import { notification, type ApprovalPayload, type DecisionRef, type StageRef } from "./notifications.ts";
import type { DecisionRecord, RequestAggregate, StageRecord } from "./records.ts";
import type { ApprovalTx } from "./store.ts";
import type { ApprovalSettings } from "./types.ts";

/** What a step inside a transaction needs besides the transaction. */
export interface StepContext {
  clock: Clock;
  settings: ApprovalSettings;
  remindDays: number;
  escalateDays: number;
  /** Holders of the `disclose_to` roles, resolved before the transaction (the directory is not transactional). */
  discloseTo: string[];
}

export const newId = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 20)}`;

export function stageRef(agg: RequestAggregate, stage: StageRecord): StageRef {
  return { position: stage.position, of: agg.stages.length, role: stage.role, rule: stage.rule };
}

export function decisionRefs(decisions: DecisionRecord[]): DecisionRef[] {
  return decisions.map((d) => ({ approverId: d.approverId, actorId: d.actorId, action: d.action, decidedAt: d.decidedAt.toISOString() }));
}

/** Notifies each of these approvers and, with `onBehalfOf` set, the delegate each has in force. */
export async function notifyApprovers(
  tx: ApprovalTx,
  ctx: StepContext,
  personIds: string[],
  make: (onBehalfOf: string | null) => ApprovalPayload,
  dedupe: string,
): Promise<string[]> {
  const recipients: string[] = [];
  for (const id of personIds) {
    await tx.notify(notification(id, make(null), `${dedupe}:${id}`));
    recipients.push(id);
  }
  for (const d of await tx.delegationsBy(personIds, ctx.clock.now())) {
    await tx.notify(notification(d.delegateId, make(d.personId), `${dedupe}:${d.delegateId}:for:${d.personId}`));
    recipients.push(d.delegateId);
  }
  return recipients;
}
