import type { ApprovalView } from "../../../core/approvals/index.ts";
import type { ReporterNotice } from "../../../core/cases/index.ts";
import { approvalWording, handlerWording, headline, PRIVATE_UPDATE, reporterWording, type Inserts, type NameOf, type Wording } from "../../../core/notifications/wording.ts";
import { CASE_VERBS } from "../verbs.ts";
import { approvalCard, noticeCard } from "./approvals.ts";
import { receiptCard } from "./report.ts";
import { card, execute, openDialog, text, type Action, type Card } from "./elements.ts";
import { escapeCardText as esc, truncate } from "./text.ts";

const day = (iso: string) => (Number.isNaN(Date.parse(iso)) ? "" : new Date(iso).toISOString().slice(0, 10));

/** How Teams writes data into the notifications' wording: escaped for TextBlock markdown, dates as days. */
export const TEAMS_INSERTS: Inserts = { text: esc, date: day, dateTime: day };

/** A notification card: the headline as its heading, the sentences under it. */
const wordingCard = (w: Wording, actions: Action[], detail?: { isSubtle: true }) =>
  card([text(headline(w), { style: "heading", weight: "bolder", size: "medium" }), ...w.lines.map((line) => text(line, detail))], actions);

/** A handler's buttons on a case notification: content opens in a dialog, never in the chat. */
export function handlerActions(caseNumber: string, options: { acknowledged?: boolean } = {}): Action[] {
  const data = { caseNumber };
  return [
    openDialog("Open", CASE_VERBS.open, data, "positive"),
    ...(options.acknowledged ? [] : [execute("Acknowledge", CASE_VERBS.acknowledge, data)]),
    openDialog("Message reporter", CASE_VERBS.messageForm, data),
    openDialog("Add note", CASE_VERBS.noteForm, data),
    openDialog("Reassign", CASE_VERBS.reassignForm, data),
    openDialog("Close", CASE_VERBS.closeForm, data, "destructive"),
  ];
}

/** To a case's handlers: the case number and what happened, nothing of the report. Null for an unknown kind. */
export function handlerNotificationCard(kind: string, payload: Record<string, unknown>): Card | null {
  const w = handlerWording(kind, payload, TEAMS_INSERTS);
  // A feedback deadline only runs once the case is acknowledged: no Acknowledge button then.
  return w && wordingCard(w, handlerActions(String(payload.caseNumber), { acknowledged: payload.deadline === "feedback" }), { isSubtle: true });
}

/**
 * To the reporter (their notice opened by the cases core; `updateId` is its outbox row's id): the
 * case number, and View/Reply (or the check-in's Yes/No). For an anonymous case only the neutral
 * private-update card, since Microsoft Purview keeps the chat (and the cards' button data).
 */
export function reporterNotificationCard(notice: ReporterNotice, updateId: string): Card {
  if (notice.anonymous) return privateUpdateCard(updateId);
  if (notice.kind === "case.reporter.filed") return receiptCard(notice.receipt);
  const data = { caseNumber: notice.caseNumber };
  const w = reporterWording(notice, TEAMS_INSERTS);
  if (notice.kind === "case.reporter.retaliation_checkin") {
    return wordingCard(w, [
      execute("Yes", CASE_VERBS.checkin, { ...data, day: notice.day, answer: "yes" }, "destructive"),
      execute("No", CASE_VERBS.checkin, { ...data, day: notice.day, answer: "no" }),
    ]);
  }
  return wordingCard(w, [openDialog("View", CASE_VERBS.reporterView, data, "positive"), openDialog("Reply", CASE_VERBS.reporterReplyForm, data)], notice.kind === "case.reporter.message" ? { isSubtle: true } : undefined);
}

/** The whole card to an anonymous reporter: no case, no content; the button's data is only the notice's opaque id. */
export function privateUpdateCard(updateId: string): Card {
  return wordingCard(PRIVATE_UPDATE, [openDialog("Open", CASE_VERBS.privateUpdate, { update: updateId }, "positive")]);
}

/** Kinds shown on the request's own card when the recipient may see it (and not at all when they may not). */
const ON_CARD = new Set(["approval.requested", "approval.reminder", "approval.info_answered", "approval.approved", "approval.declined"]);
/** Kinds shown on the request's card when the recipient may see it, and as a notice otherwise. */
const ON_CARD_OR_NOTICE = new Set(["approval.info_requested", "approval.closed"]);

/** Approval notifications. `view` is the request as the recipient may see it (null if they may not any more). */
export function approvalNotificationCard(kind: string, payload: Record<string, unknown>, view: ApprovalView | null, nameOf: NameOf): Card | null {
  const w = approvalWording(kind, payload, nameOf, TEAMS_INSERTS);
  if (!w) return null;
  const onCard = ON_CARD.has(kind) || ON_CARD_OR_NOTICE.has(kind) || (kind === "approval.escalated" && Boolean(payload.asApprover));
  if (onCard && view) return approvalCard(view, { heading: headline(w) });
  if (ON_CARD.has(kind)) return null;
  const request = (payload.request ?? {}) as { summary?: string };
  const summary = kind === "approval.delegated" || kind === "approval.info_requested" ? [] : [esc(truncate(String(request.summary ?? ""), 300))];
  return noticeCard(headline(w), [...summary, ...w.lines]);
}
