import { MATCH_LIMIT } from "./normalise.ts";
import type { PolicyRules, Topic } from "../policy/rules.ts";
import type { ApproverRole, BuiltInRole } from "../policy/types.ts";

/**
 * How an answer names a role: a built-in one as ROLE_NAMES says, one the rules file declares by its
 * declared name ("the Ethics Office"), otherwise from its id ("department_head" → "the department head").
 */
export function roleName(role: ApproverRole, rules?: Pick<PolicyRules, "roles">): string {
  return (ROLE_NAMES as Record<string, string>)[role] ?? rules?.roles[role]?.name ?? `the ${role.replace(/_/g, " ")}`;
}
import { joinNames } from "../text/joinNames.ts";
import type { Decision } from "./verdict.ts";

/** How an answer names each built-in Code role. */
export const ROLE_NAMES: Readonly<Record<BuiltInRole, string>> = {
  supervisor: "your immediate supervisor",
  executive_officer: "an executive officer",
  officer: "any officer of the Company",
  president: "the President",
  board: "the Board of Directors",
  audit_committee: "the Audit Committee",
  attorneys: "the Company's attorneys",
};

/** Two or three plain sentences: the verdict, what the Code requires, and the next step. */
export function composeAnswer(decision: Decision, rules: PolicyRules): string {
  const { topic, verdict, approvers } = decision;
  const { advice } = rules;
  const section = sectionOf(topic);
  switch (verdict) {
    case "allowed":
      return `Yes, the Code allows this. ${topic.summary} ${advice.unsure_step}`;
    case "prohibited":
      return `No, the Code does not allow this. ${topic.summary} ${advice.unsure_step}`;
    case "needs_approval": {
      const who = approvers.length ? names(approvers, topic.approval === "any" ? "or" : "and", rules) : "the Company";
      return `Only with approval given beforehand. ${topic.summary} Next step: request approval from ${who} before you go ahead (section ${section}).`;
    }
    case "guidance": {
      const who = approvers.length ? names(approvers, "or", rules) : ROLE_NAMES.supervisor;
      return `${topic.summary} Next step: ask ${who} for guidance (section ${section}).`;
    }
    case "report":
      return `This should be reported. ${topic.summary} ${advice.report_step}`;
    case "out_of_scope":
      return notCoveredAnswer(rules);
  }
}

export function notCoveredAnswer(rules: PolicyRules): string {
  return `The Code of Conduct does not cover this question. ${rules.advice.not_covered_step}`;
}

export const EMPTY_ANSWER =
  "Please type a question about the Code of Conduct, for example whether you may accept a gift from a supplier. I will tell you what the Code says and who to ask.";

/** Said under the answer to a question longer than the matcher reads. */
export const TRUNCATED_NOTICE = `Your question is longer than ${MATCH_LIMIT.toLocaleString("en-US")} characters, so I matched only its first ${MATCH_LIMIT.toLocaleString("en-US")}. Ask a shorter question for a closer answer.`;

export const NOT_ENGLISH_ANSWER =
  "Sorry, I can only answer questions in English. Please ask again in English, or ask your immediate supervisor for help.";

function sectionOf(topic: Topic): string {
  return topic.clause;
}

function names(roles: readonly ApproverRole[], join: "and" | "or", rules: PolicyRules): string {
  return joinNames(roles.map((r) => roleName(r, rules)), join);
}
