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
  const bypass = advice.bypass_supervisor_step;
  const unsure = decision.bypassSupervisor ? bypass : advice.unsure_step;
  if (decision.toMe) return `This should be reported, and you are protected from retaliation for reporting it in good faith. ${topic.summary} ${decision.bypassSupervisor ? bypass : advice.report_step}`;
  const value = decision.value ? `${capitalise(decision.value.because)}. ` : "";
  switch (verdict) {
    case "allowed":
      if (value) return `Yes, the Code allows this. ${value}${topic.summary} ${unsure}`;
      return `Yes, the Code allows this. ${topic.summary} ${unsure}`;
    case "prohibited":
      if (decision.prohibitedAct) return `No, the Code does not allow this: "${decision.prohibitedAct}" is prohibited, and no approval makes it acceptable. ${unsure}`;
      return `No, the Code does not allow this. ${value}${topic.summary} ${unsure}`;
    case "needs_approval": {
      const who = approvers.length ? names(approvers, topic.approval === "any" ? "or" : "and", rules) : "the Company";
      return `Only with approval given beforehand. ${value}${topic.summary} Next step: request approval from ${who} before you go ahead (section ${section}).`;
    }
    case "guidance": {
      if (!approvers.length && decision.bypassSupervisor) return `${topic.summary} ${bypass}`;
      const who = approvers.length ? names(approvers, "or", rules) : ROLE_NAMES.supervisor;
      return `${topic.summary} Next step: ask ${who} for guidance (section ${section}).`;
    }
    case "report":
      return `This should be reported. ${topic.summary} ${decision.bypassSupervisor ? bypass : advice.report_step}`;
    case "out_of_scope":
      return notCoveredAnswer(rules);
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function notCoveredAnswer(rules: PolicyRules): string {
  return `The Code of Conduct does not cover this question. ${rules.advice.not_covered_step}`;
}

export const EMPTY_ANSWER =
  "Please type a question about the Code of Conduct, for example whether you may accept a gift from a supplier. I will tell you what the Code says and who to ask.";

/** Said under the answer to a question longer than the matcher reads. */
export const TRUNCATED_NOTICE = `Your question is longer than ${MATCH_LIMIT.toLocaleString("en-US")} characters, so I matched only its first ${MATCH_LIMIT.toLocaleString("en-US")}. Ask a shorter question for a closer answer.`;

export const EMPTY_HEADLINE = "Ask me about the Code of Conduct";

export const NOT_ENGLISH_HEADLINE = "I answer in English";
export const NOT_ENGLISH_ANSWER =
  "Sorry, I can only answer questions in English, so I could not read this one. Please ask again in English. If you want to report a concern, use Report a concern: the report form accepts reports in any language, and you may stay anonymous.";

function sectionOf(topic: Topic): string {
  return topic.clause;
}

function names(roles: readonly ApproverRole[], join: "and" | "or", rules: PolicyRules): string {
  return joinNames(roles.map((r) => roleName(r, rules)), join);
}
