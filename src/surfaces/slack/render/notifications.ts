import type { types } from "@slack/bolt";
import type { ApprovalView } from "../../../core/approvals/index.ts";
import type { ReporterNotice } from "../../../core/cases/index.ts";
import { approvalWording, handlerWording, headline, PRIVATE_UPDATE, reporterWording, type NameOf, type Wording } from "../../../core/notifications/wording.ts";
import type { ReplySent } from "../../../interactions/reporterCase.ts";
import { CASE_ACTIONS } from "../ids.ts";
import { escapeText, truncate } from "../text.ts";
import { actions, button, context, section, type SlackMessage } from "./blocks.ts";
import { approvalCard } from "./approvals.ts";
import { handlerButtons, reporterButtons } from "./cases.ts";
import { SLACK_INSERTS } from "./inserts.ts";
import { caseThreadMetadata, receiptMessage, TYPED_MESSAGE_NOTICE } from "./report.ts";

/**
 * Outbox notifications as Slack DMs. Case notifications are content-free: a case number and what
 * happened, with buttons that open the content in a modal (so it never sits in chat history).
 */
export type CaseDm = SlackMessage & { metadata: types.MessageMetadata };

/** The wording as mrkdwn: the title in bold (after its label), the sentences under it. */
const mrkdwnOf = (w: Wording, emoji = "") =>
  [`${emoji ? `${emoji} ` : ""}${w.label ? `*${w.label}*: ${w.title}` : `*${w.title}*`}`, ...w.lines].join("\n");

/** To a case's handlers. */
export function handlerNotification(kind: string, payload: Record<string, unknown>): CaseDm | null {
  const w = handlerWording(kind, payload, SLACK_INSERTS);
  if (!w) return null;
  const number = String(payload.caseNumber);
  // A feedback deadline only runs once the case is acknowledged: no Acknowledge button then.
  const status = payload.deadline === "feedback" ? "acknowledged" : undefined;
  return {
    text: headline(w),
    blocks: [section(`*${headline(w)}*`), ...(w.lines.length ? [context(w.lines.join(" "))] : []), actions(handlerButtons(number, status))],
    metadata: caseThreadMetadata("handler", number),
  };
}

/**
 * To the reporter (their notice opened by the cases core; `updateId` is its outbox row's id). For
 * an anonymous case only the neutral private-update DM: workspace admins can export DMs.
 */
export function reporterNotification(notice: ReporterNotice, updateId: string): SlackMessage & { metadata?: types.MessageMetadata } {
  if (notice.anonymous) return privateUpdateMessage(updateId);
  if (notice.kind === "case.reporter.filed") return receiptMessage(notice.receipt, { showTypedMessageNotice: notice.showTypedMessageNotice });
  const number = notice.caseNumber;
  const w = reporterWording(notice, SLACK_INSERTS);
  const buttons =
    notice.kind === "case.reporter.retaliation_checkin"
      ? [button(CASE_ACTIONS.checkinYes, "Yes", `${number}|${notice.day}`, "danger"), button(CASE_ACTIONS.checkinNo, "No", `${number}|${notice.day}`)]
      : reporterButtons(number);
  return { text: headline(w), blocks: [section(mrkdwnOf(w)), actions(buttons)], metadata: caseThreadMetadata("reporter", number) };
}

/** The whole DM to an anonymous reporter: no case, no content, no thread metadata; the button carries only the notice's opaque id. */
export function privateUpdateMessage(updateId: string): SlackMessage {
  return {
    text: PRIVATE_UPDATE.title,
    blocks: [section(`🔒 ${mrkdwnOf(PRIVATE_UPDATE)}`), actions([button(CASE_ACTIONS.privateUpdate, "Open", updateId, "primary")])],
  };
}

/** After a typed reply in a case thread. */
export function typedReplyAck(sent: ReplySent): SlackMessage {
  const text = sent.lines.join(" ");
  return { text, blocks: [context(`✉️ ${escapeText(text)}`), ...(sent.showTypedMessageNotice ? [context(TYPED_MESSAGE_NOTICE)] : [])] };
}

const EMOJI: Record<string, string> = {
  "approval.requested": "📝",
  "approval.escalated": "⏫",
  "approval.info_requested": "❓",
  "approval.info_answered": "💬",
  "approval.stage_approved": "➡️",
  "approval.approved": "✅",
  "approval.declined": "⛔",
  "approval.closed": "ℹ️",
  "approval.withdrawn": "↩️",
  "approval.disclosure_required": "📣",
  "approval.delegated": "🤝",
};

const emojiOf = (kind: string, payload: Record<string, unknown>) => (kind === "approval.reminder" ? (payload.overdue ? "⏰" : "🔔") : (EMOJI[kind] ?? ""));

/** An approval DM: the lead (why this person is getting it now) and the request as the recipient sees it (or the payload's summary if they may not). */
export function approvalNotification(kind: string, payload: Record<string, unknown>, view: ApprovalView | null, nameOf: NameOf): SlackMessage | null {
  const w = approvalWording(kind, payload, nameOf, SLACK_INSERTS);
  if (!w) return null;
  const lead = mrkdwnOf(w, emojiOf(kind, payload));
  if (kind === "approval.delegated") return { text: headline(w), blocks: [section(lead)] };
  if (view) return approvalCard(view, lead);
  const request = payload.request as { reference?: string; summary?: string } | undefined;
  const line = `${lead}\n*${escapeText(request?.reference ?? "Approval request")}*: ${escapeText(truncate(request?.summary ?? "", 300))}`;
  return { text: escapeText(request?.reference ?? "Approval request"), blocks: [section(line)] };
}
