import { TOO_MANY_QUESTIONS } from "../../../core/limits/rateLimit.ts";
import { CardFactory, MessageFactory } from "botbuilder";
import type { Answer } from "../../../core/advice/types.ts";
import { renderAnswerCard } from "../cards/answer.ts";
import { MESSAGES } from "../cards/messages.ts";
import type { Interaction, TeamsDeps } from "../deps.ts";

/**
 * Answers a question where it was asked, as an Adaptive Card. Something the core says should be
 * reported, asked in a channel or group chat, is moved to the person's 1:1 chat: the answer goes
 * there and the channel only hears "let's take this to a private message".
 */
export async function answerQuestion(deps: TeamsDeps, interaction: Interaction, question: string): Promise<void> {
  const who = `teams:${interaction.aadObjectId ?? interaction.context.activity.from?.id}`;
  if (deps.asking && !deps.asking.take(who)) return void (await interaction.context.sendActivity(TOO_MANY_QUESTIONS));
  const answer = deps.advisor.advise(question);
  await countAsk(deps, answer);
  const message = MessageFactory.attachment(CardFactory.adaptiveCard(renderAnswerCard(answer)));
  const moved = !interaction.personal && answer.verdict === "report";
  if (moved) {
    await interaction.sendPrivately(message);
    await interaction.context.sendActivity(MESSAGES.movedToPrivate);
  } else {
    await interaction.context.sendActivity(message);
  }
  deps.logger.info({ verdict: answer.verdict, clauseId: answer.clauses[0]?.id, personal: interaction.personal, moved }, "teams: answered a question");
}

/** Counts the question per clause, verdict and day; a failure to count never blocks the answer. */
async function countAsk(deps: TeamsDeps, answer: Answer): Promise<void> {
  if (!deps.recordAsk) return;
  try {
    await deps.recordAsk(answer);
  } catch (error) {
    deps.logger.warn({ err: { type: (error as Error)?.name } }, "teams: could not count a question");
  }
}
