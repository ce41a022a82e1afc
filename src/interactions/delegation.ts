import type { ApprovalService, DelegateView } from "../core/approvals/index.ts";
import type { Actor } from "./actor.ts";
import { fieldError, notice, NOT_SAVED, type FieldErrors, type Notice } from "./reply.ts";

/**
 * Delegation of approvals (src/core/approvals/delegates.ts), written once for every surface: an
 * approver names someone who decides for them while they are away, until the end of a day or
 * until they stop it. Who may be named is the core's rule; the wording, the form's labels and
 * the end-of-day reading of "until" are here.
 */

/** The form's fields; errors are keyed by them. */
export type DelegationField = "delegate" | "until";

export const DELEGATION_WORDS = {
  title: "Delegate approvals",
  intro:
    "While you are away, the person you choose can approve, decline or ask for information on every approval request waiting for you, including new ones. Each decision records both names, and they are told.",
  delegateLabel: (current: DelegateView | null) => (current ? "Choose someone else" : "Who decides for you"),
  untilLabel: "Until (optional)",
  untilHint: "Through the end of that day (UTC). Leave it empty to delegate until you stop it.",
  stopLabel: "Stop delegating",
  stopOption: "Stop now: requests wait for me again",
  submit: (current: DelegateView | null) => (current ? "Save" : "Delegate"),
  /** The button that opens the form (App Home, the `delegate` command's card). */
  open: (current: DelegateView | null) => (current ? "Change delegate" : "Delegate approvals"),
  invite: "Going away? Name a delegate who decides your approvals meanwhile.",
  chooseSomeone: "Choose who decides for you.",
  chooseDay: "Choose a day.",
  unknownDelegate: "The person you chose could not be found in the company directory.",
} as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (date: Date) => date.toISOString().slice(0, 10);
const untilText = (until: Date | null) => (until ? ` until the end of ${day(until)} (UTC)` : " until you stop it");

/** Who decides for the person now, in one line. */
export function delegationLine(current: DelegateView | null): string {
  if (!current) return "Nobody decides your approvals for you: they wait for you.";
  return `${current.delegate.name} decides your approvals for you${untilText(current.until)}.`;
}

/** The delegation form, filled with the delegation in force. */
export interface DelegationForm {
  kind: "delegation_form";
  current: DelegateView | null;
}

export interface DelegationInput {
  /** "Stop delegating" was ticked. */
  stop: boolean;
  /** The chosen delegate's directory id; null when someone was chosen whom the surface could not identify; absent when nobody was. */
  delegateId?: string | null;
  /** The day the form gave, "YYYY-MM-DD" (anything else is asked again). */
  until?: string;
}

export type DelegationSaved = Notice | FieldErrors<DelegationField>;

/** "Delegate approvals" (a button, the `delegate` command): the form, or the card that opens it. */
export async function showDelegation(approvals: Pick<ApprovalService, "delegationOf">, actor: Actor): Promise<DelegationForm> {
  return { kind: "delegation_form", current: await approvals.delegationOf(actor.person.id) };
}

export function delegationInteractions(approvals: Pick<ApprovalService, "setDelegate" | "delegationOf">, logger: { error(details: object, message: string): void }) {
  return {
    show: (actor: Actor) => showDelegation(approvals, actor),

    /** The form sent: what changed, or the form again with the problem next to its field. */
    async save(actor: Actor, input: DelegationInput): Promise<DelegationSaved> {
      const { stop, delegateId, until } = input;
      if (!stop && delegateId === undefined) return fieldError("delegate", DELEGATION_WORDS.chooseSomeone);
      if (!stop && delegateId === null) return fieldError("delegate", DELEGATION_WORDS.unknownDelegate);
      if (!stop && until !== undefined && !DAY.test(until)) return fieldError("until", DELEGATION_WORDS.chooseDay);
      let result;
      try {
        // "Until" a day means through its end, in UTC (the form says so).
        result = await approvals.setDelegate(actor.person.id, stop ? null : delegateId!, !stop && until ? { until: new Date(`${until}T23:59:59.999Z`) } : {});
      } catch (error) {
        logger.error({ err: { type: (error as Error)?.name } }, "a delegation could not be saved");
        return fieldError("delegate", NOT_SAVED);
      }
      if (result.kind === "rejected") return fieldError(result.field === "until" ? "until" : "delegate", result.message);
      if (result.kind === "cleared") {
        return notice(DELEGATION_WORDS.title, [
          result.had ? "You decide your approvals yourself again; your delegate no longer decides for you." : "You had no delegate: your approvals already wait for you.",
        ]);
      }
      const { delegate, until: end } = result.delegation;
      return notice(DELEGATION_WORDS.title, [`${delegate.name} now decides your approvals for you${untilText(end)}. They were told.`]);
    },
  };
}

export type DelegationInteractions = ReturnType<typeof delegationInteractions>;
