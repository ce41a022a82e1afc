import { CATEGORIES, DEFAULT_CATEGORIES, type CaseService, type FileResult } from "../../core/cases/index.ts";
import { MODES, RECIPIENTS, type RecipientKind, type RoutedTo } from "../../core/cases/types.ts";
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

const ROUTED_LABELS: Record<RoutedTo, string> = {
  ethics_officer: "the ethics officer",
  supervisor: "your supervisor",
  president: "the President",
  director: "the Director you chose",
  audit_committee: "the Audit Committee",
  board: "the Board of Directors",
};

const list = (text: string | undefined) => (text ?? "").split(/[,\s]+/).filter(Boolean);
const orUndefined = (text: string | undefined) => (text ? text : undefined);

/** The report intake as prompted fields; the cases core validates and files it. */
export function reportForm(cases: CaseService, reporterId: string): FormSpec {
  return {
    title: "Report a concern. It goes only to the people who handle reports.",
    fields: [
      { name: "what", prompt: "What happened?" },
      { name: "when", prompt: "When did it happen?", optional: true },
      { name: "where", prompt: "Where did it happen?", optional: true },
      { name: "involved", prompt: "Who was involved? Directory ids, separated by commas", optional: true },
      { name: "category", prompt: "What is it about?", choices: CATEGORIES.map((value) => ({ value, label: DEFAULT_CATEGORIES[value].label })) },
      { name: "recipient", prompt: "Who should receive it?", optional: true, choices: RECIPIENTS.map((value) => ({ value, label: RECIPIENT_LABELS[value] })) },
      { name: "directorId", prompt: "Which Director? Their directory id", when: (v) => v.recipient === "director" },
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
      const result = await cases.fileReport(reporterId, draft);
      return result.ok ? { ok: true, text: receiptText(result) } : { ok: false, fieldErrors: { ...result.fieldErrors }, ...(result.formError ? { formError: result.formError } : {}) };
    },
  };
}

function receiptText(result: Extract<FileResult, { ok: true }>): string {
  const { receipt, caseNumber } = result;
  return [
    `Report filed: ${caseNumber} (${receipt.mode}).`,
    `It went to ${ROUTED_LABELS[receipt.routedTo]}, who must acknowledge it by ${day(receipt.acknowledgeBy)}.`,
    `Proof of filing: ${receipt.digest}`,
    `Follow it with /open ${caseNumber}; write to the handlers with /reply ${caseNumber} <text>.`,
  ].join("\n");
}
