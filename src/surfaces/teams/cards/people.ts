import type { Person } from "../../../core/directory/types.ts";
import type { Part, PeopleToAskReply } from "../../../interactions/askPerson.ts";
import { card, text, type Card, type Element } from "./elements.ts";
import { escapeCardText as esc } from "./text.ts";

/** Someone to contact: name and email (escaped; no link, so nothing can be disguised). */
export const personLine = (person: Person): string => `${esc(person.name)} (${esc(person.email)})`;

/** Escaping trims, so the spaces between text and a person are put back. */
const escPart = (part: string) => `${/^\s/.test(part) ? " " : ""}${esc(part)}${/\s$/.test(part) ? " " : ""}`;
const line = (parts: Part[]) => parts.map((p) => (typeof p === "string" ? escPart(p) : personLine(p))).join("");

/** "Ask a person" (src/interactions/askPerson.ts) as a card only the asker sees. */
export function peopleToAskCard(reply: PeopleToAskReply): Card {
  const body: Element[] = [text(esc(reply.title), { weight: "bolder", size: "medium" })];
  if (reply.notice) body.push(text(esc(reply.notice), { isSubtle: true }));
  for (const { label, parts } of reply.lines) body.push(text(`**${esc(label)}:** ${line(parts)}`));
  body.push(text(esc(reply.footer), { isSubtle: true, size: "small" }));
  return card(body);
}
