import type { Person } from "../../../core/directory/types.ts";
import type { Part, PeopleToAskReply } from "../../../interactions/askPerson.ts";
import { escapeText } from "../text.ts";
import { context, section, type Block, type SlackMessage } from "./blocks.ts";

/** Someone to contact: a Slack mention when we know their Slack id, else name and email. */
export function personLink(person: Person): string {
  return person.slackId ? `<@${person.slackId}>` : `${escapeText(person.name)} (${escapeText(person.email)})`;
}

const line = (parts: Part[]) => parts.map((p) => (typeof p === "string" ? escapeText(p) : personLink(p))).join("");

/** "Ask a person" (src/interactions/askPerson.ts) as a message only the asker sees. */
export function peopleToAskMessage(reply: PeopleToAskReply): SlackMessage {
  const blocks: Block[] = [];
  if (reply.notice) blocks.push(context(escapeText(reply.notice)));
  for (const { label, parts } of reply.lines) blocks.push(section(`*${escapeText(label)}:* ${line(parts)}`));
  blocks.push(context(escapeText(reply.footer)));
  return { text: escapeText(reply.title), blocks };
}
