import type { ApprovalPayload, DecisionRef, RequestRef } from "../../../core/approvals/index.ts";
import { HANDLER_KINDS, type ReporterNotice } from "../../../core/cases/index.ts";
import { approvalWording, handlerWording, headline, reporterWording, type Inserts, type NameOf, type Wording } from "../../../core/notifications/wording.ts";
import { joinNames } from "../../../core/text/joinNames.ts";
import type { InboxItem } from "../deps.ts";
import { day } from "./names.ts";

type Payload<K extends ApprovalPayload["kind"]> = Omit<Extract<ApprovalPayload, { kind: K }>, "kind">;

const onDay = (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : day(new Date(iso)));

/** How the console writes data into the notifications' wording: plain text as it is, dates as days, messages read with /open. */
export const CONSOLE_INSERTS: Inserts = {
  text: (value) => value,
  date: onDay,
  dateTime: onDay,
  readMessage: (caseNumber) => `Read it with /open ${caseNumber}.`,
};

/** The headline as a sentence, then the wording's sentences and whatever the console adds (the request, the command to act), one per indented line. */
function plainText(w: Wording, ...more: (string | null | undefined)[]): string {
  const title = headline(w);
  const lines = [...w.lines, ...more].filter((line): line is string => Boolean(line));
  return [/[.?!…]$/.test(title) ? title : `${title}.`, ...lines.map((line) => `  ${line.replace(/\n/g, "\n  ")}`)].join("\n");
}

/** One outbox notification as a few lines of text: the core's wording, and the console command to act on it. */
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
  const w = reporterWording(notice, CONSOLE_INSERTS);
  // A new message says how to read it through CONSOLE_INSERTS.readMessage.
  return plainText(w, notice.kind === "case.reporter.retaliation_checkin" ? `Tell the handlers with /reply ${notice.caseNumber} <text>.` : null);
}

/** Handler notifications after which the handler opens the case. */
const TO_OPEN = new Set<string>([HANDLER_KINDS.assigned, HANDLER_KINDS.reporterReplied, HANDLER_KINDS.deadlineReminder, HANDLER_KINDS.escalated]);

function handlerText(kind: string, payload: Record<string, unknown>): string | null {
  const w = handlerWording(kind, payload, CONSOLE_INSERTS);
  return w && plainText(w, TO_OPEN.has(kind) ? `Open it with /open ${String(payload.caseNumber)}.` : null);
}

const decide = (reference: string) => `Decide with /approve ${reference}, /decline ${reference} <reason> or /ask-info ${reference} <question>.`;

/** What the console shows under an approval notification's wording: the request (reference and summary), how it was decided, and the command to act. */
function approvalText(kind: string, payload: Record<string, unknown>, nameOf: NameOf): string | null {
  const w = approvalWording(kind, payload, nameOf, CONSOLE_INSERTS);
  if (!w) return null;
  const r = payload.request as RequestRef | undefined;
  const request = r ? `${r.reference} · ${r.summary}` : null;
  const by = (decided: readonly DecisionRef[] | undefined) => joinNames((decided ?? []).map((d) => nameOf(d.actorId)));
  switch (kind) {
    case "approval.requested":
    case "approval.reminder":
    case "approval.info_answered":
      return plainText(w, request, r && decide(r.reference));
    case "approval.escalated":
      return plainText(w, request, r && payload.asApprover ? decide(r.reference) : null);
    case "approval.info_requested":
      return plainText(w, request, r && `Answer with /answer ${r.reference} <text>.`);
    case "approval.approved": {
      const p = payload as Payload<"approval.approved">;
      return plainText(w, request, p.decidedBy?.length ? `Approved by ${by(p.decidedBy)}.` : null, ...(p.conditions ?? []).map((c) => `Condition: ${c}`), p.expiresOn && `Expires ${p.expiresOn}`);
    }
    case "approval.declined": {
      const p = payload as Payload<"approval.declined">;
      return plainText(w, request, p.decidedBy?.length ? `Declined by ${by(p.decidedBy)}.` : null, p.reason && `Reason: ${p.reason}`);
    }
    case "approval.closed": {
      const p = payload as Payload<"approval.closed">;
      const decided = p.decidedBy?.length && (p.outcome === "approved" || p.outcome === "declined") ? `${p.outcome === "approved" ? "Approved" : "Declined"} by ${by(p.decidedBy)}.` : null;
      return plainText(w, request, decided);
    }
    default:
      return plainText(w, request);
  }
}
