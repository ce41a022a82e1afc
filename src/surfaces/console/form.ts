/**
 * Prompted fields: the console's forms. One field is asked at a time; when the core rejects the
 * submission, only the rejected fields are asked again and every other answer is kept.
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
}

export type SubmitResult = { ok: true; text: string } | { ok: false; fieldErrors: Record<string, string>; formError?: string };

export interface FormSpec {
  title: string;
  fields: FormField[];
  submit(values: Readonly<Record<string, string>>): Promise<SubmitResult>;
}

export interface OpenForm {
  spec: FormSpec;
  values: Record<string, string>;
  /** Names of the fields still to ask, the next first. */
  queue: string[];
}

export const CANCEL = "/cancel";

/** Opens a form: its title and the first prompt. */
export function startForm(spec: FormSpec): { form: OpenForm; text: string } {
  const form: OpenForm = { spec, values: {}, queue: spec.fields.map((f) => f.name) };
  skipInapplicable(form);
  return { form, text: `${spec.title} (type ${CANCEL} to stop; nothing is sent until the last answer)\n${promptFor(form)}` };
}

/** One line typed into an open form. `done` when it was submitted (or could not be). */
export async function answerForm(form: OpenForm, line: string): Promise<{ done: boolean; text: string }> {
  const field = fieldOf(form, form.queue.shift()!);
  form.values[field.name] = choiceValue(field, line.trim());
  skipInapplicable(form);
  if (form.queue.length) return { done: false, text: promptFor(form) };

  const result = await form.spec.submit(form.values);
  if (result.ok) return { done: true, text: result.text };
  const again = form.spec.fields.filter((f) => result.fieldErrors[f.name] && applies(f, form.values)).map((f) => f.name);
  const problems = [
    ...(result.formError ? [result.formError] : []),
    ...Object.entries(result.fieldErrors).map(([name, message]) => `⚠ ${labelOf(form, name)}: ${message}`),
  ];
  if (!again.length) return { done: true, text: [...problems, "Nothing was sent."].join("\n") };
  form.queue = again;
  return { done: false, text: [...problems, "Your other answers are kept.", promptFor(form)].join("\n") };
}

/** The question the form is waiting on. */
export const currentPrompt = (form: OpenForm): string => promptFor(form);

function promptFor(form: OpenForm): string {
  const field = fieldOf(form, form.queue[0]!);
  const lines = [`${field.prompt}${field.optional ? " (optional, Enter to skip)" : ""}`];
  if (field.choices) lines.push(...field.choices.map((c, i) => `  ${i + 1}. ${c.label}`));
  const previous = form.values[field.name];
  if (previous) lines.push(`  (you answered: ${previous})`);
  return lines.join("\n");
}

/** A choice by its number, value or label; anything else is passed on for the core to judge. */
function choiceValue(field: FormField, text: string): string {
  if (!field.choices || !text) return text;
  const byNumber = /^\d+$/.test(text) ? field.choices[Number(text) - 1] : undefined;
  const lower = text.toLowerCase();
  const match = byNumber ?? field.choices.find((c) => c.value.toLowerCase() === lower || c.label.toLowerCase() === lower);
  return match ? match.value : text;
}

const applies = (field: FormField, values: Record<string, string>) => !field.when || field.when(values);

function skipInapplicable(form: OpenForm): void {
  form.queue = form.queue.filter((name) => applies(fieldOf(form, name), form.values));
}

function fieldOf(form: OpenForm, name: string): FormField {
  return form.spec.fields.find((f) => f.name === name)!;
}

function labelOf(form: OpenForm, name: string): string {
  return form.spec.fields.find((f) => f.name === name)?.prompt.replace(/\?$/, "") ?? name;
}
