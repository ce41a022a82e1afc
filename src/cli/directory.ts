import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { ConfigError, loadConfig } from "../config.ts";
import { DirectoryFileError, parseDirectoryFile } from "../core/directory/file.ts";
import { describeImport, importEntries } from "../core/directory/importDirectory.ts";
import { loadPolicy } from "../core/policy/load.ts";
import { directoryRolesOf } from "../core/policy/roles.ts";
import { RulesError } from "../core/policy/rules.ts";
import { createDirectoryRepository } from "../store/directoryRepo.ts";
import { openConfiguredDatabase } from "../compose.ts";
import { UsageError } from "./usageError.ts";

export const usage = "usage: conduct directory import FILE   (validates the whole file, then imports it in one transaction)";

/** `conduct directory import FILE`: validates the whole file, then imports it in one transaction. */
export async function run(args: string[]): Promise<number> {
  const [action, file, ...rest] = args;
  if (action !== "import" || !file || rest.length) {
    throw new UsageError(action === "import" ? "give exactly one directory file" : "say what to do: import FILE");
  }
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    console.error(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return 1;
  }
  try {
    const config = loadConfig();
    // The rules file may declare approver roles ("department_head") that people in the file hold.
    const { rules } = loadPolicy(resolve(config.POLICY_FILE), resolve(config.POLICY_RULES_FILE));
    const entries = parseDirectoryFile(text, file, directoryRolesOf(rules));
    const db = await openConfiguredDatabase(config);
    try {
      console.log(describeImport(await importEntries(createDirectoryRepository(db.prisma), entries)));
    } finally {
      await db.close();
    }
    return 0;
  } catch (error) {
    if (error instanceof DirectoryFileError || error instanceof ConfigError || error instanceof RulesError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
