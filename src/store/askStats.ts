import type { Answer } from "../core/advice/types.ts";
import type { PrismaClient } from "./db.ts";

/** The clause id counted for answers that cite no clause (out of scope, empty, not English). */
export const NO_CLAUSE = "-"; // the same stand-in the feedback counts use

/**
 * Counts one answered question: +1 for (UTC day, deciding clause, verdict). Nothing else is kept:
 * not the text, not who asked. One atomic statement, so concurrent replicas never lose a count.
 */
export async function recordAsk(prisma: PrismaClient, answer: Pick<Answer, "verdict" | "clauses">, now: Date): Promise<void> {
  const day = now.toISOString().slice(0, 10);
  const clauseId = answer.clauses[0]?.id ?? NO_CLAUSE;
  await prisma.$executeRaw`
    INSERT INTO "ask_stat" ("day", "clause_id", "verdict", "count") VALUES (${day}, ${clauseId}, ${answer.verdict}, 1)
    ON CONFLICT ("day", "clause_id", "verdict") DO UPDATE SET "count" = "ask_stat"."count" + 1`;
}
