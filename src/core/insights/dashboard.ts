// The programme's dashboard: aggregates only (never who asked, reported or requested), and any
// count under MIN_CELL is withheld, so a small number cannot point at a person.
import type { Clock } from "../clock.ts";
import { DAY_MS } from "../clock.ts";
import type { CategoryTable } from "../cases/categories.ts";
import type { DirectoryQueries } from "../directory/types.ts";
import type { PolicyDocument } from "../policy/types.ts";
import { VERDICTS } from "../policy/types.ts";
import { overseesProgramme } from "./access.ts";

/** Counts below this are shown as "fewer than 5", never as a number. */
export const MIN_CELL = 5;
/** A count, or null when it is under MIN_CELL (withheld). */
export type Cell = number | null;
export const cell = (n: number): Cell => (n >= MIN_CELL ? n : null);

export interface Series {
  label: string;
  values: Cell[];
}
export interface Bar {
  label: string;
  value: Cell;
}
export interface DeadlineStat {
  label: string;
  /** The legal limit, in days. */
  limitDays: number;
  /** How many cases have reached this step (withheld under MIN_CELL). */
  cases: Cell;
  /** Median days taken; null when fewer than MIN_CELL cases. */
  medianDays: number | null;
  onTime: Cell;
  late: Cell;
}
export interface Turnaround {
  label: string;
  decided: Cell;
  medianDays: number | null;
}

export interface Dashboard {
  weeks: string[];
  questionsBySectionWeek: Series[];
  verdictMix: Bar[];
  topSections: Bar[];
  unhelpful: Bar[];
  months: string[];
  casesByCategoryMonth: Series[];
  deadlines: DeadlineStat[];
  approvalTurnaround: Turnaround[];
}

const WEEKS = 8;
const MONTHS = 6;
const TOP = 5;
const ACKNOWLEDGE_DAYS = 7;
const FEEDBACK_DAYS = 90;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const mondayOf = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)));
const monthOf = (d: Date) => d.toISOString().slice(0, 7);
const sectionOf = (clauseId: string) => clauseId.split("(")[0] ?? clauseId;
const add = (m: Map<string, number>, key: string, n: number) => m.set(key, (m.get(key) ?? 0) + n);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const days = (from: Date, to: Date) => Math.round(((to.getTime() - from.getTime()) / DAY_MS) * 10) / 10;
const top = (m: Map<string, number>, n: number) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n);

/** The counts and dates the dashboard reads (src/store/insights.ts): never content or who. */
export interface InsightReads {
  /** Ask counts per day (YYYY-MM-DD, from `day` on), clause and verdict. */
  askCountsSince(day: string): Promise<Array<{ day: string; clauseId: string; verdict: string; count: number }>>;
  feedbackCountsSince(day: string): Promise<Array<{ clauseId: string; helpful: number; notHelpful: number }>>;
  caseDatesSince(since: Date): Promise<Array<{ category: string; filedAt: Date; acknowledgeBy: Date; acknowledgedAt: Date | null; feedbackBy: Date | null; feedbackAt: Date | null }>>;
  approvalDatesSince(since: Date): Promise<Array<{ register: string | null; status: string; createdAt: Date; closedAt: Date | null }>>;
}

export interface DashboardDeps {
  reads: InsightReads;
  directory: DirectoryQueries;
  document: PolicyDocument;
  categories: CategoryTable;
  clock: Clock;
}

/** The dashboard for someone who oversees the programme; null for anyone else. */
export async function dashboardFor(deps: DashboardDeps, viewerId: string): Promise<Dashboard | null> {
  if (!(await overseesProgramme(deps.directory, viewerId))) return null;
  const now = deps.clock.now();
  const firstWeek = new Date(mondayOf(now).getTime() - (WEEKS - 1) * 7 * DAY_MS);
  const weeks = Array.from({ length: WEEKS }, (_, i) => isoDay(new Date(firstWeek.getTime() + i * 7 * DAY_MS)));
  const firstMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (MONTHS - 1), 1));
  const months = Array.from({ length: MONTHS }, (_, i) => monthOf(new Date(Date.UTC(firstMonth.getUTCFullYear(), firstMonth.getUTCMonth() + i, 1))));
  const yearAgo = new Date(now.getTime() - 365 * DAY_MS);

  const [asks, feedback, cases, approvals] = await Promise.all([
    deps.reads.askCountsSince(isoDay(firstWeek)),
    deps.reads.feedbackCountsSince(isoDay(firstWeek)),
    deps.reads.caseDatesSince(yearAgo),
    deps.reads.approvalDatesSince(yearAgo),
  ]);
  const sectionTitle = (id: string) => {
    const section = deps.document.sections.find((s) => s.id === id);
    return section ? `${section.id}. ${section.title}` : "No section (not covered)";
  };

  // Questions: per section and week, verdicts, most-asked sections.
  const perSection = new Map<string, number>();
  const perSectionWeek = new Map<string, number>();
  const perVerdict = new Map<string, number>();
  for (const a of asks) {
    const section = sectionOf(a.clauseId);
    add(perSection, section, a.count);
    add(perSectionWeek, `${section}|${isoDay(mondayOf(new Date(`${a.day}T00:00:00Z`)))}`, a.count);
    add(perVerdict, a.verdict, a.count);
  }
  const topSections = top(perSection, TOP);
  const questionsBySectionWeek = topSections.map(([section]) => ({ label: sectionTitle(section), values: weeks.map((w) => cell(perSectionWeek.get(`${section}|${w}`) ?? 0)) }));

  const notHelpful = new Map<string, number>();
  for (const f of feedback) add(notHelpful, f.clauseId, f.notHelpful);

  // Cases per category and month.
  const perCategoryMonth = new Map<string, number>();
  const perCategory = new Map<string, number>();
  for (const c of cases) {
    add(perCategory, c.category, 1);
    add(perCategoryMonth, `${c.category}|${monthOf(c.filedAt)}`, 1);
  }
  const casesByCategoryMonth = [...perCategory.keys()]
    .sort()
    .map((category) => ({ label: deps.categories[category as keyof CategoryTable]?.label ?? category, values: months.map((m) => cell(perCategoryMonth.get(`${category}|${m}`) ?? 0)) }));

  const deadline = (label: string, limitDays: number, pairs: Array<{ from: Date; at: Date | null; by: Date | null }>): DeadlineStat => {
    const reached = pairs.filter((p): p is { from: Date; at: Date; by: Date | null } => p.at !== null);
    const lateReached = reached.filter((p) => p.by !== null && p.at > p.by).length;
    const late = lateReached + pairs.filter((p) => p.at === null && p.by !== null && p.by < now).length;
    // Complementary suppression: cases − on time = late among those reached, so a small late count
    // withholds the on-time count too (else it could be worked out by subtraction).
    const onTime = lateReached > 0 && lateReached < MIN_CELL ? null : cell(reached.length - lateReached);
    return {
      label,
      limitDays,
      cases: cell(reached.length),
      medianDays: reached.length >= MIN_CELL ? median(reached.map((p) => days(p.from, p.at))) : null,
      onTime,
      late: cell(late),
    };
  };

  const turnaround = new Map<string, number[]>();
  for (const a of approvals) {
    if (!a.closedAt || (a.status !== "approved" && a.status !== "declined")) continue;
    const key = a.register ?? "other";
    turnaround.set(key, [...(turnaround.get(key) ?? []), days(a.createdAt, a.closedAt)]);
  }

  return {
    weeks,
    questionsBySectionWeek,
    verdictMix: VERDICTS.map((v) => ({ label: v, value: cell(perVerdict.get(v) ?? 0) })),
    topSections: topSections.map(([section, n]) => ({ label: sectionTitle(section), value: cell(n) })),
    unhelpful: top(notHelpful, TOP)
      .filter(([, n]) => n > 0)
      .map(([clauseId, n]) => ({ label: clauseId === "-" ? "Answers citing no clause" : `Clause ${clauseId}`, value: cell(n) })),
    months,
    casesByCategoryMonth,
    deadlines: [
      deadline(`Acknowledgement (${ACKNOWLEDGE_DAYS} days)`, ACKNOWLEDGE_DAYS, cases.map((c) => ({ from: c.filedAt, at: c.acknowledgedAt, by: c.acknowledgeBy }))),
      deadline(`Feedback (3 months)`, FEEDBACK_DAYS, cases.map((c) => ({ from: c.filedAt, at: c.feedbackAt, by: c.feedbackBy }))),
    ],
    approvalTurnaround: [...turnaround.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([label, xs]) => ({ label, decided: cell(xs.length), medianDays: xs.length >= MIN_CELL ? median(xs) : null })),
  };
}
