import type { TurnContext } from "botbuilder";
import type { ApprovalService } from "../../core/approvals/service.ts";
import type { CaseService } from "../../core/cases/service.ts";
import type { DirectoryService } from "../../core/directory/service.ts";
import { identifyAccount, notIdentified, type Identified, type NotIdentified } from "../../interactions/identify.ts";
import { NOT_SAVED } from "../../interactions/reply.ts";
import { aadObjectIdOf } from "./activity.ts";
import type { ApprovalCards } from "./approvalCards.ts";
import { teamsLookup } from "./flows/askPerson.ts";

/** The cores the report and approval flows call (plain core APIs: the rules live there). */
export interface TeamsCores {
  directory: DirectoryService;
  cases?: CaseService;
  approvals?: ApprovalService;
}

/** What the approval routes need besides the cores: the cards already sent, edited in place after a change. */
export interface ApprovalCardUpdates {
  approvalCards?: ApprovalCards;
}

export type { Identified, NotIdentified } from "../../interactions/identify.ts";

export const NOT_IDENTIFIED = notIdentified("Teams");

/** The directory person acting in this turn, looked up at most once (on first use). */
export type Sender = () => Promise<Identified | NotIdentified>;

const SENDER = Symbol("the turn's sender");

/**
 * The Teams surface's one identify step, a beforeTurn step of the Application (application.ts),
 * so every handler of every turn reads the same person and none identifies on its own: the
 * directory person behind the turn's Teams user (linked by email the first time;
 * src/interactions/identify.ts), looked up on first use, so turns that need no one (a question)
 * cost no lookup. A database failure is told as "not saved", never an unanswered card.
 */
export function identifyTurn(directory: DirectoryService) {
  return async (context: TurnContext): Promise<boolean> => {
    let found: Promise<Identified | NotIdentified> | undefined;
    const sender: Sender = () =>
      (found ??= identifyAccount(directory, "Teams", aadObjectIdOf(context.activity), teamsLookup(context)).catch((): NotIdentified => ({ person: null, why: NOT_SAVED })));
    context.turnState.set(SENDER, sender);
    return true;
  };
}

/** The turn's person, as identifyTurn found them; without a directory, no one can be identified. */
export function senderOf(context: TurnContext): Promise<Identified | NotIdentified> {
  const sender = context.turnState.get(SENDER) as Sender | undefined;
  return sender ? sender() : Promise.resolve({ person: null, why: NOT_IDENTIFIED });
}
