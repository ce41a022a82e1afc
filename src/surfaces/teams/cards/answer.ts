import type { Answer } from "../../../core/advice/types.ts";
import { TRUNCATED_NOTICE } from "../../../core/advice/answer.ts";
import { NO_CLAUSE } from "../../../core/advice/feedback.ts";
import { VERBS } from "../verbs.ts";
import { card, execute, openDialog, text, type Action, type Card, type Element } from "./elements.ts";
import { roleName, rolesCaption, VERDICT_LABELS } from "./labels.ts";
import { escapeCardText as esc, truncate } from "./text.ts";

const QUESTION_MAX = 300;
const QUOTE_MAX = 2000;
/**
 * An `Answer` as an Adaptive Card: the verdict as the heading, the question echoed (escaped), the
 * core's explanation, the decisive clause quoted with its id and title, who approves or advises,
 * and the Ask buttons (Action.Execute, handled by verb).
 */
export function renderAnswerCard(answer: Answer): Card {
  const verdict = VERDICT_LABELS[answer.verdict];
  const decisive = answer.clauses[0];
  const clauseId = decisive?.id ?? NO_CLAUSE;

  const body: Element[] = [
    text(answer.headline ?? verdict.title, { style: "heading", weight: "bolder", size: "medium", color: answer.headline ? "default" : verdict.color }),
    text(`You asked: ${esc(truncate(answer.question, QUESTION_MAX))}`, { isSubtle: true, size: "small", spacing: "none" }),
    text(esc(answer.answer)),
  ];
  if (answer.notice === "truncated") body.push(text(TRUNCATED_NOTICE, { isSubtle: true, size: "small", spacing: "none" }));
  if (decisive) {
    body.push({
      type: "Container",
      style: "emphasis",
      items: [
        text(`Clause ${esc(decisive.id)} · ${esc(decisive.title)}`, { weight: "bolder" }),
        text(`“${esc(truncate(decisive.quote, QUOTE_MAX))}”`, { spacing: "small" }),
      ],
    });
  }
  if (answer.approvers.length) {
    body.push({ type: "FactSet", facts: [{ title: rolesCaption(answer.verdict), value: answer.approvers.map((r) => esc(roleName(r))).join(", ") }] });
  }
  const others = answer.clauses.slice(1).map((c) => `${esc(c.id)} · ${esc(c.title)}`);
  if (others.length) body.push(text(`Also relevant: ${others.join("; ")}`, { isSubtle: true, size: "small" }));

  const actions: Action[] = [];
  if (answer.verdict === "needs_approval" && answer.topicId) {
    // Opens the request form in a dialog (task/fetch), prefilled from the question.
    actions.push(openDialog("Request approval", VERBS.requestApproval, { topicId: answer.topicId, clauseId, question: truncate(answer.question, 500) }, "positive"));
  }
  actions.push(
    execute("Report a concern", VERBS.reportConcern, { clauseId }, answer.verdict === "report" ? "destructive" : undefined),
    execute("Ask a person", VERBS.askPerson, { clauseId }),
    execute("👍", VERBS.feedback, { clauseId, helpful: true }),
    execute("👎", VERBS.feedback, { clauseId, helpful: false }),
  );
  return card(body, actions);
}
