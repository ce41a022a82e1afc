/**
 * What the bot's notifications say, on every surface: plain sentences, with no Slack or Teams
 * markup. The data a sentence carries (names, references, questions, dates) goes through the
 * surface's `Inserts`, so each surface escapes it for its markup and writes dates its own way;
 * the fixed words here contain nothing any surface's markup would read as formatting. Surfaces
 * then lay the wording out (bold, headings, emoji, buttons).
 */
import { roleName } from "../advice/index.ts";
import type { ApprovalPayload } from "../approvals/index.ts";
import { HANDLER_KINDS, type CaseOutcome, type CaseStatus, type Deadline, type HandlerPayloads, type Receipt, type ReceiptRoute, type RecipientKind, type ReporterNotice, type RoutedTo } from "../cases/index.ts";

/** How a surface writes data into a sentence. */
export interface Inserts {
  /** Text from people or records (a name, a reference, a question), made safe for the surface. */
  text(value: string): string;
  /** A day (ISO date or timestamp), e.g. a delegation's end. */
  date(iso: string): string;
  /** A moment (ISO timestamp), e.g. when a deadline is due. */
  dateTime(iso: string): string;
  /**
   * How the reporter reads a new message on their case (its number, already through `text`), as a
   * sentence. Optional: without it, the View button that opens it in a private window (Slack,
   * Teams); a surface without buttons says how it is read there (the console: its /open command).
   */
  readMessage?(caseNumber: string): string;
}

/** A notification's words: a title (with a short `label` before it, where it has one) and sentences under it. */
export interface Wording {
  label?: string;
  title: string;
  lines: string[];
}

/** The title with its label, as one line: "Reminder: AP-1 waits for your decision". */
export const headline = (w: Wording): string => (w.label ? `${w.label}: ${w.title}` : w.title);

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

// ---- Cases -------------------------------------------------------------------------------------

const CASE_NUMBER = /^C-\d{4}-\d+$/;

/** What each case deadline is for. */
export const DEADLINE_NAMES: Record<Deadline, string> = { acknowledge: "acknowledgement", feedback: "feedback to the reporter" };

/**
 * To a case's handlers: the case number and what happened, nothing of the report. Null for an
 * unknown kind or a payload without a case number.
 */
export function handlerWording(kind: string, payload: Record<string, unknown>, ins: Inserts): Wording | null {
  const raw = String(payload.caseNumber ?? "");
  if (!CASE_NUMBER.test(raw)) return null;
  const number = ins.text(raw);
  const deadline = (d: Deadline) => DEADLINE_NAMES[d] ?? "";
  switch (kind) {
    case HANDLER_KINDS.assigned: {
      const p = payload as HandlerPayloads["case.assigned"];
      const why = `${p.priority === "high" ? "High priority. " : ""}${REASONS[p.reason] ?? ""}`;
      return { title: `Case ${number} was assigned to you`, lines: [`${why}Open it to read the report; opening is recorded in the case's audit trail.`] };
    }
    case HANDLER_KINDS.reporterReplied:
      return { title: `The reporter wrote on case ${number}`, lines: ["Open the case to read it."] };
    case HANDLER_KINDS.deadlineReminder: {
      const p = payload as HandlerPayloads["case.deadline_reminder"];
      return { title: `Reminder: case ${number} needs ${deadline(p.deadline) || "attention"}`, lines: [`Due ${ins.dateTime(p.due)}.`] };
    }
    case HANDLER_KINDS.deadlineMissed: {
      const p = payload as HandlerPayloads["case.deadline_missed"];
      return { title: `Case ${number} missed its ${deadline(p.deadline)} deadline`, lines: [`It was due ${ins.dateTime(p.due)} and has been escalated.`] };
    }
    case HANDLER_KINDS.escalated: {
      const p = payload as HandlerPayloads["case.escalated"];
      return { title: `Case ${number} was escalated to you`, lines: [`Its ${deadline(p.deadline)} deadline (${ins.dateTime(p.due)}) was missed; you are now one of its handlers.`] };
    }
    case HANDLER_KINDS.noticeUndelivered: {
      const p = payload as HandlerPayloads["case.notice_undelivered"];
      const hours = Number.isInteger(p.hours) && p.hours > 0 ? p.hours : 0;
      return {
        title: `A notice about case ${number} could not be delivered`,
        lines: [`One of its handlers has not received it for ${hours} hour${hours === 1 ? "" : "s"}.${p.reassigned ? " The case was given to another handler." : ""} \`conduct outbox failed\` lists what is undelivered.`],
      };
    }
    default:
      return null;
  }
}

/** Who the reporter chose, as they would say it. */
const CHOSEN: Record<RecipientKind, string> = {
  ethics_officer: "the ethics officer",
  supervisor: "your supervisor",
  president: "the President",
  director: "the Director you chose",
  audit_committee: "the Audit Committee",
};

/** Where it went when that was not the reporter's choice. */
const INSTEAD: Record<RoutedTo, string> = {
  ethics_officer: "the ethics officer",
  supervisor: "the next supervisor up your reporting line",
  president: "the President",
  director: "the Director you chose",
  audit_committee: "the Audit Committee",
  board: "the Board of Directors",
};

/** Why the chosen recipient was passed over; never a name. */
const PASSED_OVER: Record<NonNullable<ReceiptRoute["passedOver"]>, Record<RecipientKind, string>> = {
  named: {
    ethics_officer: "the ethics officer is named in it",
    supervisor: "your supervisor is named in it",
    president: "the President is named in it",
    director: "that Director is named in it",
    audit_committee: "every member of the Audit Committee is named in it",
  },
  reporter: {
    ethics_officer: "you are the ethics officer",
    supervisor: "you cannot receive your own report",
    president: "you are the President",
    director: "you cannot receive your own report",
    audit_committee: "you sit on the Audit Committee and everyone else on it is named in it",
  },
  none_on_file: {
    ethics_officer: "the directory lists no ethics officer",
    supervisor: "the directory lists no supervisor for you",
    president: "the directory lists no President",
    director: "the directory has no such Director",
    audit_committee: "the directory lists no Audit Committee",
  },
};

/**
 * Where a filed report went, for its reporter, on every surface: truthful about a choice that was
 * passed over and why, and that the people it names were left out, without naming anyone.
 */
export function receiptRouteLines(receipt: Pick<Receipt, "routedTo" | "route">): string[] {
  const { route, routedTo } = receipt;
  const except = route.someLeftOut ? ", except those of them your report names" : "";
  const lines = [
    route.passedOver
      ? `It went to ${INSTEAD[routedTo]}${except}, not to ${CHOSEN[route.chosen]}: ${PASSED_OVER[route.passedOver][route.chosen]}.`
      : `It went to ${CHOSEN[route.chosen]}${except}.`,
  ];
  if (route.auditCommitteeToo) lines.push("The Audit Committee received it too, as it does every accounting, disclosure or insider-trading report.");
  if (route.namesPeople) lines.push("No one your report names receives it or can see it.");
  return lines;
}

const REASONS: Record<string, string> = {
  reassign: "Reassigned to you by another handler. ",
  undelivered: "Its handler could not be reached. ",
};

/** A case's status as its reporter is told it. */
export const REPORTER_STATUS: Record<CaseStatus, string> = { received: "received", acknowledged: "acknowledged", investigating: "being investigated", closed: "closed" };
/** How a case ended, as its reporter is told it. */
export const REPORTER_OUTCOME: Record<CaseOutcome, string> = {
  substantiated: "The concern was substantiated.",
  unsubstantiated: "The concern was not substantiated.",
  referred: "It was referred onwards.",
};

/** How a reporter reads a new message where a View button opens it (`Inserts.readMessage` absent). */
const READ_WITH_VIEW = "Press View to read it; it opens in a private window, not in this chat.";

/** To the reporter (their notice, opened by the cases core): the case number and what happened. */
export function reporterWording(notice: ReporterNotice, ins: Inserts): Wording {
  const number = ins.text(notice.caseNumber);
  switch (notice.kind) {
    case "case.reporter.filed":
      return { title: `Report filed: ${number}`, lines: [...receiptRouteLines(notice.receipt), `Proof of filing: ${ins.text(notice.receipt.digest)}`] };
    case "case.reporter.message":
      return { title: `New message on ${number}`, lines: [`A handler of your report wrote to you. ${ins.readMessage?.(number) ?? READ_WITH_VIEW}`] };
    case "case.reporter.status_changed":
      return {
        title: `Your report ${number} is now ${REPORTER_STATUS[notice.status] ?? ins.text(String(notice.status))}`,
        lines: notice.outcome ? [REPORTER_OUTCOME[notice.outcome] ?? ""] : [],
      };
    case "case.reporter.retaliation_checkin":
      return {
        title: `A check-in about ${number}`,
        lines: [
          `It is ${notice.day} days since your report was closed. Since you reported, have you faced retaliation of any kind? Your answer goes only to the people handling your report.`,
          "Retaliation is prohibited by the Code (section 1).",
        ],
      };
  }
}

/**
 * All a chat message to an anonymous reporter says (their DMs can be exported by workspace admins):
 * no case, no content, no receipt. Its button opens the notice in a private view.
 */
export const PRIVATE_UPDATE: Wording = {
  title: "You have a private update",
  lines: ["Press Open to read it. It opens in a private window and is not kept in this chat."],
};

// ---- Approvals ---------------------------------------------------------------------------------

type PayloadOf<K extends ApprovalPayload["kind"]> = Omit<Extract<ApprovalPayload, { kind: K }>, "kind">;
/** A person's name from their id (the surface looks names up before rendering). */
export type NameOf = (personId: string) => string;

/**
 * An approval notification's words. Null for an unknown kind. The request itself (summary,
 * details, decisions, buttons) is the surface's card, shown with these words when the recipient
 * may see it.
 */
export function approvalWording(kind: string, payload: Record<string, unknown>, nameOf: NameOf, ins: Inserts): Wording | null {
  const request = (payload.request ?? {}) as { reference?: string };
  const ref = ins.text(String(request.reference ?? "the request"));
  const name = (id: unknown) => ins.text(nameOf(String(id ?? "")));
  const forWhom = (onBehalfOf: string | null | undefined) => (onBehalfOf ? ` (as ${name(onBehalfOf)}'s delegate)` : "");
  switch (kind) {
    case "approval.requested": {
      const p = payload as PayloadOf<"approval.requested">;
      return { title: `New approval request ${ref} from ${name(p.requesterId)}${forWhom(p.onBehalfOf)}`, lines: [] };
    }
    case "approval.reminder": {
      const p = payload as PayloadOf<"approval.reminder">;
      return { label: p.overdue ? "Overdue" : "Reminder", title: `${ref} waits for your decision${forWhom(p.onBehalfOf)}`, lines: [] };
    }
    case "approval.escalated": {
      const p = payload as PayloadOf<"approval.escalated">;
      return p.asApprover
        ? { label: "Escalated to you", title: `${ref} is overdue${forWhom(p.onBehalfOf)}`, lines: [] }
        : { title: `${ref} is overdue`, lines: ["Its approvers have not decided in time."] };
    }
    case "approval.info_requested": {
      const p = payload as PayloadOf<"approval.info_requested">;
      return { title: `${name(p.askedById)} asked about ${ref}`, lines: [ins.text(truncate(String(p.question ?? ""), 1500))] };
    }
    case "approval.info_answered": {
      const p = payload as PayloadOf<"approval.info_answered">;
      return { title: `The requester answered about ${ref}`, lines: [ins.text(truncate(String(p.answer ?? ""), 1500))] };
    }
    case "approval.stage_approved": {
      const p = payload as PayloadOf<"approval.stage_approved">;
      const next = p.next?.role ? roleName(p.next.role) : undefined;
      return { title: `${ref}: stage ${(p.stage?.position ?? 0) + 1} was approved`, lines: [`It now goes to ${next ?? "the next approvers"}.`] };
    }
    case "approval.approved":
      return { title: `Your request ${ref} was approved`, lines: [] };
    case "approval.declined":
      return { title: `Your request ${ref} was declined`, lines: [] };
    case "approval.closed": {
      const p = payload as PayloadOf<"approval.closed">;
      return { title: `${ref} was ${ins.text(String(p.outcome ?? "settled"))}`, lines: ["No decision is needed from you any more."] };
    }
    case "approval.withdrawn":
      return { title: `${ref} was withdrawn`, lines: ["The requester withdrew it; no decision is needed."] };
    case "approval.disclosure_required": {
      const p = payload as PayloadOf<"approval.disclosure_required">;
      return {
        label: `Prompt disclosure required for ${ref}`,
        title: `the waiver for ${name(p.subjectId)} was granted${p.inWriting ? " (in writing)" : ""}`,
        lines: ["The Code requires it to be disclosed promptly."],
      };
    }
    case "approval.delegated": {
      const p = payload as PayloadOf<"approval.delegated">;
      return {
        title: "You are now a delegate",
        lines: [`${name(p.personId)} made you their delegate for approvals${p.until ? ` until ${ins.date(p.until)}` : ""}. Their requests come to you too.`],
      };
    }
    default:
      return null;
  }
}
