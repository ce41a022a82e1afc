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

const IDENTIFIED = Symbol("the turn's person");

/**
 * The Teams surface's one identify step: the directory person behind the turn's Teams user (linked
 * by email the first time; src/interactions/identify.ts), looked up once per turn (kept in its
 * turnState) on first use. A database failure is told as "not saved", never an unanswered card.
 */
export function identify(directory: DirectoryService, context: TurnContext): Promise<Identified | NotIdentified> {
  const known = context.turnState.get(IDENTIFIED) as Promise<Identified | NotIdentified> | undefined;
  if (known) return known;
  const found = identifyAccount(directory, "Teams", aadObjectIdOf(context.activity), teamsLookup(context)).catch((): NotIdentified => ({ person: null, why: NOT_SAVED }));
  context.turnState.set(IDENTIFIED, found);
  return found;
}
