import { createHash } from "node:crypto";
import type { Clock } from "../core/clock.ts";
import type { AuditEntry, Prisma } from "./generated/client.ts";
import type { Db, Tx } from "./tx.ts";

export type { AuditEntry };

export interface AuditEvent {
  actor: string; // person id, pseudonym, or "system"
  action: string; // e.g. "case.viewed", "approval.decided"
  subjectType: string; // "case" | "approval"
  subjectId: string;
  /** Ids, states and outcomes only: never report content. */
  details?: Record<string, unknown>;
}

const GENESIS = "0".repeat(64);
// Serialises appends so every entry links to the one before it.
const AUDIT_LOCK = 72_707_370;

/**
 * The chain's last link as this transaction left it. Once a transaction holds the lock nobody else
 * can append, so its later entries need neither the lock nor the read again (two round trips each).
 */
const headInTransaction = new WeakMap<Tx, { seq: number; hash: string }>();

/** Appends an entry to the hash chain in the caller's transaction. */
export async function appendAudit(tx: Tx, event: AuditEvent, clock: Clock): Promise<AuditEntry> {
  // A root client is not a transaction: its lock ends with the statement, so nothing is remembered.
  const inTransaction = !("$transaction" in tx);
  let head = inTransaction ? headInTransaction.get(tx) : undefined;
  if (!head) {
    await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock($1)", AUDIT_LOCK);
    const last = await tx.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
    head = { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS };
  }
  const entry = {
    seq: head.seq + 1,
    at: clock.now(),
    actor: event.actor,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    details: (event.details ?? {}) as Prisma.InputJsonObject,
    prevHash: head.hash,
  };
  const created = await tx.auditEntry.create({ data: { ...entry, hash: hashOf(entry) } });
  if (inTransaction) headInTransaction.set(tx, { seq: created.seq, hash: created.hash });
  return created;
}

export interface AuditProblem {
  seq: number;
  problem: "edited" | "missing before" | "broken link";
}

/** Recomputes the chain; any edited, deleted or reordered entry shows up as a problem. */
export async function verifyAudit(db: Db): Promise<{ entries: number; problems: AuditProblem[] }> {
  const entries = await db.auditEntry.findMany({ orderBy: { seq: "asc" } });
  const problems: AuditProblem[] = [];
  let prevHash = GENESIS;
  let expectedSeq = 1;
  for (const e of entries) {
    if (e.seq !== expectedSeq) problems.push({ seq: e.seq, problem: "missing before" });
    if (e.prevHash !== prevHash) problems.push({ seq: e.seq, problem: "broken link" });
    if (hashOf(e) !== e.hash) problems.push({ seq: e.seq, problem: "edited" });
    prevHash = e.hash;
    expectedSeq = e.seq + 1;
  }
  return { entries: entries.length, problems };
}

/** The history of one subject, oldest first. */
export function auditTrail(db: Db, subjectType: string, subjectId: string): Promise<AuditEntry[]> {
  return db.auditEntry.findMany({ where: { subjectType, subjectId }, orderBy: { seq: "asc" } });
}

function hashOf(e: Omit<AuditEntry, "hash" | "details"> & { details: unknown }): string {
  const canonical = JSON.stringify([e.seq, e.at.toISOString(), e.actor, e.action, e.subjectType, e.subjectId, sortKeys(e.details), e.prevHash]);
  return createHash("sha256").update(canonical).digest("hex");
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}
