import { resolve } from "node:path";
import { loadConfig } from "../config.ts";
import { verifyAudit } from "../store/audit.ts";
import { openDatabase } from "../store/db.ts";
import { UsageError } from "./usageError.ts";

export const usage = "usage: conduct audit verify";

/** `conduct audit verify`: recomputes the audit hash chain; exit 1 if any entry was edited, deleted or reordered. */
export async function run(args: string[]): Promise<number> {
  if (args[0] !== "verify" || args.length > 1) {
    throw new UsageError(args.length ? `unknown: ${args.join(" ")}` : "say what to do: verify");
  }
  const config = loadConfig();
  const db = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: resolve(config.DATA_DIR) });
  try {
    const { entries, problems } = await verifyAudit(db.prisma);
    console.log(`${entries} audit entries checked`);
    for (const p of problems) console.log(`entry ${p.seq}: ${p.problem}`);
    if (!problems.length) {
      console.log("no problems: the chain is intact");
      return 0;
    }
    console.log(`${problems.length} problem${problems.length > 1 ? "s" : ""}: the audit log was altered`);
    return 1;
  } finally {
    await db.close();
  }
}
