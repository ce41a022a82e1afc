import type { Answer } from "../../core/advice/types.ts";
import type { SlackDeps } from "./deps.ts";

/**
 * Asks the core and counts the question; null when `userId` asked too often (say
 * TOO_MANY_QUESTIONS). Nothing about the question or the asker is logged: the count is per
 * clause, verdict and day, in the store.
 */
export async function answerQuestion(deps: SlackDeps, question: string, userId: string): Promise<Answer | null> {
  const answer = adviseWithinLimit(deps, question, userId);
  if (answer) await countQuestion(deps, answer);
  return answer;
}

/** The core's answer, or null when `userId` asked too often (one of their tokens is taken either way). */
export function adviseWithinLimit(deps: Pick<SlackDeps, "advisor" | "asking">, question: string, userId: string): Answer | null {
  return deps.asking && !deps.asking.take(`slack:${userId}`) ? null : deps.advisor.advise(question);
}

/** Counts an answered question (per clause, verdict and day); a failure is logged, never thrown. */
export async function countQuestion(deps: Pick<SlackDeps, "recordAsk" | "logger">, answer: Answer): Promise<void> {
  try {
    await deps.recordAsk(answer);
  } catch (error) {
    deps.logger.warn({ err: { type: (error as Error)?.name } }, "could not count a question");
  }
}
