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
