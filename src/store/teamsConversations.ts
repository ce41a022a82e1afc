import { dayOf } from "./day.ts";
import type { PrismaClient } from "./db.ts";

/**
 * Each person's 1:1 chat with the bot on Teams, as the conversation reference Teams gave (JSON), by
 * lower-cased AAD object id: proactive messages need it. The surface checks what it reads back.
 */
export function teamsConversationRows(prisma: PrismaClient) {
  return {
    async save(aadObjectId: string, reference: object): Promise<void> {
      const id = aadObjectId.toLowerCase();
      await prisma.teamsConversation.upsert({
        where: { aadObjectId: id },
        create: { aadObjectId: id, reference, updatedAt: dayOf() },
        update: { reference, updatedAt: dayOf() },
      });
    },
    async load(aadObjectId: string): Promise<unknown> {
      const row = await prisma.teamsConversation.findUnique({ where: { aadObjectId: aadObjectId.toLowerCase() }, select: { reference: true } });
      return row?.reference ?? null;
    },
  };
}
