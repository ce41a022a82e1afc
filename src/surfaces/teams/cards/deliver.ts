import { CardFactory, MessageFactory, type Activity } from "botbuilder";
import type { Reply } from "../deps.ts";

/** A Reply as a message to post: a card as an Adaptive Card attachment, a text as plain text. */
export function replyActivity(reply: Reply): Partial<Activity> {
  if (typeof reply === "string") return { type: "message", text: reply, textFormat: "plain" };
  return MessageFactory.attachment(CardFactory.adaptiveCard(reply));
}
