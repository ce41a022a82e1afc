import type { TurnContext } from "botbuilder";
import type { ApprovalService } from "../../core/approvals/service.ts";
import type { CaseService } from "../../core/cases/service.ts";
import type { DirectoryService } from "../../core/directory/service.ts";
import { refusalMessage } from "../../core/directory/refusal.ts";
import type { Person } from "../../core/directory/types.ts";
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

export interface Identified {
  person: Person;
  /** The directory's one-time note for someone it just enrolled. */
  notice?: string;
  why?: undefined;
}

/** No directory person for the turn's Teams user; `why` is what they are told. */
export interface NotIdentified {
  person: null;
  why: string;
}

/**
 * The directory person behind the turn's Teams user (linked by email the first time). Not
 * identified when Teams cannot say, or the directory refuses the account (another account
 * pinned for the email, a guest).
 */
export async function identify(directory: DirectoryService, context: TurnContext): Promise<Identified | NotIdentified> {
  const aadObjectId = aadObjectIdOf(context.activity);
  if (!aadObjectId) return { person: null, why: NOT_IDENTIFIED };
  const enrolment = await directory.resolveOrEnrol("teams", aadObjectId, teamsLookup(context));
  if (!enrolment) return { person: null, why: NOT_IDENTIFIED };
  if (enrolment.refused) return { person: null, why: refusalMessage(enrolment.refused, "Teams") };
  return { person: enrolment.person, ...(enrolment.notice ? { notice: enrolment.notice } : {}) };
}

export const NOT_IDENTIFIED = "Teams did not tell me who you are (no email on your account), so I can't do this for you. Ask HR to add you to the directory.";
