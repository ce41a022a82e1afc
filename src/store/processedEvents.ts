import type { PrismaClient } from "./db.ts";

/**
 * Claims a platform event for processing: true the first time a key is seen, false for every
 * later delivery of it (a retry, or the same post arriving as two event types). Safe across
 * replicas: the primary key decides, not process memory.
 */
export async function claimEvent(prisma: PrismaClient, key: string): Promise<boolean> {
  return claimEvents(prisma, [key]);
}

/**
 * Claims several keys of one delivery in one statement: true only when none was seen before.
 * Raw SQL on purpose: this runs for every event before anything else, and a single plain
 * INSERT costs a third of what the query-compiled `createMany` does.
 */
export async function claimEvents(prisma: PrismaClient, keys: readonly string[]): Promise<boolean> {
  const inserted = await prisma.$executeRaw`
    INSERT INTO "processed_event" ("key") SELECT unnest(${[...keys]}::text[]) ON CONFLICT DO NOTHING`;
  return inserted === keys.length;
}

/** Gives a claim back, so the next delivery is handled (the first attempt did not complete). */
export async function releaseEvent(prisma: PrismaClient, key: string): Promise<void> {
  await prisma.processedEvent.deleteMany({ where: { key } });
}
