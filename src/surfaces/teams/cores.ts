import type { TurnContext } from "botbuilder";
import type { ApprovalService } from "../../core/approvals/service.ts";
import type { CaseService } from "../../core/cases/service.ts";
import type { DirectoryService } from "../../core/directory/service.ts";
import { identifyAccount, notIdentified } from "../../interactions/identify.ts";
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

/** The directory person behind the turn's Teams user (linked by email the first time; src/interactions/identify.ts). */
export const identify = (directory: DirectoryService, context: TurnContext) => identifyAccount(directory, "Teams", aadObjectIdOf(context.activity), teamsLookup(context));
