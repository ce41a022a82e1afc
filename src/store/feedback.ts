import { NO_CLAUSE, type AnswerFeedback, type FeedbackVote } from "../core/advice/feedback.ts";
import type { PrismaClient } from "./db.ts";
import { claimEvent, releaseEvent } from "./processedEvents.ts";

export { NO_CLAUSE, type FeedbackVote };

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

/**
 * The AnswerFeedback port: one vote per answer however often and by whomever it is clicked (the
 * answer's key is claimed like a platform event, stored hashed), so counts stay honest. A vote
 * that could not be counted gives its claim back.
 */
export function answerFeedback(prisma: PrismaClient): AnswerFeedback {
  return {
    async countOnce(answerKey, vote) {
      if (!(await claimEvent(prisma, answerKey))) return false;
      try {
        await recordFeedback(prisma, vote);
      } catch (error) {
        await releaseEvent(prisma, answerKey).catch(() => {});
        throw error;
      }
      return true;
    },
  };
}

/** Feedback counts, newest day first, optionally for one clause. */
export async function feedbackCounts(prisma: PrismaClient, clauseId?: string): Promise<FeedbackCount[]> {
  return prisma.answerFeedback.findMany({
    where: clauseId === undefined ? {} : { clauseId },
    orderBy: [{ day: "desc" }, { clauseId: "asc" }],
  });
}
