import type { types } from "@slack/bolt";
import { z } from "zod";
import type { WebClient } from "./deps.ts";
import type { SlackMessage } from "./render/blocks.ts";

/** The metadata event type of a message the outbox posted: its payload names the outbox id. */
export const OUTBOX_EVENT = "conduct_outbox";

export const outboxMetadata = (outboxId: string): types.MessageMetadata => ({ event_type: OUTBOX_EVENT, event_payload: { outbox_id: outboxId } });

/** A message's own metadata (a case thread's) with the outbox id added, so it is found by alreadyPosted too. */
export const withOutboxId = (metadata: types.MessageMetadata, outboxId: string): types.MessageMetadata => ({ ...metadata, event_payload: { ...metadata.event_payload, outbox_id: outboxId } });

const historySchema = z.object({
  messages: z
    .array(
      z.object({
        ts: z.string(),
        text: z.string().optional(),
        blocks: z.array(z.unknown()).optional(),
        metadata: z.object({ event_type: z.string(), event_payload: z.record(z.string(), z.unknown()).optional() }).optional(),
      }).passthrough(),
    )
    .default([]),
});

/**
 * Whether a message carrying this outbox id is already in the conversation (posted since
 * `since`): asked before sending again a message an earlier attempt may have posted (a replica
 * that died between posting and marking it sent), so it is not posted twice. Any event type:
 * a case-thread post keeps its own and adds the id (withOutboxId). Needs `im:history`
 * for DMs. A top-level message only (replies are not in conversations.history).
 */
export async function alreadyPosted(client: WebClient, channel: string, outboxId: string, since?: Date): Promise<{ ts: string } | undefined> {
  return findPosted(client, channel, carries(outboxId), since);
}

/** A message of the bot's in the conversation's history (since `since`, less a minute of clock skew) that `matches`. */
export async function findPosted(client: WebClient, channel: string, matches: (message: PostedMessage) => boolean, since?: Date): Promise<{ ts: string } | undefined> {
  const history = historySchema.parse(
    await client.conversations.history({ channel, ...(since ? { oldest: String(Math.floor(since.getTime() / 1000) - 60) } : {}), limit: 100, include_all_metadata: true }),
  );
  return history.messages.find(matches);
}

export type PostedMessage = z.infer<typeof historySchema>["messages"][number];

/** A post made for this outbox message (its id is in the metadata: outboxMetadata). */
const carries = (outboxId: string) => (message: PostedMessage) => message.metadata?.event_payload?.outbox_id === outboxId;

/**
 * Whether a reply carrying this outbox id is already in the thread `threadTs` (alreadyPosted for
 * thread replies). A DM's thread is read with `im:history`; a channel's needs `channels:history` or
 * `groups:history`, which the manifest does not ask for (the bot reads no channel): without it
 * this cannot tell, and says no (a reply in a channel thread is then posted at least once).
 */
export async function alreadyReplied(client: WebClient, channel: string, threadTs: string, outboxId: string): Promise<{ ts: string } | undefined> {
  let replies;
  try {
    replies = historySchema.parse(await client.conversations.replies({ channel, ts: threadTs, limit: 200, include_all_metadata: true }));
  } catch (error) {
    if ((error as { data?: { error?: string } }).data?.error === "missing_scope") return undefined;
    throw error;
  }
  return replies.messages.find(carries(outboxId));
}

/** Posts an outbox message (in a thread when `threadTs`) with its id in the metadata, unless an earlier attempt already did. */
export async function postOnce(client: WebClient, outbox: { id: string; attempts: number; createdAt: Date }, channel: string, message: SlackMessage, threadTs?: string): Promise<void> {
  if (outbox.attempts > 1) {
    const earlier = threadTs ? await alreadyReplied(client, channel, threadTs, outbox.id) : await alreadyPosted(client, channel, outbox.id, outbox.createdAt);
    if (earlier) return;
  }
  await client.chat.postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...message, metadata: outboxMetadata(outbox.id) });
}
