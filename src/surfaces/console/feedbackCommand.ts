import { z } from "zod";
import { NO_CLAUSE } from "../../core/advice/feedback.ts";
import { feedbackInteraction } from "../../interactions/feedback.ts";
import { command, just } from "./command.ts";

/** `/feedback up|down`: 👍 or 👎 on the last answer (src/interactions/feedback.ts), once per answer. */
export const feedback = command({
  usage: "/feedback up|down",
  help: "say whether the last answer helped (counted once per answer, anonymously)",
  args: just(z.enum(["up", "down"], { errorMap: () => ({ message: 'say "up" or "down"' }) })),
  async run({ deps, session, say }, vote) {
    const answer = session.lastAnswer;
    if (!answer || !session.lastAnswerKey) return say("Ask a question first; /feedback is about its answer.");
    const clauseId = answer.clauses[0]?.id ?? NO_CLAUSE;
    // The clause is the console's own answer's, not typed: it is the Code's.
    const reply = await feedbackInteraction((await deps.services()).feedback, new Set([clauseId]))({ answerKey: session.lastAnswerKey, clauseId, helpful: vote === "up" });
    say(reply ? reply.lines.join("\n") : "Ask a question first; /feedback is about its answer.");
  },
});
