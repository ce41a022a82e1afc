import type { DirectoryQueries, Person } from "../directory/types.ts";

/** The people someone can take a question about the Code to, by the kind of question. */
export interface PeopleToAsk {
  /** Routine questions: the person's immediate supervisor (null when not known). */
  supervisor: Person | null;
  /** Requests for a specific interpretation: any officer of the Company (executive officers included). */
  officers: Person[];
}

/**
 * Section 15 ("Questions and Interpretations"): routine questions go to the employee's
 * immediate supervisor; requests for specific interpretations to any officer of the Company.
 * `personId` null: someone the directory does not know, who gets the officers only.
 */
export async function whoToAsk(directory: DirectoryQueries, personId: string | null): Promise<PeopleToAsk> {
  const supervisor = personId ? await directory.supervisorOf(personId) : null;
  const holders = [...(await directory.holdersOf("officer")), ...(await directory.holdersOf("executive_officer"))];
  const seen = new Set<string>(personId ? [personId] : []);
  const officers = holders.filter((p) => !seen.has(p.id) && seen.add(p.id)).sort((a, b) => a.name.localeCompare(b.name));
  return { supervisor, officers };
}

/** The officers to name in a reply (a handful, alphabetical) and how many more there are. */
export function officersToName(people: PeopleToAsk, max = 5): { named: Person[]; more: number } {
  return { named: people.officers.slice(0, max), more: Math.max(0, people.officers.length - max) };
}
