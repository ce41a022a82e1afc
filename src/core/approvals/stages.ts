import type { DirectoryQueries, HeldRole, PersonRole } from "../directory/types.ts";
import type { BuiltInRole } from "../policy/types.ts";
import type { StageRecord } from "./records.ts";
import type { RoutePlan } from "./routes.ts";
import type { ApprovalSettings, DecisionRule, Rejected, SeatVia, StageFallback, StageRole } from "./types.ts";

/**
 * The directory role holding each built-in Code approver role; `supervisor` is the requester's own.
 * A role the rules file declares (e.g. "department_head") is held by the people the directory file
 * gives that role (or the role its `held_by` names).
 */
export const PERSON_ROLE_OF: Record<Exclude<BuiltInRole, "supervisor">, PersonRole> = {
  board: "director",
  audit_committee: "audit_committee",
  executive_officer: "executive_officer",
  officer: "officer",
  president: "president",
  attorneys: "attorney",
};

export interface StagePlan {
  role: StageRole;
  rule: DecisionRule;
  fallback: StageFallback | null;
  seats: Array<{ personId: string; via: SeatVia }>;
  escalationPath: string[];
}

/**
 * Resolves every stage's approvers now, so that deciding never needs the directory. The requester
 * and everyone named in the request are excluded. A stage with nobody left (or no supervisor on
 * file) goes to the nearest eligible person up the requester's chain, then to the escalation role.
 */
export async function resolveStages(
  plan: RoutePlan,
  settings: ApprovalSettings,
  directory: DirectoryQueries,
  requesterId: string,
  excluded: ReadonlySet<string>,
): Promise<StagePlan[] | Rejected> {
  const eligible = (ids: string[]) => [...new Set(ids)].filter((id) => !excluded.has(id));
  const escalationHolders = eligible((await directory.holdersOf(settings.escalateTo)).map((p) => p.id));
  const chain = eligible((await directory.chainAbove(requesterId)).map((p) => p.id));
  const stages: StagePlan[] = [];
  for (const roles of plan.stages) {
    const stage = await resolveStage(roles, plan.heldBy, settings, directory, requesterId, excluded, chain, escalationHolders);
    if (!stage) {
      return { kind: "rejected", code: "no_approver", message: `Nobody can decide this request: no eligible ${roles.join(" or ")}, nobody eligible above you, and no ${settings.escalateTo}.` };
    }
    stages.push(stage);
  }
  return stages;
}

async function resolveStage(
  roles: StageRole[],
  heldBy: RoutePlan["heldBy"],
  settings: ApprovalSettings,
  directory: DirectoryQueries,
  requesterId: string,
  excluded: ReadonlySet<string>,
  chain: string[],
  escalationHolders: string[],
): Promise<StagePlan | null> {
  const after = (ids: string[], personId: string) => [...ids.slice(ids.indexOf(personId) + 1), ...escalationHolders.filter((id) => !ids.includes(id))];
  let noSupervisor = false;
  for (const role of roles) {
    if (role === "supervisor") {
      const supervisor = await directory.supervisorOf(requesterId);
      if (!supervisor) noSupervisor = true;
      if (supervisor && !excluded.has(supervisor.id)) {
        return { role, rule: "any", fallback: null, seats: [{ personId: supervisor.id, via: "supervisor" }], escalationPath: after(chain, supervisor.id).filter((id) => id !== supervisor.id) };
      }
      continue;
    }
    const held: HeldRole = PERSON_ROLE_OF[role as keyof typeof PERSON_ROLE_OF] ?? heldBy[role] ?? role;
    const holders = (await directory.holdersOf(held)).map((p) => p.id).filter((id) => !excluded.has(id));
    if (holders.length) {
      return { role, rule: settings.decisionRule(role), fallback: null, seats: [...new Set(holders)].map((personId) => ({ personId, via: "role" })), escalationPath: escalationHolders.filter((id) => !holders.includes(id)) };
    }
  }
  const fallback: StageFallback = noSupervisor ? "no_supervisor" : "no_eligible_approver";
  const role = roles[0]!;
  const nearest = chain[0];
  if (nearest) return { role, rule: "any", fallback, seats: [{ personId: nearest, via: "chain" }], escalationPath: after(chain, nearest) };
  if (escalationHolders.length) return { role, rule: "any", fallback, seats: escalationHolders.map((personId) => ({ personId, via: settings.escalateTo })), escalationPath: [] };
  return null;
}

/**
 * What an overdue stage does: a person-by-person stage (a supervisor, or someone up the chain)
 * adds the next person on its path as an approver; a group role (the Board, the Audit Committee,
 * …) keeps its authority, and the escalation role is alerted instead.
 */
export function escalationMode(stage: Pick<StageRecord, "role" | "fallback">): "add" | "notify" {
  return stage.role === "supervisor" || stage.fallback !== null ? "add" : "notify";
}
