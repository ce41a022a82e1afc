import type { types } from "@slack/bolt";

export type Block = types.KnownBlock;
export type ButtonElement = types.Button;

/** A message body: `text` is the notification / accessibility fallback for the blocks. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export const plain = (text: string): types.PlainTextElement => ({ type: "plain_text", text, emoji: true });
export const mrkdwn = (text: string): types.MrkdwnElement => ({ type: "mrkdwn", text });

export const header = (text: string): Block => ({ type: "header", text: plain(text.slice(0, 150)) });
export const section = (text: string): Block => ({ type: "section", text: mrkdwn(text.slice(0, 3000)) });
export const context = (text: string): Block => ({ type: "context", elements: [mrkdwn(text.slice(0, 3000))] });

export function button(actionId: string, text: string, value: string, style?: "primary" | "danger"): ButtonElement {
  return { type: "button", action_id: actionId, text: plain(text), value: value.slice(0, 2000), ...(style ? { style } : {}) };
}

export function actions(buttons: ButtonElement[], blockId?: string): Block {
  return { type: "actions", ...(blockId ? { block_id: blockId } : {}), elements: buttons.slice(0, 25) };
}

/** A date Slack shows in the reader's time zone, with a UTC fallback. */
export function slackDate(at: Date, format = "{date_short_pretty} {time}"): string {
  const fallback = `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return `<!date^${Math.floor(at.getTime() / 1000)}^${format}|${fallback}>`;
}

/** Long text as several sections (Slack allows 3000 characters per section), at most `maxBlocks`. */
export function textSections(mrkdwnText: string, maxBlocks = 8): Block[] {
  const size = 2900;
  const blocks: Block[] = [];
  for (let at = 0; at < mrkdwnText.length && blocks.length < maxBlocks; at += size) blocks.push(section(mrkdwnText.slice(at, at + size)));
  if (mrkdwnText.length > size * maxBlocks) blocks.push(context("(The rest is too long to show here.)"));
  return blocks;
}
