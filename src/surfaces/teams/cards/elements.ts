/** The few Adaptive Card elements this surface uses, typed (schema 1.5, as Teams renders it). */
export interface TextBlock {
  type: "TextBlock";
  text: string;
  wrap?: boolean;
  weight?: "default" | "bolder";
  size?: "small" | "default" | "medium" | "large";
  color?: "default" | "good" | "warning" | "attention" | "accent";
  isSubtle?: boolean;
  spacing?: "none" | "small" | "medium";
  style?: "heading";
}

export interface Container {
  type: "Container";
  items: Element[];
  style?: "emphasis" | "default";
  spacing?: "none" | "small" | "medium";
}

export interface FactSet {
  type: "FactSet";
  facts: Array<{ title: string; value: string }>;
}

/** Inputs (forms in cards and dialogs). Their values come back in the action's data by id. */
export interface TextInput {
  type: "Input.Text";
  id: string;
  label?: string;
  placeholder?: string;
  value?: string;
  isMultiline?: boolean;
  isRequired?: boolean;
  errorMessage?: string;
  maxLength?: number;
}

export interface ChoiceInput {
  type: "Input.ChoiceSet";
  id: string;
  label?: string;
  placeholder?: string;
  value?: string;
  /** "filtered": a typeahead over the choices (and over `choices.data` when given). */
  style?: "compact" | "expanded" | "filtered";
  isMultiSelect?: boolean;
  isRequired?: boolean;
  errorMessage?: string;
  choices: Array<{ title: string; value: string }>;
  /** Dynamic typeahead: Teams asks the bot for choices (invoke `application/search` with this dataset) as the person types. */
  "choices.data"?: DataQuery;
}

/** Where a dynamic typeahead fetches its choices (Teams sends `application/search` with `dataset`). */
export interface DataQuery {
  type: "Data.Query";
  dataset: string;
  count?: number;
}

export interface DateInput {
  type: "Input.Date";
  id: string;
  label?: string;
  value?: string;
  min?: string;
  errorMessage?: string;
}

export interface ToggleInput {
  type: "Input.Toggle";
  id: string;
  title: string;
  label?: string;
  value?: "true" | "false";
  valueOn?: string;
  valueOff?: string;
}

export type Element = TextBlock | Container | FactSet | TextInput | ChoiceInput | DateInput | ToggleInput;

export interface ExecuteAction {
  type: "Action.Execute";
  title: string;
  verb: string;
  data: Record<string, unknown>;
  style?: "positive" | "destructive";
}

/** Action.Submit: in Teams, with `msteams: { type: "task/fetch" }` it opens a dialog (task module). */
export interface SubmitAction {
  type: "Action.Submit";
  title: string;
  data: Record<string, unknown>;
  style?: "positive" | "destructive";
}

export type Action = ExecuteAction | SubmitAction;

export interface Card {
  type: "AdaptiveCard";
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json";
  version: "1.5";
  body: Element[];
  actions?: Action[];
  msteams?: { width: "Full" };
  /** Universal Actions: how Teams asks for the current version of the card. */
  refresh?: { action: ExecuteAction; userIds?: string[] };
}

export function card(body: Element[], actions: Action[] = []): Card {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    ...(actions.length ? { actions } : {}),
    msteams: { width: "Full" },
  };
}

/** A TextBlock of already-escaped text (see escapeCardText). */
export function text(escaped: string, options: Omit<TextBlock, "type" | "text"> = {}): TextBlock {
  return { type: "TextBlock", text: escaped, wrap: true, ...options };
}

export function execute(title: string, verb: string, data: Record<string, unknown>, style?: ExecuteAction["style"]): ExecuteAction {
  return { type: "Action.Execute", title, verb, data, ...(style ? { style } : {}) };
}

/** A button that opens a dialog: Teams sends task/fetch with `data` (routed by its `verb`). */
export function openDialog(title: string, verb: string, data: Record<string, unknown>, style?: SubmitAction["style"]): SubmitAction {
  return { type: "Action.Submit", title, data: { ...data, verb, msteams: { type: "task/fetch" } }, ...(style ? { style } : {}) };
}

/** The submit button of a dialog's form: Teams sends task/submit with the inputs and `data`. */
export function submit(title: string, verb: string, data: Record<string, unknown> = {}, style?: SubmitAction["style"]): SubmitAction {
  return { type: "Action.Submit", title, data: { ...data, verb }, ...(style ? { style } : {}) };
}
