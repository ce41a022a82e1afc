import { z } from "zod";
import type { DirectoryQueries } from "../../directory/types.ts";
import { CATEGORIES, DEFAULT_CATEGORIES, type CategoryTable } from "../categories.ts";
import { MODES, RECIPIENTS, type DraftField, type FieldErrors, type ReportDraft, type ReportInput } from "../types.ts";

export const LIMITS = { what: 20_000, short: 500, involved: 30, message: 10_000 } as const;

/** Empty or blank optional text is the same as leaving it out. */
const optionalText = (max: number, name: string) =>
  z
    .string({ invalid_type_error: `${name} must be text` })
    .nullish()
    .transform((v) => (v == null || v.trim() === "" ? null : v.trim()))
    .refine((v) => v === null || v.length <= max, `Keep ${name.toLowerCase()} under ${max} characters`);

const reportSchema = z.object({
  what: z
    .string({ required_error: "Describe what happened", invalid_type_error: "Describe what happened" })
    .trim()
    .min(1, "Describe what happened")
    .max(LIMITS.what, `Keep this under ${LIMITS.what} characters (you can add more as messages after filing)`),
  when: optionalText(LIMITS.short, "When"),
  where: optionalText(LIMITS.short, "Where"),
  involved: z
    .array(z.string().trim().min(1), { invalid_type_error: "Pick the people involved from the directory" })
    .max(LIMITS.involved, `Name at most ${LIMITS.involved} people`)
    .nullish()
    .transform((ids) => [...new Set(ids ?? [])]),
  category: z.enum(CATEGORIES, { errorMap: () => ({ message: "Choose what the report is about" }) }),
  recipient: z
    .enum(RECIPIENTS, { errorMap: () => ({ message: "Choose who should receive the report" }) })
    .nullish()
    .transform((v) => v ?? null),
  directorId: z
    .string()
    .nullish()
    .transform((v) => (v == null || v.trim() === "" ? null : v.trim())),
  mode: z
    .enum(MODES, { errorMap: () => ({ message: "Choose confidential or anonymous" }) })
    .nullish()
    .transform((v) => v ?? "confidential"),
});

export type Validation = { ok: true; input: ReportInput } | { ok: false; fieldErrors: FieldErrors; draft: ReportDraft };

/**
 * The checks that need no database: what a surface can answer at once, before it acknowledges a
 * submission. A rejected field gets one message; messages never quote what was typed.
 */
export function checkReportDraft(raw: unknown): { ok: true; input: z.infer<typeof reportSchema> } | { ok: false; fieldErrors: FieldErrors } {
  const parsed = reportSchema.safeParse(raw && typeof raw === "object" && !Array.isArray(raw) ? raw : {});
  if (parsed.success) return { ok: true, input: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as DraftField | undefined;
    if (field && !fieldErrors[field]) fieldErrors[field] = issue.message;
  }
  return { ok: false, fieldErrors };
}

/**
 * Checks a submitted report: shape with zod, then the people against the directory (ids as
 * submitted; the filing follows merges). The draft comes back exactly as submitted so nothing
 * typed is lost.
 */
export async function validateReport(raw: unknown, directory: DirectoryQueries, categories: CategoryTable = DEFAULT_CATEGORIES): Promise<Validation> {
  const draft: ReportDraft = raw && typeof raw === "object" && !Array.isArray(raw) ? { ...(raw as ReportDraft) } : {};
  const parsed = checkReportDraft(draft);
  if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors, draft };
  const fieldErrors: FieldErrors = {};
  // Unchosen: the ethics officer, or the Audit Committee for accounting, disclosure and insider trading.
  const recipient = parsed.input.recipient ?? (categories[parsed.input.category].auditCommittee ? "audit_committee" : "ethics_officer");
  const input: ReportInput = { ...parsed.input, recipient };
  if (input.recipient === "director") {
    const director = input.directorId ? await directory.get(input.directorId) : null;
    if (!director?.roles.includes("director")) fieldErrors.directorId = "Choose one of the Directors";
  } else {
    input.directorId = null;
  }
  for (const id of input.involved) {
    if (!(await directory.get(id))) {
      fieldErrors.involved = "Pick the people involved from the directory";
      break;
    }
  }
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors, draft } : { ok: true, input };
}

/**
 * One field of a draft, checked as it is answered (a surface that asks field by field): the same
 * rules as validateReport, with the field's message or null. `directorId` needs the draft's
 * recipient; people are looked up in the directory.
 */
export async function checkReportField(field: DraftField, value: unknown, directory: DirectoryQueries): Promise<string | null> {
  const shape = reportSchema.shape[field].safeParse(value);
  if (!shape.success) return shape.error.issues[0]?.message ?? null;
  if (field === "directorId") {
    const director = typeof value === "string" && value.trim() ? await directory.get(value.trim()) : null;
    return director?.roles.includes("director") ? null : "Choose one of the Directors";
  }
  if (field === "involved" && Array.isArray(value)) {
    for (const id of value) if (!(await directory.get(String(id)))) return "Pick the people involved from the directory";
  }
  return null;
}

export const messageSchema = z
  .string({ invalid_type_error: "Write a message" })
  .trim()
  .min(1, "Write a message")
  .max(LIMITS.message, `Keep a message under ${LIMITS.message} characters`);

/** A message's text, or the message to show next to the field. */
export function validateMessage(text: unknown): { ok: true; text: string } | { ok: false; message: string } {
  const parsed = messageSchema.safeParse(text);
  return parsed.success ? { ok: true, text: parsed.data } : { ok: false, message: parsed.error.issues[0]?.message ?? "Write a message" };
}
