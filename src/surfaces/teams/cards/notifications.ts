import type { ApprovalView } from "../../../core/approvals/index.ts";
import { ROLE_NAMES } from "../../../core/advice/index.ts";
import { HANDLER_KINDS, type HandlerPayloads, type ReporterNotice } from "../../../core/cases/index.ts";
import { CASE_VERBS } from "../verbs.ts";
import { approvalCard, noticeCard } from "./approvals.ts";
import { card, execute, openDialog, text, type Action, type Card } from "./elements.ts";
import { escapeCardText as esc, truncate } from "./text.ts";

const CASE_NUMBER = /^C-\d{4}-\d+$/;
const DEADLINES = { acknowledge: "acknowledgement", feedback: "feedback to the reporter" } as const;
const day = (iso: string) => (Number.isNaN(Date.parse(iso)) ? "" : new Date(iso).toISOString().slice(0, 10));

/** A handler's buttons on a case notification: content opens in a dialog, never in the chat. */
export function handlerActions(caseNumber: string): Action[] {
  const data = { caseNumber };
  return [
    openDialog("Open", CASE_VERBS.open, data, "positive"),
    execute("Acknowledge", CASE_VERBS.acknowledge, data),
    openDialog("Message reporter", CASE_VERBS.messageForm, data),
    openDialog("Add note", CASE_VERBS.noteForm, data),
    openDialog("Reassign", CASE_VERBS.reassignForm, data),
    openDialog("Close", CASE_VERBS.closeForm, data, "destructive"),
  ];
}

/** To a case's handlers: the case number and what happened, nothing of the report. Null for an unknown kind. */
export function handlerNotificationCard(kind: string, payload: Record<string, unknown>): Card | null {
  const number = String(payload.caseNumber ?? "");
  if (!CASE_NUMBER.test(number)) return null;
  const notice = (title: string, detail: string) =>
    card([text(title, { style: "heading", weight: "bolder", size: "medium" }), text(detail, { isSubtle: true })], handlerActions(number));
  switch (kind) {
    case HANDLER_KINDS.assigned: {
      const p = payload as HandlerPayloads["case.assigned"];
      return notice(
        `Case ${number} was assigned to you`,
        `${p.priority === "high" ? "High priority. " : ""}${p.reason === "reassign" ? "Reassigned to you by another handler. " : ""}Open it to read the report; opening is recorded in the case's audit trail.`,
      );
    }
    case HANDLER_KINDS.reporterReplied:
      return notice(`New message on ${number}`, "The reporter wrote in the case. Open the case to read it.");
    case HANDLER_KINDS.deadlineReminder: {
      const p = payload as HandlerPayloads["case.deadline_reminder"];
      return notice(`Reminder: case ${number} needs ${DEADLINES[p.deadline] ?? "attention"}`, `Due ${day(p.due)}.`);
    }
    case HANDLER_KINDS.deadlineMissed: {
      const p = payload as HandlerPayloads["case.deadline_missed"];
      return notice(`Case ${number} missed its ${DEADLINES[p.deadline] ?? ""} deadline`, `It was due ${day(p.due)} and has been escalated.`);
    }
    case HANDLER_KINDS.escalated: {
      const p = payload as HandlerPayloads["case.escalated"];
      return notice(`Case ${number} was escalated to you`, `Its ${DEADLINES[p.deadline] ?? ""} deadline (${day(p.due)}) was missed; you are now one of its handlers.`);
    }
    default:
      return null;
  }
}

const STATUS_LABELS = { received: "received", acknowledged: "acknowledged", investigating: "being investigated", closed: "closed" } as const;
const OUTCOME_LABELS = { substantiated: "The concern was substantiated.", unsubstantiated: "The concern was not substantiated.", referred: "It was referred onwards." } as const;

/** To the reporter (their notice opened by the cases core): the case number, and View/Reply. */
export function reporterNotificationCard(notice: ReporterNotice): Card {
  const number = notice.caseNumber;
  const data = { caseNumber: number };
  const viewReply = [openDialog("View", CASE_VERBS.reporterView, data, "positive"), openDialog("Reply", CASE_VERBS.reporterReplyForm, data)];
  switch (notice.kind) {
    case "case.reporter.message":
      return card(
        [text(`New message on ${number}`, { style: "heading", weight: "bolder", size: "medium" }), text("A handler of your report wrote to you. Open it to read and reply.", { isSubtle: true })],
        viewReply,
      );
    case "case.reporter.status_changed":
      return card(
        [
          text(`Your report ${number} is now ${STATUS_LABELS[notice.status] ?? notice.status}`, { style: "heading", weight: "bolder", size: "medium" }),
          ...(notice.outcome ? [text(OUTCOME_LABELS[notice.outcome] ?? "")] : []),
        ],
        viewReply,
      );
    case "case.reporter.retaliation_checkin":
      return card(
        [
          text(`A check-in about ${number}`, { style: "heading", weight: "bolder", size: "medium" }),
          text("Since you reported, have you faced retaliation of any kind? Your answer goes only to the people handling your report."),
        ],
        [
          execute("Yes", CASE_VERBS.checkin, { caseNumber: number, day: notice.day, answer: "yes" }, "destructive"),
          execute("No", CASE_VERBS.checkin, { caseNumber: number, day: notice.day, answer: "no" }),
        ],
      );
  }
}

type NameOf = (id: unknown) => string;

/** Approval notifications. `view` is the request as the recipient may see it (null if they may not any more). */
export function approvalNotificationCard(kind: string, payload: Record<string, unknown>, view: ApprovalView | null, nameOf: NameOf): Card | null {
  const request = (payload.request ?? {}) as { reference?: string; summary?: string };
  const ref = esc(String(request.reference ?? "your request"));
  const summary = esc(truncate(String(request.summary ?? ""), 300));
  const forWhom = payload.onBehalfOf ? ` (as ${esc(nameOf(payload.onBehalfOf))}'s delegate)` : "";
  switch (kind) {
    case "approval.requested":
      return view ? approvalCard(view, { heading: `New approval request ${esc(view.reference)} from ${esc(view.requester.name)}${forWhom}` }) : null;
    case "approval.reminder":
      return view ? approvalCard(view, { heading: `${payload.overdue ? "Overdue" : "Reminder"}: ${esc(view.reference)} waits for your decision${forWhom}` }) : null;
    case "approval.escalated":
      if (payload.asApprover && view) return approvalCard(view, { heading: `Escalated to you: ${esc(view.reference)} is overdue${forWhom}` });
      return noticeCard(`${ref} is overdue`, [summary, "Its approvers have not decided in time."]);
    case "approval.info_answered":
      return view ? approvalCard(view, { heading: `The requester answered about ${esc(view.reference)}` }) : null;
    case "approval.info_requested":
      return view
        ? approvalCard(view, { heading: `${esc(nameOf(payload.askedById))} asked about ${esc(view.reference)}` })
        : noticeCard(`A question about ${ref}`, [esc(String(payload.question ?? ""))]);
    case "approval.stage_approved": {
      const next = payload.next as { role?: keyof typeof ROLE_NAMES } | undefined;
      return noticeCard(`${ref}: one stage approved`, [summary, `It now goes to ${esc(next?.role ? ROLE_NAMES[next.role] : "the next approvers")}.`]);
    }
    case "approval.approved":
    case "approval.declined":
      return view ? approvalCard(view, { heading: `Your request ${esc(view.reference)} was ${kind === "approval.approved" ? "approved" : "declined"}` }) : null;
    case "approval.closed":
      return view
        ? approvalCard(view, { heading: `${esc(view.reference)} was settled by someone else` })
        : noticeCard(`${ref} was settled`, [summary]);
    case "approval.withdrawn":
      return noticeCard(`${ref} was withdrawn`, [summary, "The requester withdrew it; nothing to decide."]);
    case "approval.disclosure_required":
      return noticeCard(`${ref} needs prompt disclosure`, [summary, `Granted for ${esc(nameOf(payload.subjectId))}; the Code requires it to be disclosed promptly.`]);
    case "approval.delegated":
      return noticeCard("You are now a delegate", [`${esc(nameOf(payload.personId))} asked you to decide approval requests for them${payload.until ? ` until ${esc(String(payload.until).slice(0, 10))}` : ""}.`]);
    default:
      return null;
  }
}
