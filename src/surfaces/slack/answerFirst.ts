import { z } from "zod";
import { adviseWithinLimit, countQuestion } from "./ask.ts";
import { deliveryError } from "./webErrors.ts";
import { eventKey, postKey } from "./dedupe.ts";
import type { SlackDeps, WebClient } from "./deps.ts";
import { eventEnvelopeSchema, userMessageSchema } from "./payloads.ts";
import { postReply, replyPlan, replyPostSchema } from "./replyPlan.ts";
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

/** What an answer row holds: its posts as rendered (they echo the question; emptied once sent), or (rows from before) one post in a DM. */
const answerPayloadSchema = z.union([
  z.object({ posts: z.array(replyPostSchema).min(1) }),
  z.object({ channel: z.string().min(1), message: z.object({ text: z.string(), blocks: z.array(z.unknown()).optional() }).passthrough() }).transform(({ channel, message }) => ({ posts: [{ channel, message }] })),
]);

/** Whether a DM thread is a case's (its replies go to the case, not to the answerer): undefined when Slack could not say. */
export type CaseThreadCheck = (channel: string, threadTs: string) => Promise<boolean | undefined>;

/**
 * A question typed to the bot (in a DM or a DM's thread, or as an @mention in a channel), answered
 * before Slack's delivery is acknowledged: Bolt acknowledges an event before its listener runs, so
 * a replica that died between the two lost the answer. Here the event's claim and its reply (all
 * its posts: replyPlan.ts) are written in one transaction, the HTTP 200 goes out only after the
 * commit, and the reply is then posted at once; if this process dies first, another replica's
 * outbox worker posts it (once: each post carries its outbox id, see replyPlan.ts). An empty
 * message gets the help message the same way. Anything else (edits, other channels' messages, a
 * reply in a case's DM thread, a thread Slack could not tell about) returns undefined: Bolt handles it.
 */
export function answerFirst(deps: Pick<SlackDeps, "advisor" | "asking" | "recordAsk" | "logger">, queue: AnswerQueue, client: WebClient, botUserId: () => Promise<string | undefined>, isCaseThread: CaseThreadCheck) {
  const send = answerSender(client);
  return async (body: unknown): Promise<{ after(): Promise<void> } | undefined> => {
    const envelope = eventEnvelopeSchema.safeParse(body);
    if (!envelope.success) return undefined;
    const parsed = userMessageSchema.safeParse(envelope.data.event);
    if (!parsed.success) return undefined;
    const message = parsed.data;
    if (message.type === "message" && message.channel_type !== "im") return undefined; // channel messages: a mention comes as app_mention
    const bot = await botUserId();
    if (message.user === bot) return undefined; // the bot's own post: Bolt's ignoreSelf drops it
    // A reply in a DM thread may be to a case (the reporter writing to its handlers): that is the case flow's.
    if (message.type === "message" && message.thread_ts && (await isCaseThread(message.channel, message.thread_ts)) !== false) return undefined;
    const question = slackToPlain(message.text, bot);
    // Decided before the claim (one statement writes both): a retry that loses the claim has
    // still taken one of this replica's per-person tokens, which only a retry to the same replica costs.
    const answer = question ? adviseWithinLimit(deps, question, message.user) : undefined;
    const posts = replyPlan(message, answer);
    const queued = await queue.claim([eventKey(envelope.data.event_id), postKey(message.channel, message.ts)], { recipientId: "slack:conversation", kind: ANSWER_KIND, payload: { posts, forgetOnSent: true } });
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
    const { posts } = answerPayloadSchema.parse(message.payload);
    try {
      await postReply(client, posts, message);
    } catch (error) {
      throw deliveryError(error);
    }
  };
}
