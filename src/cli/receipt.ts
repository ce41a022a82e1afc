import { loadConfig } from "../config.ts";
import { RECEIPT_INVALID, RECEIPT_VALID } from "../core/cases/receiptCheck.ts";
import { systemClock } from "../core/clock.ts";
import { auditKeysFrom } from "../core/crypto/auditKeys.ts";
import { loadKeyring } from "../core/crypto/loadKeyring.ts";
import { composeCases, composeDirectory, openConfiguredDatabase } from "../compose.ts";
import { UsageError } from "./usageError.ts";

export const usage = `usage: conduct receipt verify <case number> <proof-of-filing code>
  Says whether the code is the receipt the bot issued for that case (exit 0), or not (exit 1).
  It shows nothing of the case. Example: conduct receipt verify C-2026-0001 1a2b3c4d:0123…`;

/** `conduct receipt verify CASE CODE`: the same check as App Home and the Teams dialog, for an operator or auditor. */
export async function run(args: string[]): Promise<number> {
  const [sub, caseNumber, code, ...rest] = args;
  if (sub !== "verify" || !caseNumber || !code || rest.length) {
    throw new UsageError(sub === "verify" ? "give the case number and the proof-of-filing code" : args.length ? `unknown: ${args.join(" ")}` : "say what to do: verify");
  }
  const config = loadConfig();
  const db = await openConfiguredDatabase(config);
  try {
    const logger = { info: () => {}, warn: (_obj: unknown, msg: string) => console.error(`warning: ${msg}`), error: (_obj: unknown, msg: string) => console.error(`error: ${msg}`) };
    const keyring = loadKeyring(config, db.kind, logger);
    if (!keyring.available) {
      console.error("REPORTS_ENCRYPTION_KEY is not set: receipts cannot be checked");
      return 1;
    }
    const directory = composeDirectory(db.prisma);
    const { service: cases } = composeCases(db.prisma, { directory, clock: systemClock, keyring, auditKeys: auditKeysFrom(config.AUDIT_KEY, keyring), logger, retentionDays: config.RETENTION_DAYS });
    const result = await cases.checkReceipt(null, caseNumber, code, "console");
    if (!result.ok) {
      console.error(result.message);
      return 1;
    }
    (result.valid ? console.log : console.error)(result.valid ? RECEIPT_VALID : RECEIPT_INVALID);
    return result.valid ? 0 : 1;
  } finally {
    await db.close();
  }
}
