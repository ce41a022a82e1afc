import type { HeldRole, Person, Platform } from "./types.ts";

/** "file": from DIRECTORY_FILE; "platform": enrolled when they first wrote to the bot. */
export type PersonSource = "file" | "platform";

/** A person as stored: the public `Person` plus what the directory itself needs to track. */
export interface PersonRecord extends Person {
  source: PersonSource;
  /** False once absent from the file (or merged into another person). */
  active: boolean;
  /** Set when an enrolled person was later added to the file under another id. */
  mergedIntoId: string | null;
  /** When the one-time "no supervisor yet" notice was shown (enrolled people only). */
  noticeShownAt: Date | null;
}

export function toPerson(record: PersonRecord): Person {
  const { id, name, email, slackId, teamsId, supervisorId, roles } = record;
  return { id, name, email, slackId, teamsId, supervisorId, roles: [...roles] };
}

/** Emails compare case-insensitively; they are stored lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Slack user ids are upper-case (U…/W…); AAD object ids are GUIDs, stored lower-case. */
export function normalizePlatformId(platform: Platform, platformUserId: string): string {
  const id = platformUserId.trim();
  return platform === "teams" ? id.toLowerCase() : id.toUpperCase();
}

export const platformField = { slack: "slackId", teams: "teamsId" } as const satisfies Record<Platform, keyof Person>;

export function sortRoles(roles: Iterable<HeldRole>): HeldRole[] {
  return [...new Set(roles)].sort();
}
