import { TOO_MANY_QUESTIONS } from "../../../core/limits/rateLimit.ts";
import type { types } from "@slack/bolt";
import { COMMAND, VIEWS } from "../ids.ts";
import { escapeText } from "../text.ts";
import { context, header, plain, section, type Block, type SlackMessage } from "./blocks.ts";

const HOW_TO: string[] = [
  "*Ask a question:* send me a direct message, or mention me in a channel and I answer in a thread. " +
    `\`${COMMAND} <question>\` answers where only you can see it.`,
  "*Report a concern:* the *Report a concern* shortcut (⚡ menu), the button under an answer, " +
    `or \`${COMMAND} report\`. Reports stay in a private message.`,
  `*Your approval requests:* \`${COMMAND} requests\`. Going away? \`${COMMAND} delegate\` names someone to decide your approvals meanwhile.`,
];

export function helpBlocks(): Block[] {
  return [
    header("Code of Conduct assistant"),
    section("Ask me whether something is allowed under the Code of Conduct. I answer with the clause I relied on and who approves or advises."),
    ...HOW_TO.map(section),
    context(`\`${COMMAND} help\` shows this again.`),
  ];
}

export function helpMessage(): SlackMessage {
  return { text: "Ask me whether something is allowed under the Code of Conduct.", blocks: helpBlocks() };
}

/** One person asked too often (the core's limit): wait, nothing else. */
export function tooManyQuestionsMessage(): SlackMessage {
  return { text: TOO_MANY_QUESTIONS, blocks: [section(TOO_MANY_QUESTIONS)] };
}

/** In the channel thread of a question that looks like a report: nothing about it, just the move. */
export function takeToDmMessage(): SlackMessage {
  const text = "Let's take this to a private message. I've sent you a DM.";
  return { text, blocks: [section(`🔒 ${text}`)] };
}

export function plainMessage(text: string): SlackMessage {
  const escaped = escapeText(text);
  return { text: escaped, blocks: [section(escaped)] };
}

/** Text that is already Slack mrkdwn (user parts escaped by the renderer that built it). */
export function markdownMessage(mrkdwnText: string): SlackMessage {
  return { text: mrkdwnText, blocks: [section(mrkdwnText)] };
}

/** A modal for a flow that is not switched on yet in this installation. */
export function notYetAvailableView(title: string, lines: string[]): types.ModalView {
  return {
    type: "modal",
    callback_id: VIEWS.notYetAvailable,
    title: plain(title.slice(0, 24)),
    close: plain("Close"),
    blocks: lines.map(section),
  };
}
