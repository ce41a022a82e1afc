import type { Clock } from "../clock.ts";
import type { AuditKeys } from "../crypto/auditKeys.ts";
import type { Keyring } from "../crypto/keyring.ts";
import { createRateLimits, DEFAULT_RATE_LIMITS, type RateLimits } from "../limits/rateLimit.ts";
import type { DirectoryQueries } from "../directory/types.ts";
import { DEFAULT_CATEGORIES, type Category, type CategoryTable } from "./categories.ts";
import type { CaseRecord, CaseStore } from "./store.ts";
import type { RecipientKind, ReportInput } from "./types.ts";

/** Structured logs: ids, numbers and counts only, never report content or reporter identity. */
export interface CaseLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface CaseServiceDeps {
  /** Cases, audit, outbox, jobs (src/store/caseStore.ts; in memory for tests). Inside a transaction, its `directory`. */
  store: CaseStore;
  /** People, outside transactions. */
  directory: DirectoryQueries;
  clock: Clock;
  keyring: Keyring;
  /** Seal the audit entries (AUDIT_KEY); default: the report keys. See core/crypto/auditKeys.ts. */
  auditKeys?: AuditKeys;
  logger: CaseLogger;
  /** Closed cases lose their content after this many days (RETENTION_DAYS). */
  retentionDays: number;
  categories?: CategoryTable;
  /** How fast one person may file (REPORTS_PER_DAY); default DEFAULT_RATE_LIMITS. */
  limits?: RateLimits;
  /** A handler notice undelivered this long is passed on (UNDELIVERED_REROUTE_HOURS). */
  rerouteAfterMs?: number;
}

export type CaseContext = Required<CaseServiceDeps>;

export function withDefaults(deps: CaseServiceDeps): CaseContext {
  return {
    ...deps,
    categories: deps.categories ?? DEFAULT_CATEGORIES,
    auditKeys: deps.auditKeys ?? deps.keyring,
    limits: deps.limits ?? createRateLimits(DEFAULT_RATE_LIMITS, deps.clock),
    rerouteAfterMs: deps.rerouteAfterMs ?? 4 * 3_600_000,
  };
}

export const SUBJECT = "case";

/** What handlers of an anonymous case see instead of the reporter; also the reporter's audit actor. */
export const pseudonymOf = (number: string) => `Reporter of ${number}`;

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

export function categoryLabel(ctx: CaseContext, category: string): string {
  return ctx.categories[category as Category]?.label ?? category;
}
