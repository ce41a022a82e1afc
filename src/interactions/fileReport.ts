import type { CaseService, DraftField, FieldErrors as DraftErrors, FileOptions, Receipt, ReportDraft } from "../core/cases/index.ts";
import { receiptRouteLines } from "../core/notifications/wording.ts";
import type { Actor } from "./actor.ts";
import { fieldError, notice, type FieldErrors, type Notice } from "./reply.ts";

/**
 * Filing a report, written once for every surface: the report form's answer (the receipt and
 * what happens next, the form again with each problem next to its field, or "already filed" for
 * a form sent twice) and the receipt's labels. What a report needs and where it goes are the
 * cases core's; the surface only turns its form into a draft (people as directory ids).
 */

/** The report form's fields; "form" is a problem with the report as a whole (no one can receive it). */
export type ReportField = DraftField | "form";

export const FILING_WORDS = {
  title: "Report filed",
  heading: (caseNumber: string) => `Report filed: ${caseNumber}`,
  /** The database could not take it: the reporter must know nothing was saved. */
  notSaved: "Your report was NOT saved: the service cannot reach its database right now. Your text is still here; please try again in a few minutes.",
  unknownInvolved: "Someone you chose could not be found in the company directory. Remove them and name them in the text instead.",
  notFiled: "The report could not be filed. Your text is kept; please try again.",
  /** A confidential report: its receipt goes to the reporter's chat with the bot (through the outbox). */
  receiptInChat: "Your receipt, with the proof-of-filing code, is in your chat with me; replies from the handlers arrive there too.",
  /** An anonymous report: its receipt is shown only here, as a chat can be exported. */
  anonymousNext:
    "Nothing about this report is posted in your chat with me: updates from the people handling it arrive there as a neutral \"private update\" whose Open button shows them in a window like this one. Note the case number and the code before you close this.",
} as const;

/** A receipt's facts, labelled once for every surface (each formats the dates its own way). */
export const RECEIPT_LABELS = {
  case: "Case",
  filed: "Filed",
  mode: "Mode",
  acknowledgeBy: "Acknowledged by",
  proof: "Proof of filing",
  /** After the acknowledgement date. */
  atTheLatest: "at the latest",
  keepProof: "Keep it: with it you can later prove what you filed and when.",
} as const;

/** The receipt's mode, as the reporter reads it. */
export const modeWords = (receipt: Pick<Receipt, "mode" | "caseNumber">) => (receipt.mode === "anonymous" ? `anonymous (handlers see only "Reporter of ${receipt.caseNumber}")` : "confidential");

/** The report is filed: its receipt, and what happens next, in place of the form. */
export interface ReportFiled {
  kind: "report_filed";
  receipt: Receipt;
  /** The directory's one-time note for someone it just enrolled. */
  notice?: string;
  title: string;
  lines: string[];
  placement: "redraw";
}

export type FileReply = ReportFiled | Notice | FieldErrors<ReportField>;

/** The core's refusal of a draft as the form's errors, each next to its field; never empty. */
export function draftRefused(fieldErrors: DraftErrors, formError?: string): FieldErrors<ReportField> {
  const errors: Partial<Record<ReportField, string>> = {};
  for (const [field, message] of Object.entries(fieldErrors) as Array<[DraftField, string | undefined]>) if (message) errors[field] = message;
  if (formError) errors.form = formError;
  if (!Object.keys(errors).length) errors.form = FILING_WORDS.notFiled;
  return { kind: "field_errors", errors };
}

type Logger = { error(details: object, message: string): void };

export function fileReportInteraction(cases: Pick<CaseService, "fileReport">, logger: Logger) {
  /**
   * `unknownInvolved`: people the form named whom the surface could not identify (they are asked
   * to be named in the text instead). `once`: the form's own id, so a form sent twice files once.
   */
  return async (actor: Actor, draft: ReportDraft, options: FileOptions & { unknownInvolved?: number } = {}): Promise<FileReply> => {
    if (options.unknownInvolved) return fieldError("involved", FILING_WORDS.unknownInvolved);
    let filed;
    try {
      filed = await cases.fileReport(actor.person.id, draft, options.once ? { once: options.once } : {});
    } catch (error) {
      logger.error({ err: { type: (error as Error)?.name } }, "a report could not be saved");
      return { ...fieldError("what", FILING_WORDS.notSaved), retry: true };
    }
    if (!filed.ok) return filed.alreadyFiled ? notice(FILING_WORDS.title, [filed.formError ?? FILING_WORDS.notFiled]) : draftRefused(filed.fieldErrors, filed.formError);
    const { receipt } = filed;
    return {
      kind: "report_filed",
      receipt,
      ...(actor.notice ? { notice: actor.notice } : {}),
      title: FILING_WORDS.heading(receipt.caseNumber),
      lines: receipt.mode === "anonymous" ? [FILING_WORDS.anonymousNext] : [...receiptRouteLines(receipt), FILING_WORDS.receiptInChat],
      placement: "redraw",
    };
  };
}

export type FileReportInteraction = ReturnType<typeof fileReportInteraction>;
