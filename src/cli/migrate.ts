import { resolve } from "node:path";
import { loadConfig } from "../config.ts";
import { openDatabase } from "../store/db.ts";

/** `conduct migrate`: applies pending migrations to the configured database and exits. */
export async function run(): Promise<number> {
  const config = loadConfig();
  const db = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: resolve(config.DATA_DIR) });
  console.log(`database is up to date (${db.kind})`);
  await db.close();
  return 0;
}
