import type { ApprovalService } from "../../core/approvals/service.ts";
import type { CaseService } from "../../core/cases/service.ts";
import type { Clock } from "../../core/clock.ts";
import type { Person } from "../../core/directory/types.ts";
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
}

/** What a person is told when `identify` finds no one: Slack gave no email to match. */
export const NOT_IDENTIFIED = "Slack did not tell me who you are (no email on your profile), so I cannot find you in the company directory.";

/** The directory person behind a Slack user (linked by email through users.info the first time); null if Slack cannot say. */
export async function identify(directory: DirectoryService, client: WebClient, slackUserId: string): Promise<Identified | null> {
  const enrolment = await directory.resolveOrEnrol("slack", slackUserId, slackLookup(client, slackUserId));
  return enrolment ? { person: enrolment.person, ...(enrolment.notice ? { notice: enrolment.notice } : {}) } : null;
}

/** Directory ids for Slack users picked in a form; `unknown` counts those Slack could not identify. */
export async function identifyAll(directory: DirectoryService, client: WebClient, slackUserIds: readonly string[]): Promise<{ ids: string[]; unknown: number }> {
  const ids: string[] = [];
  let unknown = 0;
  for (const userId of new Set(slackUserIds)) {
    const found = await identify(directory, client, userId);
    if (found) ids.push(found.person.id);
    else unknown++;
  }
  return { ids, unknown };
}
