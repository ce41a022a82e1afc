import type { Person } from "../../../core/directory/types.ts";
import { officersToName, type PeopleToAsk } from "../../../core/guidance/whoToAsk.ts";
import { card, text, type Card, type Element } from "./elements.ts";
import { escapeCardText as esc } from "./text.ts";

/** Someone to contact: name and email (escaped; no link, so nothing can be disguised). */
export const personLine = (person: Person): string => `${esc(person.name)} (${esc(person.email)})`;

/** "Ask a person": who takes routine questions and who interprets the Code. Only the asker sees it. */
export function peopleToAskCard(people: PeopleToAsk, notice?: string): Card {
  const body: Element[] = [text("Who to ask about the Code", { weight: "bolder", size: "medium" })];
  if (notice) body.push(text(esc(notice), { isSubtle: true }));
  body.push(
    text(
      people.supervisor
        ? `**Routine questions:** your immediate supervisor, ${personLine(people.supervisor)}.`
        : "**Routine questions:** your immediate supervisor. I don't know who that is yet; HR can add them to the directory.",
    ),
  );
  const { named, more: others } = officersToName(people);
  const officers = named.map(personLine);
  const more = others ? `, or ${others} more` : "";
  body.push(
    text(
      officers.length
        ? `**A specific interpretation of the Code:** any officer of the Company, such as ${officers.join(", ")}${more}.`
        : "**A specific interpretation of the Code:** any officer of the Company. The directory lists none yet.",
    ),
  );
  body.push(text("Your question has not been shared with anyone.", { isSubtle: true, size: "small" }));
  return card(body);
}
