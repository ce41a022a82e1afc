// The "Ask" feature: question in plain words → verdict, approvers, cited clauses, answer.
export { createAdvisor, type Advisor } from "./advisor.ts";
export type { Answer, CitedClause } from "./types.ts";
export { ROLE_NAMES, TRUNCATED_NOTICE } from "./answer.ts";
