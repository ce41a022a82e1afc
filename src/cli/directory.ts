import { readFile } from "node:fs/promises";
import { ConfigError, loadConfig } from "../config.ts";
import { DirectoryFileError, parseDirectoryFile } from "../core/directory/file.ts";
import { describeImport, importEntries } from "../core/directory/importDirectory.ts";
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
    const entries = parseDirectoryFile(text, file);
    const config = loadConfig();
    const db = await openConfiguredDatabase(config);
    try {
      console.log(describeImport(await importEntries(createDirectoryRepository(db.prisma), entries)));
    } finally {
      await db.close();
    }
    return 0;
  } catch (error) {
    if (error instanceof DirectoryFileError || error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
