import type { HeldRole } from "../directory/types.ts";
import { approvalsNeeded } from "./decisionRule.ts";
import { earliest } from "./progress.ts";
import { stageLabel } from "./stageLabel.ts";
import { reference, stageDecisions, type DecisionRecord, type InfoRecord, type RequestAggregate } from "./records.ts";
import type { ApprovalSettings, ApprovalView, DecisionView, InfoRequestView, PersonRef, StageView, ViewerActions } from "./types.ts";

export type NameOf = (personId: string) => PersonRef;

/** Who is looking, and whose delegate they are right now. */
export interface Viewer {
  personId: string;
  /** People who delegated to the viewer (delegations in force). */
  delegators: ReadonlySet<string>;
  roles: readonly HeldRole[];
}

/** Every person id a view names, so the caller can look the names up in one go. */
export function personIdsOf(agg: RequestAggregate): string[] {
  const r = agg.request;
  const ids = [r.requesterId, ...(r.subjectId ? [r.subjectId] : []), ...r.involvedIds];
  for (const s of agg.stages) ids.push(...s.seats.map((seat) => seat.personId));
  for (const d of agg.decisions) ids.push(d.approverId, d.actorId);
  for (const i of agg.infoRequests) ids.push(i.askedById, i.actorId);
  return [...new Set(ids)];
}

/** The requester, the person a waiver is for, approvers and their delegates, and the escalation and disclosure roles. */
export function canView(agg: RequestAggregate, viewer: Viewer, settings: ApprovalSettings): boolean {
  const r = agg.request;
  if (viewer.personId === r.requesterId || viewer.personId === r.subjectId) return true;
  const seats = agg.stages.flatMap((s) => s.seats.map((seat) => seat.personId));
  if (seats.includes(viewer.personId) || seats.some((id) => viewer.delegators.has(id))) return true;
  if (viewer.roles.includes(settings.escalateTo)) return true;
  return r.disclosureRequired && viewer.roles.some((role) => (settings.discloseTo as readonly string[]).includes(role));
}

export function decisionView(agg: RequestAggregate, d: DecisionRecord, nameOf: NameOf): DecisionView {
  return {
    action: d.action,
    stage: agg.stages.find((s) => s.id === d.stageId)?.position ?? 0,
    approver: nameOf(d.approverId),
    actor: nameOf(d.actorId),
    byDelegate: d.actorId !== d.approverId,
    conditions: d.conditions,
    expiresOn: d.expiresOn,
    reason: d.reason,
    decidedAt: d.decidedAt,
  };
}

export function infoView(agg: RequestAggregate, i: InfoRecord, nameOf: NameOf): InfoRequestView {
  return {
    action: "ask_info",
    stage: agg.stages.find((s) => s.id === i.stageId)?.position ?? 0,
    askedBy: nameOf(i.askedById),
    actor: nameOf(i.actorId),
    byDelegate: i.actorId !== i.askedById,
    question: i.question,
    answer: i.answer,
    askedAt: i.askedAt,
    answeredAt: i.answeredAt,
  };
}

/** The seat the viewer would decide for in the open stage: their own, or one whose delegate they are. */
export function seatFor(agg: RequestAggregate, viewer: Pick<Viewer, "personId" | "delegators">): { seat: string; onBehalfOf: string | null } | null {
  const r = agg.request;
  if (r.status !== "pending") return null;
  if (viewer.personId === r.requesterId || r.involvedIds.includes(viewer.personId) || viewer.personId === r.subjectId) return null;
  const stage = agg.stages[r.currentStage];
  if (!stage || stage.status !== "pending") return null;
  const decided = new Set(stageDecisions(agg, stage).map((d) => d.approverId));
  if (stage.seats.some((s) => s.personId === viewer.personId)) return decided.has(viewer.personId) ? null : { seat: viewer.personId, onBehalfOf: null };
  const seat = stage.seats.find((s) => viewer.delegators.has(s.personId) && !decided.has(s.personId));
  return seat ? { seat: seat.personId, onBehalfOf: seat.personId } : null;
}

export function buildView(agg: RequestAggregate, nameOf: NameOf, viewer: Viewer | null, now: Date): ApprovalView {
  const r = agg.request;
  const stages: StageView[] = agg.stages.map((s) => {
    const decisions = stageDecisions(agg, s);
    return {
      position: s.position,
      role: s.role,
      rule: s.rule,
      status: s.status,
      fallback: s.fallback,
      who: stageLabel({ role: s.role, fallback: s.fallback, via: s.seats[0]?.via }, { you: viewer?.personId === r.requesterId, name: nameOf(r.requesterId).name }),
      approvers: s.seats.map((seat) => {
        const d = decisions.find((x) => x.approverId === seat.personId);
        return { person: nameOf(seat.personId), via: seat.via, decision: d ? decisionView(agg, d, nameOf) : null };
      }),
      needed: approvalsNeeded(s.rule, s.seats.length),
      approvals: decisions.filter((d) => d.action === "approve").length,
      declines: decisions.filter((d) => d.action === "decline").length,
      escalationLevel: s.escalationLevel,
      openedAt: s.openedAt,
      closedAt: s.closedAt,
    };
  });
  const approvals = agg.decisions.filter((d) => d.action === "approve");
  const expiresOn = r.status === "approved" ? earliest(approvals.map((d) => d.expiresOn)) : null;
  const seat = viewer ? seatFor(agg, viewer) : null;
  const actions: ViewerActions = {
    canDecide: seat !== null,
    onBehalfOf: seat?.onBehalfOf ? nameOf(seat.onBehalfOf) : null,
    canAnswer: viewer?.personId === r.requesterId && r.status === "info_requested",
    canWithdraw: viewer?.personId === r.requesterId && (r.status === "pending" || r.status === "info_requested"),
  };
  return {
    id: r.id,
    number: r.number,
    reference: reference(r.number),
    topicId: r.topicId,
    clauseId: r.clauseId,
    register: r.register,
    summary: r.summary,
    details: r.details,
    requester: nameOf(r.requesterId),
    subject: r.subjectId ? nameOf(r.subjectId) : null,
    involved: r.involvedIds.map(nameOf),
    status: r.status,
    inWriting: r.inWriting,
    disclosureRequired: r.disclosureRequired,
    currentStage: r.currentStage,
    stages,
    decisions: agg.decisions.map((d) => decisionView(agg, d, nameOf)),
    infoRequests: agg.infoRequests.map((i) => infoView(agg, i, nameOf)),
    conditions: approvals.filter((d) => d.conditions).map((d) => d.conditions!),
    expiresOn,
    expired: expiresOn !== null && expiresOn < now.toISOString().slice(0, 10),
    createdAt: r.createdAt,
    closedAt: r.closedAt,
    viewer: actions,
  };
}
