// What every case use case is given (CaseServiceDeps, with defaults filled in: CaseContext), and the
// small shared facts about a case: its audit subject, its reporter's pseudonym, a category's label.
import type { Clock } from "../clock.ts";
import type { AuditKeys } from "../crypto/auditKeys.ts";
import type { Keyring } from "../crypto/keyring.ts";
import { createRateLimits, DEFAULT_RATE_LIMITS, type RateLimits } from "../limits/rateLimit.ts";
import type { DirectoryQueries } from "../directory/types.ts";
import { DEFAULT_CATEGORIES, type Category, type CategoryTable } from "./categories.ts";
import type { CaseStore } from "./store.ts";

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
  /** How long each anonymous reporter notice waits before delivery (ANONYMOUS_NOTICE_DELAY_MINUTES: random); default none. */
  anonymousNoticeDelayMs?: () => number;
}

export type CaseContext = Required<CaseServiceDeps>;

export function withDefaults(deps: CaseServiceDeps): CaseContext {
  return {
    ...deps,
    categories: deps.categories ?? DEFAULT_CATEGORIES,
    auditKeys: deps.auditKeys ?? deps.keyring,
    limits: deps.limits ?? createRateLimits(DEFAULT_RATE_LIMITS, deps.clock),
    rerouteAfterMs: deps.rerouteAfterMs ?? 4 * 3_600_000,
    anonymousNoticeDelayMs: deps.anonymousNoticeDelayMs ?? (() => 0),
  };
}

export const SUBJECT = "case";

/** What handlers of an anonymous case see instead of the reporter; also the reporter's audit actor. */
export const pseudonymOf = (number: string) => `Reporter of ${number}`;

export function categoryLabel(ctx: CaseContext, category: string): string {
  return ctx.categories[category as Category]?.label ?? category;
}
