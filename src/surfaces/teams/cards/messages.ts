import { card, text, type Card } from "./elements.ts";

/** Fixed texts of the Teams surface (no user input in any of them). */
export const MESSAGES = {
  movedToPrivate: "Let's take this to a private message.",
  emptyQuestion: "What would you like to know? Ask me something like “Can I accept a gift from a supplier?”",
  unknownAction: "This button is no longer available. Ask your question again to get a fresh answer.",
  alreadyHandled: "Already done.",
  failed: "Sorry, something went wrong on my side. Please try again in a moment.",
  otherOrganisation: "Sorry, this bot serves only the organisation that runs it, and your account belongs to another one. Nothing was done.",
} as const;

/** The ethics officer's count of messages the bot could not deliver (to anyone), and where to look. */
export const undeliveredLine = (count: number) =>
  count === 0
    ? "✅ Every message the bot owes someone has been delivered."
    : `⚠️ ${count} message${count === 1 ? "" : "s"} could not be delivered. **conduct outbox failed** lists them; **conduct outbox retry** sends them again.`;

/** The greeting on install in a personal chat (and the answer to "help"), with the ethics officer's deliveries line. */
export function welcomeCard(deliveries?: string | null): Card {
  return card([
    text("Hi! I answer questions about the Code of Business Conduct.", { weight: "bolder", size: "medium" }),
    text("Ask me things like “Can I accept a gift from a supplier?” and I'll tell you what the Code says, quote the clause, and who approves or advises."),
    text("In a channel, mention me with your question. Type **report** to raise a concern confidentially, **requests** to see your approval requests, or **delegate** to have someone decide your approvals while you are away.", {
      isSubtle: true,
    }),
    ...(deliveries ? [text(deliveries)] : []),
  ]);
}
