// How a case's secrets are sealed (AES-256-GCM under the report keys, src/core/crypto/keyring.ts):
// the report, the link to its reporter and each thread message, each bound (additional data) to its
// case and place, so a sealed value moved to another row or column does not open.
import type { Keyring } from "../crypto/keyring.ts";
import type { CaseRecord } from "./store.ts";
import type { RecipientKind, ReportInput } from "./types.ts";

/**
 * What is sealed in report_case.content. `recipient` (the reporter's choice) is sealed too: beside
 * routed_to it would tell who was excluded from routing, that is who was named. Absent in cases
 * filed before it was sealed (then in report_case.recipient until `conduct keys rotate`).
 */
export type SealedReport = Pick<ReportInput, "what" | "when" | "where" | "involved" | "directorId"> & { recipient?: RecipientKind };

const aad = {
  content: (caseId: string) => `case:${caseId}:content`,
  reporter: (caseId: string) => `case:${caseId}:reporter`,
  message: (caseId: string, messageId: string) => `case:${caseId}:message:${messageId}`,
};

export function sealReport(keyring: Keyring, caseId: string, report: SealedReport): string {
  return keyring.seal(JSON.stringify(report), aad.content(caseId));
}

export function openReport(keyring: Keyring, row: Pick<CaseRecord, "id" | "content">): SealedReport | null {
  return row.content ? (JSON.parse(keyring.open(row.content, aad.content(row.id))) as SealedReport) : null;
}

export function sealReporter(keyring: Keyring, caseId: string, reporterId: string): string {
  return keyring.seal(reporterId, aad.reporter(caseId));
}

/** The reporter's person id: only to relay messages and check-ins, never into a view for handlers of an anonymous case. */
export function reporterIdOf(keyring: Keyring, row: Pick<CaseRecord, "id" | "reporterLink">): string | null {
  return row.reporterLink ? keyring.open(row.reporterLink, aad.reporter(row.id)) : null;
}

export function sealMessage(keyring: Keyring, caseId: string, messageId: string, text: string): string {
  return keyring.seal(text, aad.message(caseId, messageId));
}

export function openMessage(keyring: Keyring, caseId: string, messageId: string, body: string | null): string | null {
  return body === null ? null : keyring.open(body, aad.message(caseId, messageId));
}
