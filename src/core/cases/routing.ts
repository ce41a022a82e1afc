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
  /** Why the chosen recipient did not receive it: named in the report, the reporter themself, or nobody on file. Null when they did. */
  passedOver: PassedOver | null;
  /** Some of the group it went to were left out, being named in the report. */
  someLeftOut: boolean;
  /** Audit Committee members received it as well as `routedTo` (accounting, disclosure, insider trading). */
  auditCommitteeToo: boolean;
}

export type PassedOver = "named" | "reporter" | "none_on_file";

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
  const involved = new Set(request.involved);
  let passedOver: PassedOver | null = first.length ? null : "none_on_file";

  for (const [index, step] of steps.entries()) {
    const all = await step.people();
    const people = all.filter((p) => !excluded.has(p.id));
    if (!people.length) {
      // The first reason the chosen recipient was skipped is the one the reporter is told.
      if (index < first.length && !passedOver) passedOver = all.length === 0 ? "none_on_file" : all.some((p) => involved.has(p.id)) ? "named" : "reporter";
      continue;
    }
    const handlers = people.map((p) => p.id);
    let auditCommitteeToo = false;
    if (request.category.auditCommittee && step.to !== "audit_committee") {
      for (const member of await auditCommittee.people()) {
        if (!excluded.has(member.id) && !handlers.includes(member.id)) auditCommitteeToo = handlers.push(member.id) > 0;
      }
    }
    const rerouted = index >= first.length || (request.recipient === "supervisor" && index > 0);
    return { handlers, routedTo: step.to, rerouted, passedOver: rerouted ? passedOver : null, someLeftOut: all.some((p) => involved.has(p.id)), auditCommitteeToo };
  }
  return { handlers: [], routedTo: null, rerouted: true, passedOver, someLeftOut: false, auditCommitteeToo: false };
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
