import type { DirectoryEntry } from "./fileFormat.ts";

/** A problem with the person at `index` in the file's list; `field` and `other` help locate it. */
export interface EntryProblem {
  index: number;
  field?: keyof DirectoryEntry;
  message: string;
  /** Index of another person the problem refers to (the first holder of a duplicate). */
  other?: number;
}

/** A person from the file; of an invalid one, only the fields that are valid on their own. */
export interface IndexedEntry {
  index: number;
  entry: Partial<DirectoryEntry>;
}

const UNIQUE_FIELDS = [
  ["email", "email"],
  ["slack", "Slack id"],
  ["teams", "Teams id"],
] as const;

/**
 * Checks across people: duplicate ids, emails and platform ids, supervisors that are not in the
 * file, and supervisor cycles. People with other problems take part with their valid fields, so
 * every problem is reported in one go.
 */
export function checkEntries(entries: IndexedEntry[]): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const firstById = new Map<string, number>();
  for (const { index, entry: { id } } of entries) {
    if (id === undefined) continue;
    const first = firstById.get(id);
    if (first === undefined) firstById.set(id, index);
    else problems.push({ index, field: "id", message: `id "${id}" is already used`, other: first });
  }

  for (const [field, label] of UNIQUE_FIELDS) {
    const holders = new Map<string, IndexedEntry>();
    for (const item of entries) {
      const value = item.entry[field];
      if (value === null || value === undefined) continue;
      const first = holders.get(value);
      if (first) problems.push({ index: item.index, field, message: `${label} ${value} is already used by ${personLabel(first)}`, other: first.index });
      else holders.set(value, item);
    }
  }

  for (const { index, entry } of entries) {
    if (entry.supervisor && !firstById.has(entry.supervisor)) {
      problems.push({ index, field: "supervisor", message: `supervisor "${entry.supervisor}" is not in the file` });
    }
  }

  problems.push(...findCycles(entries));
  return problems;
}

/** Each supervisor cycle once, reported at the member that comes first in the file. */
function findCycles(entries: IndexedEntry[]): EntryProblem[] {
  const byId = new Map<string, IndexedEntry & { entry: { id: string } }>();
  for (const item of entries) if (item.entry.id !== undefined && !byId.has(item.entry.id)) byId.set(item.entry.id, { ...item, entry: { ...item.entry, id: item.entry.id } });
  const state = new Map<string, "visiting" | "done">();
  const problems: EntryProblem[] = [];
  for (const start of byId.values()) {
    const path: Array<typeof start> = [];
    let current: typeof start | undefined = start;
    while (current && !state.has(current.entry.id)) {
      state.set(current.entry.id, "visiting");
      path.push(current);
      current = current.entry.supervisor ? byId.get(current.entry.supervisor) : undefined;
    }
    if (current && state.get(current.entry.id) === "visiting") {
      const cycle = path.slice(path.indexOf(current));
      const first = cycle.reduce((a, b) => (b.index < a.index ? b : a));
      const from = cycle.indexOf(first);
      const names = [...cycle.slice(from), ...cycle.slice(0, from), first].map((c) => c.entry.id);
      problems.push({ index: first.index, field: "supervisor", message: `supervisor cycle: ${names.join(" → ")}` });
    }
    for (const item of path) state.set(item.entry.id, "done");
  }
  return problems;
}

function personLabel({ index, entry }: IndexedEntry): string {
  return entry.id === undefined ? `person #${index + 1}` : `person "${entry.id}"`;
}
