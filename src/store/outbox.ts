import { randomUUID } from "node:crypto";
import type { Clock } from "../core/clock.ts";
import type { OutboxMessage, PrismaClient } from "./generated/client.ts";
import type { Tx } from "./tx.ts";
import { RetryLater } from "../core/notifications/outbox.ts";

export type { OutboxMessage };

/**
 * The recipient_id of a notification whose recipient is sealed in its payload (a case's reporter):
 * the worker asks the cases core who it is for, at delivery.
 */
export { SEALED_RECIPIENT } from "../core/cases/store.ts";

/** A notification for one person. Payloads hold ids and kinds, never report content. */
export interface Notification {
  /** Set when the payload is sealed to this row (a reporter notice); otherwise a random id. */
  id?: string;
  /** A person id, or SEALED_RECIPIENT. */
  recipientId: string;
  kind: string;
  payload: Record<string, unknown>;
  /** A second enqueue with the same key does nothing (e.g. "case:C-1:assigned:dana"). */
  dedupeKey?: string;
  /** Not delivered before this time (default: at once). */
  notBefore?: Date;
}

/** Writes a notification in the caller's transaction, so it exists exactly when the change does. */
export async function enqueue(tx: Tx, notification: Notification, clock: Clock): Promise<void> {
  const data = {
    id: notification.id ?? randomUUID(),
    recipientId: notification.recipientId,
    kind: notification.kind,
    payload: notification.payload as object,
    nextAttemptAt: notification.notBefore ?? clock.now(),
    createdAt: clock.now(),
  };
  if (notification.dedupeKey) {
    await tx.outboxMessage.upsert({ where: { dedupeKey: notification.dedupeKey }, create: { ...data, dedupeKey: notification.dedupeKey }, update: {} });
  } else {
    await tx.outboxMessage.create({ data });
  }
}

// Defined in core (senders on every surface throw it); re-exported for the worker and the CLI.
export { RetryLater } from "../core/notifications/outbox.ts";

export type Send = (message: OutboxMessage) => Promise<void>;

export interface DeliveryOptions {
  clock: Clock;
  batchSize?: number;
  /** How long a claim lasts; a crashed worker's messages are retried after it. */
  leaseMs?: number;
  maxAttempts?: number;
  /** Told each attempt's outcome (metrics); "retried" = failed this time, pending again. */
  onOutcome?: (outcome: "sent" | "retried" | "failed") => void;
}

const BASE_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 15 * 60_000;

/** Exponential backoff with jitter, or the platform's Retry-After when it gave one. */
export function backoffMs(attempts: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const exp = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp * (0.8 + Math.random() * 0.4));
}

/**
 * Claims due messages (FOR UPDATE SKIP LOCKED, so replicas never take the same one) and sends
 * each. Returns how many were sent. At-least-once: a crash between sending and marking re-sends
 * after the lease, so senders should be idempotent where the platform allows.
 */
export async function deliverDue(prisma: PrismaClient, send: Send, options: DeliveryOptions): Promise<number> {
  const { clock, batchSize = 20, leaseMs = 60_000 } = options;
  const now = clock.now();
  const claimed = await prisma.$queryRawUnsafe<OutboxMessage[]>(
    // RETURNING comes back in no particular order: the outer SELECT sends them in the order written.
    `WITH claimed AS (
       UPDATE outbox_message SET locked_until = $1::timestamp, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM outbox_message
         WHERE status = 'pending' AND next_attempt_at <= $2::timestamp AND (locked_until IS NULL OR locked_until < $2::timestamp)
         ORDER BY next_attempt_at, created_at, seq LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING id, recipient_id, kind, payload, attempts, created_at, next_attempt_at, seq)
     SELECT id, recipient_id AS "recipientId", kind, payload, attempts, created_at AS "createdAt"
     FROM claimed ORDER BY next_attempt_at, created_at, seq`,
    new Date(now.getTime() + leaseMs),
    now,
    batchSize,
  );
  let sent = 0;
  for (const message of claimed) if (await deliverClaimed(prisma, message, send, options)) sent++;
  return sent;
}

/**
 * Sends one message this process holds the claim of (deliverDue's, or one written claimed by
 * claimAndEnqueue, claimedDelivery.ts) and marks it: sent, or pending again with backoff, or failed. True when sent.
 * A payload marked `forgetOnSent` (an answer, which echoes the question) is emptied once sent.
 */
export async function deliverClaimed(prisma: PrismaClient, message: OutboxMessage, send: Send, options: DeliveryOptions): Promise<boolean> {
  const { clock, maxAttempts = 50, onOutcome } = options;
  try {
    await send(message);
  } catch (error) {
    const retryAfter = error instanceof RetryLater ? error.afterMs : undefined;
    const gaveUp = message.attempts >= maxAttempts;
    await prisma.outboxMessage.update({
      where: { id: message.id },
      data: {
        status: gaveUp ? "failed" : "pending",
        lockedUntil: null,
        // Only the error's class and message: senders never put content in errors.
        lastError: `${(error as Error).name}: ${(error as Error).message}`.slice(0, 500),
        nextAttemptAt: new Date(clock.now().getTime() + backoffMs(message.attempts, retryAfter)),
      },
    });
    onOutcome?.(gaveUp ? "failed" : "retried");
    return false;
  }
  const forget = (message.payload as { forgetOnSent?: unknown } | null)?.forgetOnSent === true;
  // Raw SQL: every answer passes here, and Prisma's update (which also reads the row back) cost
  // 1.3 ms of CPU against 0.4–0.7 ms for this statement (bench/load.ts's CPU per event).
  await prisma.$executeRaw`
    UPDATE "outbox_message" SET "status" = 'sent', "sent_at" = ${clock.now()}::timestamp, "locked_until" = NULL, "last_error" = NULL,
      "payload" = CASE WHEN ${forget} THEN '{}'::jsonb ELSE "payload" END
    WHERE "id" = ${message.id}`;
  onOutcome?.("sent");
  return true;
}

/** Messages the outbox gave up on, oldest first. */
export function listFailed(prisma: PrismaClient, take = 200): Promise<OutboxMessage[]> {
  return prisma.outboxMessage.findMany({ where: { status: "failed" }, orderBy: [{ createdAt: "asc" }, { seq: "asc" }], take });
}

/** Puts failed messages (one by id, or all) back in the queue, due now with a fresh count of attempts; returns how many. */
export async function retryFailed(prisma: PrismaClient, which: { id: string } | "all", clock: Clock): Promise<number> {
  const { count } = await prisma.outboxMessage.updateMany({
    where: { status: "failed", ...(which === "all" ? {} : { id: which.id }) },
    data: { status: "pending", attempts: 0, nextAttemptAt: clock.now(), lockedUntil: null },
  });
  return count;
}

/** One notification by id (a reporter opening a private update); null if there is none (pruned, or never was). */
export function findOutboxMessage(prisma: PrismaClient, id: string): Promise<OutboxMessage | null> {
  return prisma.outboxMessage.findUnique({ where: { id } });
}
