import type { Person } from "../../../core/directory/types.ts";
import { officersToName, type PeopleToAsk } from "../../../core/guidance/whoToAsk.ts";
import { escapeText } from "../text.ts";
import { context, section, type Block, type SlackMessage } from "./blocks.ts";

/** Someone to contact: a Slack mention when we know their Slack id, else name and email. */
export function personLink(person: Person): string {
  return person.slackId ? `<@${person.slackId}>` : `${escapeText(person.name)} (${escapeText(person.email)})`;
}

/** "Ask a person": who takes routine questions and who interprets the Code. Only the asker sees it. */
export function peopleToAskMessage(people: PeopleToAsk, notice?: string): SlackMessage {
  const blocks: Block[] = [];
  if (notice) blocks.push(context(escapeText(notice)));
  blocks.push(
    section(
      people.supervisor
        ? `*Routine questions about the Code:* your immediate supervisor, ${personLink(people.supervisor)}.`
        : "*Routine questions about the Code:* your immediate supervisor. I don't know who that is yet; HR can add them to the directory.",
    ),
  );
  const { named, more: others } = officersToName(people);
  const officers = named.map(personLink);
  const more = others ? `, or ${others} more` : "";
  blocks.push(
    section(
      officers.length
        ? `*A specific interpretation of the Code:* any officer of the Company, such as ${officers.join(", ")}${more}.`
        : "*A specific interpretation of the Code:* any officer of the Company. The directory lists none yet.",
    ),
  );
  blocks.push(context("Your question has not been shared with anyone."));
  return { text: "Who to ask about the Code", blocks };
}
