/**
 * Prompted fields: the console's forms. One field is asked at a time and checked as it is
 * answered (a wrong answer is asked again at once); fields that depend on an answer are asked when
 * it calls for them; a summary is confirmed before anything is sent. When the core still rejects
 * the submission, only the rejected fields are asked again and every other answer is kept.
 */
export interface Choice {
  value: string;
  label: string;
}

export interface FormField {
  name: string;
  prompt: string;
  optional?: boolean;
  choices?: readonly Choice[];
  /** Asked only when this holds for the answers so far. */
  when?: (values: Readonly<Record<string, string>>) => boolean;
  /** Checks the answer as soon as it is given (the core's rule for the field): a plain-words problem, or null. */
  check?: (value: string, values: Readonly<Record<string, string>>) => Promise<string | null> | string | null;
}

export type SubmitResult = { ok: true; text: string } | { ok: false; fieldErrors: Record<string, string>; formError?: string };

export interface FormSpec {
  title: string;
  /** What sending does, for the confirmation: "File the report", "Send the request". */
  action: string;
  fields: FormField[];
  submit(values: Readonly<Record<string, string>>): Promise<SubmitResult>;
}

export interface OpenForm {
  spec: FormSpec;
  values: Record<string, string>;
  /** Names of the fields still to ask, the next first; empty while the summary waits for confirmation. */
  queue: string[];
}

export const CANCEL = "/cancel";
const YES = new Set(["yes", "y"]);
const NO = new Set(["no", "n"]);

/** Opens a form: its title and the first prompt. */
export function startForm(spec: FormSpec): { form: OpenForm; text: string } {
  const form: OpenForm = { spec, values: {}, queue: spec.fields.map((f) => f.name) };
  skipInapplicable(form);
  return { form, text: `${spec.title} (type ${CANCEL} to stop; nothing is sent until you confirm)\n${currentPrompt(form)}` };
}

/** One line typed into an open form. `done` when it was submitted, refused, or the person said no. */
export async function answerForm(form: OpenForm, line: string): Promise<{ done: boolean; text: string }> {
  const text = line.trim();
  if (!form.queue.length) return confirm(form, text);

  const field = fieldOf(form, form.queue[0]!);
  const value = choiceValue(field, text);
  const problem = await checkAnswer(field, value, form.values);
  if (problem) return { done: false, text: `⚠ ${labelOf(form, field.name)}: ${problem}\n${currentPrompt(form)}` };
  form.values[field.name] = value;
  form.queue.shift();
  // An answer may call for a field (a Director after "A Director") or make one moot.
  form.queue = fieldsToAsk(form, form.queue);
  return { done: false, text: currentPrompt(form) };
}

/** The question the form is waiting on: a field's prompt, or the summary to confirm. */
export function currentPrompt(form: OpenForm): string {
  if (!form.queue.length) return summary(form);
  const field = fieldOf(form, form.queue[0]!);
  const lines = [`${field.prompt}${field.optional ? " (optional, Enter to skip)" : ""}`];
  if (field.choices) lines.push(...field.choices.map((c, i) => `  ${i + 1}. ${c.label}`));
  const previous = form.values[field.name];
  if (previous) lines.push(`  (you answered: ${shown(field, previous)})`);
  return lines.join("\n");
}

async function confirm(form: OpenForm, text: string): Promise<{ done: boolean; text: string }> {
  const answer = text.toLowerCase();
  if (NO.has(answer)) return { done: true, text: "Nothing was sent." };
  const asked = askedFields(form);
  const change = /^\d+$/.test(answer) ? asked[Number(answer) - 1] : undefined;
  if (change) {
    form.queue = [change.name];
    return { done: false, text: currentPrompt(form) };
  }
  if (!YES.has(answer)) return { done: false, text: `Please answer yes or no, or the number of a line to change it.\n${summary(form)}` };

  const result = await form.spec.submit(form.values);
  if (result.ok) return { done: true, text: result.text };
  const again = form.spec.fields.filter((f) => result.fieldErrors[f.name] && applies(f, form.values)).map((f) => f.name);
  const problems = [
    ...(result.formError ? [result.formError] : []),
    ...Object.entries(result.fieldErrors).map(([name, message]) => `⚠ ${labelOf(form, name)}: ${message}`),
  ];
  if (!again.length) return { done: true, text: [...problems, "Nothing was sent."].join("\n") };
  form.queue = again;
  return { done: false, text: [...problems, "Your other answers are kept.", currentPrompt(form)].join("\n") };
}

/** The answers so far, numbered, and the question whether to send them. */
function summary(form: OpenForm): string {
  const lines = askedFields(form).map((f, i) => `  ${i + 1}. ${labelOf(form, f.name)}: ${form.values[f.name] ? shown(f, form.values[f.name]!) : "(none)"}`);
  return [`Please check before it is sent:`, ...lines, `${form.spec.action}? yes / no (or the number of a line to change it)`].join("\n");
}

async function checkAnswer(field: FormField, value: string, values: Readonly<Record<string, string>>): Promise<string | null> {
  if (!value) return field.optional ? null : ((await field.check?.(value, values)) ?? "this one is needed");
  const problem = (await field.check?.(value, values)) ?? null;
  if (problem || !field.choices || field.choices.some((c) => c.value === value)) return problem;
  return `choose one of the numbers 1 to ${field.choices.length}`;
}

/**
 * A choice by its number, value or label, or the start of its label ("a director", "anonymous");
 * anything else is returned as typed, for checkAnswer to refuse.
 */
function choiceValue(field: FormField, text: string): string {
  if (!field.choices || !text) return text;
  const byNumber = /^\d+$/.test(text) ? field.choices[Number(text) - 1] : undefined;
  const lower = text.toLowerCase();
  const exact = byNumber ?? field.choices.find((c) => c.value.toLowerCase() === lower || c.label.toLowerCase() === lower);
  if (exact) return exact.value;
  const starting = field.choices.filter((c) => c.label.toLowerCase().startsWith(lower));
  return starting.length === 1 ? starting[0]!.value : text;
}

const shown = (field: FormField, value: string) => field.choices?.find((c) => c.value === value)?.label ?? value;

const applies = (field: FormField, values: Record<string, string>) => !field.when || field.when(values);

/** The queue after an answer: still-applicable fields, plus any later field that now applies and has no answer. */
function fieldsToAsk(form: OpenForm, queue: string[]): string[] {
  const pending = new Set(queue);
  return form.spec.fields
    .filter((f) => applies(f, form.values) && (pending.has(f.name) || (f.when && form.values[f.name] === undefined && laterThanAsked(form, f))))
    .map((f) => f.name);
}

/** A dependent field comes after every field answered so far (it is asked in its place in the form). */
function laterThanAsked(form: OpenForm, field: FormField): boolean {
  const index = form.spec.fields.indexOf(field);
  return form.spec.fields.slice(0, index).some((f) => form.values[f.name] !== undefined);
}

function skipInapplicable(form: OpenForm): void {
  form.queue = form.queue.filter((name) => applies(fieldOf(form, name), form.values));
}

/** The fields that apply to the answers given (the summary's lines). */
const askedFields = (form: OpenForm) => form.spec.fields.filter((f) => applies(f, form.values));

function fieldOf(form: OpenForm, name: string): FormField {
  return form.spec.fields.find((f) => f.name === name)!;
}

function labelOf(form: OpenForm, name: string): string {
  return form.spec.fields.find((f) => f.name === name)?.prompt.replace(/\?.*$/, "").replace(/\. .*$/, "") ?? name;
}
