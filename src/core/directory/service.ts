import { readFile } from "node:fs/promises";
import { resolveOrEnrol, type AccountPolicy, type Enrolment, type PlatformLookup, type Purpose, type Refusal } from "./enrol.ts";
import { importDirectoryText } from "./importDirectory.ts";
import type { ImportSummary } from "./importPlan.ts";
import { createDirectoryQueries } from "./queries.ts";
import type { DirectoryRepository } from "./repository.ts";
import type { DirectoryQueries, Platform } from "./types.ts";

/** Everything the app does with people: the queries other cores use, enrolment, and imports. */
export interface DirectoryService extends DirectoryQueries {
  /** The person behind a platform account (see enrol.ts); a refusal says why an account is not taken. */
  resolveOrEnrol(platform: Platform, platformUserId: string, lookup: PlatformLookup, purpose?: Purpose): Promise<Enrolment | Refusal | null>;
  /** Imports a directory file (YAML); throws DirectoryFileError, changing nothing, if it is invalid. */
  importFile(path: string): Promise<ImportSummary>;
  importText(text: string, file?: string): Promise<ImportSummary>;
}

/** `declaredRoles`: the roles the rules file adds (directory roles its approvers are held by), accepted in directory files. */
export function createDirectoryService(repo: DirectoryRepository, now: () => Date = () => new Date(), accounts: AccountPolicy = {}, declaredRoles: readonly string[] = []): DirectoryService {
  return {
    ...createDirectoryQueries(repo),
    resolveOrEnrol: (platform, platformUserId, lookup, purpose) => resolveOrEnrol(repo, platform, platformUserId, lookup, now, accounts, purpose),
    importFile: async (path) => importDirectoryText(repo, await readFile(path, "utf8"), path, declaredRoles),
    importText: (text, file = "directory") => importDirectoryText(repo, text, file, declaredRoles),
  };
}
