import type { Activity, CloudAdapter, ConversationParameters, ConversationReference, TurnContext } from "botbuilder";
import { aadObjectIdOf, storableReference } from "./activity.ts";
import type { TeamsConversations } from "./conversations.ts";

/** The Bot Connector's audience in the public cloud (outgoing calls are authorised for it). */
const CONNECTOR_AUDIENCE = "https://api.botframework.com";

/**
 * Sends to a person's 1:1 chat with the bot: through the conversation reference stored when
 * they first wrote to the bot or installed it, or else by creating the chat through the
 * connector (POST /v3/conversations) and storing its reference for next time.
 */
export function privateSender(adapter: CloudAdapter, botAppId: string, conversations: TeamsConversations) {
  return async function sendPrivately(context: TurnContext, activity: Partial<Activity>): Promise<void> {
    const incoming = context.activity;
    const aadObjectId = aadObjectIdOf(incoming);
    const stored = aadObjectId ? await conversations.find(aadObjectId) : null;
    if (stored) {
      try {
        await adapter.continueConversationAsync(botAppId, stored, async (proactive) => {
          await proactive.sendActivity(activity);
        });
        return;
      } catch (error) {
        // The stored chat is gone (the person removed the app, or Teams moved them): open a new one.
        if (!isGone(error)) throw error;
      }
    }
    const tenantId = incoming.conversation.tenantId ?? (incoming.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
    // botbuilder's type demands an initial activity; Teams creates the chat without one.
    const parameters = {
      isGroup: false,
      bot: incoming.recipient,
      members: [{ id: incoming.from.id, name: "" }],
      tenantId,
      channelData: tenantId ? { tenant: { id: tenantId } } : undefined,
    } as ConversationParameters;
    await adapter.createConversationAsync(botAppId, incoming.channelId, incoming.serviceUrl, CONNECTOR_AUDIENCE, parameters, async (created) => {
      if (aadObjectId) {
        const reference: Partial<ConversationReference> = {
          ...storableReference({ ...created.activity, from: { id: incoming.from.id, name: "", aadObjectId: incoming.from.aadObjectId } }),
          conversation: { id: created.activity.conversation.id, conversationType: "personal", tenantId, isGroup: false, name: "" },
        };
        await conversations.remember(aadObjectId, reference);
      }
      await created.sendActivity(activity);
    });
  };
}

function isGone(error: unknown): boolean {
  const status = (error as { statusCode?: unknown })?.statusCode;
  return status === 403 || status === 404;
}
