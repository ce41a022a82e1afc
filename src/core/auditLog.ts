// The port to the hash-chained audit log every core writes to (src/store/audit.ts implements it).
import type { Clock } from "./clock.ts";
import type { AuditKeys } from "./crypto/auditKeys.ts";

/** One step for the hash-chained audit log (no content). */
export interface AuditEvent {
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, unknown>;
}

/** An entry as read back. */
export interface AuditRecord {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details: unknown;
}

/** Who appends: the time, and the audit keys that seal each entry. */
export interface AuditContext {
  clock: Clock;
  auditKeys: AuditKeys;
}

export interface AuditLog {
  append(event: AuditEvent, context: AuditContext): Promise<void>;
  /** One subject's entries, oldest first. */
  trail(subjectType: string, subjectId: string): Promise<AuditRecord[]>;
}
