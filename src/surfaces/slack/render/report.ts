import type { types } from "@slack/bolt";
import { DEFAULT_CATEGORIES, LIMITS, type Category, type FieldErrors as DraftErrors, type Receipt, type RoutedTo } from "../../../core/cases/index.ts";
import { FILING_WORDS, modeWords, RECEIPT_LABELS, type ReportField, type ReportFiled } from "../../../interactions/fileReport.ts";
import type { FieldErrors, Notice } from "../../../interactions/reply.ts";
import { receiptRouteLines } from "../../../core/notifications/wording.ts";
import { CASE_ACTIONS, CASE_THREAD_EVENT, VIEWS } from "../ids.ts";
import { escapeText } from "../text.ts";
import { actions, button, context, header, section, slackDate, type Block, type SlackMessage } from "./blocks.ts";
import { modal, radioInput, selectInput, textInput, usersInput, type Option } from "./modal.ts";

/** The report form's block ids, one per field of the core's draft. */
export const REPORT_BLOCKS = {
  what: "what",
  when: "when",
  where: "where",
  involved: "involved",
  category: "category",
  recipient: "recipient",
  director: "director",
  mode: "mode",
} as const;

/** The core's field names → the block that shows their error. */
export const REPORT_FIELD_BLOCKS: Record<keyof DraftErrors, string> = {
  what: REPORT_BLOCKS.what,
  when: REPORT_BLOCKS.when,
  where: REPORT_BLOCKS.where,
  involved: REPORT_BLOCKS.involved,
  category: REPORT_BLOCKS.category,
  recipient: REPORT_BLOCKS.recipient,
  directorId: REPORT_BLOCKS.director,
  mode: REPORT_BLOCKS.mode,
};

/** "Default" leaves the choice to the core (the ethics officer, or the Audit Committee for accounting matters). */
export const DEFAULT_RECIPIENT = "default";

const RECIPIENT_OPTIONS: Option[] = [
  { value: DEFAULT_RECIPIENT, text: "The ethics officer (default)", description: "Accounting and disclosure matters also reach the Audit Committee" },
  { value: "supervisor", text: "My supervisor" },
  { value: "president", text: "The President" },
  { value: "director", text: "A Director (choose below)" },
  { value: "audit_committee", text: "The Audit Committee" },
];

const MODE_OPTIONS: Option[] = [
  { value: "confidential", text: "Confidential", description: "The people handling it know it was you, and keep it private." },
  { value: "anonymous", text: "Anonymous", description: "They see only \"Reporter of C-…\"; you can still exchange messages." },
];

/** Where a case was sent, as its handlers read it (the reporter reads receiptRouteLines). */
export const ROUTED_TO_LABELS: Record<RoutedTo, string> = {
  ethics_officer: "the ethics officer",
  supervisor: "a supervisor in the reporter's reporting line",
  president: "the President",
  director: "a Director",
  audit_committee: "the Audit Committee",
  board: "the Board of Directors",
};

/** The category a Code clause points to ("3(c)" → section 3 → conflicts and gifts), to preselect it. */
export function categoryForClause(clauseId: string | undefined): Category | undefined {
  const sectionId = clauseId?.match(/^\d+/)?.[0];
  if (!sectionId) return undefined;
  return (Object.entries(DEFAULT_CATEGORIES) as Array<[Category, { section: string | null }]>).find(([, def]) => def.section === sectionId)?.[0];
}

/** What a person put in the report form, as Slack gives it (people are Slack user ids). */
export interface ReportFormValues {
  what?: string;
  when?: string;
  where?: string;
  involved: string[];
  category?: string;
  recipient?: string;
  director?: string;
  mode?: string;
}

/**
 * The "Report a concern" modal. Nothing is sent until Submit. Drawn again with the submitted
 * values and `errors` (block id → message) when filing failed after the form was acknowledged:
 * a views.update cannot mark fields, so each message stands just above its field.
 */
export function reportModal(from: { category?: Category; values?: ReportFormValues; errors?: Record<string, string> } = {}): types.ModalView {
  const categories: Option[] = (Object.entries(DEFAULT_CATEGORIES) as Array<[Category, { label: string }]>).map(([value, def]) => ({ value, text: def.label }));
  const v: Partial<ReportFormValues> = from.values ?? {};
  const errors = from.errors ?? {};
  const withError = (blockId: string, block: Block): Block[] => (errors[blockId] ? [section(`:warning: *${escapeText(errors[blockId]!)}*`), block] : [block]);
  return modal({
    callbackId: VIEWS.report,
    title: "Report a concern",
    submit: "Submit report",
    blocks: [
      section(
        "Tell us what happened. Only the people who handle reports see it, never anyone you name in it. " +
          "Nothing is sent until you press *Submit report*.",
      ),
      ...withError(REPORT_BLOCKS.what, textInput(REPORT_BLOCKS.what, "What happened", { multiline: true, maxLength: Math.min(3000, LIMITS.what), placeholder: "Describe what you saw or experienced", ...(v.what ? { initial: v.what } : {}) })),
      ...withError(REPORT_BLOCKS.when, textInput(REPORT_BLOCKS.when, "When", { optional: true, maxLength: LIMITS.short, placeholder: "e.g. last Tuesday afternoon", ...(v.when ? { initial: v.when } : {}) })),
      ...withError(REPORT_BLOCKS.where, textInput(REPORT_BLOCKS.where, "Where", { optional: true, maxLength: LIMITS.short, ...(v.where ? { initial: v.where } : {}) })),
      ...withError(REPORT_BLOCKS.involved, usersInput(REPORT_BLOCKS.involved, "People involved", { multi: true, optional: true, max: LIMITS.involved, hint: "They never receive or see the report.", initial: v.involved ?? [] })),
      ...withError(REPORT_BLOCKS.category, selectInput(REPORT_BLOCKS.category, "What is it about", categories, { ...((v.category ?? from.category) ? { initial: v.category ?? from.category } : {}) })),
      ...withError(REPORT_BLOCKS.recipient, selectInput(REPORT_BLOCKS.recipient, "Who should receive it", RECIPIENT_OPTIONS, { initial: v.recipient ?? DEFAULT_RECIPIENT })),
      ...withError(REPORT_BLOCKS.director, usersInput(REPORT_BLOCKS.director, "Which Director", { optional: true, hint: "Only if you chose a Director above.", initial: v.director ? [v.director] : [] })),
      ...withError(REPORT_BLOCKS.mode, radioInput(REPORT_BLOCKS.mode, "Confidential or anonymous", MODE_OPTIONS, { initial: v.mode ?? "confidential" })),
      context("You get a receipt with a case number and a proof-of-filing code. Retaliation for a report made in good faith is prohibited (Code section 1)."),
    ],
  });
}

/**
 * The form once the report is filed. A confidential reporter's receipt also goes to their DM; an
 * anonymous reporter's lives only here (and in the case's View), as workspace admins can export DMs.
 */
export function filedModal(filed: ReportFiled): types.ModalView {
  const { receipt } = filed;
  const notice = filed.notice ? [context(escapeText(filed.notice))] : [];
  const body =
    receipt.mode === "anonymous"
      ? [...receiptBlocks(receipt), context([...filed.lines, HOME_LISTS_REPORTS].map(escapeText).join(" "))]
      : [section(filed.lines.map(escapeText).join(" "))];
  return modal({ callbackId: VIEWS.info, title: FILING_WORDS.title, blocks: [...notice, header(`✅ ${filed.title}`), ...body] });
}

/** Where Slack keeps a reporter's reports: the Home tab lists them with their receipts. */
const HOME_LISTS_REPORTS = "Your reports are also listed in my Home tab.";

/** A receipt's facts, where it went, and the proof-of-filing code, in full (the same on every surface). */
export function receiptBlocks(receipt: Receipt): Block[] {
  const L = RECEIPT_LABELS;
  return [
    section(
      [
        `*${L.case}:* ${receipt.caseNumber}`,
        `*${L.filed}:* ${slackDate(receipt.filedAt)}`,
        `*${L.mode}:* ${escapeText(modeWords(receipt))}`,
        `*${L.acknowledgeBy}:* ${slackDate(receipt.acknowledgeBy, "{date_short_pretty}")} ${L.atTheLatest}`,
      ].join("\n"),
    ),
    section(receiptRouteLines(receipt).join("\n")),
    section(`*${L.proof}:* \`${escapeText(receipt.digest)}\`\n${L.keepProof}`),
  ];
}

/** "Check a receipt" (App Home): a case number and its proof-of-filing code; the answer is only valid or not. */
export function receiptCheckModal(): types.ModalView {
  return modal({
    callbackId: VIEWS.receiptCheck,
    title: "Check a receipt",
    submit: "Check",
    blocks: [
      section("Enter a case number and the proof-of-filing code of its receipt. The answer is only whether they belong together; nothing of the report is shown."),
      textInput("case", "Case number", { maxLength: 20, placeholder: "C-2026-0001" }),
      textInput("code", "Proof-of-filing code", { maxLength: 100, placeholder: "1a2b3c4d:0123…" }),
    ],
  });
}

/** The answer to a second submission of a form whose report was filed (the first answer never reached Slack). */
export function alreadyFiledModal(reply: Notice): types.ModalView {
  // Where to find it is Slack's to say: App Home lists the reporter's cases with their receipts.
  return modal({ callbackId: VIEWS.info, title: reply.title, blocks: [section(`✅ ${reply.lines.map(escapeText).join(" ")} You find it, with its receipt, under your reports on my Home tab.`)] });
}

/** The errors answer for the report form: each message next to its field ("form": above the text), the text left as typed. */
export function reportErrors(refused: FieldErrors<ReportField>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(refused.errors) as Array<[ReportField, string | undefined]>) {
    if (message) errors[field === "form" ? REPORT_BLOCKS.what : (REPORT_FIELD_BLOCKS[field] ?? REPORT_BLOCKS.what)] = message;
  }
  return errors;
}

export const TYPED_MESSAGE_NOTICE =
  "Messages you type in this thread stay in this workspace's message history. The *Reply* button sends them through a form instead, which keeps them out of it.";

/** The metadata that lets a reply typed in the message's thread find its case. */
export function caseThreadMetadata(kind: keyof typeof CASE_THREAD_EVENT, caseNumber: string): types.MessageMetadata {
  return { event_type: CASE_THREAD_EVENT[kind], event_payload: { case: caseNumber } };
}

/** A confidential reporter's receipt, in their DM (through the outbox). */
export function receiptMessage(receipt: Receipt, options: { showTypedMessageNotice: boolean }): SlackMessage & { metadata: types.MessageMetadata } {
  const [facts, route] = receiptBlocks(receipt);
  const blocks: Block[] = [
    header(`✅ ${FILING_WORDS.heading(receipt.caseNumber)}`),
    facts!,
    route!,
    section(`*${RECEIPT_LABELS.proof}:* \`${escapeText(receipt.digest)}\`\nKeep this message: with it you can later prove what you filed and when.`),
    actions([button(CASE_ACTIONS.view, "View", receipt.caseNumber), button(CASE_ACTIONS.reply, "Reply", receipt.caseNumber, "primary")]),
    context("Handlers' messages arrive here. Use *Reply* to add something; you can also reply in this thread."),
  ];
  if (options.showTypedMessageNotice) blocks.push(context(TYPED_MESSAGE_NOTICE));
  return { text: FILING_WORDS.heading(receipt.caseNumber), blocks, metadata: caseThreadMetadata("reporter", receipt.caseNumber) };
}
