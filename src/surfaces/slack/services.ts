import type { ApprovalService } from "../../core/approvals/service.ts";
import type { CaseService } from "../../core/cases/service.ts";
import type { Clock } from "../../core/clock.ts";
import type { Person } from "../../core/directory/types.ts";
import type { Purpose } from "../../core/directory/enrol.ts";
import { refusalMessage } from "../../core/directory/refusal.ts";
import type { DirectoryService } from "../../core/directory/service.ts";
import type { WebClient } from "./deps.ts";
import { slackLookup } from "./flows/askPerson.ts";

/** The cores the report and approval flows call. Plain core APIs: the rules live there. */
export interface SlackCores {
  directory: DirectoryService;
  cases?: CaseService;
  approvals?: ApprovalService;
  clock: Clock;
}

export interface Identified {
  person: Person;
  /** The directory's one-time note for someone it just enrolled. */
  notice?: string;
  why?: undefined;
}

/** No directory person for this Slack user; `why` is what they are told. */
export interface NotIdentified {
  person: null;
  why: string;
}

/** What a person is told when `identify` finds no one: Slack gave no email to match. */
export const NOT_IDENTIFIED = "Slack did not tell me who you are (no email on your profile), so I cannot find you in the company directory.";

/**
 * The directory person behind a Slack user (linked by email through users.info the first time).
 * Not identified when Slack cannot say, or the directory refuses the account (another account
 * pinned for the email, another workspace, a guest, deactivated). `named`: someone a form names.
 */
export async function identify(directory: DirectoryService, client: WebClient, slackUserId: string, purpose: Purpose = "acting"): Promise<Identified | NotIdentified> {
  const enrolment = await directory.resolveOrEnrol("slack", slackUserId, slackLookup(client, slackUserId), purpose);
  if (!enrolment) return { person: null, why: NOT_IDENTIFIED };
  if (enrolment.refused) return { person: null, why: refusalMessage(enrolment.refused, "Slack") };
  return { person: enrolment.person, ...(enrolment.notice ? { notice: enrolment.notice } : {}) };
}

/** Directory ids for Slack users picked in a form; `unknown` counts those Slack could not identify. */
export async function identifyAll(directory: DirectoryService, client: WebClient, slackUserIds: readonly string[]): Promise<{ ids: string[]; unknown: number }> {
  const ids: string[] = [];
  let unknown = 0;
  for (const userId of new Set(slackUserIds)) {
    const found = await identify(directory, client, userId, "named");
    if (found.person) ids.push(found.person.id);
    else unknown++;
  }
  return { ids, unknown };
}
