import type { PrismaClient } from "./db.ts";

export interface FeedbackVote {
  /** The clause the answer relied on ("3(c)"), or NO_CLAUSE for an answer that cited none. */
  clauseId: string;
  helpful: boolean;
  at?: Date;
}

/** Stands in for the clause of an answer that cited none (e.g. "not covered by the Code"). */
export const NO_CLAUSE = "-";

export interface FeedbackCount {
  day: string;
  clauseId: string;
  helpful: number;
  notHelpful: number;
}

/** Counts one 👍 or 👎 for a clause on the vote's (UTC) day. Nothing about the voter is stored. */
export async function recordFeedback(prisma: PrismaClient, vote: FeedbackVote): Promise<void> {
  const day = (vote.at ?? new Date()).toISOString().slice(0, 10);
  const helpful = vote.helpful ? 1 : 0;
  const notHelpful = vote.helpful ? 0 : 1;
  // One atomic statement, so concurrent votes on two replicas never lose a count.
  await prisma.$executeRaw`
    INSERT INTO "answer_feedback" ("day", "clause_id", "helpful", "not_helpful")
    VALUES (${day}, ${vote.clauseId}, ${helpful}, ${notHelpful})
    ON CONFLICT ("day", "clause_id") DO UPDATE SET
      "helpful" = "answer_feedback"."helpful" + EXCLUDED."helpful",
      "not_helpful" = "answer_feedback"."not_helpful" + EXCLUDED."not_helpful"`;
}

/** Feedback counts, newest day first, optionally for one clause. */
export async function feedbackCounts(prisma: PrismaClient, clauseId?: string): Promise<FeedbackCount[]> {
  return prisma.answerFeedback.findMany({
    where: clauseId === undefined ? {} : { clauseId },
    orderBy: [{ day: "desc" }, { clauseId: "asc" }],
  });
}
