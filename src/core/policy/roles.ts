import type { PolicyRules } from "./rules.ts";

/** For each role the rules file declares, the directory role whose holders act for it: its `held_by`, else its own id. */
export function heldByOf(rules: Pick<PolicyRules, "roles">): Record<string, string> {
  return Object.fromEntries(Object.entries(rules.roles).map(([id, role]) => [id, role.held_by ?? id]));
}

/** The roles a directory file may give people besides the built-in ones: those the rules file's roles are held by. */
export function directoryRolesOf(rules: Pick<PolicyRules, "roles">): string[] {
  return [...new Set(Object.values(heldByOf(rules)))];
}
