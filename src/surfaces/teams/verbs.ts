import { z } from "zod";

/** The `verb` of every Action.Execute button this surface puts on a card, and the data it carries. */
export const VERBS = {
  feedback: "ask.feedback",
  requestApproval: "approval.request",
  reportConcern: "report.start",
  askPerson: "ask.person",
} as const;

const clauseId = z.string().min(1).max(40);

export const feedbackData = z.object({ clauseId, helpful: z.boolean() });
export type FeedbackData = z.infer<typeof feedbackData>;

/** Request approval: the rules topic that decided the answer (prefills the request) and its clause. */
export const requestApprovalData = z.object({ topicId: z.string().min(1).max(100), clauseId });
export type RequestApprovalData = z.infer<typeof requestApprovalData>;

/** Report a concern / Ask a person: the clause the answer relied on, as context for the next step. */
export const clauseContextData = z.object({ clauseId });
export type ClauseContextData = z.infer<typeof clauseContextData>;
