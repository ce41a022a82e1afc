import type { ApprovalService } from "../../core/approvals/service.ts";
import type { CaseService } from "../../core/cases/service.ts";
import type { Clock } from "../../core/clock.ts";
import type { Purpose } from "../../core/directory/enrol.ts";
import type { DirectoryService } from "../../core/directory/service.ts";
import { identifyAccount, notIdentified } from "../../interactions/identify.ts";
import type { WebClient } from "./deps.ts";
import { slackLookup } from "./flows/askPerson.ts";

/** The cores the report and approval flows call. Plain core APIs: the rules live there. */
export interface SlackCores {
  directory: DirectoryService;
  cases?: CaseService;
  approvals?: ApprovalService;
  clock: Clock;
}

export type { Identified, NotIdentified } from "../../interactions/identify.ts";

/** What a person is told when `identify` finds no one: Slack gave no email to match. */
export const NOT_IDENTIFIED = notIdentified("Slack");

/**
 * The directory person behind a Slack user (linked by email through users.info the first time;
 * src/interactions/identify.ts). `named`: someone a form names.
 */
export const identify = (directory: DirectoryService, client: WebClient, slackUserId: string, purpose: Purpose = "acting") =>
  identifyAccount(directory, "Slack", slackUserId, slackLookup(client, slackUserId), purpose);

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
