import type { DirectoryQueries, Person } from "../core/directory/types.ts";
import { officersToName, whoToAsk } from "../core/guidance/whoToAsk.ts";
import type { Actor } from "./actor.ts";

/**
 * "Ask a person" under an answer, written once for every surface: who takes routine questions
 * (the asker's supervisor) and who interprets the Code (any officer), from the directory
 * (section 15), said only to the asker. A line is text with the people in it, so each surface
 * can show a person its own way (a Slack mention, a name and email).
 */

export type Part = string | Person;

export interface PeopleToAskReply {
  kind: "people_to_ask";
  title: string;
  /** The directory's one-time note for someone it just enrolled. */
  notice?: string;
  lines: Array<{ label: string; parts: Part[] }>;
  footer: string;
  /** Only the asker sees it: in a private reply or their chat with the bot. */
  placement: "post";
}

/** `actor`: null when the surface could not identify the asker (they still learn whom to ask, less their supervisor). */
export async function askPerson(directory: DirectoryQueries, actor: Actor | null): Promise<PeopleToAskReply> {
  const people = await whoToAsk(directory, actor?.person.id ?? null);
  const { named, more } = officersToName(people);
  const officers: Part[] = named.flatMap((officer, i) => (i ? [", ", officer] : [officer]));
  return {
    kind: "people_to_ask",
    title: "Who to ask about the Code",
    ...(actor?.notice ? { notice: actor.notice } : {}),
    lines: [
      {
        label: "Routine questions about the Code",
        parts: people.supervisor ? ["your immediate supervisor, ", people.supervisor, "."] : ["your immediate supervisor. I don't know who that is yet; HR can add them to the directory."],
      },
      {
        label: "A specific interpretation of the Code",
        parts: named.length ? ["any officer of the Company, such as ", ...officers, more ? `, or ${more} more.` : "."] : ["any officer of the Company. The directory lists none yet."],
      },
    ],
    footer: "Your question has not been shared with anyone.",
    placement: "post",
  };
}
