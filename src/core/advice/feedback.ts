/** Stands in for the clause of an answer that cited none (e.g. "not covered by the Code"). */
export const NO_CLAUSE = "-";

export interface FeedbackVote {
  /** The clause the answer relied on ("3(c)"), or NO_CLAUSE for an answer that cited none. */
  clauseId: string;
  helpful: boolean;
  at?: Date;
}

/** Where 👍/👎 are counted: per clause and day, nothing about who voted. */
export interface AnswerFeedback {
  /** Counts the vote unless the answer `answerKey` names already had one; false when it had. */
  countOnce(answerKey: string, vote: FeedbackVote): Promise<boolean>;
}
