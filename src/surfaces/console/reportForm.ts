import { CATEGORIES, checkReportField, DEFAULT_CATEGORIES, type DraftField } from "../../core/cases/index.ts";
import type { Actor } from "../../interactions/actor.ts";
import { FILING_WORDS, RECEIPT_LABELS, type FileReportInteraction, type ReportFiled } from "../../interactions/fileReport.ts";
import { replyText } from "../../interactions/reply.ts";
import type { DirectoryQueries } from "../../core/directory/types.ts";
import { MODES, RECIPIENTS, type RecipientKind } from "../../core/cases/types.ts";
import { receiptRouteLines } from "../../core/notifications/wording.ts";
import type { FormSpec } from "./form.ts";
import { day } from "./render/names.ts";

const RECIPIENT_LABELS: Record<RecipientKind, string> = {
  ethics_officer: "The ethics officer (the default)",
  supervisor: "My supervisor",
  president: "The President",
  director: "A Director (you choose which)",
  audit_committee: "The Audit Committee",
};

const MODE_LABELS = {
  confidential: "Confidential: the people handling it know it is you",
  anonymous: "Anonymous: they never learn who you are",
} as const;

const list = (text: string | undefined) => (text ?? "").split(/[,\s]+/).filter(Boolean);
const orUndefined = (text: string | undefined) => (text ? text : undefined);

/**
 * The report intake as prompted fields, each checked by the cases core as it is answered; the
 * core validates the whole report again and files it.
 */
export async function reportForm(fileReport: FileReportInteraction, directory: DirectoryQueries, reporter: Actor): Promise<FormSpec> {
  const check = (field: DraftField, toDraft: (text: string) => unknown = (text) => text) => (text: string) => checkReportField(field, toDraft(text), directory);
  const directors = (await directory.holdersOf("director")).map((p) => ({ value: p.id, label: `${p.name} (${p.id})` }));
  return {
    title: "Report a concern. It goes only to the people who handle reports.",
    action: "File the report",
    fields: [
      { name: "what", prompt: "What happened?", check: check("what") },
      { name: "when", prompt: "When did it happen?", optional: true, check: check("when") },
      { name: "where", prompt: "Where did it happen?", optional: true, check: check("where") },
      { name: "involved", prompt: "Who was involved? Directory ids, separated by commas (/people lists them after the form)", optional: true, check: check("involved", list) },
      { name: "category", prompt: "What is it about?", check: check("category"), choices: CATEGORIES.map((value) => ({ value, label: DEFAULT_CATEGORIES[value].label })) },
      { name: "recipient", prompt: "Who should receive it?", optional: true, choices: RECIPIENTS.map((value) => ({ value, label: RECIPIENT_LABELS[value] })) },
      { name: "directorId", prompt: "Which Director?", choices: directors, when: (v) => v.recipient === "director", check: check("directorId") },
      { name: "mode", prompt: "Confidential or anonymous?", optional: true, choices: MODES.map((value) => ({ value, label: MODE_LABELS[value] })) },
    ],
    async submit(values) {
      const draft = {
        what: values.what,
        when: values.when,
        where: values.where,
        involved: list(values.involved),
        category: values.category,
        recipient: orUndefined(values.recipient),
        directorId: orUndefined(values.directorId),
        mode: orUndefined(values.mode),
      };
      const reply = await fileReport(reporter, draft);
      if (reply.kind === "report_filed") return { ok: true, text: receiptText(reply) };
      if (reply.kind === "notice") return { ok: false, fieldErrors: {}, formError: replyText(reply) };
      // Nothing was saved: the form's own "that did not work" keeps every answer for another try.
      if (reply.retry) throw new Error("the report could not be saved");
      const { form, ...fieldErrors } = reply.errors;
      return { ok: false, fieldErrors: fieldErrors as Record<string, string>, ...(form ? { formError: form } : {}) };
    },
  };
}

/** The receipt in full (a terminal is no exportable chat), and how to follow the case here. */
function receiptText({ receipt }: ReportFiled): string {
  const L = RECEIPT_LABELS;
  const number = receipt.caseNumber;
  return [
    `${FILING_WORDS.heading(number)} (${receipt.mode}).`,
    ...receiptRouteLines(receipt),
    `${L.acknowledgeBy}: ${day(receipt.acknowledgeBy)} ${L.atTheLatest}.`,
    `${L.proof}: ${receipt.digest}`,
    `Follow it with /open ${number}; write to the handlers with /reply ${number} <text>.`,
  ].join("\n");
}
