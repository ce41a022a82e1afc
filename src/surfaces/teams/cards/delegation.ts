import type { DelegateView } from "../../../core/approvals/types.ts";
import { APPROVAL_VERBS } from "../verbs.ts";
import { fieldError } from "./caseForms.ts";
import { card, openDialog, submit, text, type Card } from "./elements.ts";
import { DATASETS, peoplePicker, type Picked } from "./peoplePicker.ts";
import { escapeCardText as esc } from "./text.ts";

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Who decides for the person now, in one line. */
export function delegationLine(current: DelegateView | null): string {
  if (!current) return "Nobody decides your approvals for you: they wait for you.";
  return `${esc(current.delegate.name)} decides your approvals for you${current.until ? ` until the end of ${day(current.until)} (UTC)` : " until you stop it"}.`;
}

/** The `delegate` command: where things stand, and the button that opens the dialog. */
export function delegationCard(current: DelegateView | null): Card {
  return card(
    [text("Delegate your approvals", { style: "heading", weight: "bolder", size: "medium" }), text(delegationLine(current))],
    [openDialog(current ? "Change or stop" : "Choose a delegate", APPROVAL_VERBS.delegateForm, {}, "positive")],
  );
}

export interface DelegateFormOptions {
  current: DelegateView | null;
  selected?: Picked;
  until?: string;
  errors?: { delegateId?: string; until?: string };
}

/**
 * The delegate dialog: who decides for you (a people picker over the directory, typeahead), until
 * which day (optional), or stop delegating. Problems sit under their field.
 */
export function delegateFormCard(options: DelegateFormOptions): Card {
  const errors = options.errors ?? {};
  const selected = options.selected ?? (options.current ? { id: options.current.delegate.id, name: options.current.delegate.name } : undefined);
  const until = options.until ?? (options.current?.until ? day(options.current.until) : undefined);
  return card(
    [
      text("While you are away, someone you choose decides your approval requests for you. Each decision records both names.", { isSubtle: true }),
      text(delegationLine(options.current)),
      peoplePicker({ id: "delegateId", label: "Who decides for you", dataset: DATASETS.people, ...(selected ? { selected: [selected] } : {}), ...(errors.delegateId ? { errorMessage: errors.delegateId } : {}) }),
      ...fieldError(errors.delegateId),
      { type: "Input.Date", id: "until", label: "Until (optional, the end of that day)", ...(until ? { value: until } : {}), ...(errors.until ? { errorMessage: errors.until } : {}) },
      ...fieldError(errors.until),
      ...(options.current ? [{ type: "Input.Toggle" as const, id: "stop", title: "Stop delegating: decide my approvals myself again", value: "false" as const, valueOn: "true", valueOff: "false" }] : []),
    ],
    [submit("Save", APPROVAL_VERBS.delegateSubmit, {}, "positive")],
  );
}
