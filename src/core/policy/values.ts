import { z } from "zod";
import { VERDICTS } from "./types.ts";

const words = z.array(z.string().regex(/[\p{L}\p{N}]/u, "must contain a word")).default([]);

/**
 * Value thresholds of a topic (gifts, hospitality): what a gift worth at most `nominal.up_to` gets,
 * and what one worth at least `significant.from` gets; between them, or with no amount named, the
 * topic's own verdict stands. `words` name gifts of each kind: a significant one ("cash", "a resort
 * weekend") counts whatever the amount, a nominal one ("a mug") only when no amount is named. `per`
 * says what the amount counts (shown in answers).
 */
export const valuesSchema = z
  .object({
    currency: z.string().min(1).default("$"),
    per: z.string().min(1).optional(),
    nominal: z.object({ up_to: z.number().nonnegative(), verdict: z.enum(VERDICTS), words }).strict(),
    significant: z.object({ from: z.number().positive(), verdict: z.enum(VERDICTS), words }).strict(),
  })
  .strict()
  .refine((v) => v.nominal.up_to < v.significant.from, { message: "nominal.up_to must be below significant.from" });

export type Values = z.infer<typeof valuesSchema>;
