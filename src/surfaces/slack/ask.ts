import type { Answer } from "../../core/advice/types.ts";
import type { SlackDeps } from "./deps.ts";

/**
 * Asks the core and counts the question; null when `userId` asked too often (say
 * TOO_MANY_QUESTIONS). Nothing about the question or the asker is logged: the count is per
 * clause, verdict and day, in the store.
 */
export async function answerQuestion(deps: SlackDeps, question: string, userId: string): Promise<Answer | null> {
  if (deps.asking && !deps.asking.take(`slack:${userId}`)) return null;
  const answer = deps.advisor.advise(question);
  try {
    await deps.recordAsk(answer);
  } catch (error) {
    deps.logger.warn({ err: { type: (error as Error)?.name } }, "could not count a question");
  }
  return answer;
}
