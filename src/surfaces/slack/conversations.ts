import type { RespondFn, types } from "@slack/bolt";
import { z } from "zod";
import type { Interaction, WebClient } from "./deps.ts";
import type { SlackMessage } from "./render/blocks.ts";
import type { Sender } from "./sender.ts";

const openedSchema = z.object({ channel: z.object({ id: z.string().min(1) }) });

/** The bot's direct-message channel with a person (conversations.open; needs `im:write`). */
export async function openDm(client: WebClient, userId: string): Promise<string> {
  return openedSchema.parse(await client.conversations.open({ users: userId })).channel.id;
}

/** Posts in the person's DM with the bot and says where (to update or thread on it later). */
export async function postDm(client: WebClient, userId: string, message: SlackMessage & { metadata?: types.MessageMetadata }): Promise<{ channel: string; ts: string }> {
  const channel = await openDm(client, userId);
  const posted = postedSchema.parse(await client.chat.postMessage({ channel, ...message }));
  return { channel, ts: posted.ts };
}

const postedSchema = z.object({ ts: z.string().min(1) });

/** Posts in the person's DM with the bot. */
export async function postToDm(client: WebClient, userId: string, message: SlackMessage): Promise<void> {
  await client.chat.postMessage({ channel: await openDm(client, userId), ...message });
}

/** After a slash command: an ephemeral reply through the command's response_url (works in any channel). */
export function commandInteraction(client: WebClient, respond: RespondFn, args: { userId: string; triggerId: string; channelId: string; sender: Sender }): Interaction {
  return { client, ...args, replyPrivately: (message) => respond({ response_type: "ephemeral", ...message }).then(() => {}) };
}

/**
 * After a click on a message: ephemeral messages can only be answered through their
 * response_url; a normal message gets an ephemeral reply in its channel (and thread).
 */
export function actionInteraction(
  client: WebClient,
  respond: RespondFn | undefined,
  args: { userId: string; triggerId: string; channelId?: string; threadTs?: string; ephemeral: boolean; sender: Sender },
): Interaction {
  const { userId, triggerId, channelId, threadTs, ephemeral, sender } = args;
  const replyPrivately = async (message: SlackMessage) => {
    if ((ephemeral || !channelId) && respond) {
      await respond({ response_type: "ephemeral", replace_original: false, ...message });
    } else if (channelId) {
      await client.chat.postEphemeral({ channel: channelId, user: userId, ...(threadTs ? { thread_ts: threadTs } : {}), ...message });
    } else {
      await postToDm(client, userId, message);
    }
  };
  return { client, userId, triggerId, ...(channelId ? { channelId } : {}), sender, replyPrivately };
}

/** After a global shortcut: there is no conversation, so private replies go to the DM. */
export function shortcutInteraction(client: WebClient, args: { userId: string; triggerId: string; sender: Sender }): Interaction {
  return { client, ...args, replyPrivately: (message) => postToDm(client, args.userId, message) };
}
