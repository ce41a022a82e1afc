import { z } from "zod";
import { adviseWithinLimit, countQuestion } from "./ask.ts";
import { deliveryError } from "./webErrors.ts";
import { eventKey, postKey } from "./dedupe.ts";
import type { SlackDeps, WebClient } from "./deps.ts";
import { postOnce } from "./outboxPosts.ts";
import { eventEnvelopeSchema, userMessageSchema } from "./payloads.ts";
import { renderAnswer } from "./render/answer.ts";
import type { SlackMessage } from "./render/blocks.ts";
import { tooManyQuestionsMessage } from "./render/notices.ts";
import { slackToPlain } from "./text.ts";

/** The outbox kind of an answer to a question in a DM: addressed to the conversation, not to a person. */
export const ANSWER_KIND = "slack.answer";

/** An outbox row as this surface sees it. */
export interface QueuedMessage {
  id: string;
  kind: string;
  attempts: number;
  createdAt: Date;
  payload: unknown;
}

/** The store's side (composition root): claim-and-write in one transaction, then send and mark. */
export interface AnswerQueue {
  /** Claims `keys` and writes `reply()` to the outbox claimed by this process; null when a key was claimed before. */
  claim(keys: readonly string[], reply: { recipientId: string; kind: string; payload: Record<string, unknown> }): Promise<QueuedMessage | null>;
  /** Sends a claimed message now with `send` and marks it (sent, or pending again for the worker). */
  deliver(message: QueuedMessage, send: (message: QueuedMessage) => Promise<void>): Promise<void>;
}

/** What an answer row holds: where, and the message as rendered (it echoes the question; emptied once sent). */
const answerPayloadSchema = z.object({ channel: z.string().min(1), message: z.object({ text: z.string(), blocks: z.array(z.unknown()).optional() }).passthrough() });

/**
 * A question in a DM, answered before Slack's delivery is acknowledged: Bolt acknowledges an event
 * before its listener runs, so a replica that died between the two lost the answer. Here the
 * event's claim and its answer are written in one transaction, the HTTP 200 goes out only after
 * the commit, and the answer is then posted at once; if this process dies first, another
 * replica's outbox worker posts it (once: the post carries its outbox id, see outboxPosts.ts).
 * Anything else (a thread reply, a mention, an empty message) returns undefined: Bolt handles it.
 */
export function answerFirst(deps: Pick<SlackDeps, "advisor" | "asking" | "recordAsk" | "logger">, queue: AnswerQueue, client: WebClient, botUserId: () => Promise<string | undefined>) {
  const send = answerSender(client);
  return async (body: unknown): Promise<{ after(): Promise<void> } | undefined> => {
    const envelope = eventEnvelopeSchema.safeParse(body);
    if (!envelope.success) return undefined;
    const message = userMessageSchema.safeParse(envelope.data.event);
    if (!message.success || message.data.type !== "message" || message.data.channel_type !== "im" || message.data.thread_ts) return undefined;
    const { channel, ts, user, text } = message.data;
    const bot = await botUserId();
    if (user === bot) return undefined; // the bot's own post: Bolt's ignoreSelf drops it
    const question = slackToPlain(text, bot);
    if (!question) return undefined; // the help message: Bolt's listener
    // Decided before the claim (one statement writes both): a retry that loses the claim has
    // still taken one of this replica's per-person tokens, which only a retry to the same replica costs.
    const answer = adviseWithinLimit(deps, question, user);
    const reply: SlackMessage = answer ? renderAnswer(answer) : tooManyQuestionsMessage();
    const queued = await queue.claim([eventKey(envelope.data.event_id), postKey(channel, ts)], { recipientId: "slack:conversation", kind: ANSWER_KIND, payload: { channel, message: reply, forgetOnSent: true } });
    return {
      async after() {
        if (!queued) return; // a retry of a delivery already answered (here or on another replica)
        if (answer) await countQuestion(deps, answer);
        await queue.deliver(queued, send).catch((error: unknown) => deps.logger.warn({ err: { type: (error as Error)?.name } }, "could not post an answer (the outbox will)"));
      },
    };
  };
}

/** Posts an answer row (now, or from the worker after this or another replica failed to). */
export function answerSender(client: WebClient) {
  return async (message: QueuedMessage): Promise<void> => {
    const { channel, message: reply } = answerPayloadSchema.parse(message.payload);
    try {
      await postOnce(client, message, channel, reply as unknown as SlackMessage);
    } catch (error) {
      throw deliveryError(error);
    }
  };
}
