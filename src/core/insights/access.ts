import type { DirectoryQueries, PersonRole } from "../directory/types.ts";

/**
 * Who oversees the programme and so sees the approval registers and the dashboard: the ethics
 * officer and the roles the Code names as approvers above a supervisor (executive officers, the
 * President, the Board, the Audit Committee, the company's attorneys). Everyone else sees only
 * their own cases and the decisions waiting for them.
 */
export const OVERSIGHT_ROLES: readonly PersonRole[] = ["ethics_officer", "audit_committee", "attorney", "president", "executive_officer", "director"];

export async function overseesProgramme(directory: DirectoryQueries, personId: string): Promise<boolean> {
  const person = await directory.get(personId);
  return Boolean(person?.roles.some((role) => (OVERSIGHT_ROLES as readonly string[]).includes(role)));
}
