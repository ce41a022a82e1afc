import type { Keyring } from "../crypto/keyring.ts";
import type { ReportInput } from "./types.ts";

const PURPOSE = "receipt";

/**
 * What the proof-of-filing digest covers: the case number, the filing time and every field the
 * reporter submitted (normalised as intake validated them). HMAC-SHA256 under a server key, so only
 * the server can issue or check one, and the reporter can later prove what they filed.
 */
function canonical(caseNumber: string, filedAt: Date, input: ReportInput): string {
  return JSON.stringify([
    "conduct-receipt-v1",
    caseNumber,
    filedAt.toISOString(),
    input.what,
    input.when,
    input.where,
    [...input.involved].sort(),
    input.category,
    input.recipient,
    input.directorId,
    input.mode,
  ]);
}

/** "<key id>:<hex>": the key id lets a receipt be checked after the keys rotate (keep old keys as previous keys). */
export function receiptDigest(keyring: Keyring, caseNumber: string, filedAt: Date, input: ReportInput): string {
  return keyring.mac(PURPOSE, canonical(caseNumber, filedAt, input));
}

export function digestMatches(keyring: Keyring, caseNumber: string, filedAt: Date, input: ReportInput, digest: string): boolean {
  return keyring.verifyMac(PURPOSE, canonical(caseNumber, filedAt, input), digest);
}
