import type { types } from "@slack/bolt";
import type { ApprovalPayload, ApprovalView } from "../../../core/approvals/index.ts";
import { HANDLER_KINDS, type HandlerPayloads, type ReporterNotice } from "../../../core/cases/index.ts";
import { CASE_ACTIONS } from "../ids.ts";
import { escapeText, truncate } from "../text.ts";
import { actions, button, context, section, slackDate, type SlackMessage } from "./blocks.ts";
import { approvalCard, stageLabel } from "./approvals.ts";
import { handlerButtons, OUTCOME_LABELS, reporterButtons, STATUS_LABELS } from "./cases.ts";
import { caseThreadMetadata, TYPED_MESSAGE_NOTICE } from "./report.ts";

/**
 * Outbox notifications as Slack DMs. Case notifications are content-free: a case number and what
 * happened, with buttons that open the content in a modal (so it never sits in chat history).
 */
export type CaseDm = SlackMessage & { metadata: types.MessageMetadata };

const DEADLINES = { acknowledge: "acknowledgement", feedback: "feedback to the reporter" } as const;

/** To a case's handlers. */
export function handlerNotification(kind: string, payload: Record<string, unknown>): CaseDm | null {
  const number = String(payload.caseNumber ?? "");
  if (!/^C-\d{4}-\d+$/.test(number)) return null;
  const dm = (text: string, detail?: string): CaseDm => ({
    text,
    blocks: [section(`*${text}*`), ...(detail ? [context(detail)] : []), actions(handlerButtons(number))],
    metadata: caseThreadMetadata("handler", number),
  });
  switch (kind) {
    case HANDLER_KINDS.assigned: {
      const p = payload as HandlerPayloads["case.assigned"];
      return dm(
        `Case ${number} was assigned to you`,
        `${p.priority === "high" ? "High priority. " : ""}${p.reason === "reassign" ? "Reassigned to you by another handler. " : ""}Open it to read the report; opening is recorded in the case's audit trail.`,
      );
    }
    case HANDLER_KINDS.reporterReplied:
      return dm(`The reporter wrote on case ${number}`, "Open the case to read it.");
    case HANDLER_KINDS.deadlineReminder: {
      const p = payload as HandlerPayloads["case.deadline_reminder"];
      return dm(`Reminder: case ${number} needs ${DEADLINES[p.deadline]}`, `Due ${slackDate(new Date(p.due))}.`);
    }
    case HANDLER_KINDS.deadlineMissed: {
      const p = payload as HandlerPayloads["case.deadline_missed"];
      return dm(`Case ${number} missed its ${DEADLINES[p.deadline]} deadline`, `It was due ${slackDate(new Date(p.due))} and has been escalated.`);
    }
    case HANDLER_KINDS.escalated: {
      const p = payload as HandlerPayloads["case.escalated"];
      return dm(`Case ${number} was escalated to you`, `Its ${DEADLINES[p.deadline]} deadline (${slackDate(new Date(p.due))}) was missed; you are now one of its handlers.`);
    }
    default:
      return null;
  }
}

/** To the reporter (their notice opened by the cases core). */
export function reporterNotification(notice: ReporterNotice): CaseDm {
  const number = notice.caseNumber;
  const metadata = caseThreadMetadata("reporter", number);
  switch (notice.kind) {
    case "case.reporter.message":
      return {
        text: `New message on ${number}`,
        blocks: [section(`*New message on ${number}*`), context("Press View to read it. It is shown in a private window, not in this chat."), actions(reporterButtons(number))],
        metadata,
      };
    case "case.reporter.status_changed": {
      const status = `${STATUS_LABELS[notice.status]}${notice.outcome ? ` – ${OUTCOME_LABELS[notice.outcome]}` : ""}`;
      return { text: `${number} is now ${status}`, blocks: [section(`*${number} is now ${status}*`), actions(reporterButtons(number))], metadata };
    }
    case "case.reporter.retaliation_checkin":
      return {
        text: `A check-in about ${number}`,
        blocks: [
          section(
            `*A check-in about ${number}* (${notice.day} days after it closed)\nHave you faced retaliation – any negative treatment – because of your report? ` +
              "Your answer goes only to the people who handle reports. Retaliation is prohibited by the Code (section 1).",
          ),
          actions([
            button(CASE_ACTIONS.checkinYes, "Yes", `${number}|${notice.day}`, "danger"),
            button(CASE_ACTIONS.checkinNo, "No", `${number}|${notice.day}`),
          ]),
        ],
        metadata,
      };
  }
}

/** After a typed reply in a case thread. */
export function typedReplyAck(caseNumber: string, showNotice: boolean): SlackMessage {
  return {
    text: `Sent to the handlers of ${caseNumber}.`,
    blocks: [context(`✉️ Sent to the handlers of ${caseNumber}.`), ...(showNotice ? [context(TYPED_MESSAGE_NOTICE)] : [])],
  };
}

type PayloadOf<K extends ApprovalPayload["kind"]> = Omit<Extract<ApprovalPayload, { kind: K }>, "kind">;
type NameOf = (personId: string) => string;

/** The first line of an approval DM: why this person is getting it now. */
export function approvalLead(kind: string, payload: Record<string, unknown>, nameOf: NameOf): string | null {
  switch (kind) {
    case "approval.requested": {
      const p = payload as PayloadOf<"approval.requested">;
      return `📝 *${escapeText(nameOf(p.requesterId))}* asks for your approval${p.onBehalfOf ? ` (you are ${escapeText(nameOf(p.onBehalfOf))}'s delegate)` : ""} – ${stageLabel({ ...p.stage, needed: 0 }, p.stage.of, p.stage.position)}.`;
    }
    case "approval.reminder": {
      const p = payload as PayloadOf<"approval.reminder">;
      return `${p.overdue ? "⏰ *Overdue*" : "🔔 *Reminder*"}: this request is waiting for your decision${p.onBehalfOf ? ` (as ${escapeText(nameOf(p.onBehalfOf))}'s delegate)` : ""}.`;
    }
    case "approval.escalated": {
      const p = payload as PayloadOf<"approval.escalated">;
      return p.asApprover ? "⏫ *Escalated to you*: the approvers did not decide in time, so you can decide this request too." : "⏫ *Overdue*: this request has waited too long for its approvers.";
    }
    case "approval.info_requested": {
      const p = payload as PayloadOf<"approval.info_requested">;
      return `❓ *${escapeText(nameOf(p.askedById))}* asked about your request: ${escapeText(truncate(p.question, 1500))}`;
    }
    case "approval.info_answered": {
      const p = payload as PayloadOf<"approval.info_answered">;
      return `💬 The requester answered ${escapeText(nameOf(p.askedById))}'s question: ${escapeText(truncate(p.answer, 1500))}`;
    }
    case "approval.stage_approved": {
      const p = payload as PayloadOf<"approval.stage_approved">;
      return `➡️ Stage ${p.stage.position + 1} was approved; your request is now with ${stageLabel({ ...p.next, needed: 0 }, p.next.of, p.next.position)}.`;
    }
    case "approval.approved":
      return "✅ *Your request was approved.*";
    case "approval.declined":
      return "⛔ *Your request was declined.*";
    case "approval.closed": {
      const p = payload as PayloadOf<"approval.closed">;
      return `This request was ${p.outcome}; no decision is needed from you any more.`;
    }
    case "approval.withdrawn":
      return "↩️ The requester withdrew this request; no decision is needed.";
    case "approval.disclosure_required": {
      const p = payload as PayloadOf<"approval.disclosure_required">;
      return `📣 *Prompt disclosure required*: this waiver for ${escapeText(nameOf(p.subjectId))} was granted${p.inWriting ? " (in writing)" : ""}.`;
    }
    default:
      return null;
  }
}

/** An approval DM: the lead line and the request as the recipient sees it (or the payload's summary if they may not). */
export function approvalNotification(kind: string, payload: Record<string, unknown>, view: ApprovalView | null, nameOf: NameOf): SlackMessage | null {
  if (kind === "approval.delegated") {
    const p = payload as PayloadOf<"approval.delegated">;
    const text = `${nameOf(p.personId)} made you their delegate for approvals${p.until ? ` until ${slackDate(new Date(p.until), "{date_short_pretty}")}` : ""}. Their requests come to you too.`;
    return { text: escapeText(text), blocks: [section(`🤝 ${escapeText(nameOf(p.personId))} made you their delegate for approvals${p.until ? ` until ${slackDate(new Date(p.until), "{date_short_pretty}")}` : ""}. Their requests come to you too.`)] };
  }
  const lead = approvalLead(kind, payload, nameOf);
  if (lead === null) return null;
  if (view) return approvalCard(view, lead);
  const request = payload.request as { reference?: string; summary?: string } | undefined;
  const line = `${lead}\n*${escapeText(request?.reference ?? "Approval request")}*: ${escapeText(truncate(request?.summary ?? "", 300))}`;
  return { text: escapeText(request?.reference ?? "Approval request"), blocks: [section(line)] };
}
