// `conduct keys rotate`: re-encrypts every sealed value (cases, and approval requests) under the
// current key, so previous keys can be retired, and seals what was stored in the clear before
// sealing existed. Safe to re-run; each case is rewritten in its own transaction.
import type { AuditKeys } from "../crypto/auditKeys.ts";
import type { Keyring } from "../crypto/keyring.ts";
import type { Clock } from "../clock.ts";
import { openMessage, openReport, reporterIdOf, sealMessage, sealReport, sealReporter, type SealedReport } from "./sealing.ts";
import { retag } from "./reporterTags.ts";
import type { CaseStore } from "./store.ts";

/** What re-sealing the approval requests did (src/store/approvals.ts: resealApprovals). */
export interface ApprovalRotation {
  approvalsChecked: number;
  approvalsRewritten: number;
}

export interface RotationSummary extends ApprovalRotation {
  keyId: string;
  casesChecked: number;
  casesRewritten: number;
  messagesRewritten: number;
}

/** `resealApprovals` re-seals the approval requests under the keyring's current key. */
export async function rotateKeys(
  store: CaseStore,
  resealApprovals: (keyring: Keyring) => Promise<ApprovalRotation>,
  keyring: Keyring,
  clock: Clock,
  auditKeys: AuditKeys = keyring,
): Promise<RotationSummary> {
  const summary: RotationSummary = { keyId: keyring.currentId, casesChecked: 0, casesRewritten: 0, messagesRewritten: 0, approvalsChecked: 0, approvalsRewritten: 0 };
  const stale = (sealed: string | null) => sealed !== null && keyring.keyIdOf(sealed) !== keyring.currentId;
  for await (const listed of store.cases.all()) {
    summary.casesChecked++;
    await store.transaction(async (tx) => {
      const row = (await tx.cases.find({ id: listed.id }))!;
      const messages = (await tx.cases.messagesOf(row.id)).filter((m) => stale(m.body));
      const reporterId = reporterIdOf(keyring, row);
      const tag = reporterId ? await retag(tx, keyring, reporterId, row.reporterTag) : null;
      const legacyRecipient = row.recipient !== null; // in the clear from before it was sealed: into content (or gone, if purged)
      if (!stale(row.content) && !stale(row.reporterLink) && tag === row.reporterTag && !messages.length && !legacyRecipient) return;
      const opened = openReport(keyring, row);
      const report = opened && legacyRecipient ? { ...opened, recipient: row.recipient as SealedReport["recipient"] } : opened;
      await tx.cases.update(row.id, {
        content: report ? sealReport(keyring, row.id, report) : null,
        ...(legacyRecipient ? { recipient: null } : {}),
        reporterLink: reporterId ? sealReporter(keyring, row.id, reporterId) : null,
        reporterTag: tag,
      });
      for (const m of messages) {
        await tx.cases.updateMessageBody(m.id, sealMessage(keyring, row.id, m.id, openMessage(keyring, row.id, m.id, m.body)!));
      }
      summary.casesRewritten++;
      summary.messagesRewritten += messages.length;
    });
  }
  Object.assign(summary, await resealApprovals(keyring));
  await store.transaction((tx) =>
    tx.audit.append({ actor: "system", action: "keys.rotated", subjectType: "keys", subjectId: keyring.currentId, details: { ...summary } }, { clock, auditKeys }),
  );
  return summary;
}
