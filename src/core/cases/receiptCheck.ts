// Anyone holding a receipt can check it: `conduct receipt verify`, App Home (Slack), a Teams dialog.
import { timingSafeEqual } from "node:crypto";
import type { CaseContext } from "./context.ts";
import { openReport } from "./sealing.ts";
import { digestMatches } from "./receipt.ts";
import type { ReportInput, ReportMode } from "./types.ts";

/** What a receipt check needs of the store: the case by number, and a place to audit the check. */
export interface ReceiptCheckStore {
  findCase(number: string): Promise<{ id: string; number: string; filedAt: Date; receiptDigest: string; content: string | null; category: string; mode: string } | null>;
  audit(entry: { subjectId: string; valid: boolean; via: string }): Promise<void>;
}

export type ReceiptCheckResult = { ok: true; valid: boolean } | { ok: false; message: string };

export const RECEIPT_VALID = "Valid: this receipt is the one the bot issued for that case when it was filed.";
export const RECEIPT_INVALID = "Not valid: this case number and proof-of-filing code do not belong together. Check both for typing mistakes (the code looks like 1a2b3c4d:0123…).";
export const TOO_MANY_CHECKS = "You have checked a lot of receipts in a short time. Please wait a minute, then try again.";

const CASE_NUMBER = /^C-\d{4}-\d{1,8}$/;
const CODE = /^[0-9a-f]{8}:[0-9a-f]{64}$/;
/** Recomputed when the case number is unknown, so both wrong answers do the same work. */
const DECOY: ReportInput = { what: "", when: null, where: null, involved: [], category: "other", recipient: "ethics_officer", directorId: null, mode: "confidential" };

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Valid only if the code is the one recorded for the case AND, while the report is still held,
 * the server's MAC over the decrypted report (digestMatches) agrees. Answers only valid/invalid:
 * a wrong case number and a wrong code look alike (and do comparable work), and nothing of the
 * case is shown. `who` is the rate-limit key (a person id; null: the operator's console). The
 * audit entry says only that a check was made, how it came out and through which surface.
 */
export async function checkReceipt(ctx: CaseContext, store: ReceiptCheckStore, who: string | null, caseNumber: string, code: string, via: string): Promise<ReceiptCheckResult> {
  if (who !== null && !ctx.limits.checking.take(who)) return { ok: false, message: TOO_MANY_CHECKS };
  const number = caseNumber.trim().toUpperCase();
  const given = code.trim().toLowerCase();
  const row = CASE_NUMBER.test(number) ? await store.findCase(number) : null;
  let valid = false;
  if (row && ctx.keyring.available) {
    const report = openReport(ctx.keyring, row);
    const input: ReportInput | null = report && {
      what: report.what,
      when: report.when,
      where: report.where,
      involved: report.involved,
      category: row.category as ReportInput["category"],
      recipient: report.recipient ?? "ethics_officer",
      directorId: report.directorId,
      mode: row.mode as ReportMode,
    };
    const recorded = sameText(row.receiptDigest, given);
    // After the retention purge only the recorded code remains to compare with.
    const recomputed = input ? CODE.test(given) && digestMatches(ctx.keyring, row.number, row.filedAt, input, given) : true;
    valid = recorded && recomputed;
  } else if (ctx.keyring.available) {
    digestMatches(ctx.keyring, number, new Date(0), DECOY, CODE.test(given) ? given : `${ctx.keyring.currentId}:${"0".repeat(64)}`);
  }
  await store.audit({ subjectId: row?.id ?? "unknown", valid, via });
  return { ok: true, valid };
}
