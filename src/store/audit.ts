import { createHash } from "node:crypto";
import { AUDIT_PURPOSE, type AuditKeys } from "../core/crypto/auditKeys.ts";
import type { AuditEntry, Prisma, PrismaClient } from "./generated/client.ts";
import type { AuditContext, AuditEvent } from "../core/auditLog.ts";
import type { Db, Tx } from "./tx.ts";

export type { AuditEntry };

/** Who appends (a CaseContext is one): the time, and the audit keys that seal each entry. Without a key entries are only hash-chained. */
export type { AuditContext, AuditEvent } from "../core/auditLog.ts";

const GENESIS = "0".repeat(64);
// Serialises appends so every entry links to the one before it.
const AUDIT_LOCK = 72_707_370;

/**
 * The chain's last link as this transaction left it. Once a transaction holds the lock nobody else
 * can append, so its later entries need neither the lock nor the read again (two round trips each).
 */
const headInTransaction = new WeakMap<Tx, { seq: number; hash: string }>();

/**
 * Appends an entry to the chain in the caller's transaction: `hash` covers the entry and the hash
 * before it, `mac` is an HMAC of `hash` under the audit key. The hash alone anyone can recompute
 * (so a DBA could delete or edit entries and re-chain the rest); the MAC only the key's holder.
 */
export async function appendAudit(tx: Tx, event: AuditEvent, { clock, auditKeys }: AuditContext): Promise<AuditEntry> {
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
  const hash = hashOf(entry);
  const mac = auditKeys.available ? auditKeys.mac(AUDIT_PURPOSE, hash) : null;
  const created = await tx.auditEntry.create({ data: { ...entry, hash, mac } });
  if (inTransaction) headInTransaction.set(tx, { seq: created.seq, hash: created.hash });
  return created;
}

export interface AuditProblem {
  seq: number;
  problem:
    | "edited" // its content does not match its hash
    | "missing before" // sequence numbers skip
    | "broken link" // it does not point at the entry before it
    | "MAC does not match" // rewritten (or re-chained) without the key
    | "unknown key" // sealed under a key that is not configured
    | "not keyed" // this entry and every later one carry no MAC: nothing vouches for them
    | "truncated" // the kept head is gone
    | "not the kept head"; // an entry with the kept head's number but another MAC
}

/** The newest entry's number and MAC: kept outside the database, it reveals a truncated log. */
export interface AuditHead {
  seq: number;
  mac: string;
}

export const formatHead = (head: AuditHead) => `${head.seq}:${head.mac}`;

export function parseHead(text: string): AuditHead | undefined {
  const match = /^(\d{1,15}):([0-9a-f]{8}:[0-9a-f]{64})$/.exec(text.trim());
  return match ? { seq: Number(match[1]), mac: match[2]! } : undefined;
}

/** The newest entry, as `conduct audit head` prints it; null if the log is empty, mac null if it is not keyed. */
export async function auditHead(db: Db): Promise<{ seq: number; mac: string | null } | null> {
  return db.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, mac: true } });
}

export interface AuditVerification {
  entries: number;
  problems: AuditProblem[];
  /** False when no audit key is configured: MACs were not checked, so re-chaining would go unseen. */
  macsChecked: boolean;
}

/**
 * Recomputes the chain and checks every MAC: an edited, deleted, reordered or re-chained entry
 * shows up as a problem, and with the head kept earlier (`kept`) so does a truncated log. Entries
 * from before keying (MAC null) are vouched for by the first keyed entry after them, through the
 * hash chain; a run of unkeyed entries at the end is a problem.
 */
export async function verifyAudit(db: Db, keys: AuditKeys, kept?: AuditHead): Promise<AuditVerification> {
  const entries = await db.auditEntry.findMany({ orderBy: { seq: "asc" } });
  const problems: AuditProblem[] = [];
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let unkeyedFrom: number | undefined;
  for (const e of entries) {
    if (e.seq !== expectedSeq) problems.push({ seq: e.seq, problem: "missing before" });
    if (e.prevHash !== prevHash) problems.push({ seq: e.seq, problem: "broken link" });
    if (hashOf(e) !== e.hash) problems.push({ seq: e.seq, problem: "edited" });
    if (e.mac === null) unkeyedFrom ??= e.seq;
    else {
      unkeyedFrom = undefined;
      if (keys.available && !keys.ids.includes(e.mac.split(":")[0]!)) problems.push({ seq: e.seq, problem: "unknown key" });
      else if (keys.available && !keys.verifyMac(AUDIT_PURPOSE, e.hash, e.mac)) problems.push({ seq: e.seq, problem: "MAC does not match" });
    }
    prevHash = e.hash;
    expectedSeq = e.seq + 1;
  }
  if (unkeyedFrom !== undefined) problems.push({ seq: unkeyedFrom, problem: "not keyed" });
  if (kept) {
    const entry = entries.find((e) => e.seq === kept.seq);
    if (!entry) problems.push({ seq: kept.seq, problem: "truncated" });
    else if (entry.mac !== kept.mac) problems.push({ seq: kept.seq, problem: "not the kept head" });
  }
  return { entries: entries.length, problems, macsChecked: keys.available };
}

/**
 * A log written before entries were keyed (or while no key was configured) is sealed as it stands
 * by one keyed entry, "audit.keyed", which vouches for everything before it through the hash chain.
 * Returns how many unkeyed entries it sealed (0: nothing to do). Run at start.
 */
export async function sealUnkeyedAudit(prisma: PrismaClient, ctx: AuditContext): Promise<number> {
  if (!ctx.auditKeys.available) return 0;
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock($1)", AUDIT_LOCK);
    const lastKeyed = await tx.auditEntry.findFirst({ where: { mac: { not: null } }, orderBy: { seq: "desc" }, select: { seq: true } });
    const unkeyed = await tx.auditEntry.count({ where: { seq: { gt: lastKeyed?.seq ?? 0 } } });
    if (unkeyed) await appendAudit(tx, { actor: "system", action: "audit.keyed", subjectType: "audit", subjectId: "chain", details: { unkeyed } }, ctx);
    return unkeyed;
  });
}

/** The history of one subject, oldest first. */
export function auditTrail(db: Db, subjectType: string, subjectId: string): Promise<AuditEntry[]> {
  return db.auditEntry.findMany({ where: { subjectType, subjectId }, orderBy: { seq: "asc" } });
}

/** SHA-256 of the entry's content and the hash before it (public: anyone can recompute it). */
export function hashOf(e: Omit<AuditEntry, "hash" | "details" | "mac"> & { details: unknown }): string {
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
