import { z } from "zod";
import type { Rejected } from "./types.ts";

const TEXT_MAX = 2000;

export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-03-31")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "is not a real date");

const text = (label: string) => z.string().trim().min(1, `${label} must not be empty`).max(TEXT_MAX, `${label} is too long`);

const shortText = z.string().trim().min(1, "must not be empty").max(200, "keep it under 200 characters");

export const detailsSchema = z
  .object({
    amount: z.number({ invalid_type_error: "must be a number, like 150" }).finite("must be a number, like 150").nonnegative("must not be negative").optional(),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, "must be a currency code like USD")
      .optional(),
    giver: shortText.optional(),
    organisation: shortText.optional(),
    position: shortText.optional(),
    date: isoDate.optional(),
    endDate: isoDate.optional(),
  })
  .strict();

export const requestSchema = z.object({
  requesterId: z.string().min(1),
  topicId: z.string().min(1).optional(),
  clauseId: z.string().min(1).optional(),
  summary: text("what you are asking for").pipe(z.string().max(500, "keep the summary under 500 characters")),
  details: detailsSchema.default({}),
  involvedIds: z.array(z.string().min(1)).max(50).default([]),
  waiverForId: z.string().min(1).optional(),
});

export const decisionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("approve"), conditions: text("conditions").optional(), expiresOn: isoDate.optional(), stage: z.number().int().min(0), onBehalfOf: z.string().optional() }),
  z.object({ action: z.literal("decline"), reason: text("a reason"), stage: z.number().int().min(0), onBehalfOf: z.string().optional() }),
  z.object({ action: z.literal("ask_info"), question: text("the question"), stage: z.number().int().min(0), onBehalfOf: z.string().optional() }),
]);
export type ParsedDecision = z.infer<typeof decisionSchema>;

export const answerSchema = text("the answer");

/** One detail of a request, checked as it is answered: its problem in plain words, or null. */
export function checkDetail(name: keyof z.infer<typeof detailsSchema>, value: unknown): string | null {
  const parsed = detailsSchema.shape[name].safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? null);
}

/** A zod failure as a result a surface can show next to the field. */
export function invalid(error: z.ZodError): Rejected {
  const issue = error.issues[0]!;
  const field = issue.path.join(".") || undefined;
  const message = issue.code === "invalid_type" && issue.received === "undefined" ? `${field ?? "a value"} is required` : issue.message;
  return { kind: "rejected", code: "invalid", message, ...(field ? { field } : {}) };
}
