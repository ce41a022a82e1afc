/** Roles a person can hold in the directory (the Code's "Board" is everyone with `director`). */
export const PERSON_ROLES = ["president", "executive_officer", "officer", "director", "audit_committee", "attorney", "ethics_officer"] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export type Platform = "slack" | "teams";

export interface Person {
  id: string;
  name: string;
  email: string;
  slackId: string | null;
  teamsId: string | null; // AAD object id
  supervisorId: string | null;
  roles: PersonRole[];
}
