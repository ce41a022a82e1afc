import type { Clock } from "../core/clock.ts";
import type { PrismaClient } from "./db.ts";
import { enqueueClaimed, type Notification, type OutboxMessage } from "./outbox.ts";
import { storedEventKey } from "./processedEvents.ts";

class AlreadyClaimed extends Error {}

/**
 * Claims a delivery's keys and writes its reply into the outbox, claimed by this process, in one
 * transaction: the reply exists exactly when the claim does, so a process that dies after the commit
 * loses nothing (another replica's worker sends the reply after the lease) and a retry of the
 * delivery, on any replica, finds the claim and does nothing. `reply` runs only once the keys are
 * won. Null when any key was claimed before.
 */
export async function claimAndEnqueue(
  prisma: PrismaClient,
  keys: readonly string[],
  reply: () => Omit<Notification, "dedupeKey" | "notBefore">,
  options: { clock: Clock; leaseMs: number },
): Promise<OutboxMessage | null> {
  const stored = keys.map((key) => storedEventKey(prisma, key));
  try {
    return await prisma.$transaction(async (tx) => {
      // A concurrent claim of a key (the other replica) waits for this transaction, then loses.
      const won = await tx.$queryRaw<Array<{ key: string }>>`
        INSERT INTO "processed_event" ("key") SELECT unnest(${stored}::text[]) ON CONFLICT DO NOTHING RETURNING "key"`;
      if (won.length !== stored.length) throw new AlreadyClaimed(); // rolls back a partial claim
      return enqueueClaimed(tx, reply(), options.clock, options.leaseMs);
    });
  } catch (error) {
    if (error instanceof AlreadyClaimed) return null;
    throw error;
  }
}
