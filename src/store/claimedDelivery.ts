import { randomUUID } from "node:crypto";
import type { Clock } from "../core/clock.ts";
import type { PrismaClient } from "./db.ts";
import type { OutboxMessage } from "./outbox.ts";
import { storedEventKey } from "./processedEvents.ts";

/**
 * Claims a delivery's keys and writes its reply into the outbox, claimed by this process for its
 * first attempt (locked for `leaseMs`), in one statement: the reply exists exactly when the claim
 * does, so a process that dies after it loses nothing (another replica's worker sends the reply
 * after the lease) and a retry of the delivery, on any replica, finds the claim and writes nothing.
 * A concurrent claim of a key waits for this statement, then loses. Null when any key was claimed
 * before (as claimEvents: the keys this delivery did win stay claimed).
 */
export async function claimAndEnqueue(
  prisma: PrismaClient,
  keys: readonly string[],
  reply: { recipientId: string; kind: string; payload: Record<string, unknown> },
  options: { clock: Clock; leaseMs: number },
): Promise<OutboxMessage | null> {
  const stored = keys.map((key) => storedEventKey(prisma, key));
  const now = options.clock.now();
  const rows = await prisma.$queryRaw<OutboxMessage[]>`
    WITH won AS (INSERT INTO "processed_event" ("key") SELECT unnest(${stored}::text[]) ON CONFLICT DO NOTHING RETURNING "key")
    INSERT INTO "outbox_message" ("id", "recipient_id", "kind", "payload", "attempts", "locked_until", "next_attempt_at", "created_at")
    SELECT ${randomUUID()}, ${reply.recipientId}, ${reply.kind}, ${JSON.stringify(reply.payload)}::jsonb, 1, ${new Date(now.getTime() + options.leaseMs)}::timestamp, ${now}::timestamp, ${now}::timestamp
    WHERE (SELECT count(*) FROM won) = ${stored.length}
    RETURNING "id", "recipient_id" AS "recipientId", "kind", "payload", "attempts", "created_at" AS "createdAt"`;
  return rows[0] ?? null;
}
