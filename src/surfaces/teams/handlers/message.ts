import { TurnContext } from "botbuilder";
import { mentionsBot, plainText } from "../activity.ts";
import { replyActivity } from "../cards/deliver.ts";
import { MESSAGES, welcomeCard } from "../cards/messages.ts";
import type { Interaction, Reply, TeamsDeps } from "../deps.ts";
import { answerQuestion } from "./ask.ts";

export type Command = { kind: "help" } | { kind: "ask"; question: string } | { kind: "report" } | { kind: "requests" } | { kind: "delegate" } | { kind: "console" };

/** The manifest's commands (ask, report, requests), "delegate", "console", "help", or a plain question. */
export function parseCommand(text: string): Command {
  if (text === "" || /^(help|\?)$/i.test(text)) return { kind: "help" };
  if (/^report\b/i.test(text)) return { kind: "report" };
  if (/^requests?$/i.test(text)) return { kind: "requests" };
  if (/^delegates?$/i.test(text)) return { kind: "delegate" };
  if (/^console$/i.test(text)) return { kind: "console" };
  const ask = /^ask\b[:,]?\s*(.*)$/is.exec(text);
  return { kind: "ask", question: ask ? (ask[1] ?? "") : text };
}

/**
 * A message: in the 1:1 chat everything is for the bot; in a channel or group chat only a post
 * that mentions it (the mention is removed from the text).
 */
export function onMessage(deps: TeamsDeps) {
  return async (context: TurnContext): Promise<void> => {
    const interaction = deps.interaction(context);
    if (!interaction.personal && !mentionsBot(context.activity)) return;
    const text = typeof context.activity.text === "string" ? TurnContext.removeRecipientMention(context.activity) : "";
    const command = parseCommand(plainText(text));
    switch (command.kind) {
      case "help":
        await context.sendActivity(replyActivity(welcomeCard(await deps.flows.deliveries(interaction))));
        return;
      case "report":
        await continuePrivately(interaction, await deps.flows.startReport(interaction, {}));
        return;
      case "requests":
        await continuePrivately(interaction, await deps.flows.listRequests(interaction));
        return;
      case "delegate":
        await continuePrivately(interaction, await deps.flows.delegate(interaction));
        return;
      case "console":
        await continuePrivately(interaction, await deps.flows.console(interaction));
        return;
      case "ask":
        if (!command.question.trim()) await context.sendActivity(MESSAGES.emptyQuestion);
        else await answerQuestion(deps, interaction, command.question);
    }
  };
}

/** Reports and requests are nobody else's business: outside the 1:1 chat they continue there. */
async function continuePrivately(interaction: Interaction, reply: Reply): Promise<void> {
  await interaction.replyPrivately(replyActivity(reply));
  if (!interaction.personal) await interaction.context.sendActivity(MESSAGES.movedToPrivate);
}
