import type { CaseOutcome, CaseStatus } from "../core/cases/index.ts";

/**
 * A case's state and outcome in the words every surface shows (Slack, Teams, the console, the web
 * console), written once so a handler and a reporter read the same label wherever they look.
 * Lower case, so they fit inside a line; `capitalised` gives the form of a heading or a choice.
 * The reporter's notices say it as a sentence instead (core/notifications/wording.ts).
 */
export const STATUS_LABELS: Record<CaseStatus, string> = {
  received: "received",
  acknowledged: "acknowledged",
  investigating: "investigating",
  closed: "closed",
};

/** How a case ended, in words a sentence can end with ("… is closed – referred elsewhere"). */
export const OUTCOME_LABELS: Record<CaseOutcome, string> = {
  substantiated: "substantiated",
  unsubstantiated: "not substantiated",
  referred: "referred elsewhere",
};

export const capitalised = (label: string): string => label.charAt(0).toUpperCase() + label.slice(1);

/** "investigating", or for a closed case "closed – not substantiated". */
export function caseStateLabel(c: { status: CaseStatus; outcome: CaseOutcome | null }): string {
  return `${STATUS_LABELS[c.status]}${c.outcome ? ` – ${OUTCOME_LABELS[c.outcome]}` : ""}`;
}
