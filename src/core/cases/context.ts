import type { Clock } from "../clock.ts";
import type { Keyring } from "../crypto/keyring.ts";
import { createDirectoryQueries } from "../directory/queries.ts";
import type { DirectoryQueries } from "../directory/types.ts";
import { createDirectoryRepository } from "../../store/directoryRepo.ts";
import type { PrismaClient } from "../../store/generated/client.ts";
import type { CaseRow, ReportCase } from "../../store/cases.ts";
import type { Tx } from "../../store/tx.ts";
import { DEFAULT_CATEGORIES, type Category, type CategoryTable } from "./categories.ts";
import type { ReportInput } from "./types.ts";

/** Structured logs: ids, numbers and counts only, never report content or reporter identity. */
export interface CaseLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface CaseServiceDeps {
  prisma: PrismaClient;
  /** People, over the root client: used outside transactions. */
  directory: DirectoryQueries;
  /**
   * The directory over a transaction's client, for job handlers (they run inside runDueJobs'
   * transaction, where PGlite's one connection cannot serve the root client). Default: the
   * directory's Prisma repository over that transaction.
   */
  directoryIn?: (tx: Tx) => DirectoryQueries;
  clock: Clock;
  keyring: Keyring;
  logger: CaseLogger;
  /** Closed cases lose their content after this many days (RETENTION_DAYS). */
  retentionDays: number;
  categories?: CategoryTable;
  /** A handler notice undelivered this long is passed on (UNDELIVERED_REROUTE_HOURS). */
  rerouteAfterMs?: number;
}

export type CaseContext = Required<CaseServiceDeps>;

export function withDefaults(deps: CaseServiceDeps): CaseContext {
  return {
    ...deps,
    directoryIn: deps.directoryIn ?? ((tx) => createDirectoryQueries(createDirectoryRepository(tx))),
    categories: deps.categories ?? DEFAULT_CATEGORIES,
    rerouteAfterMs: deps.rerouteAfterMs ?? 4 * 3_600_000,
  };
}

export const SUBJECT = "case";

/** What handlers of an anonymous case see instead of the reporter; also the reporter's audit actor. */
export const pseudonymOf = (number: string) => `Reporter of ${number}`;

/** What is sealed in report_case.content. */
export type SealedReport = Pick<ReportInput, "what" | "when" | "where" | "involved" | "directorId">;

const aad = {
  content: (caseId: string) => `case:${caseId}:content`,
  reporter: (caseId: string) => `case:${caseId}:reporter`,
  message: (caseId: string, messageId: string) => `case:${caseId}:message:${messageId}`,
};

export function sealReport(keyring: Keyring, caseId: string, report: SealedReport): string {
  return keyring.seal(JSON.stringify(report), aad.content(caseId));
}

export function openReport(keyring: Keyring, row: Pick<ReportCase, "id" | "content">): SealedReport | null {
  return row.content ? (JSON.parse(keyring.open(row.content, aad.content(row.id))) as SealedReport) : null;
}

export function sealReporter(keyring: Keyring, caseId: string, reporterId: string): string {
  return keyring.seal(reporterId, aad.reporter(caseId));
}

/** The reporter's person id: only to relay messages and check-ins, never into a view for handlers of an anonymous case. */
export function reporterIdOf(keyring: Keyring, row: Pick<ReportCase, "id" | "reporterLink">): string | null {
  return row.reporterLink ? keyring.open(row.reporterLink, aad.reporter(row.id)) : null;
}

export const REPORTER_TAG = "reporter";

export function reporterTag(keyring: Keyring, reporterId: string): string {
  return keyring.mac(REPORTER_TAG, reporterId);
}

export function sealMessage(keyring: Keyring, caseId: string, messageId: string, text: string): string {
  return keyring.seal(text, aad.message(caseId, messageId));
}

export function openMessage(keyring: Keyring, caseId: string, messageId: string, body: string | null): string | null {
  return body === null ? null : keyring.open(body, aad.message(caseId, messageId));
}

/** Everyone who may never be assigned, notified or given access: the reporter and the people involved. */
export function excludedFrom(keyring: Keyring, row: CaseRow | ReportCase): Set<string> {
  const excluded = new Set(openReport(keyring, row)?.involved ?? []);
  const reporter = reporterIdOf(keyring, row);
  if (reporter) excluded.add(reporter);
  return excluded;
}

export function categoryLabel(ctx: CaseContext, category: string): string {
  return ctx.categories[category as Category]?.label ?? category;
}
