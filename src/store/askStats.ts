import { Prisma } from "./generated/client.ts";
import type { Answer } from "../core/advice/types.ts";
import { batched, perClient } from "./batch.ts";
import type { PrismaClient } from "./db.ts";

/** The clause id counted for answers that cite no clause (out of scope, empty, not English): the feedback counts' stand-in. */
import { NO_CLAUSE } from "../core/advice/feedback.ts";
export { NO_CLAUSE };

/**
 * Counts one answered question: +1 for (UTC day, deciding clause, verdict). Nothing else is kept:
 * not the text, not who asked. Counts waiting together are summed and written in one atomic
 * upsert, so concurrent replicas never lose a count and a busy hour costs few statements.
 */
export function recordAsk(prisma: PrismaClient, answer: Pick<Answer, "verdict" | "clauses">, now: Date): Promise<void> {
  return countWriter(prisma)({ day: now.toISOString().slice(0, 10), clauseId: answer.clauses[0]?.id ?? NO_CLAUSE, verdict: answer.verdict });
}

interface Count {
  day: string;
  clauseId: string;
  verdict: string;
}

const countWriter = perClient((prisma: PrismaClient) =>
  batched(async (counts: Count[]) => {
    const sums = new Map<string, Count & { n: number }>();
    for (const count of counts) {
      const key = JSON.stringify([count.day, count.clauseId, count.verdict]);
      const sum = sums.get(key);
      if (sum) sum.n++;
      else sums.set(key, { ...count, n: 1 });
    }
    const rows = [...sums.values()].map((sum) => Prisma.sql`(${sum.day}, ${sum.clauseId}, ${sum.verdict}, ${sum.n}::int)`);
    await prisma.$executeRaw`
      INSERT INTO "ask_stat" ("day", "clause_id", "verdict", "count") VALUES ${Prisma.join(rows)}
      ON CONFLICT ("day", "clause_id", "verdict") DO UPDATE SET "count" = "ask_stat"."count" + EXCLUDED."count"`;
    return counts.map(() => undefined);
  }),
);
