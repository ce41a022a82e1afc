import { parseDirectoryFile } from "./file.ts";
import type { DirectoryEntry } from "./fileFormat.ts";
import { planImport, type ImportSummary } from "./importPlan.ts";
import type { DirectoryRepository } from "./repository.ts";

/** Makes the stored directory match the file's people, all or nothing (see planImport for the rules). */
export async function importEntries(repo: DirectoryRepository, entries: DirectoryEntry[]): Promise<ImportSummary> {
  return repo.exclusive(async (tx) => {
    const plan = planImport(await tx.listAll(), entries);
    for (const write of plan.writes) {
      if (write.kind === "insert") await tx.insert(write.person);
      else await tx.update(write.id, write.changes);
    }
    return plan.summary;
  });
}

/** Validates the whole file first (throws DirectoryFileError listing every problem), then imports it. */
export async function importDirectoryText(repo: DirectoryRepository, text: string, file: string, declaredRoles: readonly string[] = []): Promise<ImportSummary> {
  return importEntries(repo, parseDirectoryFile(text, file, declaredRoles));
}

/** "imported 14 people (14 new, 0 updated, 0 deactivated)" */
export function describeImport(summary: ImportSummary): string {
  const { total, created, updated, deactivated, merged } = summary;
  const people = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;
  const line = `imported ${people(total)} (${created} new, ${updated} updated, ${deactivated} deactivated)`;
  return merged ? `${line}; ${people(merged)} who had enrolled through Slack or Teams merged into their entries` : line;
}
