import type { ApproverRole, Verdict } from "../policy/types.ts";

export interface CitedClause {
  id: string; // "3(c)" or "4"
  title: string; // the section title
  quote: string; // exact sentence(s) of the Code
  score: number; // 0..1, best first
}

/** The platform-neutral answer to "can I do X?"; each surface renders it its own way. */
export interface Answer {
  question: string;
  verdict: Verdict;
  approvers: ApproverRole[];
  clauses: CitedClause[];
  /** Two or three plain sentences ending with the next step. */
  answer: string;
  /** The rules-file topic that decided it (absent when out of scope), e.g. to prefill an approval request. */
  topicId?: string;
  /** A headline to show instead of the verdict's (for an empty question or one not in English, which are not "not covered"). */
  headline?: string;
  /** Set when the question could not be matched as asked: it was empty, not in English, or cut for matching. */
  notice?: "empty" | "not_english" | "truncated";
}
