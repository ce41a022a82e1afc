import type { ChoiceInput } from "./elements.ts";

/** Datasets of the people pickers' typeahead (`Data.Query`), answered by the `application/search` route. */
export const DATASETS = {
  /** Anyone active in the directory (people involved in a report, a delegate). */
  people: "people",
  /** Who a case may be handed to, as the cases core decides: `case.reassign:<case number>`. */
  reassignPrefix: "case.reassign:",
} as const;

/** Teams shows at most 15 choices in a typeahead dropdown. */
export const SEARCH_LIMIT = 15;

export interface Picked {
  id: string;
  name: string;
}

/**
 * A people picker: an Input.ChoiceSet whose choices Teams fetches as the person types (dynamic
 * typeahead, `choices.data` of type `Data.Query`). The static choices are only the people already
 * picked (so a form that comes back with an error keeps them, with their names) or a first page.
 * Choice titles are plain text (Teams does not render Markdown in them).
 */
export function peoplePicker(options: {
  id: string;
  label: string;
  dataset: string;
  multiple?: boolean;
  required?: boolean;
  placeholder?: string;
  choices?: Picked[];
  selected?: Picked[];
  errorMessage?: string;
}): ChoiceInput {
  const seen = new Set<string>();
  const choices = [...(options.selected ?? []), ...(options.choices ?? [])]
    .filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)))
    .map((p) => ({ title: p.name, value: p.id }));
  return {
    type: "Input.ChoiceSet",
    id: options.id,
    label: options.label,
    style: "filtered",
    placeholder: options.placeholder ?? "Type a name",
    ...(options.multiple ? { isMultiSelect: true } : {}),
    ...(options.required ? { isRequired: true } : {}),
    choices,
    "choices.data": { type: "Data.Query", dataset: options.dataset, count: SEARCH_LIMIT },
    ...(options.selected?.length ? { value: options.selected.map((p) => p.id).join(",") } : {}),
    ...(options.errorMessage ? { errorMessage: options.errorMessage } : {}),
  };
}
