import type { Clock } from "../clock.ts";
import type { DirectoryQueries } from "../directory/types.ts";
import type { PolicyRules } from "../policy/rules.ts";
import type { RequestAggregate } from "./records.ts";
import type { StepContext } from "./steps.ts";
import type { ApprovalStore } from "./store.ts";
import type { ApprovalSettings, ApprovalView, PersonRef, Rejected } from "./types.ts";
import { buildView, personIdsOf, type NameOf, type Viewer } from "./view.ts";

/** What every approval use case is given. */
export interface ApprovalDeps {
  store: ApprovalStore;
  directory: DirectoryQueries;
  rules: PolicyRules;
  settings: ApprovalSettings;
  clock: Clock;
  remindDays: number;
  escalateDays: number;
}

export function stepContext(deps: ApprovalDeps, discloseTo: string[] = []): StepContext {
  return { clock: deps.clock, settings: deps.settings, remindDays: deps.remindDays, escalateDays: deps.escalateDays, discloseTo };
}

/** Names for ids, from the directory (outside any transaction); an unknown id shows as itself. */
export async function namesFor(directory: DirectoryQueries, ids: Iterable<string>): Promise<NameOf> {
  const names = new Map<string, PersonRef>();
  for (const id of new Set(ids)) {
    const person = await directory.get(id);
    names.set(id, { id, name: person?.name ?? id });
  }
  return (id) => names.get(id) ?? { id, name: id };
}

export async function viewerOf(deps: ApprovalDeps, personId: string): Promise<Viewer> {
  const [delegations, person] = await Promise.all([deps.store.delegationsTo(personId, deps.clock.now()), deps.directory.get(personId)]);
  return { personId, delegators: new Set(delegations.map((d) => d.personId)), roles: person?.roles ?? [] };
}

/** The view of a request for one person (their buttons included), with names filled in. */
export async function present(deps: ApprovalDeps, agg: RequestAggregate, viewer: Viewer | string | null): Promise<ApprovalView> {
  const v = typeof viewer === "string" ? await viewerOf(deps, viewer) : viewer;
  return buildView(agg, await namesFor(deps.directory, personIdsOf(agg)), v, deps.clock.now());
}

export async function holderIds(directory: DirectoryQueries, roles: ApprovalSettings["discloseTo"]): Promise<string[]> {
  const ids = new Set<string>();
  for (const role of roles) for (const p of await directory.holdersOf(role)) ids.add(p.id);
  return [...ids];
}

export function rejected(code: Rejected["code"], message: string, field?: string): Rejected {
  return { kind: "rejected", code, message, ...(field ? { field } : {}) };
}

/** Loads a request fresh after a transaction; it existed inside it, so it still does. */
export async function reload(deps: ApprovalDeps, requestId: string): Promise<RequestAggregate> {
  const agg = await deps.store.load(requestId);
  if (!agg) throw new Error(`approval request ${requestId} vanished`);
  return agg;
}
