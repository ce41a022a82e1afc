import type { PrismaClient } from "./db.ts";

/**
 * Claims a platform event for processing: true the first time a key is seen, false for every
 * later delivery of it (a retry, or the same post arriving as two event types). Safe across
 * replicas: the primary key decides, not process memory.
 */
export async function claimEvent(prisma: PrismaClient, key: string): Promise<boolean> {
  const { count } = await prisma.processedEvent.createMany({ data: [{ key }], skipDuplicates: true });
  return count === 1;
}

/** Gives a claim back, so the next delivery is handled (the first attempt did not complete). */
export async function releaseEvent(prisma: PrismaClient, key: string): Promise<void> {
  await prisma.processedEvent.deleteMany({ where: { key } });
}
