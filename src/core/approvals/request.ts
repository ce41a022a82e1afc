import type { Person } from "../directory/types.ts";
import { approvalsNeeded } from "./decisionRule.ts";
import { namesFor, present, rejected, reload, stepContext, type ApprovalDeps } from "./deps.ts";
import { invalid, requestSchema } from "./input.ts";
import { openStage } from "./progress.ts";
import type { StageRecord } from "./records.ts";
import { planRoute, type RoutePlan } from "./routes.ts";
import { resolveStages, type StagePlan } from "./stages.ts";
import { newId } from "./steps.ts";
import type { ApprovalDetails, NewApprovalRequest, Rejected, RequestResult, RoutePreview } from "./types.ts";

interface Prepared {
  requester: Person;
  subjectId: string | null;
  involvedIds: string[];
  summary: string;
  details: ApprovalDetails;
  plan: RoutePlan;
  stages: StagePlan[];
}

/** Validates a request and resolves its route and approvers, without writing anything. */
async function prepare(deps: ApprovalDeps, input: NewApprovalRequest): Promise<Prepared | Rejected> {
  const parsed = requestSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const p = parsed.data;
  const requester = await deps.directory.get(p.requesterId);
  if (!requester) return rejected("unknown_person", `Nobody with id "${p.requesterId}" is in the directory.`, "requesterId");
  const subject = p.waiverForId ? await deps.directory.get(p.waiverForId) : requester;
  if (!subject) return rejected("unknown_person", `Nobody with id "${p.waiverForId}" is in the directory.`, "waiverForId");
  const involved: string[] = [];
  for (const id of p.involvedIds) {
    const person = await deps.directory.get(id);
    if (!person) return rejected("unknown_person", `Nobody with id "${id}" is in the directory.`, "involvedIds");
    if (person.id !== requester.id && !involved.includes(person.id)) involved.push(person.id);
  }

  const plan = planRoute(deps.rules, deps.settings, { topicId: p.topicId, clauseId: p.clauseId }, subject.roles);
  if ("kind" in plan) return plan;
  const missing = plan.settings.requires.find((field) => p.details[field] === undefined);
  if (missing) return rejected("missing_details", `A request under clause ${plan.topic.clause} must give the ${missing}.`, `details.${missing}`);

  const waivers = deps.settings.waivers;
  const isWaiver = !!waivers && (plan.topic.id === waivers.restrictedTopic || plan.topic.id === waivers.otherTopic);
  const subjectId = isWaiver ? subject.id : null;
  const excluded = new Set([requester.id, ...involved, ...(subjectId ? [subjectId] : [])]);
  const stages = await resolveStages(plan, deps.settings, deps.directory, requester.id, excluded);
  if ("kind" in stages) return stages;
  return { requester, subjectId, involvedIds: involved, summary: p.summary, details: p.details, plan, stages };
}

/** Who would decide, stage by stage, if the request were made now. */
export async function previewRequest(deps: ApprovalDeps, input: NewApprovalRequest): Promise<RoutePreview | Rejected> {
  const prepared = await prepare(deps, input);
  if ("kind" in prepared) return prepared;
  const { plan, stages } = prepared;
  const nameOf = await namesFor(deps.directory, stages.flatMap((s) => s.seats.map((seat) => seat.personId)));
  return {
    topicId: plan.topic.id,
    clauseId: plan.topic.clause,
    register: plan.settings.register,
    requires: plan.settings.requires,
    inWriting: plan.settings.inWriting,
    disclosureRequired: plan.settings.promptDisclosure,
    stages: stages.map((s) => ({ role: s.role, rule: s.rule, fallback: s.fallback, approvers: s.seats.map((seat) => nameOf(seat.personId)), needed: approvalsNeeded(s.rule, s.seats.length) })),
  };
}

/**
 * Makes a request: stores it with every stage's approvers, opens the first stage (its approvers
 * are notified, its timers start) and audits it, all in one transaction. The same
 * `idempotencyKey` from the same requester returns the request made the first time.
 */
export async function createRequest(deps: ApprovalDeps, input: NewApprovalRequest, idempotencyKey?: string): Promise<RequestResult> {
  const prepared = await prepare(deps, input);
  if ("kind" in prepared) return prepared;
  const { requester, plan, stages } = prepared;
  const requestKey = idempotencyKey ? `${requester.id}:${idempotencyKey}` : null;
  const now = deps.clock.now();
  const id = newId("apr");

  const created = async (): Promise<{ id: string; replayed: boolean }> =>
    deps.store.transaction(async (tx) => {
      const existing = requestKey ? await tx.findIdByRequestKey(requestKey) : null;
      if (existing) return { id: existing, replayed: true };
      const records: StageRecord[] = stages.map((s, position) => ({
        id: newId("aps"),
        position,
        role: s.role,
        rule: s.rule,
        status: "waiting",
        fallback: s.fallback,
        escalationPath: s.escalationPath,
        escalationLevel: 0,
        openedAt: null,
        closedAt: null,
        seats: s.seats.map((seat) => ({ ...seat, addedAt: now })),
      }));
      await tx.insertRequest(
        {
          id,
          requestKey,
          topicId: plan.topic.id,
          clauseId: plan.topic.clause,
          register: plan.settings.register,
          requesterId: requester.id,
          subjectId: prepared.subjectId,
          involvedIds: prepared.involvedIds,
          summary: prepared.summary,
          details: prepared.details,
          inWriting: plan.settings.inWriting,
          disclosureRequired: plan.settings.promptDisclosure,
          status: "pending",
          currentStage: 0,
          createdAt: now,
          updatedAt: now,
          closedAt: null,
        },
        records,
      );
      const agg = (await tx.load(id))!;
      await tx.audit({
        actor: requester.id,
        action: "approval.requested",
        subjectType: "approval",
        subjectId: id,
        details: {
          topicId: plan.topic.id,
          clauseId: plan.topic.clause,
          register: plan.settings.register,
          // How many were named, not who: the people named are sealed with the request (sealing.ts).
          involved: prepared.involvedIds.length,
          subjectId: prepared.subjectId,
          stages: stages.map((s) => ({ role: s.role, rule: s.rule, fallback: s.fallback, approvers: s.seats.map((seat) => seat.personId) })),
        },
      });
      await openStage(tx, stepContext(deps), agg, agg.stages[0]!);
      return { id, replayed: false };
    });

  let outcome: { id: string; replayed: boolean };
  try {
    outcome = await created();
  } catch (error) {
    // Two submissions with the same key at once: the database kept one; return it.
    if (!requestKey || !deps.store.isUniqueViolation(error)) throw error;
    const existing = await deps.store.transaction((tx) => tx.findIdByRequestKey(requestKey));
    if (!existing) throw error;
    outcome = { id: existing, replayed: true };
  }
  return { kind: "created", view: await present(deps, await reload(deps, outcome.id), requester.id), replayed: outcome.replayed };
}
