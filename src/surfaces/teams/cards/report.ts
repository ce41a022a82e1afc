import { DEFAULT_CATEGORIES, LIMITS, type CaseView, type FieldErrors, type PrivateUpdate, type Receipt, type ReporterCaseView } from "../../../core/cases/index.ts";
import { CATEGORIES, RECIPIENTS } from "../../../core/cases/index.ts";
import { FILING_WORDS, modeWords, RECEIPT_LABELS, type ReportFiled } from "../../../interactions/fileReport.ts";
import { caseStateLabel } from "../../../interactions/caseLabels.ts";
import { CASE_VERBS } from "../verbs.ts";
import { receiptRouteLines, reporterWording, type Inserts } from "../../../core/notifications/wording.ts";
import { card, openDialog, submit, text, type Card, type Element } from "./elements.ts";
import { DATASETS, peoplePicker, type Picked } from "./peoplePicker.ts";
import { escapeCardText as esc } from "./text.ts";

const RECIPIENT_LABELS: Record<(typeof RECIPIENTS)[number], string> = {
  ethics_officer: "The Ethics and Compliance Officer (default)",
  supervisor: "My supervisor",
  president: "The President",
  director: "A Director",
  audit_committee: "The Audit Committee",
};

/** Shown before the dialog: what happens to a report, and the button that opens the form. */
export function startReportCard(clauseId?: string): Card {
  return card(
    [
      text("Report a concern", { style: "heading", weight: "bolder", size: "medium" }),
      text("Your report goes only to the person you choose (never to anyone it names), in a form that is not kept in this chat. You can stay anonymous."),
    ],
    [openDialog("Write the report", CASE_VERBS.reportForm, clauseId ? { clauseId } : {}, "positive"), openDialog("Check a receipt", CASE_VERBS.receiptForm, {})],
  );
}

/** "Check a receipt" (a dialog): a case number and its proof-of-filing code; the answer is only valid or not. */
export function receiptCheckCard(error?: string): Card {
  return card(
    [
      text("Check a receipt", { style: "heading", weight: "bolder", size: "medium" }),
      text("Enter a case number and the proof-of-filing code of its receipt. The answer is only whether they belong together; nothing of the report is shown.", { isSubtle: true }),
      ...(error ? [text(`⚠️ ${esc(error)}`, { color: "attention" })] : []),
      { type: "Input.Text", id: "caseNumber", label: "Case number", placeholder: "C-2026-0001", isRequired: true, errorMessage: "Enter the case number", maxLength: 20 },
      { type: "Input.Text", id: "code", label: "Proof-of-filing code", placeholder: "1a2b3c4d:0123…", isRequired: true, errorMessage: "Enter the code", maxLength: 100 },
    ],
    [submit("Check", CASE_VERBS.receiptSubmit, {}, "positive")],
  );
}

export interface ReportFormValues {
  what?: string;
  when?: string;
  where?: string;
  involved?: string;
  category?: string;
  recipient?: string;
  directorId?: string;
  mode?: string;
}

/**
 * The report form (a dialog): what happened (required), when, where, people involved, category,
 * recipient and confidential/anonymous, each explained in one line. Field errors sit next to their
 * field, and what the person wrote is kept.
 */
export function reportFormCard(options: {
  /** The people already chosen as involved (their names, for a form that comes back); more come from the typeahead. */
  involved?: Picked[];
  directors: Array<{ id: string; name: string }>;
  values?: ReportFormValues;
  fieldErrors?: FieldErrors;
  formError?: string;
}): Card {
  const v = options.values ?? {};
  const errors = options.fieldErrors ?? {};
  const errorFor = (field: keyof FieldErrors): Element[] => (errors[field] ? [text(`⚠️ ${esc(errors[field]!)}`, { color: "attention", size: "small", spacing: "none" })] : []);
  const body: Element[] = [text("Everything you write is encrypted and seen only by the people handling your report.", { isSubtle: true })];
  if (options.formError) body.push(text(`⚠️ ${esc(options.formError)}`, { color: "attention", weight: "bolder" }));
  body.push(
    { type: "Input.Text", id: "what", label: "What happened", isMultiline: true, isRequired: true, errorMessage: "Describe what happened", maxLength: LIMITS.what, ...(v.what ? { value: v.what } : {}) },
    ...errorFor("what"),
    { type: "Input.Text", id: "when", label: "When (optional)", placeholder: "e.g. last Tuesday, since March", maxLength: LIMITS.short, ...(v.when ? { value: v.when } : {}) },
    ...errorFor("when"),
    { type: "Input.Text", id: "where", label: "Where (optional)", maxLength: LIMITS.short, ...(v.where ? { value: v.where } : {}) },
    ...errorFor("where"),
    peoplePicker({
      id: "involved",
      label: "People involved (optional) – they never receive the report",
      dataset: DATASETS.people,
      multiple: true,
      placeholder: "Type a name to search the directory",
      selected: options.involved ?? [],
    }),
    ...errorFor("involved"),
    {
      type: "Input.ChoiceSet",
      id: "category",
      label: "What is it about",
      isRequired: true,
      errorMessage: "Choose what the report is about",
      style: "compact",
      choices: CATEGORIES.map((c) => ({ title: DEFAULT_CATEGORIES[c].label, value: c })),
      ...(v.category ? { value: v.category } : {}),
    },
    ...errorFor("category"),
    {
      type: "Input.ChoiceSet",
      id: "recipient",
      label: "Who should receive it – anyone it names is skipped automatically",
      style: "compact",
      choices: RECIPIENTS.map((r) => ({ title: RECIPIENT_LABELS[r], value: r })),
      value: v.recipient ?? "ethics_officer",
    },
    ...errorFor("recipient"),
  );
  if (options.directors.length) {
    body.push(
      { type: "Input.ChoiceSet", id: "directorId", label: "Which Director (if you chose a Director)", style: "compact", choices: options.directors.map((p) => ({ title: p.name, value: p.id })), ...(v.directorId ? { value: v.directorId } : {}) },
      ...errorFor("directorId"),
    );
  }
  body.push(
    {
      type: "Input.ChoiceSet",
      id: "mode",
      label: "How to file it",
      style: "expanded",
      choices: [
        { title: "Confidential – the handlers see who you are and keep it confidential", value: "confidential" },
        { title: "Anonymous – the handlers never see who you are; replies still reach you here", value: "anonymous" },
      ],
      value: v.mode ?? "confidential",
    },
    ...errorFor("mode"),
  );
  return card(body, [submit("File the report", CASE_VERBS.reportSubmit, {}, "positive")]);
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** A receipt's facts and where it went; the proof-of-filing code in full ("<key id>:<hex>"), as on every surface. */
function receiptElements(receipt: Receipt): Element[] {
  const L = RECEIPT_LABELS;
  return [
    {
      type: "FactSet",
      facts: [
        { title: L.case, value: esc(receipt.caseNumber) },
        { title: L.filed, value: receipt.filedAt.toISOString().replace("T", " ").slice(0, 16) + " UTC" },
        { title: L.mode, value: esc(modeWords(receipt)) },
        { title: L.acknowledgeBy, value: `${day(receipt.acknowledgeBy)} ${L.atTheLatest}` },
        { title: L.proof, value: esc(receipt.digest) },
      ],
    },
    ...receiptRouteLines(receipt).map((line) => text(line)),
    text(L.keepProof, { isSubtle: true }),
  ];
}

/** A confidential reporter's receipt in their 1:1 chat (through the outbox): the case number and what happens next, not the report. */
export function receiptCard(receipt: Receipt): Card {
  return card(
    [
      text(esc(FILING_WORDS.heading(receipt.caseNumber)), { style: "heading", weight: "bolder", size: "medium" }),
      ...receiptElements(receipt),
      text("Messages from the people handling it will arrive here. Retaliation against anyone who reports in good faith is prohibited.", { isSubtle: true }),
    ],
    [openDialog("View", CASE_VERBS.reporterView, { caseNumber: receipt.caseNumber }), openDialog("Message the handlers", CASE_VERBS.reporterReplyForm, { caseNumber: receipt.caseNumber })],
  );
}

/** An anonymous reporter's receipt: the report dialog's result only (a dialog is not chat history). */
export function filedDialogCard(filed: ReportFiled): Card {
  return card([
    text(esc(filed.title), { style: "heading", weight: "bolder", size: "medium" }),
    ...receiptElements(filed.receipt),
    ...filed.lines.map((line) => text(esc(line), { isSubtle: true })),
  ]);
}

const DIALOG_INSERTS: Inserts = { text: esc, date: (iso) => iso.slice(0, 10), dateTime: (iso) => iso.slice(0, 10) };

/**
 * An anonymous reporter's private update (a dialog opened from the neutral card): what happened
 * (the receipt in full for a filing), the case as they see it, a reply box and open check-ins.
 */
export function privateUpdateDialogCard(update: PrivateUpdate): Card {
  const { notice, case: view } = update;
  const w = reporterWording(notice, DIALOG_INSERTS);
  const body: Element[] = [text(w.title, { style: "heading", weight: "bolder", size: "medium" })];
  if (notice.kind === "case.reporter.filed") body.push(...receiptElements(notice.receipt));
  else body.push(...w.lines.filter(Boolean).map((line) => text(line)));
  body.push(...reporterCaseCard(view).body.slice(1));
  const checkins = view.openCheckins.flatMap((d) => [
    submit(`Day ${d}: yes, I faced retaliation`, CASE_VERBS.checkinSubmit, { caseNumber: view.number, day: d, answer: "yes" }, "destructive"),
    submit(`Day ${d}: no`, CASE_VERBS.checkinSubmit, { caseNumber: view.number, day: d, answer: "no" }),
  ]);
  body.push({ type: "Input.Text", id: "text", label: "Write to the people handling your report (optional)", isMultiline: true, maxLength: LIMITS.message });
  return card(body, [...checkins, submit("Send", CASE_VERBS.reporterReplySubmit, { caseNumber: view.number }, "positive")]);
}

/** A case as its handlers see it, for the Open dialog. */
export function caseDialogCard(view: CaseView): Card {
  const reporter = view.reporter.kind === "named" ? esc(view.reporter.person.name) : esc(view.reporter.pseudonym);
  const body: Element[] = [
    text(`Case ${esc(view.number)} · ${esc(view.categoryLabel)}`, { style: "heading", weight: "bolder", size: "medium" }),
    {
      type: "FactSet",
      facts: [
        { title: "Status", value: caseStateLabel(view) },
        { title: "Reporter", value: reporter },
        { title: "Priority", value: view.priority },
        { title: "Acknowledge by", value: day(view.acknowledgeBy) },
        { title: "Handlers", value: esc(view.handlers.map((h) => h.name).join(", ")) },
      ],
    },
  ];
  if (view.report) {
    body.push(text(esc(view.report.what)));
    if (view.report.when) body.push(text(`When: ${esc(view.report.when)}`, { isSubtle: true }));
    if (view.report.where) body.push(text(`Where: ${esc(view.report.where)}`, { isSubtle: true }));
    if (view.report.involved.length) body.push(text(`People involved: ${esc(view.report.involved.map((p) => p.name).join(", "))}`, { isSubtle: true }));
  } else {
    body.push(text("The report's content was purged under the retention policy.", { isSubtle: true }));
  }
  for (const item of view.thread) {
    const label = item.kind === "note" ? "Note" : item.kind === "to_reporter" ? "To the reporter" : "From the reporter";
    body.push(text(`${label} · ${esc(item.author)} · ${day(item.at)}: ${item.text === null ? "(purged)" : esc(item.text)}`, { size: "small" }));
  }
  return card(body);
}

/** The reporter's own case, for the View dialog. */
export function reporterCaseCard(view: ReporterCaseView): Card {
  const body: Element[] = [
    text(`Your report ${esc(view.number)}`, { style: "heading", weight: "bolder", size: "medium" }),
    { type: "FactSet", facts: [{ title: "About", value: esc(view.categoryLabel) }, { title: "Status", value: caseStateLabel(view) }] },
  ];
  body.push({ type: "FactSet", facts: [{ title: RECEIPT_LABELS.proof, value: esc(view.receipt) }] });
  for (const item of view.thread) body.push(text(`${esc(item.author)} · ${day(item.at)}: ${item.text === null ? "(purged)" : esc(item.text)}`, { size: "small" }));
  if (!view.thread.length) body.push(text("No messages yet.", { isSubtle: true }));
  return card(body);
}

/** A one-field form in a dialog (message, note, reply), with an error and the text kept. */
export function textFormCard(options: { title: string; hint?: string; id: string; label: string; verb: string; caseNumber: string; value?: string; error?: string; submitTitle: string }): Card {
  const body: Element[] = [text(esc(options.title), { weight: "bolder" })];
  if (options.hint) body.push(text(options.hint, { isSubtle: true }));
  body.push({
    type: "Input.Text",
    id: options.id,
    label: options.label,
    isMultiline: true,
    isRequired: true,
    errorMessage: options.error ?? `${options.label} is required`,
    maxLength: LIMITS.message,
    ...(options.value ? { value: options.value } : {}),
  });
  if (options.error) body.push(text(`⚠️ ${esc(options.error)}`, { color: "attention", size: "small", spacing: "none" }));
  return card(body, [submit(options.submitTitle, options.verb, { caseNumber: options.caseNumber }, "positive")]);
}
