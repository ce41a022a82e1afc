import type { ApprovalPayload, DecisionRef, RequestRef } from "../../../core/approvals/index.ts";
import { HANDLER_KINDS, type HandlerPayloads, type ReporterNotice } from "../../../core/cases/index.ts";
import type { InboxItem } from "../deps.ts";
import { joinNames } from "../../../core/text/joinNames.ts";
import { day } from "./names.ts";

type NameOf = (personId: string) => string;
type Payload<K extends ApprovalPayload["kind"]> = Omit<Extract<ApprovalPayload, { kind: K }>, "kind">;

const DEADLINES = { acknowledge: "acknowledgement", feedback: "feedback to the reporter" } as const;
const decide = (r: RequestRef) => `Decide with /approve ${r.reference}, /decline ${r.reference} <reason> or /ask-info ${r.reference} <question>.`;
const deciders = (list: readonly DecisionRef[], nameOf: NameOf) => joinNames(list.map((d) => nameOf(d.actorId)));

/** One outbox notification as a line or two of text: what happened and the command to act on it. */
export function notificationText(item: InboxItem, nameOf: NameOf, openReporterNotice: (item: InboxItem) => ReporterNotice | null): string | null {
  if (item.kind.startsWith("case.reporter.")) {
    const notice = openReporterNotice(item);
    return notice ? reporterNoticeText(notice) : null;
  }
  if (item.kind.startsWith("case.")) return handlerText(item.kind, item.payload as Record<string, unknown>);
  if (item.kind.startsWith("approval.")) return approvalText(item.kind, item.payload as Record<string, unknown>, nameOf);
  return null;
}

function reporterNoticeText(notice: ReporterNotice): string {
  const n = notice.caseNumber;
  switch (notice.kind) {
    case "case.reporter.message":
      return `New message on ${n}. Read it with /open ${n}.`;
    case "case.reporter.status_changed":
      return `${n} is now ${notice.status}${notice.outcome ? ` – ${notice.outcome}` : ""}.`;
    case "case.reporter.retaliation_checkin":
      return `A check-in about ${n} (${notice.day} days after it closed): have you faced retaliation because of your report? Tell the handlers with /reply ${n} <text>.`;
  }
}

function handlerText(kind: string, payload: Record<string, unknown>): string | null {
  const n = String(payload.caseNumber ?? "");
  const open = `Open it with /open ${n}.`;
  switch (kind) {
    case HANDLER_KINDS.assigned: {
      const p = payload as unknown as HandlerPayloads["case.assigned"];
      return `Case ${n} was assigned to you${p.priority === "high" ? " (high priority)" : ""}. ${open}`;
    }
    case HANDLER_KINDS.reporterReplied:
      return `The reporter wrote on case ${n}. ${open}`;
    case HANDLER_KINDS.deadlineReminder: {
      const p = payload as unknown as HandlerPayloads["case.deadline_reminder"];
      return `Reminder: case ${n} needs ${DEADLINES[p.deadline]} by ${day(new Date(p.due))}. ${open}`;
    }
    case HANDLER_KINDS.deadlineMissed: {
      const p = payload as unknown as HandlerPayloads["case.deadline_missed"];
      return `Case ${n} missed its ${DEADLINES[p.deadline]} deadline (${day(new Date(p.due))}) and was escalated.`;
    }
    case HANDLER_KINDS.escalated: {
      const p = payload as unknown as HandlerPayloads["case.escalated"];
      return `Case ${n} was escalated to you: its ${DEADLINES[p.deadline]} deadline (${day(new Date(p.due))}) was missed. ${open}`;
    }
    default:
      return null;
  }
}

function approvalText(kind: string, payload: Record<string, unknown>, nameOf: NameOf): string | null {
  const r = payload.request as RequestRef | undefined;
  const about = r ? `${r.reference} (${r.summary})` : "";
  switch (kind) {
    case "approval.requested": {
      const p = payload as Payload<"approval.requested">;
      return `New approval request ${about} from ${nameOf(p.requesterId)}${p.onBehalfOf ? `, as ${nameOf(p.onBehalfOf)}'s delegate` : ""}. ${decide(p.request)}`;
    }
    case "approval.reminder": {
      const p = payload as Payload<"approval.reminder">;
      return `${p.overdue ? "Overdue" : "Reminder"}: ${about} is waiting for your decision. ${decide(p.request)}`;
    }
    case "approval.escalated": {
      const p = payload as Payload<"approval.escalated">;
      return p.asApprover ? `Escalated to you: ${about} was not decided in time; you can decide it too. ${decide(p.request)}` : `Overdue: ${about} has waited too long for its approvers.`;
    }
    case "approval.info_requested": {
      const p = payload as Payload<"approval.info_requested">;
      return `${nameOf(p.askedById)} asked about your request ${about}: ${p.question}\nAnswer with /answer ${p.request.reference} <text>.`;
    }
    case "approval.info_answered": {
      const p = payload as Payload<"approval.info_answered">;
      return `The requester answered ${nameOf(p.askedById)}'s question about ${about}: ${p.answer}\n${decide(p.request)}`;
    }
    case "approval.stage_approved":
      return `A stage of your request ${about} was approved; it now goes to the next approvers.`;
    case "approval.approved": {
      const p = payload as Payload<"approval.approved">;
      const extra = [...p.conditions.map((c) => `Condition: ${c}`), ...(p.expiresOn ? [`Expires ${p.expiresOn}`] : [])];
      return [`Your request ${about} was approved by ${deciders(p.decidedBy, nameOf)}.`, ...extra].join("\n");
    }
    case "approval.declined": {
      const p = payload as Payload<"approval.declined">;
      return `Your request ${about} was declined by ${deciders(p.decidedBy, nameOf)}.${p.reason ? ` Reason: ${p.reason}` : ""}`;
    }
    case "approval.closed": {
      const p = payload as Payload<"approval.closed">;
      return `${about} was ${p.outcome}${p.decidedBy.length ? ` by ${deciders(p.decidedBy, nameOf)}` : ""}; no decision is needed from you any more.`;
    }
    case "approval.withdrawn":
      return `The requester withdrew ${about}; no decision is needed.`;
    case "approval.disclosure_required": {
      const p = payload as Payload<"approval.disclosure_required">;
      return `Prompt disclosure required: a waiver for ${nameOf(p.subjectId)} (${about}) was granted${p.inWriting ? " in writing" : ""}.`;
    }
    case "approval.delegated": {
      const p = payload as Payload<"approval.delegated">;
      return `${nameOf(p.personId)} made you their delegate for approvals${p.until ? ` until ${p.until.slice(0, 10)}` : ""}.`;
    }
    default:
      return null;
  }
}
