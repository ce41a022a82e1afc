// Web console sign-in links and sessions. Only SHA-256 hashes of the tokens are stored, so a copy
// of the database signs nobody in.
import type { SignInStore, SignInTx } from "../core/signin/service.ts";
import { appendAudit } from "./audit.ts";
import type { SessionRecord } from "../core/signin/service.ts";
import type { PrismaClient } from "./generated/client.ts";
import type { Db, Tx } from "./tx.ts";

/** A console_session row, as the sign-in core's port knows it. */
export type SessionRow = SessionRecord;

export async function insertSignIn(db: Db, row: { tokenHash: string; personId: string; createdAt: Date; expiresAt: Date }): Promise<void> {
  await db.consoleSignIn.create({ data: row });
}

/** Marks the link used if it is unused and unexpired; the person it was for, or null (one statement: a link works once). */
export async function claimSignIn(db: Db, tokenHash: string, now: Date): Promise<string | null> {
  const claimed = await db.consoleSignIn.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (claimed.count !== 1) return null;
  return (await db.consoleSignIn.findUnique({ where: { tokenHash }, select: { personId: true } }))?.personId ?? null;
}

export const findSignIn = (db: Db, tokenHash: string) => db.consoleSignIn.findUnique({ where: { tokenHash } });

export async function insertSession(db: Db, row: Omit<SessionRow, "endedAt">): Promise<void> {
  await db.consoleSession.create({ data: row });
}

/** The live session (not ended, not idle past idleUntil, not past expiresAt), its idle time pushed to `idleUntil`. */
export async function touchSession(db: Db, tokenHash: string, now: Date, idleUntil: Date): Promise<SessionRow | null> {
  const touched = await db.consoleSession.updateMany({
    where: { tokenHash, endedAt: null, idleUntil: { gt: now }, expiresAt: { gt: now } },
    data: { idleUntil },
  });
  if (touched.count !== 1) return null;
  return db.consoleSession.findUnique({ where: { tokenHash } });
}

/** Ends a live session; the person whose it was, or null if there was none to end. */
export async function endSession(db: Db, tokenHash: string, now: Date): Promise<string | null> {
  const ended = await db.consoleSession.updateMany({ where: { tokenHash, endedAt: null }, data: { endedAt: now } });
  if (ended.count !== 1) return null;
  return (await db.consoleSession.findUnique({ where: { tokenHash }, select: { personId: true } }))?.personId ?? null;
}

/** Removes links and sessions that ended before `before` (they can sign nobody in any more). */
export async function pruneSignIns(db: Db, before: Date): Promise<number> {
  const links = await db.consoleSignIn.deleteMany({ where: { expiresAt: { lt: before } } });
  const sessions = await db.consoleSession.deleteMany({ where: { expiresAt: { lt: before } } });
  return links.count + sessions.count;
}

/** The sign-in port (core/signin/service.ts) over Prisma. */
export function createSignInStore(prisma: PrismaClient): SignInStore {
  const over = (tx: Tx): SignInTx => ({
    claimSignIn: (tokenHash, now) => claimSignIn(tx, tokenHash, now),
    findSignIn: (tokenHash) => findSignIn(tx, tokenHash),
    insertSession: (row) => insertSession(tx, row),
    endSession: (tokenHash, now) => endSession(tx, tokenHash, now),
    audit: async (event, context) => void (await appendAudit(tx, event, context)),
  });
  return {
    insertSignIn: (row) => insertSignIn(prisma, row),
    pruneSignIns: (before) => pruneSignIns(prisma, before),
    touchSession: (tokenHash, now, idleUntil) => touchSession(prisma, tokenHash, now, idleUntil),
    transaction: (work) => prisma.$transaction((tx) => work(over(tx))),
  };
}
