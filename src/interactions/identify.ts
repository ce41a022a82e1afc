import type { PlatformLookup, Purpose } from "../core/directory/enrol.ts";
import { refusalMessage } from "../core/directory/refusal.ts";
import type { DirectoryService } from "../core/directory/service.ts";
import type { Person } from "../core/directory/types.ts";

/**
 * Who is acting, written once for every chat surface: the directory person behind a platform
 * account (linked by email the first time), or why there is none, in the words the person is told.
 * Each surface's identify step calls this once per request, before any interaction runs.
 */

export interface Identified {
  person: Person;
  /** The directory's one-time note for someone it just enrolled. */
  notice?: string;
  why?: undefined;
}

/** No directory person for this account; `why` is what they are told (nothing was done). */
export interface NotIdentified {
  person: null;
  why: string;
}

type PlatformName = "Slack" | "Teams";
const PLATFORM = { Slack: "slack", Teams: "teams" } as const;

/** What a person is told when the platform gave no account or no email to match. */
export const notIdentified = (platform: PlatformName) =>
  `${platform} did not tell me who you are (no email on your profile), so I cannot find you in the company directory. Ask HR to add you to the directory.`;

/** `named`: someone a form names (not the person acting); the directory's rules for enrolling differ. */
export async function identifyAccount(
  directory: Pick<DirectoryService, "resolveOrEnrol">,
  platform: PlatformName,
  accountId: string | undefined,
  lookup: PlatformLookup,
  purpose: Purpose = "acting",
): Promise<Identified | NotIdentified> {
  if (!accountId) return { person: null, why: notIdentified(platform) };
  const enrolment = await directory.resolveOrEnrol(PLATFORM[platform], accountId, lookup, purpose);
  if (!enrolment) return { person: null, why: notIdentified(platform) };
  if (enrolment.refused) return { person: null, why: refusalMessage(enrolment.refused, platform) };
  return { person: enrolment.person, ...(enrolment.notice ? { notice: enrolment.notice } : {}) };
}
