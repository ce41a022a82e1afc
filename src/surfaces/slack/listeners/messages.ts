import type { App } from "@slack/bolt";
import { answerQuestion } from "../ask.ts";
import { postToDm } from "../conversations.ts";
import type { SlackDeps, WebClient } from "../deps.ts";
import { userMessageSchema, type UserMessage } from "../payloads.ts";
import { renderAnswer } from "../render/answer.ts";
import { helpMessage, takeToDmMessage, tooManyQuestionsMessage } from "../render/notices.ts";
import { senderIn } from "../sender.ts";
import { slackToPlain } from "../text.ts";

/** Questions in a direct message to the bot, and `@mentions` in channels (answered in a thread). */
export function registerMessageListeners(app: App, deps: SlackDeps): void {
  app.event("message", async ({ event, client, context }) => {
    const message = userMessageSchema.safeParse(event);
    if (!message.success || message.data.channel_type !== "im") return; // edits, joins, bots, channels
    // A reply in a case's thread goes to the case, never to the question answerer.
    if (message.data.thread_ts && (await deps.flows.replyInThread(client, message.data, context.botUserId, senderIn(context)))) return;
    await answerInDm(deps, client, message.data, context.botUserId);
  });

  app.event("app_mention", async ({ event, client, context }) => {
    const message = userMessageSchema.safeParse(event);
    if (!message.success) return;
    if (message.data.channel.startsWith("D")) return answerInDm(deps, client, message.data, context.botUserId);
    await answerInThread(deps, client, message.data, context.botUserId);
  });
}

async function answerInDm(deps: SlackDeps, client: WebClient, message: UserMessage, botUserId?: string): Promise<void> {
  const where = { channel: message.channel, ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}) };
  const question = slackToPlain(message.text, botUserId);
  if (!question) return void (await client.chat.postMessage({ ...where, ...helpMessage() }));
  const answer = await answerQuestion(deps, question, message.user);
  await client.chat.postMessage({ ...where, ...(answer ? renderAnswer(answer) : tooManyQuestionsMessage()) });
}

/**
 * In a channel the answer goes in the post's thread, except for anything the core says should
 * be reported: that is never discussed in the channel, only moved to the person's DM.
 */
async function answerInThread(deps: SlackDeps, client: WebClient, message: UserMessage, botUserId?: string): Promise<void> {
  const where = { channel: message.channel, thread_ts: message.thread_ts ?? message.ts };
  const question = slackToPlain(message.text, botUserId);
  if (!question) return void (await client.chat.postMessage({ ...where, ...helpMessage() }));
  const answer = await answerQuestion(deps, question, message.user);
  if (!answer) return void (await client.chat.postEphemeral({ channel: message.channel, user: message.user, ...tooManyQuestionsMessage() }));
  if (answer.verdict === "report") {
    await client.chat.postMessage({ ...where, ...takeToDmMessage() });
    await postToDm(client, message.user, renderAnswer(answer));
    return;
  }
  await client.chat.postMessage({ ...where, ...renderAnswer(answer) });
}
