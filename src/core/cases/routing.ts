import type { DirectoryQueries, Person } from "../directory/types.ts";
import type { CategoryDef } from "./categories.ts";
import type { RecipientKind, RoutedTo } from "./types.ts";

export interface RouteRequest {
  recipient: RecipientKind;
  /** With recipient "director": the Director chosen. */
  directorId: string | null;
  category: Pick<CategoryDef, "auditCommittee">;
  reporterId: string;
  /** People named as involved. */
  involved: readonly string[];
}

export interface Route {
  /** Person ids to assign, in routing order; empty when everyone who could receive it is excluded. */
  handlers: string[];
  /** Where it ended up; null when no one could receive it. */
  routedTo: RoutedTo | null;
  /** True when the chosen recipient was excluded and the report went up. */
  rerouted: boolean;
}

/** The reporter and everyone named as involved: never assigned, notified or given access. */
export function exclusionsOf(reporterId: string, involved: readonly string[]): Set<string> {
  return new Set([reporterId, ...involved]);
}

type Step = { to: RoutedTo; people: () => Promise<Person[]> };

/**
 * Where a report goes (Code section 1: "a supervisor, the President, a Director or Directors, or
 * … the Audit Committee"). The chosen recipient receives it unless excluded; then it goes up:
 * supervisor → their supervisor → … → President → Audit Committee → the Directors not involved.
 * The ethics officer (the default) goes up to the President; a Director, who sits above management,
 * to the Audit Committee. A committee with some members excluded goes to the others.
 * Accounting, disclosure and insider-trading categories also always reach the Audit Committee
 * members who are not excluded (SOX 301), whoever the reporter chose.
 */
export async function route(request: RouteRequest, directory: DirectoryQueries): Promise<Route> {
  const excluded = exclusionsOf(request.reporterId, request.involved);
  const president: Step = { to: "president", people: () => directory.holdersOf("president") };
  const auditCommittee: Step = { to: "audit_committee", people: () => directory.holdersOf("audit_committee") };
  const board: Step = { to: "board", people: () => directory.holdersOf("director") };

  const first: Step[] = await firstSteps(request, directory);
  // Management choices go up through the President; Board-level choices stay at Board level.
  const up: Record<RecipientKind, Step[]> = {
    supervisor: [president, auditCommittee],
    ethics_officer: [president, auditCommittee],
    president: [auditCommittee],
    director: [auditCommittee],
    audit_committee: [],
  };
  const steps = [...first, ...up[request.recipient], board];

  for (const [index, step] of steps.entries()) {
    const people = (await step.people()).filter((p) => !excluded.has(p.id));
    if (!people.length) continue;
    const handlers = people.map((p) => p.id);
    if (request.category.auditCommittee && step.to !== "audit_committee") {
      for (const member of await auditCommittee.people()) {
        if (!excluded.has(member.id) && !handlers.includes(member.id)) handlers.push(member.id);
      }
    }
    return { handlers, routedTo: step.to, rerouted: index >= first.length || (request.recipient === "supervisor" && index > 0) };
  }
  return { handlers: [], routedTo: null, rerouted: true };
}

async function firstSteps(request: RouteRequest, directory: DirectoryQueries): Promise<Step[]> {
  switch (request.recipient) {
    case "ethics_officer":
      return [{ to: "ethics_officer", people: () => directory.holdersOf("ethics_officer") }];
    case "president":
      return [{ to: "president", people: () => directory.holdersOf("president") }];
    case "audit_committee":
      return [{ to: "audit_committee", people: () => directory.holdersOf("audit_committee") }];
    case "director":
      return [{ to: "director", people: async () => (request.directorId ? [await directory.get(request.directorId)].filter(isPerson) : []) }];
    case "supervisor": {
      // Nearest first: my supervisor, theirs, … up to the top.
      const chain = await directory.chainAbove(request.reporterId);
      return chain.map((person) => ({ to: "supervisor" as const, people: async () => [person] }));
    }
  }
}

function isPerson(p: Person | null): p is Person {
  return p !== null;
}
