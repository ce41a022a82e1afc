import type { CaseService, CaseSummary, ReporterCaseSummary } from "../core/cases/index.ts";
import type { Actor } from "./actor.ts";

/**
 * "My cases" (Slack's App Home, the console's /cases), written once: the cases the person handles
 * and the reports they filed, newest as the core lists them, at most `limit` of each, and whether
 * more were left out. The core is asked for one more than is shown, so a long list costs no more.
 */

export const CASES_LIMIT = 10;

export const CASE_LIST_WORDS = {
  handling: "Cases you handle",
  reported: "Your reports",
  noneHandling: "No cases are assigned to you.",
  noneReported: "You have not filed any reports.",
  none: "You have no cases.",
  more: (limit: number) => `Only the newest ${limit} are shown.`,
} as const;

export interface CaseLists {
  kind: "case_lists";
  handling: CaseSummary[];
  reported: ReporterCaseSummary[];
  /** Whether each list was cut at `limit`. */
  moreHandling: boolean;
  moreReported: boolean;
  limit: number;
  /** Only the person sees it. */
  placement: "post";
}

export async function listCases(cases: Pick<CaseService, "listForHandler" | "listForReporter">, actor: Actor, limit = CASES_LIMIT): Promise<CaseLists> {
  const asked = { limit: limit + 1 };
  const [handling, reported] = await Promise.all([cases.listForHandler(actor.person.id, asked), cases.listForReporter(actor.person.id, asked)]);
  return {
    kind: "case_lists",
    handling: handling.slice(0, limit),
    reported: reported.slice(0, limit),
    moreHandling: handling.length > limit,
    moreReported: reported.length > limit,
    limit,
    placement: "post",
  };
}
