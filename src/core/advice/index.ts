// The "Ask" feature: question in plain words → verdict, approvers, cited clauses, answer.
export { createAdvisor, type Advisor } from "./advisor.ts";
export type { Answer, CitedClause } from "./types.ts";
export { ROLE_NAMES, roleName, TRUNCATED_NOTICE } from "./answer.ts";
