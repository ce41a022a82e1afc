import type { ConversationReference } from "botbuilder";
import { z } from "zod";

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

/** Where references are kept (src/store/teamsConversations.ts), by AAD object id, as JSON. */
export interface StoredConversations {
  save(aadObjectId: string, reference: object): Promise<void>;
  load(aadObjectId: string): Promise<unknown>;
}

export function teamsConversations(stored: StoredConversations): TeamsConversations {
  return {
    remember: (aadObjectId, reference) => stored.save(aadObjectId, JSON.parse(JSON.stringify(reference)) as object),
    find: async (aadObjectId) => parseStoredReference(await stored.load(aadObjectId)),
  };
}
