// Who a case may never be given to, compared as people, not as stored ids: an id sealed at filing
// may since have been merged (an enrolled person added to the directory file under another id).
import type { Keyring } from "../crypto/keyring.ts";
import type { DirectoryQueries } from "../directory/types.ts";
import type { CaseRecord } from "./store.ts";
import { openReport, reporterIdOf } from "./sealing.ts";

type Sealed = Pick<CaseRecord, "id" | "mode" | "content" | "reporterLink">;

/** Current directory ids for ids stored earlier. */
async function current(directory: DirectoryQueries, ids: Iterable<string>): Promise<Set<string>> {
  const people = new Set<string>();
  for (const id of new Set(ids)) people.add((await directory.get(id))?.id ?? id);
  return people;
}

/** Never assigned, notified or given access by the bot itself (routing, escalation): the people named and the reporter. */
export function excludedPeople(directory: DirectoryQueries, keyring: Keyring, row: Sealed): Promise<Set<string>> {
  const reporter = reporterIdOf(keyring, row);
  return current(directory, [...(openReport(keyring, row)?.involved ?? []), ...(reporter ? [reporter] : [])]);
}

/**
 * Whom a handler may not hand the case to: the people named and, in a confidential case, the
 * reporter — people the handler already sees in the case. An anonymous reporter is not looked
 * up at all: leaving them out of a picker, or refusing them, would single them out.
 */
export function notAssignable(directory: DirectoryQueries, keyring: Keyring, row: Sealed): Promise<Set<string>> {
  const reporter = row.mode === "confidential" ? reporterIdOf(keyring, row) : null;
  return current(directory, [...(openReport(keyring, row)?.involved ?? []), ...(reporter ? [reporter] : [])]);
}
