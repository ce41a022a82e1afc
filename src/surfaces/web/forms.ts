// Every form and query the console accepts, as zod schemas: anything else is refused with a message.
import { z } from "zod";
import { CATEGORIES, OUTCOMES, STATUSES } from "../../core/cases/index.ts";
import { REGISTERS } from "../../core/approvals/types.ts";

const text = (what: string) => z.string({ required_error: `Write ${what}.` }).trim().min(1, `Write ${what}.`);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const CASE_NUMBER = /^C-\d{4}-\d{4,6}$/;

export const caseFilters = z.object({
  status: z.preprocess(blankToUndefined, z.enum(STATUSES).optional()),
  category: z.preprocess(blankToUndefined, z.enum(CATEGORIES).optional()),
  q: z.preprocess(blankToUndefined, z.string().trim().max(20).optional()),
});
export type CaseFilters = z.infer<typeof caseFilters>;

export const messageForm = z.object({ text: text("a message") });
export const noteForm = z.object({ text: text("a note") });
export const statusForm = z.object({
  status: z.enum(STATUSES, { errorMap: () => ({ message: "Choose a status." }) }),
  outcome: z.preprocess(blankToUndefined, z.enum(OUTCOMES).optional()),
});
export const reassignForm = z.object({
  to: z.string({ required_error: "Choose who takes the case." }).trim().min(1, "Choose who takes the case.").max(200),
  stay: z.literal("on").optional(),
});
export const holdForm = z.object({ on: z.enum(["on", "off"]) });

export const decisionForm = z
  .object({
    action: z.enum(["approve", "decline", "ask_info"], { errorMap: () => ({ message: "Choose a decision." }) }),
    stage: z.coerce.number().int().min(0).max(100),
    text: z.preprocess(blankToUndefined, z.string().trim().max(4000).optional()),
    onBehalfOf: z.preprocess(blankToUndefined, z.string().max(200).optional()),
    key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  })
  .refine((f) => f.action === "approve" || f.text, { message: "Write the reason (decline) or the question (ask for information).", path: ["text"] });

export const registerFilters = z.object({
  register: z.preprocess(blankToUndefined, z.enum(REGISTERS).optional()),
  status: z.preprocess(blankToUndefined, z.enum(["pending", "info_requested", "approved", "declined", "withdrawn"]).optional()),
});

/** The first problem, as one sentence for the page. */
export function firstProblem(error: z.ZodError): string {
  return error.issues[0]?.message ?? "Check the form.";
}
