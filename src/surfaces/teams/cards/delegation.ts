import type { DelegateView } from "../../../core/approvals/types.ts";
import { DELEGATION_WORDS as W, delegationLine, type DelegationField } from "../../../interactions/delegation.ts";
import { APPROVAL_VERBS } from "../verbs.ts";
import { fieldError } from "./caseForms.ts";
import { card, openDialog, submit, text, type Card } from "./elements.ts";
import { DATASETS, peoplePicker, type Picked } from "./peoplePicker.ts";
import { escapeCardText as esc } from "./text.ts";

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The `delegate` command: where things stand, and the button that opens the dialog. */
export function delegationCard(current: DelegateView | null): Card {
  return card(
    [text(esc(W.title), { style: "heading", weight: "bolder", size: "medium" }), text(esc(delegationLine(current)))],
    [openDialog(W.open(current), APPROVAL_VERBS.delegateForm, {}, "positive")],
  );
}

export interface DelegateFormOptions {
  current: DelegateView | null;
  selected?: Picked;
  until?: string;
  errors?: Partial<Record<DelegationField, string>>;
}

/**
 * The delegate dialog: who decides for you (a people picker over the directory, typeahead), until
 * which day (optional), or stop delegating. Problems sit under their field.
 */
export function delegateFormCard(options: DelegateFormOptions): Card {
  const { current } = options;
  const errors = options.errors ?? {};
  const selected = options.selected ?? (current ? { id: current.delegate.id, name: current.delegate.name } : undefined);
  const until = options.until ?? (current?.until ? day(current.until) : undefined);
  return card(
    [
      text(esc(W.intro), { isSubtle: true }),
      text(esc(delegationLine(current))),
      peoplePicker({ id: "delegateId", label: W.delegateLabel(current), dataset: DATASETS.people, ...(selected ? { selected: [selected] } : {}), ...(errors.delegate ? { errorMessage: errors.delegate } : {}) }),
      ...fieldError(errors.delegate),
      { type: "Input.Date", id: "until", label: W.untilLabel, ...(until ? { value: until } : {}), ...(errors.until ? { errorMessage: errors.until } : {}) },
      text(esc(W.untilHint), { isSubtle: true }),
      ...fieldError(errors.until),
      ...(current ? [{ type: "Input.Toggle" as const, id: "stop", label: W.stopLabel, title: W.stopOption, value: "false" as const, valueOn: "true", valueOff: "false" }] : []),
    ],
    [submit(W.submit(current), APPROVAL_VERBS.delegateSubmit, {}, "positive")],
  );
}
