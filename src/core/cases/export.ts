// The case register for auditors: numbers, categories, dates, durations, outcomes. No identities
// (no reporter, handler or involved person) and no content.
import { DAY_MS } from "../clock.ts";
import type { CaseDb, CaseRecord } from "./store.ts";

export interface RegisterRow {
  number: string;
  category: string;
  section: string;
  mode: string;
  priority: string;
  status: string;
  outcome: string;
  filedAt: string;
  acknowledgedAt: string;
  closedAt: string;
  /** Days from filing to acknowledgement / to closing, one decimal; "" while open. */
  daysToAcknowledge: string;
  daysToClose: string;
  /** "yes" | "no" | "" (not yet due). */
  acknowledgedInTime: string;
  feedbackInTime: string;
  linkedTo: string;
  purged: string;
}

export const REGISTER_COLUMNS: Array<keyof RegisterRow> = [
  "number", "category", "section", "mode", "priority", "status", "outcome", "filedAt", "acknowledgedAt", "closedAt",
  "daysToAcknowledge", "daysToClose", "acknowledgedInTime", "feedbackInTime", "linkedTo", "purged",
];

const iso = (d: Date | null) => d?.toISOString() ?? "";
const days = (from: Date, to: Date | null) => (to ? ((to.getTime() - from.getTime()) / DAY_MS).toFixed(1) : "");

function inTime(done: Date | null, due: Date | null, now: Date): string {
  if (!due) return "";
  if (done) return done <= due ? "yes" : "no";
  return now > due ? "no" : "";
}

export function registerRowOf(row: CaseRecord, numbers: Map<string, string>, now: Date): RegisterRow {
  return {
    number: row.number,
    category: row.category,
    section: row.section ?? "",
    mode: row.mode,
    priority: row.priority,
    status: row.status,
    outcome: row.outcome ?? "",
    filedAt: iso(row.filedAt),
    acknowledgedAt: iso(row.acknowledgedAt),
    closedAt: iso(row.closedAt),
    daysToAcknowledge: days(row.filedAt, row.acknowledgedAt),
    daysToClose: days(row.filedAt, row.closedAt),
    acknowledgedInTime: inTime(row.acknowledgedAt, row.acknowledgeBy, now),
    feedbackInTime: inTime(row.feedbackAt, row.feedbackBy, now),
    linkedTo: row.linkedCaseId ? (numbers.get(row.linkedCaseId) ?? "") : "",
    purged: row.purgedAt ? "yes" : "no",
  };
}

export async function caseRegister(db: Pick<CaseDb, "cases">, now: Date): Promise<RegisterRow[]> {
  const rows: CaseRecord[] = [];
  for await (const row of db.cases.all()) rows.push(row);
  const numbers = new Map(rows.map((r) => [r.id, r.number]));
  return rows.map((row) => registerRowOf(row, numbers, now));
}

