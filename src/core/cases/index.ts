// The Report core: what surfaces and the composition root import.
export { createCaseService, type CaseService } from "./service.ts";
export type { CaseServiceDeps, CaseLogger } from "./context.ts";
export { CATEGORIES, DEFAULT_CATEGORIES, type Category, type CategoryDef, type CategoryTable } from "./categories.ts";
export { HANDLER_KINDS, REPORTER_KINDS, type HandlerPayloads, type ReporterNotice, type Deadline } from "./notifications.ts";
export { DEADLINE_JOBS, ACKNOWLEDGE_DAYS, FEEDBACK_MONTHS } from "./deadlines.ts";
export { CHECKIN_DAYS, CHECKIN_JOB, type CheckinAnswer } from "./checkins.ts";
export { PURGE_JOB } from "./retention.ts";
export { route, exclusionsOf, type Route, type RouteRequest } from "./routing.ts";
export { caseRegister, REGISTER_COLUMNS, type RegisterRow } from "./export.ts";
export { rotateKeys, type RotationSummary } from "./rotate.ts";
export { checkReportDraft, LIMITS } from "./intake/validate.ts";
export * from "./types.ts";
