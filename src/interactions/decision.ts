import type { AnswerInfoResult, ApprovalService, ApprovalStatus, ApprovalView, DecideResult, DecisionAction, DecisionInput, DecisionView } from "../core/approvals/index.ts";
import { joinNames } from "../core/text/joinNames.ts";
import type { Actor } from "./actor.ts";
import { fieldError, notice, NOT_SAVED, type FieldErrors, type Notice } from "./reply.ts";

/**
 * An approver's Approve / Decline / Ask for info, and the requester's answer, written once for every surface. Who may decide
 * and what a late click means are the approvals core's; what the person is told (and that it is
 * shown where they clicked) is here, so a late click reads the same on Slack, Teams, the console
 * and the web console.
 */

/** The decision form's fields; errors are keyed by them. */
export type DecisionField = "conditions" | "expiresOn" | "reason" | "question";
const FIELDS: ReadonlySet<string> = new Set<DecisionField>(["conditions", "expiresOn", "reason", "question"]);
/** The input each decision form has; a problem without a field of its own goes next to it. */
export const MAIN_FIELD: Record<DecisionAction, DecisionField> = { approve: "conditions", decline: "reason", ask_info: "question" };

/** Where a request stands, in words a sentence can end with. */
export const STATUS_WORDS: Record<ApprovalStatus, string> = {
  pending: "waiting for a decision",
  info_requested: "waiting for the requester's answer",
  approved: "approved",
  declined: "declined",
  withdrawn: "withdrawn",
};

/** The request as it now stands, drawn again where the person clicked; `note` says what their click did. */
export interface ApprovalShown {
  kind: "approval";
  view: ApprovalView;
  note: string;
  /** The click changed the request: every other copy of it should be drawn again too. */
  changed: boolean;
  placement: "redraw";
}

export type DecisionReply = ApprovalShown | Notice | FieldErrors<DecisionField>;

const NOTHING_RECORDED = "Nothing was recorded for you.";
const day = (date: Date) => date.toISOString().slice(0, 10);
const about = (view: ApprovalView) => `${view.reference} · ${view.summary.length > 300 ? `${view.summary.slice(0, 299)}…` : view.summary}`;
/** "Samira Patel for Helen Park" when a delegate decided. */
export const byLine = (d: DecisionView) => (d.byDelegate ? `${d.actor.name} for ${d.approver.name}` : d.actor.name);

/** A click that came after the request was settled, or while it waits for the requester: who settled it, and that the click changed nothing. */
export function lateNotice(view: ApprovalView, decidedBy?: DecisionView[]): Notice {
  if (view.status === "approved" || view.status === "declined") {
    const action = view.status === "approved" ? "approve" : "decline";
    const deciders = decidedBy ?? view.decisions.filter((d) => d.action === action && (view.status === "approved" || d.stage === view.currentStage));
    const who = joinNames(deciders.map(byLine));
    return notice(`Already decided${who ? ` by ${who}` : ""}`, [about(view), `It was ${view.status}${view.closedAt ? ` on ${day(view.closedAt)}` : ""}. ${NOTHING_RECORDED}`]);
  }
  if (view.status === "info_requested") {
    const open = view.infoRequests.find((i) => i.answer === null);
    return notice("Waiting for the requester's answer", [about(view), `${open ? `${open.askedBy.name} asked` : "An approver asked"} the requester a question; the request waits for the answer. ${NOTHING_RECORDED}`]);
  }
  return notice("Not waiting for a decision", [about(view), `It is ${STATUS_WORDS[view.status]}. ${NOTHING_RECORDED}`]);
}

/** What the person is told about the core's result. */
export function decisionReply(result: DecideResult, action: DecisionAction): DecisionReply {
  switch (result.kind) {
    case "recorded": {
      const what = result.decision.action === "approve" ? "approval" : "decline";
      const next = result.stageOutcome === "open" ? "The request waits for the other approvers." : `The request is now ${STATUS_WORDS[result.view.status]}.`;
      return { kind: "approval", view: result.view, note: `Your ${what} of ${result.view.reference} is recorded. ${next}`, changed: true, placement: "redraw" };
    }
    case "info_requested":
      return { kind: "approval", view: result.view, note: `Your question about ${result.view.reference} went to ${result.view.requester.name}. The request waits for their answer.`, changed: true, placement: "redraw" };
    case "duplicate":
      return { kind: "approval", view: result.view, note: `You already acted on ${result.view.reference}; nothing more was recorded.`, changed: false, placement: "redraw" };
    case "already_decided":
      return lateNotice(result.view, result.decidedBy);
    case "not_pending":
      return lateNotice(result.view);
    case "rejected":
      // A problem with what was typed goes next to its field; one the form cannot fix (not an approver, no such request) is said plainly.
      if (result.field && FIELDS.has(result.field)) return fieldError(result.field as DecisionField, result.message);
      if (result.code === "invalid" || result.code === "choose_on_behalf_of") return fieldError(MAIN_FIELD[action], result.message);
      return notice("Nothing was recorded", [result.message]);
  }
}

/** The requester's answer to an approver's question: the request as it now stands, or why it was not sent. */
export function answerReply(result: AnswerInfoResult): ApprovalShown | Notice | FieldErrors<"answer"> {
  switch (result.kind) {
    case "answered":
      return { kind: "approval", view: result.view, note: `Your answer about ${result.view.reference} went to the approvers. The request is back with them.`, changed: true, placement: "redraw" };
    case "duplicate":
      return { kind: "approval", view: result.view, note: `Your answer about ${result.view.reference} was already sent.`, changed: false, placement: "redraw" };
    case "not_waiting":
      return notice("Not waiting for an answer", [about(result.view), `It is ${STATUS_WORDS[result.view.status]}; your answer was not sent.`]);
    case "rejected":
      return fieldError("answer", result.message);
  }
}

export function decisionInteractions(approvals: Pick<ApprovalService, "decide" | "answerInfo">, logger: { error(details: object, message: string): void }) {
  return {
    /** `key` makes the click count once however often it is delivered (the platform's id for it). */
    async decide(actor: Actor, requestId: string, input: DecisionInput, key?: string): Promise<{ reply: DecisionReply; outcome: DecideResult["kind"] | "failed" }> {
      let result: DecideResult;
      try {
        result = await approvals.decide(actor.person.id, requestId, input, key);
      } catch (error) {
        logger.error({ err: { type: (error as Error)?.name } }, "a decision could not be saved");
        return { reply: fieldError(MAIN_FIELD[input.action], NOT_SAVED), outcome: "failed" };
      }
      return { reply: decisionReply(result, input.action), outcome: result.kind };
    },

    async answer(actor: Actor, requestId: string, answer: string): Promise<ApprovalShown | Notice | FieldErrors<"answer">> {
      try {
        return answerReply(await approvals.answerInfo(actor.person.id, requestId, answer));
      } catch (error) {
        logger.error({ err: { type: (error as Error)?.name } }, "an answer could not be saved");
        return fieldError("answer", NOT_SAVED);
      }
    },
  };
}

export type DecisionInteractions = ReturnType<typeof decisionInteractions>;
