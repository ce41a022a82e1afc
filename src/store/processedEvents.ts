import { createHash } from "node:crypto";
import { batched, perClient } from "./batch.ts";
import type { PrismaClient } from "./db.ts";
import type { ProcessedEvents } from "../core/processedEvents.ts";
import type { Tx } from "./tx.ts";

/**
 * Keys are stored hashed: a raw key names a DM channel, a conversation or a view, and its
 * processed_at is the instant a reporter wrote, so raw keys would link a person to a case event.
 * The composition root sets a keyed hash (`storeEventKeysAs`); unset (tests of the store alone),
 * SHA-256.
 */
const hashers = new WeakMap<PrismaClient, (key: string) => string>();

/** How this client's event keys are stored (once, at startup): a keyed hash such as an HMAC. */
export function storeEventKeysAs(prisma: PrismaClient, hash: (key: string) => string): void {
  hashers.set(prisma, hash);
}

/** The key as stored for this client (tests look claims up with it). */
export const storedEventKey = (prisma: PrismaClient, key: string) => (hashers.get(prisma) ?? sha256)(key);
const sha256 = (key: string) => createHash("sha256").update(key).digest("hex");

/**
 * Claims a platform event for processing: true the first time a key is seen, false for every
 * later delivery of it (a retry, or the same post arriving as two event types). Safe across
 * replicas: the primary key decides, not process memory.
 */
export async function claimEvent(prisma: PrismaClient, key: string): Promise<boolean> {
  return claimEvents(prisma, [key]);
}

/** Claims several keys of one delivery at once: true only when none of them was seen before. */
export function claimEvents(prisma: PrismaClient, keys: readonly string[]): Promise<boolean> {
  return claimWriter(prisma)(keys.map((key) => storedEventKey(prisma, key)));
}

/**
 * Every event is claimed before anything else happens, so claims are group-committed: one plain
 * INSERT (raw SQL: a third of the cost of the query-compiled `createMany`) for all deliveries
 * waiting, and within it a key repeated by two deliveries goes to the first only.
 */
const claimWriter = perClient((prisma: PrismaClient) =>
  batched(async (deliveries: Array<readonly string[]>) => {
    const keys = [...new Set(deliveries.flat())];
    const inserted = new Set(
      (await prisma.$queryRaw<Array<{ key: string }>>`
        INSERT INTO "processed_event" ("key") SELECT unnest(${keys}::text[]) ON CONFLICT DO NOTHING RETURNING "key"`).map((row) => row.key),
    );
    return deliveries.map((delivery) => {
      const won = delivery.every((key) => inserted.has(key));
      for (const key of delivery) inserted.delete(key); // a later delivery with the same key loses
      return won;
    });
  }),
);

/**
 * Claims a key inside the caller's transaction: true the first time. The claim exists exactly when
 * the transaction's work does; a concurrent claim of the same key (another replica) waits for this
 * transaction to end and then loses, so the work happens once even when it runs twice at once.
 */
export async function claimEventIn(tx: Tx, prisma: PrismaClient, key: string): Promise<boolean> {
  const rows = await tx.$queryRaw<Array<{ key: string }>>`
    INSERT INTO "processed_event" ("key") VALUES (${storedEventKey(prisma, key)}) ON CONFLICT DO NOTHING RETURNING "key"`;
  return rows.length === 1;
}

/** Gives a claim back, so the next delivery is handled (the first attempt did not complete). */
export async function releaseEvent(prisma: PrismaClient, key: string): Promise<void> {
  await prisma.processedEvent.deleteMany({ where: { key: storedEventKey(prisma, key) } });
}

/** The ProcessedEvents port over this client (the surfaces' de-duplication). */
export function processedEvents(prisma: PrismaClient): ProcessedEvents {
  return { claim: (keys) => claimEvents(prisma, keys), release: (key) => releaseEvent(prisma, key) };
}
