import type { SentMessages } from "../interactions/sentCopies.ts";
import type { PrismaClient } from "./db.ts";

/**
 * The SentMessages port over teams_message: a message's id is its activity id, where it is its
 * conversation and the stored conversation reference (JSON, parsed by the surface). The same
 * conversation and id are kept once.
 */
export function teamsSentMessages(prisma: PrismaClient): SentMessages<{ conversationId: string; reference: unknown }> {
  return {
    async remember(subject, { personId, id, where }, at) {
      await prisma.teamsMessage.createMany({
        data: [{ conversationId: where.conversationId, activityId: id, personId, subject, reference: JSON.parse(JSON.stringify(where.reference ?? {})) as object, createdAt: at }],
        skipDuplicates: true,
      });
    },
    async about(subject, personId) {
      const rows = await prisma.teamsMessage.findMany({
        where: { subject, ...(personId ? { personId } : {}) },
        orderBy: [{ createdAt: "asc" }, { activityId: "asc" }],
      });
      return rows.map((row) => ({ personId: row.personId, id: row.activityId, where: { conversationId: row.conversationId, reference: row.reference } }));
    },
  };
}
