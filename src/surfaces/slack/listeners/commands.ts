import type { App } from "@slack/bolt";
import { answerQuestion } from "../ask.ts";
import { commandInteraction, postToDm } from "../conversations.ts";
import type { SlackDeps } from "../deps.ts";
import { COMMAND } from "../ids.ts";
import { slashCommandSchema } from "../payloads.ts";
import { renderAnswer } from "../render/answer.ts";
import { helpMessage, takeToDmMessage, tooManyQuestionsMessage } from "../render/notices.ts";
import { senderIn } from "../sender.ts";
import { slackToPlain } from "../text.ts";

/**
 * `/conduct <question>` answers where only the person sees it; `/conduct <word> …` runs a
 * registered subcommand (help, report, requests, …: see `deps.subcommands`).
 */
export function registerCommandListeners(app: App, deps: SlackDeps): void {
  app.command(COMMAND, async ({ command, ack, client, context, respond }) => {
    await ack();
    const parsed = slashCommandSchema.safeParse(command);
    if (!parsed.success) return;
    const { user_id: userId, channel_id: channelId, trigger_id: triggerId } = parsed.data;
    const interaction = commandInteraction(client, respond, { userId, triggerId, channelId, sender: senderIn(context) });
    const text = slackToPlain(parsed.data.text);
    const [word = "", ...words] = text.split(/\s+/);
    const rest = words.join(" ");
    const subcommand = deps.subcommands.get(word.toLowerCase());
    if (subcommand && (!rest || subcommand.takesText)) return subcommand.run(interaction, rest);
    if (!text) return interaction.replyPrivately(helpMessage());

    const answer = await answerQuestion(deps, text, userId);
    if (!answer) return interaction.replyPrivately(tooManyQuestionsMessage());
    if (answer.verdict === "report" && !channelId.startsWith("D")) {
      await interaction.replyPrivately(takeToDmMessage());
      await postToDm(client, userId, renderAnswer(answer));
      return;
    }
    await interaction.replyPrivately(renderAnswer(answer));
  });
}
