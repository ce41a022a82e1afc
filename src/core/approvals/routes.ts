import type { HeldRole } from "../directory/types.ts";
import { heldByOf } from "../policy/roles.ts";
import type { PolicyRules, Topic } from "../policy/rules.ts";
import type { Verdict } from "../policy/types.ts";
import type { ApprovalSettings, Rejected, StageRole, TopicSettings } from "./types.ts";

/** Which topic a request is about, and the roles that decide it, stage by stage. */
export interface RoutePlan {
  topic: Topic;
  settings: TopicSettings;
  /** One entry per stage, in order; an entry with several roles is decided by the first that has an eligible approver. */
  stages: StageRole[][];
  /** The directory role whose holders decide for a role the rules file declares (its `held_by`, else its own id). */
  heldBy: Readonly<Record<string, string>>;
}

export interface TopicChoice {
  topicId?: string;
  clauseId?: string;
}

const VERDICT_WORDS: Record<Verdict, string> = {
  allowed: "is allowed without anyone's approval",
  needs_approval: "needs approval",
  prohibited: "is prohibited, so it cannot be approved",
  guidance: "calls for guidance, not an approval",
  report: "is something to report, not to approve",
  out_of_scope: "is not covered by the Code",
};

/**
 * Picks the topic (from the Ask answer's topicId or a clause the requester chose), applies the
 * waiver split (the person the waiver is for decides which waiver topic applies) and reads the
 * topic's approvers into stages. Topics whose verdict is not needs_approval are refused.
 */
export function planRoute(rules: PolicyRules, settings: ApprovalSettings, choice: TopicChoice, waiverSubjectRoles: readonly HeldRole[]): RoutePlan | Rejected {
  const picked = pickTopic(rules, settings, choice);
  if ("kind" in picked) return picked;
  let topic = picked;
  const waivers = settings.waivers;
  if (waivers && (topic.id === waivers.restrictedTopic || topic.id === waivers.otherTopic)) {
    const restricted = waiverSubjectRoles.some((r) => (waivers.restrictedRoles as readonly string[]).includes(r));
    topic = rules.topics.find((t) => t.id === (restricted ? waivers.restrictedTopic : waivers.otherTopic))!;
  }
  if (topic.verdict !== "needs_approval") {
    return reject("not_needs_approval", `Clause ${topic.clause} ${VERDICT_WORDS[topic.verdict]}: ${topic.summary}`);
  }
  if (topic.approvers.length === 0) return reject("no_approver", `The rules file names no approver for clause ${topic.clause} (${topic.id}).`);
  const topicSettings = settings.topic(topic.id);
  const stages = topicSettings.approvers === "one_of" ? [[...topic.approvers]] : topic.approvers.map((role) => [role]);
  return { topic, settings: topicSettings, stages, heldBy: heldByOf(rules) };
}

function pickTopic(rules: PolicyRules, settings: ApprovalSettings, choice: TopicChoice): Topic | Rejected {
  if (choice.topicId) {
    const topic = rules.topics.find((t) => t.id === choice.topicId);
    return topic ?? reject("unknown_topic", `There is no topic "${choice.topicId}" in the Code's rules.`, "topicId");
  }
  if (!choice.clauseId) return reject("invalid", "Say which clause or topic the request is about.", "topicId");
  const clauseId = choice.clauseId.trim();
  const ofClause = rules.topics.filter((t) => t.clause === clauseId);
  if (ofClause.length === 0) return reject("unknown_topic", `No topic of the Code's rules covers clause ${clauseId}.`, "clauseId");
  const candidates = ofClause.filter((t) => t.verdict === "needs_approval");
  if (candidates.length === 0) return ofClause[0]!; // refused by the verdict check, with its reason
  const waiverTopics = settings.waivers ? [settings.waivers.restrictedTopic, settings.waivers.otherTopic] : [];
  if (candidates.length === 1 || candidates.every((t) => waiverTopics.includes(t.id))) return candidates[0]!;
  return {
    ...reject("ambiguous_clause", `Clause ${clauseId} covers several kinds of approval; choose one.`, "clauseId"),
    options: candidates.map((t) => ({ id: t.id, label: t.summary })),
  };
}

function reject(code: Rejected["code"], message: string, field?: string): Rejected {
  return { kind: "rejected", code, message, ...(field ? { field } : {}) };
}
