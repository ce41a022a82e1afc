import { OUTCOMES } from "../../../core/cases/index.ts";
import { capitalised, OUTCOME_LABELS } from "../../../interactions/caseLabels.ts";
import type { CheckinAnswered } from "../../../interactions/reporterCase.ts";
import { CASE_VERBS } from "../verbs.ts";
import { card, openDialog, submit, text, type Card, type Element } from "./elements.ts";
import { DATASETS, peoplePicker, type Picked } from "./peoplePicker.ts";
import { escapeCardText as esc } from "./text.ts";

/** A problem with one field, shown right under it (Teams shows `errorMessage` only for its own checks). */
export const fieldError = (message: string | undefined): Element[] => (message ? [text(`⚠️ ${esc(message)}`, { color: "attention", size: "small", spacing: "none" })] : []);

/**
 * Reassign (a dialog): the new handler from a typeahead that offers only the people the cases
 * core would accept (`candidates` is its first page; Teams asks for more as the handler types).
 */
export function reassignFormCard(options: { caseNumber: string; candidates: Picked[]; selected?: Picked; error?: string }): Card {
  return card(
    [
      text(`Reassign ${esc(options.caseNumber)}`, { weight: "bolder" }),
      text("Only people who may handle this case are offered: never its reporter or anyone the report names.", { isSubtle: true }),
      peoplePicker({
        id: "to",
        label: "New handler",
        dataset: `${DATASETS.reassignPrefix}${options.caseNumber}`,
        required: true,
        choices: options.candidates,
        ...(options.selected ? { selected: [options.selected] } : {}),
        ...(options.error ? { errorMessage: options.error } : {}),
      }),
      ...fieldError(options.error),
      { type: "Input.Toggle", id: "stay", title: "Keep handling it too (otherwise you stop having access)", value: "false", valueOn: "true", valueOff: "false" },
    ],
    [submit("Reassign", CASE_VERBS.reassignSubmit, { caseNumber: options.caseNumber }, "positive")],
  );
}

/** Close with outcome (a dialog): the outcome is required; the reporter is told it. */
export function closeFormCard(options: { caseNumber: string; value?: string; error?: string }): Card {
  return card(
    [
      text(`Close ${esc(options.caseNumber)}`, { weight: "bolder" }),
      text("The reporter is told the case is closed and its outcome.", { isSubtle: true }),
      {
        type: "Input.ChoiceSet",
        id: "outcome",
        label: "Outcome",
        isRequired: true,
        errorMessage: options.error ?? "Choose an outcome",
        style: "expanded",
        choices: OUTCOMES.map((o) => ({ title: capitalised(OUTCOME_LABELS[o]), value: o })),
        ...(options.value ? { value: options.value } : {}),
      },
      ...fieldError(options.error),
    ],
    [submit("Close the case", CASE_VERBS.closeSubmit, { caseNumber: options.caseNumber }, "destructive")],
  );
}

/**
 * A retaliation check-in once answered (it replaces the check-in card): what was answered and
 * what happens next; after "yes", the linked case's number and its View / Message buttons.
 */
export function checkinAnsweredCard(answered: CheckinAnswered): Card {
  const heading = text(esc(answered.title), { style: "heading", weight: "bolder", size: "medium" });
  const lines = answered.lines.map((line) => text(esc(line), answered.linked ? {} : { isSubtle: true }));
  const linked = answered.answer === "yes" ? answered.linked : null;
  if (!linked) return card([heading, ...lines]);
  const data = { caseNumber: linked.caseNumber };
  return card(
    [
      heading,
      ...lines,
      { type: "FactSet", facts: [{ title: "Case", value: esc(linked.caseNumber) }, { title: "Linked to", value: esc(answered.caseNumber) }, { title: "How", value: linked.mode === "anonymous" ? "Anonymous" : "Confidential" }] },
    ],
    [openDialog("View", CASE_VERBS.reporterView, data, "positive"), openDialog("Message the handlers", CASE_VERBS.reporterReplyForm, data)],
  );
}
