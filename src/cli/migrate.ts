import { loadConfig } from "../config.ts";
import { openConfiguredDatabase } from "../compose.ts";
import { UsageError } from "./usageError.ts";

export const usage = "usage: conduct migrate   (applies pending migrations to DATABASE_URL, or the embedded database in DATA_DIR)";

/** `conduct migrate`: applies pending migrations to the configured database and exits. */
export async function run(args: string[]): Promise<number> {
  if (args.length) throw new UsageError(`conduct migrate takes no arguments (got ${args.join(" ")})`);
  const config = loadConfig();
  const db = await openConfiguredDatabase(config);
  console.log(`database is up to date (${db.kind})`);
  await db.close();
  return 0;
}
