import { z } from "zod";
import { PERSON_ROLES } from "../directory/types.ts";
import { RulesError, type PolicyRules } from "../policy/rules.ts";
import { ROLES } from "../policy/types.ts";
import { DECISION_RULES, DETAIL_FIELDS, REGISTERS, type ApprovalSettings, type DecisionRule } from "./types.ts";

/**
 * The rules file's top-level `approvals:` section: how each approver role decides, which register
 * keeps each topic, which details a request must give, and how waivers are told apart.
 * Every key is optional; a Code without the section still routes by its topics' approvers.
 */
const topicSettings = z
  .object({
    /** The register that keeps requests of this topic. */
    register: z.enum(REGISTERS).optional(),
    /** How the topic's `approvers` list is read: every role in order, or the first role with an eligible approver. */
    approvers: z.enum(["all_in_order", "one_of"]).default("all_in_order"),
    /** Details the request must give (e.g. a gift's amount and giver). */
    requires: z.array(z.enum(DETAIL_FIELDS)).default([]),
    /** The Code requires the decision in writing (recorded on the request and in the register). */
    in_writing: z.boolean().default(false),
    /** An approval must be disclosed promptly (waivers for executive officers and Directors). */
    prompt_disclosure: z.boolean().default(false),
  })
  .strict();

const settingsSchema = z
  .object({
    /** Per Code role: `any` member decides, a `majority` of eligible members, or `all` of them. */
    decision_rules: z.record(z.enum(ROLES), z.enum(DECISION_RULES)).default({}),
    topics: z.record(z.string(), topicSettings).default({}),
    /** Waivers: which topic applies depends on whom the waiver is for. */
    waivers: z
      .object({
        /** A waiver for someone holding one of these directory roles uses `restricted_topic`. */
        restricted_roles: z.array(z.enum(PERSON_ROLES)).min(1),
        restricted_topic: z.string(),
        other_topic: z.string(),
      })
      .strict()
      .optional(),
    /** Last stop when nobody up the chain can decide, and who is alerted about overdue group decisions. */
    escalate_to: z.enum(PERSON_ROLES).default("ethics_officer"),
    /** Who is told when an approval flagged for prompt disclosure is granted. */
    disclose_to: z.array(z.enum(PERSON_ROLES)).default([]),
  })
  .strict();

/** Group roles decide by majority unless the rules file says otherwise; everyone else alone. */
export const DEFAULT_DECISION_RULES: Readonly<Record<string, DecisionRule>> = { board: "majority", audit_committee: "majority" };

/** Reads and checks the `approvals:` section against the topics; problems are a startup error. */
export function parseApprovalSettings(rules: PolicyRules, file = "rules"): ApprovalSettings {
  const raw = (rules as Record<string, unknown>).approvals ?? {};
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new RulesError(file, parsed.error.issues.map((i) => `approvals${i.path.map((p) => `.${p}`).join("")}: ${i.message}`));
  }
  const s = parsed.data;
  const problems: string[] = [];
  const byId = new Map(rules.topics.map((t) => [t.id, t]));
  const needsApproval = (id: string, where: string) => {
    const topic = byId.get(id);
    if (!topic) problems.push(`${where}: no topic "${id}" in topics`);
    else if (topic.verdict !== "needs_approval") problems.push(`${where}: topic "${id}" is ${topic.verdict}, not needs_approval`);
  };
  for (const id of Object.keys(s.topics)) needsApproval(id, `approvals.topics.${id}`);
  if (s.waivers) {
    needsApproval(s.waivers.restricted_topic, "approvals.waivers.restricted_topic");
    needsApproval(s.waivers.other_topic, "approvals.waivers.other_topic");
  }
  if (problems.length) throw new RulesError(file, problems);

  const decisionRules: Record<string, DecisionRule> = { ...DEFAULT_DECISION_RULES, ...s.decision_rules };
  return {
    decisionRule: (role) => decisionRules[role] ?? "any",
    topic: (id) => {
      const t = s.topics[id];
      return {
        register: t?.register ?? null,
        approvers: t?.approvers ?? "all_in_order",
        requires: t?.requires ?? [],
        inWriting: t?.in_writing ?? false,
        promptDisclosure: t?.prompt_disclosure ?? false,
      };
    },
    waivers: s.waivers ? { restrictedRoles: s.waivers.restricted_roles, restrictedTopic: s.waivers.restricted_topic, otherTopic: s.waivers.other_topic } : null,
    escalateTo: s.escalate_to,
    discloseTo: s.disclose_to,
  };
}
