import { RECEIPT_INVALID, RECEIPT_VALID } from "../core/cases/receiptCheck.ts";
import type { CaseService, PrivateUpdate, Receipt, ReporterCaseView } from "../core/cases/index.ts";
import type { Actor } from "./actor.ts";
import { refusal, saving, type CaseDone } from "./handlerCase.ts";
import { fieldError, notice, type FieldErrors, type Notice } from "./reply.ts";

/**
 * The reporter's side of a case, written once for every surface: reading their case (or an
 * anonymous reporter's private update), writing to its handlers, answering a retaliation
 * check-in, and checking a receipt. Everything about the case is the cases core's; what the
 * reporter is told is here.
 */

export const REPORTER_WORDS = {
  sentToHandlers: (n: string) => `Sent to the handlers of ${n}.`,
  checkinTitle: (day: number, n: string, answer: "yes" | "no") => `${day}-day check-in about ${n}: you answered ${answer}`,
  checkinNo: "Thank you. If anything changes, you can report it at any time; retaliation against anyone who reports in good faith is prohibited.",
  checkinYes: (linked: string) => `A new high-priority case, ${linked}, was opened about the retaliation. Its handlers (never anyone your first report named) will write to you here.`,
  receiptTitle: "Check a receipt",
  receiptValid: `✅ ${RECEIPT_VALID}`,
  receiptInvalid: `❌ ${RECEIPT_INVALID}`,
} as const;

export interface ReporterCaseShown {
  kind: "reporter_case";
  view: ReporterCaseView;
  placement: "redraw";
}

export interface PrivateUpdateShown {
  kind: "private_update";
  update: PrivateUpdate;
  placement: "redraw";
}

/** The reporter's message reached the handlers; `showTypedMessageNotice`: tell them, once, that typed thread messages stay in the chat's history. */
export interface ReplySent extends CaseDone {
  showTypedMessageNotice: boolean;
}

/** A check-in answered: shown in place of the question, which cannot be answered twice. */
export interface CheckinAnswered {
  kind: "checkin_answered";
  caseNumber: string;
  day: number;
  answer: "yes" | "no";
  /** The high-priority case a "yes" opened. */
  linked: Receipt | null;
  title: string;
  lines: string[];
  placement: "redraw";
}

type Logger = { error(details: object, message: string): void };

export function reporterCaseInteractions(cases: Pick<CaseService, "viewAsReporter" | "privateUpdate" | "messageHandlers" | "answerCheckin" | "checkReceipt">, logger: Logger) {
  return {
    async view(actor: Actor, caseNumber: string): Promise<ReporterCaseShown | Notice> {
      const result = await cases.viewAsReporter(actor.person.id, caseNumber);
      return result.ok ? { kind: "reporter_case", view: result.value, placement: "redraw" } : notice(`Case ${caseNumber}`, [result.message]);
    },

    /** `updateId`: the notice's opaque id from the neutral message's button (the core shows it only to its own reporter). */
    async privateUpdate(actor: Actor, updateId: string): Promise<PrivateUpdateShown | Notice> {
      const result = await cases.privateUpdate(actor.person.id, updateId);
      return result.ok ? { kind: "private_update", update: result.value, placement: "redraw" } : notice("Private update", [result.message]);
    },

    /** `via`: sent through the form, or typed in a case message's thread (a Slack DM). */
    async reply(actor: Actor, caseNumber: string, text: string, via: "form" | "typed" = "form"): Promise<Notice | FieldErrors<"text"> | ReplySent> {
      const result = await saving(logger, "text", () => cases.messageHandlers(actor.person.id, caseNumber, text, via));
      if ("kind" in result) return result;
      if (!result.ok) return refusal(result, caseNumber, "text");
      return { kind: "case_done", caseNumber, title: "Message sent", lines: [REPORTER_WORDS.sentToHandlers(caseNumber)], placement: "redraw", showTypedMessageNotice: result.value.showTypedMessageNotice };
    },

    async answerCheckin(actor: Actor, caseNumber: string, day: number, answer: "yes" | "no"): Promise<CheckinAnswered | Notice> {
      const result = await cases.answerCheckin(actor.person.id, caseNumber, day, answer);
      if (!result.ok) return notice(`Case ${caseNumber}`, [result.message]);
      const linked = result.value.linkedCase;
      return {
        kind: "checkin_answered",
        caseNumber,
        day,
        answer,
        linked,
        title: REPORTER_WORDS.checkinTitle(day, caseNumber, answer),
        lines: [answer === "yes" && linked ? REPORTER_WORDS.checkinYes(linked.caseNumber) : REPORTER_WORDS.checkinNo],
        placement: "redraw",
      };
    },

    /** Anyone may check a receipt (`actor` null when the surface could not identify them): only valid or not comes back. */
    async checkReceipt(actor: Actor | null, caseNumber: string, code: string, via: "slack" | "teams" | "console"): Promise<Notice | FieldErrors<"code">> {
      const result = await cases.checkReceipt(actor?.person.id ?? null, caseNumber, code, via);
      if (!result.ok) return fieldError("code", result.message);
      return notice(REPORTER_WORDS.receiptTitle, [result.valid ? REPORTER_WORDS.receiptValid : REPORTER_WORDS.receiptInvalid]);
    },
  };
}

export type ReporterCaseInteractions = ReturnType<typeof reporterCaseInteractions>;
