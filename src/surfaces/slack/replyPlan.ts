import { z } from "zod";
import type { Answer } from "../../core/advice/types.ts";
import { openDm } from "./conversations.ts";
import type { WebClient } from "./deps.ts";
import { postOnce } from "./outboxPosts.ts";
import type { UserMessage } from "./payloads.ts";
import { renderAnswer } from "./render/answer.ts";
import type { SlackMessage } from "./render/blocks.ts";
import { helpMessage, takeToDmMessage, tooManyQuestionsMessage } from "./render/notices.ts";

const messageSchema = z.object({ text: z.string(), blocks: z.array(z.unknown()).optional() });

/** One post of a reply: in a conversation (in a thread when thread_ts), in the asker's DM (opened when sent), or seen only by one person. */
export type ReplyPost =
  | { channel: string; thread_ts?: string; message: SlackMessage }
  | { dmTo: string; message: SlackMessage }
  | { ephemeral: { channel: string; user: string }; message: SlackMessage };

/** A reply as stored in the outbox (its messages as rendered). */
export const replyPostSchema = z.union([
  z.object({ channel: z.string().min(1), thread_ts: z.string().min(1).optional(), message: messageSchema }),
  z.object({ dmTo: z.string().min(1), message: messageSchema }),
  z.object({ ephemeral: z.object({ channel: z.string().min(1), user: z.string().min(1) }), message: messageSchema }),
]);

/**
 * What the bot posts for a question typed to it: in a DM (or a DM's thread) the answer there; in
 * a channel the answer in the post's thread, except for anything the core says should be reported,
 * which is never discussed in the channel (a pointer in the thread, the answer in the person's
 * DM), and "too many questions", shown to the asker alone. `answer` undefined: the message had no
 * question (the help message); null: asked too often.
 */
export function replyPlan(message: UserMessage, answer: Answer | null | undefined): ReplyPost[] {
  const inDm = message.channel_type === "im" || message.channel.startsWith("D");
  const where = inDm ? { channel: message.channel, ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}) } : { channel: message.channel, thread_ts: message.thread_ts ?? message.ts };
  if (answer === undefined) return [{ ...where, message: helpMessage() }];
  if (answer === null) return inDm ? [{ ...where, message: tooManyQuestionsMessage() }] : [{ ephemeral: { channel: message.channel, user: message.user }, message: tooManyQuestionsMessage() }];
  if (!inDm && answer.verdict === "report") return [{ ...where, message: takeToDmMessage() }, { dmTo: message.user, message: renderAnswer(answer) }];
  return [{ ...where, message: renderAnswer(answer) }];
}

/**
 * Posts a reply's posts in order. From the outbox (`outbox`), each carries the row's id (the
 * first post the id itself, the n-th `id:n`) in its metadata, and a second attempt first looks for
 * it in the conversation or thread, so a post an earlier attempt made is not made again. An
 * ephemeral post leaves nothing to look for: only "too many questions", to one person.
 */
export async function postReply(client: WebClient, posts: ReadonlyArray<z.infer<typeof replyPostSchema>>, outbox?: { id: string; attempts: number; createdAt: Date }): Promise<void> {
  for (const [index, post] of posts.entries()) {
    const message = post.message as unknown as SlackMessage;
    if ("ephemeral" in post) {
      await client.chat.postEphemeral({ ...post.ephemeral, ...message });
      continue;
    }
    const channel = "dmTo" in post ? await openDm(client, post.dmTo) : post.channel;
    const threadTs = "thread_ts" in post ? post.thread_ts : undefined;
    if (outbox) await postOnce(client, { ...outbox, id: index ? `${outbox.id}:${index}` : outbox.id }, channel, message, threadTs);
    else await client.chat.postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...message });
  }
}
