import { NO_CLAUSE, type AnswerFeedback } from "../core/advice/feedback.ts";
import { notice, type Notice } from "./reply.ts";

/**
 * 👍/👎 under an answer, written once for every surface: one vote per answer (whoever clicks and
 * however often), counted per clause and day with nothing about who clicked. The answer is then
 * drawn again with a thank-you where its vote buttons were (where the platform can redraw it).
 */

export const FEEDBACK_WORDS = {
  title: "Feedback",
  thanks: "Thanks, your feedback was counted. It is anonymous.",
  already: "Feedback on this answer was already counted. Thanks.",
} as const;

export interface FeedbackInput {
  /** Names the answer message on its platform (e.g. its channel and timestamp): one vote per key. */
  answerKey: string;
  /** The clause the answer relied on, as its buttons carry it; NO_CLAUSE for none. */
  clauseId: string;
  helpful: boolean;
}

/** `clauses`: the Code's clause ids; a vote for another (an old or forged button) is not counted, and null is returned. */
export function feedbackInteraction(feedback: AnswerFeedback, clauses: { has(clauseId: string): boolean }) {
  return async ({ answerKey, clauseId, helpful }: FeedbackInput): Promise<Notice | null> => {
    if (clauseId !== NO_CLAUSE && !clauses.has(clauseId)) return null;
    const counted = await feedback.countOnce(answerKey, { clauseId, helpful });
    // The answer is drawn again once, with the thank-you; a later click is only told.
    return counted ? notice(FEEDBACK_WORDS.title, [FEEDBACK_WORDS.thanks], "redraw") : notice(FEEDBACK_WORDS.title, [FEEDBACK_WORDS.already], "post");
  };
}

export type FeedbackInteraction = ReturnType<typeof feedbackInteraction>;
