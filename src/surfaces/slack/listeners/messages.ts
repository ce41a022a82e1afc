import type { App } from "@slack/bolt";
import { answerQuestion } from "../ask.ts";
import type { SlackDeps, WebClient } from "../deps.ts";
import { userMessageSchema, type UserMessage } from "../payloads.ts";
import { postReply, replyPlan } from "../replyPlan.ts";
import { senderIn } from "../sender.ts";
import { slackToPlain } from "../text.ts";

/**
 * Questions in a direct message to the bot, and `@mentions` in channels (answered in a thread), as
 * Bolt delivers them: after the acknowledgement. In HTTP mode the receiver answers these before
 * acknowledging them (answerFirst.ts) and they never get here; Socket Mode, a reply in a case's DM
 * thread, and a thread Slack could not tell about still do.
 */
export function registerMessageListeners(app: App, deps: SlackDeps): void {
  app.event("message", async ({ event, client, context }) => {
    const message = userMessageSchema.safeParse(event);
    if (!message.success || message.data.channel_type !== "im") return; // edits, joins, bots, channels
    // A reply in a case's thread goes to the case, never to the question answerer.
    if (message.data.thread_ts && (await deps.flows.replyInThread(client, message.data, context.botUserId, senderIn(context)))) return;
    await answer(deps, client, message.data, context.botUserId);
  });

  app.event("app_mention", async ({ event, client, context }) => {
    const message = userMessageSchema.safeParse(event);
    if (!message.success) return;
    await answer(deps, client, message.data, context.botUserId);
  });
}

async function answer(deps: SlackDeps, client: WebClient, message: UserMessage, botUserId?: string): Promise<void> {
  const question = slackToPlain(message.text, botUserId);
  await postReply(client, replyPlan(message, question ? await answerQuestion(deps, question, message.user) : undefined));
}
