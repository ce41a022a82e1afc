import type { CaseOutcome, CaseStatus, ThreadKind } from "../../core/cases/index.ts";
import { capitalised, OUTCOME_LABELS as CASE_OUTCOMES, STATUS_LABELS as CASE_STATES } from "../../interactions/caseLabels.ts";

/** The labels every surface shows, capitalised for the console's table cells and choices. */
const allCapitalised = <K extends string>(labels: Record<K, string>) =>
  Object.fromEntries(Object.entries<string>(labels).map(([k, v]) => [k, capitalised(v)])) as Record<K, string>;
export const STATUS_LABELS: Record<CaseStatus, string> = allCapitalised(CASE_STATES);
export const OUTCOME_LABELS: Record<CaseOutcome, string> = allCapitalised(CASE_OUTCOMES);
export const THREAD_LABELS: Record<ThreadKind, string> = { to_reporter: "To the reporter", from_reporter: "From the reporter", note: "Internal note" };
export const REGISTER_LABELS: Record<string, string> = { gifts: "Gifts and entertainment", conflicts: "Conflicts of interest", outside_roles: "Outside roles", waivers: "Waivers", other: "Other approvals" };
export const VERDICT_LABELS: Record<string, string> = {
  allowed: "Allowed",
  needs_approval: "Needs approval",
  prohibited: "Prohibited",
  guidance: "Seek guidance",
  report: "Report it",
  out_of_scope: "Not covered",
};

/** Audit actions as a handler reads them. */
export const ACTION_LABELS: Record<string, string> = {
  "case.filed": "Filed",
  "case.viewed": "Viewed",
  "case.viewed_by_reporter": "Viewed by the reporter",
  "case.assigned": "Assigned",
  "case.unassigned": "Unassigned",
  "case.reassign_refused": "Reassignment refused",
  "case.message_to_reporter": "Message to the reporter",
  "case.message_from_reporter": "Message from the reporter",
  "case.note_added": "Note added",
  "case.status_changed": "Status changed",
  "case.legal_hold": "Legal hold",
};
