// The Approve core: what surfaces, the CLI and the composition root import.
//
//   const store = createApprovalStore(db.prisma, clock);                 // src/store/approvals.ts
//   const approvals = createApprovalService({ store, directory, policy, clock, config });
//   worker jobHandlers: { ...approvalJobHandlers(store, approvals) }      // reminders, escalations
//
// Every method returns platform-neutral results (ApprovalView, DecideResult, …); notifications go
// to the outbox with the kinds in NOTIFICATION_KINDS.
export { createApprovalService, type ApprovalService, type ApprovalServiceOptions } from "./service.ts";
export type { SetDelegateResult } from "./delegates.ts";
export { NOTIFICATION_KINDS, type ApprovalNotificationKind, type ApprovalPayload, type DecisionRef, type RequestRef, type StageRef } from "./notifications.ts";
export { JOB_KINDS } from "./timers.ts";
export { registerCsv, registerJson, type RegisterEntry } from "./registers.ts";
export { parseApprovalSettings } from "./settings.ts";
export type { ApprovalStore, ApprovalTx, RegisterFilter } from "./store.ts";
export * from "./types.ts";
