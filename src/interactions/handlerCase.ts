import { OUTCOMES, type CaseOutcome, type CaseResult, type CaseService, type CaseView } from "../core/cases/index.ts";
import type { Actor } from "./actor.ts";
import { OUTCOME_LABELS } from "./caseLabels.ts";
import { fieldError, notice, NOT_SAVED, type FieldErrors, type Notice } from "./reply.ts";

/**
 * A case's handler at work, written once for every surface: open the case, acknowledge it,
 * message the reporter, add an internal note, hand it to someone else, close it. Who may do what
 * is the cases core's; what the handler is told, and which problems go back into the form (those
 * the form can fix) rather than closing it, are here.
 */

/** The fields of the handler's forms; errors are keyed by them. */
export type CaseField = "text" | "to" | "outcome";

export const HANDLER_WORDS = {
  acknowledged: (n: string) => `${n} is acknowledged. The reporter has been told.`,
  sentToReporter: (n: string) => `Sent to the reporter of ${n}.`,
  noteAdded: (n: string) => `Note added to ${n}. Only its handlers see it.`,
  reassigned: (n: string) => `Case ${n} was reassigned.`,
  reassignedStaying: (n: string) => `Case ${n} now has another handler; you still handle it.`,
  closed: (n: string, outcome: CaseOutcome) => `${n} is closed – ${OUTCOME_LABELS[outcome]}. The reporter has been told.`,
  chooseHandler: "Choose the new handler.",
  unknownHandler: "The person you chose could not be found in the company directory.",
  chooseOutcome: "Choose an outcome to close the case.",
} as const;

/** What the handler's action did: shown in place of the form, or (a button on a message) to them alone. */
export interface CaseDone {
  kind: "case_done";
  caseNumber: string;
  title: string;
  lines: string[];
  placement: "redraw" | "post";
}

/** The case as its handler sees it (the core records the opening in its audit trail). */
export interface CaseShown {
  kind: "case";
  view: CaseView;
  placement: "redraw";
}

export type CaseReply<Field extends string = CaseField> = CaseDone | Notice | FieldErrors<Field>;

const done = (caseNumber: string, title: string, line: string, placement: CaseDone["placement"] = "redraw"): CaseDone => ({ kind: "case_done", caseNumber, title, lines: [line], placement });

/**
 * The core's refusal: a problem the form can fix goes next to `field` (the text kept); anything
 * else (no such case, a closed case) is said in place of the form, which could not fix it.
 */
export function refusal<Field extends string>(result: Extract<CaseResult<unknown>, { ok: false }>, caseNumber: string, field: Field): Notice | FieldErrors<Field> {
  if (result.error === "invalid" || result.error === "not_eligible") return fieldError(field, result.fieldErrors?.[field] ?? Object.values(result.fieldErrors ?? {})[0] ?? result.message);
  return notice(`Case ${caseNumber}`, [result.message]);
}

type Logger = { error(details: object, message: string): void };

/** Runs one core call; a database failure is "not saved" next to `field`, never an unanswered form. */
export async function saving<T, Field extends string>(logger: Logger, field: Field, run: () => Promise<T>): Promise<T | FieldErrors<Field>> {
  try {
    return await run();
  } catch (error) {
    logger.error({ err: { type: (error as Error)?.name } }, "a case action could not be saved");
    return fieldError(field, NOT_SAVED);
  }
}

const isFieldErrors = (value: unknown): value is FieldErrors => (value as { kind?: unknown })?.kind === "field_errors";

export function handlerCaseInteractions(cases: Pick<CaseService, "view" | "acknowledge" | "messageReporter" | "addNote" | "reassign" | "close">, logger: Logger) {
  /** One action on a case: the core's answer as what the handler is told. */
  const act = async <Field extends string>(caseNumber: string, field: Field, run: () => Promise<CaseResult<unknown>>, then: () => CaseDone): Promise<CaseReply<Field>> => {
    const result = await saving(logger, field, run);
    if (isFieldErrors(result)) return result as FieldErrors<Field>;
    return result.ok ? then() : refusal(result, caseNumber, field);
  };

  return {
    async open(actor: Actor, caseNumber: string): Promise<CaseShown | Notice> {
      const result = await cases.view(actor.person.id, caseNumber);
      return result.ok ? { kind: "case", view: result.value, placement: "redraw" } : notice(`Case ${caseNumber}`, [result.message]);
    },

    /** A button on a notice or App Home: the answer goes to the handler alone. */
    acknowledge: (actor: Actor, caseNumber: string) =>
      act(caseNumber, "text", () => cases.acknowledge(actor.person.id, caseNumber), () => done(caseNumber, `Case ${caseNumber} acknowledged`, HANDLER_WORDS.acknowledged(caseNumber), "post")),

    messageReporter: (actor: Actor, caseNumber: string, text: string) =>
      act(caseNumber, "text", () => cases.messageReporter(actor.person.id, caseNumber, text), () => done(caseNumber, "Message sent", HANDLER_WORDS.sentToReporter(caseNumber))),

    note: (actor: Actor, caseNumber: string, text: string) =>
      act(caseNumber, "text", () => cases.addNote(actor.person.id, caseNumber, text), () => done(caseNumber, "Note added", HANDLER_WORDS.noteAdded(caseNumber))),

    /** `toId`: the chosen person's directory id; null when the surface could not identify them; absent when nobody was chosen. */
    async reassign(actor: Actor, caseNumber: string, input: { toId?: string | null; stay: boolean }): Promise<CaseReply<"to">> {
      if (input.toId === undefined) return fieldError("to", HANDLER_WORDS.chooseHandler);
      if (input.toId === null) return fieldError("to", HANDLER_WORDS.unknownHandler);
      const toId = input.toId;
      return act(caseNumber, "to", () => cases.reassign(actor.person.id, caseNumber, toId, { stay: input.stay }), () =>
        done(caseNumber, "Case reassigned", input.stay ? HANDLER_WORDS.reassignedStaying(caseNumber) : HANDLER_WORDS.reassigned(caseNumber)),
      );
    },

    /** `outcome`: as the form gave it; anything but one of OUTCOMES is asked again. */
    async close(actor: Actor, caseNumber: string, outcome: string | undefined): Promise<CaseReply<"outcome">> {
      const chosen = OUTCOMES.find((o) => o === outcome);
      if (!chosen) return fieldError("outcome", HANDLER_WORDS.chooseOutcome);
      return act(caseNumber, "outcome", () => cases.close(actor.person.id, caseNumber, chosen), () => done(caseNumber, `Case ${caseNumber} closed`, HANDLER_WORDS.closed(caseNumber, chosen)));
    },
  };
}

export type HandlerCaseInteractions = ReturnType<typeof handlerCaseInteractions>;
