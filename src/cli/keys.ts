import { existsSync } from "node:fs";
import { loadConfig } from "../config.ts";
import { systemClock } from "../core/clock.ts";
import { auditKeysFrom } from "../core/crypto/auditKeys.ts";
import { generateKey } from "../core/crypto/keyring.ts";
import { keyFilePath, loadKeyring, readKeyFile, writeKeyFile } from "../core/crypto/loadKeyring.ts";
import { openConfiguredDatabase, rotateAllKeys } from "../compose.ts";
import { UsageError } from "./usageError.ts";

export const usage = `usage: conduct keys new              print a fresh key for REPORTS_ENCRYPTION_KEY
       conduct keys rotate [--generate]  re-encrypt every report and approval request under the current key
  To rotate: set REPORTS_ENCRYPTION_KEY to the new key and REPORTS_ENCRYPTION_PREVIOUS_KEYS to the
  old one(s), run \`conduct keys rotate\`, then keep the old keys as previous keys for as long as
  receipts issued under them must stay verifiable. With the embedded key file in DATA_DIR (no
  REPORTS_ENCRYPTION_KEY), \`--generate\` adds a new current key to that file first.`;

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "new" && !rest.length) {
    console.log(generateKey());
    return 0;
  }
  const generate = rest.length === 1 && rest[0] === "--generate";
  if (sub !== "rotate" || (rest.length && !generate)) {
    throw new UsageError(sub ? `unknown: ${args.join(" ")}` : "say what to do: new or rotate");
  }
  const config = loadConfig();
  if (generate) {
    const file = keyFilePath(config.DATA_DIR);
    if (config.REPORTS_ENCRYPTION_KEY || config.DATABASE_URL || !existsSync(file)) {
      console.error("--generate works only with the embedded key file in DATA_DIR; otherwise set REPORTS_ENCRYPTION_KEY to a new key (conduct keys new) and the old one in REPORTS_ENCRYPTION_PREVIOUS_KEYS");
      return 2;
    }
    writeKeyFile(file, [generateKey(), ...readKeyFile(file)]);
  }
  const db = await openConfiguredDatabase(config);
  try {
    const keyring = loadKeyring(config, db.kind, { warn: (_obj, msg) => console.error(`warning: ${msg}`) });
    if (!keyring.available) {
      console.error("REPORTS_ENCRYPTION_KEY is not set: nothing to rotate to");
      return 1;
    }
    const summary = await rotateAllKeys(db.prisma, keyring, systemClock, auditKeysFrom(config.AUDIT_KEY, keyring));
    console.log(
      `key ${summary.keyId}: ${summary.casesChecked} cases checked, ${summary.casesRewritten} re-encrypted (${summary.messagesRewritten} messages)\n` +
        `approval requests: ${summary.approvalsChecked} checked, ${summary.approvalsRewritten} re-encrypted`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
