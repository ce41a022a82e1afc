import type { ConversationReference } from "botbuilder";
import { z } from "zod";
import { dayOf } from "../../store/day.ts";
import type { PrismaClient } from "../../store/db.ts";

const storedReference = z
  .object({
    channelId: z.string(),
    serviceUrl: z.string(),
    conversation: z.object({ id: z.string() }).passthrough(),
    bot: z.object({ id: z.string() }).passthrough(),
  })
  .passthrough();

/** A conversation reference as stored (JSON), or null when it lacks what a proactive message needs. */
export function parseStoredReference(json: unknown): Partial<ConversationReference> | null {
  const parsed = storedReference.safeParse(json);
  return parsed.success ? (parsed.data as unknown as Partial<ConversationReference>) : null;
}

/**
 * Each person's 1:1 chat with the bot, so approvals, case messages and moved answers can reach
 * them later (proactive messages need the conversation reference Teams gave us).
 */
export interface TeamsConversations {
  remember(aadObjectId: string, reference: Partial<ConversationReference>): Promise<void>;
  find(aadObjectId: string): Promise<Partial<ConversationReference> | null>;
}

export function teamsConversations(prisma: PrismaClient): TeamsConversations {
  return {
    async remember(aadObjectId, reference) {
      const id = aadObjectId.toLowerCase();
      const json = JSON.parse(JSON.stringify(reference)) as object;
      await prisma.teamsConversation.upsert({
        where: { aadObjectId: id },
        create: { aadObjectId: id, reference: json, updatedAt: dayOf() },
        update: { reference: json, updatedAt: dayOf() },
      });
    },
    async find(aadObjectId) {
      const row = await prisma.teamsConversation.findUnique({ where: { aadObjectId: aadObjectId.toLowerCase() } });
      return parseStoredReference(row?.reference);
    },
  };
}
