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
export const requestApprovalData = z.object({ topicId: z.string().min(1).max(100), clauseId, question: z.string().max(2000).optional() });
export type RequestApprovalData = z.infer<typeof requestApprovalData>;

/** Report a concern / Ask a person: the clause the answer relied on, as context for the next step. */
export const clauseContextData = z.object({ clauseId });
export type ClauseContextData = z.infer<typeof clauseContextData>;

/** Approval cards: decisions (Action.Execute with inline inputs), refresh, and the request form. */
export const APPROVAL_VERBS = {
  approve: "approval.approve",
  decline: "approval.decline",
  askInfo: "approval.ask_info",
  refresh: "approval.refresh",
  answerInfo: "approval.answer_info",
  submitRequest: "approval.submit",
  delegateForm: "approval.delegate",
  delegateSubmit: "approval.delegate.submit",
} as const;

const requestId = z.string().min(1).max(100);
const optionalInput = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

/** A decision button: which request and stage the card was shown for, plus the card's inputs. */
export const decisionData = z.object({
  requestId,
  stage: z.number().int().nonnegative(),
  onBehalfOf: z.string().min(1).max(100).optional(),
  conditions: optionalInput,
  expiresOn: optionalInput,
  reason: optionalInput,
  question: optionalInput,
});
export type DecisionData = z.infer<typeof decisionData>;

export const requestRefData = z.object({ requestId });

export const answerInfoData = z.object({ requestId, answer: optionalInput });

/** The request form's submit: the topic plus the requester's inputs (details by field name). */
export const submitRequestData = z
  .object({ topicId: z.string().min(1).max(100), summary: optionalInput, question: z.string().max(2000).optional() })
  .passthrough();

/** The delegate dialog's inputs: who (a directory id from the people picker), until which day, or stop. */
export const delegateInputs = z.object({
  delegateId: optionalInput,
  until: optionalInput,
  stop: z.union([z.literal("true"), z.literal("false"), z.boolean()]).optional(),
});

/** Case cards (handlers and reporters) and the report dialog. */
export const CASE_VERBS = {
  reportForm: "report.form",
  reportSubmit: "report.submit",
  open: "case.open",
  acknowledge: "case.acknowledge",
  messageForm: "case.message",
  messageSubmit: "case.message.submit",
  noteForm: "case.note",
  noteSubmit: "case.note.submit",
  reassignForm: "case.reassign",
  reassignSubmit: "case.reassign.submit",
  closeForm: "case.close",
  closeSubmit: "case.close.submit",
  reporterView: "case.reporter.view",
  reporterReplyForm: "case.reporter.reply",
  reporterReplySubmit: "case.reporter.reply.submit",
  checkin: "case.reporter.checkin",
  /** An anonymous reporter's neutral card: opens the notice in a dialog. data: { update: the notice's opaque id } (never a case number). */
  privateUpdate: "case.reporter.update",
  /** A check-in answered inside that dialog (task/submit). */
  checkinSubmit: "case.reporter.checkin.submit",
  /** "Check a receipt": the dialog (task/fetch) and its answer (task/submit). */
  receiptForm: "receipt.check",
  receiptSubmit: "receipt.check.submit",
} as const;

export const receiptCheckInputs = z.object({ caseNumber: z.string().max(40).optional(), code: z.string().max(200).optional() });

export const privateUpdateData = z.object({ update: z.string().uuid() });

export const caseNumberData = z.object({ caseNumber: z.string().regex(/^C-\d{4}-\d+$/) });
