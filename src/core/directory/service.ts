import { readFile } from "node:fs/promises";
import { resolveOrEnrol, type Enrolment, type PlatformLookup } from "./enrol.ts";
import { importDirectoryText } from "./importDirectory.ts";
import type { ImportSummary } from "./importPlan.ts";
import { createDirectoryQueries } from "./queries.ts";
import type { DirectoryRepository } from "./repository.ts";
import type { DirectoryQueries, Platform } from "./types.ts";

/** Everything the app does with people: the queries other cores use, enrolment, and imports. */
export interface DirectoryService extends DirectoryQueries {
  resolveOrEnrol(platform: Platform, platformUserId: string, lookup: PlatformLookup): Promise<Enrolment | null>;
  /** Imports a directory file (YAML); throws DirectoryFileError, changing nothing, if it is invalid. */
  importFile(path: string): Promise<ImportSummary>;
  importText(text: string, file?: string): Promise<ImportSummary>;
}

export function createDirectoryService(repo: DirectoryRepository, now: () => Date = () => new Date()): DirectoryService {
  return {
    ...createDirectoryQueries(repo),
    resolveOrEnrol: (platform, platformUserId, lookup) => resolveOrEnrol(repo, platform, platformUserId, lookup, now),
    importFile: async (path) => importDirectoryText(repo, await readFile(path, "utf8"), path),
    importText: (text, file = "directory") => importDirectoryText(repo, text, file),
  };
}
