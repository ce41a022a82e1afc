import type { Answer } from "../../../core/advice/types.ts";
import { TRUNCATED_NOTICE } from "../../../core/advice/answer.ts";
import { NO_CLAUSE } from "../../../core/advice/feedback.ts";
import { ACTIONS, BLOCKS } from "../ids.ts";
import { escapeText, quoteBlock, truncate } from "../text.ts";
import { button, context, header, section, type Block, type ButtonElement, type SlackMessage } from "./blocks.ts";
import { rolesLine, VERDICT_HEADERS } from "./labels.ts";

const QUESTION_MAX = 300;
const QUOTE_MAX = 2500;
const ASKED = "You asked:";

/**
 * An `Answer` as a Block Kit message: the verdict as the header, the question echoed (escaped),
 * the core's explanation, the decisive clause quoted with its id and title, who approves or
 * advises, and the Ask buttons.
 */
export function renderAnswer(answer: Answer): SlackMessage {
  const decisive = answer.clauses[0];
  const clauseId = decisive?.id ?? NO_CLAUSE;
  const blocks: Block[] = [
    header(answer.headline ?? VERDICT_HEADERS[answer.verdict]),
    { ...context(`${ASKED} ${escapeText(truncate(answer.question, QUESTION_MAX))}`), block_id: BLOCKS.question },
    section(escapeText(answer.answer)),
  ];
  if (answer.notice === "truncated") blocks.push(context(TRUNCATED_NOTICE));
  if (decisive) blocks.push(section(`*${escapeText(decisive.id)} · ${escapeText(decisive.title)}*\n${quoteBlock(truncate(decisive.quote, QUOTE_MAX))}`));
  if (answer.approvers.length) blocks.push(section(rolesLine(answer.verdict, answer.approvers)));
  const others = answer.clauses.slice(1).map((c) => `${escapeText(c.id)} · ${escapeText(c.title)}`);
  if (others.length) blocks.push(context(`Also relevant: ${others.join("; ")}`));

  const buttons: ButtonElement[] = [];
  if (answer.verdict === "needs_approval" && answer.topicId) buttons.push(button(ACTIONS.requestApproval, "Request approval", answer.topicId, "primary"));
  buttons.push(
    button(ACTIONS.reportConcern, "Report a concern", clauseId, answer.verdict === "report" ? "danger" : undefined),
    button(ACTIONS.askPerson, "Ask a person", clauseId),
    ...feedbackButtons(clauseId),
  );
  blocks.push({ type: "actions", block_id: BLOCKS.askActions, elements: buttons });

  return { text: escapeText(`${answer.headline ?? VERDICT_HEADERS[answer.verdict]}: ${answer.answer}`), blocks };
}

function feedbackButtons(clauseId: string): ButtonElement[] {
  return [button(ACTIONS.feedbackUp, "👍", clauseId), button(ACTIONS.feedbackDown, "👎", clauseId)];
}

/** The question an answer message echoes (as Slack sends the message back in a click), unescaped; undefined if absent. */
export function questionOf(blocks: ReadonlyArray<{ type: string }>): string | undefined {
  const block = blocks.find((b) => (b as { block_id?: string }).block_id === BLOCKS.question) as { elements?: Array<{ text?: unknown }> } | undefined;
  const text = block?.elements?.[0]?.text;
  if (typeof text !== "string" || !text.startsWith(ASKED)) return undefined;
  return text.slice(ASKED.length).trim().replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&") || undefined;
}

const FEEDBACK_IDS: ReadonlySet<string> = new Set([ACTIONS.feedbackUp, ACTIONS.feedbackDown]);

/**
 * The same answer after a 👍/👎: the vote buttons give way to `line` (the thank-you), so one
 * answer is voted on once. `blocks` are the message's blocks as Slack sent them back.
 */
export function withFeedbackRecorded(blocks: ReadonlyArray<{ type: string }>, line: string): Block[] {
  const kept = blocks.flatMap((raw): Block[] => {
    const block = raw as Block & { elements?: Array<{ action_id?: string }> };
    if (block.type !== "actions" || !Array.isArray(block.elements)) return [block];
    const elements = block.elements.filter((e) => !FEEDBACK_IDS.has(e?.action_id ?? ""));
    return elements.length ? [{ ...block, elements } as Block] : [];
  });
  return [...kept.filter((b) => (b as { block_id?: string }).block_id !== BLOCKS.feedbackDone), { ...context(escapeText(line)), block_id: BLOCKS.feedbackDone }];
}
