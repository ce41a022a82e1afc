/** Roles a person can hold in the directory (the Code's "Board" is everyone with `director`). */
export const PERSON_ROLES = ["president", "executive_officer", "officer", "director", "audit_committee", "attorney", "ethics_officer"] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
/** A role a person holds: a built-in one, or one the rules file declares under `roles:` (e.g. "department_head"). */
export type HeldRole = PersonRole | (string & {});

export type Platform = "slack" | "teams";

export interface Person {
  id: string;
  name: string;
  email: string;
  slackId: string | null;
  teamsId: string | null; // AAD object id
  supervisorId: string | null;
  roles: HeldRole[];
}

/** What the other cores need to know about people. Implemented over the store by src/core/directory. */
export interface DirectoryQueries {
  get(personId: string): Promise<Person | null>;
  /**
   * Every id the person has had: `personId` (as `get` resolves it) first, then each id merged
   * into it by a directory import. Ids stored earlier (sealed in a case) compare through this.
   */
  aliasesOf(personId: string): Promise<string[]>;
  supervisorOf(personId: string): Promise<Person | null>;
  /** Everyone holding the role, e.g. all `director`s are the Board. */
  holdersOf(role: HeldRole): Promise<Person[]>;
  /** Supervisor, their supervisor, …, up to the top (the President); nearest first. */
  chainAbove(personId: string): Promise<Person[]>;
  resolve(platform: Platform, platformUserId: string): Promise<Person | null>;
}
