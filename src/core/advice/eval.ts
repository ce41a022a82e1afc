import { performance } from "node:perf_hooks";
import { z } from "zod";
import { VERDICTS } from "../policy/types.ts";
import type { Answer } from "./types.ts";

/** One line of an evaluation file: a question and what answers are acceptable (missing fields are not scored). */
export const evalCaseSchema = z.object({
  q: z.string(),
  clauses: z.array(z.string().regex(/^\d+(\.\d+){0,2}(\([a-z]\))?$/, 'clause ids look like "3", "3(c)", "4.1" or "4.1(a)"')).optional(),
  verdicts: z.array(z.enum(VERDICTS)).optional(),
  /** Approver roles: the Code's built-in ones or those a rules file declares (lower_snake_case). */
  approvers: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/, "roles are lower_snake_case")).optional(),
});
export type EvalCase = z.infer<typeof evalCaseSchema>;

export class EvalFileError extends Error {}

/** Parses JSONL; every bad line is reported with its number. Blank lines are skipped. */
export function parseEvalFile(text: string, file = "eval file"): EvalCase[] {
  const cases: EvalCase[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      problems.push(`line ${i + 1}: not valid JSON`);
      return;
    }
    const parsed = evalCaseSchema.safeParse(json);
    if (parsed.success) cases.push(parsed.data);
    else problems.push(`line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".") || "(line)"}: ${x.message}`).join("; ")}`);
  });
  if (problems.length) throw new EvalFileError(`${file}:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  return cases;
}

export interface Ratio {
  hit: number;
  total: number;
}

export interface Miss {
  q: string;
  expected: Omit<EvalCase, "q">;
  got: { verdict: Answer["verdict"]; clauses: string[]; approvers: string[] };
  failed: string[];
}

export interface EvalReport {
  questions: number;
  top1Clause: Ratio;
  top1Section: Ratio;
  top3Section: Ratio;
  verdict: Ratio;
  approvers: Ratio;
  /** Of the questions answered "out_of_scope", how many were meant to be. */
  abstentionPrecision: Ratio;
  /** Of the out-of-scope questions, how many were answered "out_of_scope". */
  abstentionRecall: Ratio;
  /** Of the in-scope questions, how many were wrongly answered "out_of_scope". */
  wrongAbstention: Ratio;
  /**
   * Answers that could hurt, of the questions with expected verdicts: "allowed" when the Code says
   * otherwise, "not covered" when it covers the question, or an approval route for something only
   * prohibited or to be reported.
   */
  harmful: Ratio;
  /** Expected section → answered section ("none" when abstained) → count, for in-scope questions. */
  confusion: Map<string, Map<string, number>>;
  latencyMs: { p50: number; p99: number };
  misses: Miss[];
}

/** Why an answer is harmful (see EvalReport.harmful), or undefined. */
export function harmOf(c: EvalCase, verdict: Answer["verdict"], expectedOut: boolean): string | undefined {
  if (!c.verdicts || c.verdicts.includes(verdict) || expectedOut) return undefined;
  if (verdict === "allowed") return "allowed when the Code says otherwise";
  if (verdict === "out_of_scope" && !expectedOut) return "not covered when the Code covers it";
  if (verdict === "needs_approval" && !c.verdicts.includes("allowed") && c.verdicts.every((v) => v === "prohibited" || v === "report")) return "an approval route for something prohibited";
  return undefined;
}

export const sectionOf = (clauseId: string): string => clauseId.replace(/[.(].*$/, "");

/** An expected "3" accepts any clause of section 3, an expected "4.1" also "4.1(a)"; an expected "3(c)" only "3(c)". */
export function clauseMatches(returned: string, expected: readonly string[]): boolean {
  return expected.some((e) => e === returned || (!e.includes("(") && (sectionOf(returned) === e || returned.startsWith(`${e}.`) || returned.startsWith(`${e}(`))));
}

/**
 * Approvers match when the answer names none and none are expected, or when it names at least one
 * and every role it names is acceptable.
 */
export function approversMatch(returned: readonly string[], expected: readonly string[]): boolean {
  if (!expected.length) return !returned.length;
  return returned.length > 0 && returned.every((r) => expected.includes(r));
}

/** Each question is timed this many times and its median kept, so one scheduler hiccup on a shared machine is not its latency. */
const TIMED_RUNS = 5;

export function evaluate(advise: (q: string) => Answer, cases: readonly EvalCase[]): EvalReport {
  const r = (): Ratio => ({ hit: 0, total: 0 });
  const report: EvalReport = {
    questions: cases.length,
    top1Clause: r(), top1Section: r(), top3Section: r(), verdict: r(), approvers: r(),
    abstentionPrecision: r(), abstentionRecall: r(), wrongAbstention: r(), harmful: r(), confusion: new Map(),
    latencyMs: { p50: 0, p99: 0 }, misses: [],
  };
  const times: number[] = [];
  const count = (ratio: Ratio, ok: boolean, failed: string[], name: string) => {
    ratio.total++;
    if (ok) ratio.hit++;
    else failed.push(name);
  };
  for (const c of cases) {
    const runs: number[] = [];
    let answer!: Answer;
    for (let i = 0; i < TIMED_RUNS; i++) {
      const start = performance.now();
      answer = advise(c.q);
      runs.push(performance.now() - start);
    }
    times.push(percentile(runs, 0.5));
    const ids = answer.clauses.map((x) => x.id);
    const failed: string[] = [];
    const expectedOut = c.verdicts?.includes("out_of_scope") || (c.clauses !== undefined && c.clauses.length === 0);
    const abstained = answer.verdict === "out_of_scope";
    if (c.clauses?.length) {
      const sections = c.clauses.map(sectionOf);
      count(report.top1Clause, ids[0] !== undefined && clauseMatches(ids[0], c.clauses), failed, "clause");
      count(report.top1Section, ids[0] !== undefined && sections.includes(sectionOf(ids[0])), failed, "section");
      count(report.top3Section, ids.slice(0, 3).some((id) => sections.includes(sectionOf(id))), failed, "top3");
    }
    if (c.verdicts) count(report.verdict, c.verdicts.includes(answer.verdict), failed, "verdict");
    if (c.approvers) count(report.approvers, approversMatch(answer.approvers, c.approvers), failed, "approvers");
    if (c.verdicts) {
      const harm = harmOf(c, answer.verdict, !!expectedOut);
      count(report.harmful, !harm, failed, `harmful (${harm})`);
    }
    if (c.clauses?.length) {
      const expected = sectionOf(c.clauses[0]!);
      const got = ids[0] === undefined ? "none" : sectionOf(ids[0]);
      const row = report.confusion.get(expected) ?? new Map<string, number>();
      row.set(got, (row.get(got) ?? 0) + 1);
      report.confusion.set(expected, row);
    }
    if (abstained) count(report.abstentionPrecision, !!expectedOut, [], "");
    if (expectedOut) count(report.abstentionRecall, abstained, failed, "abstain");
    else count(report.wrongAbstention, !abstained, [], "");
    if (failed.length) {
      const { q, ...expected } = c;
      report.misses.push({ q, expected, got: { verdict: answer.verdict, clauses: ids, approvers: answer.approvers }, failed });
    }
  }
  report.wrongAbstention.hit = report.wrongAbstention.total - report.wrongAbstention.hit; // count the wrong ones
  report.harmful.hit = report.harmful.total - report.harmful.hit; // count the harmful ones
  report.latencyMs = { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
  return report;
}

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

const pct = ({ hit, total }: Ratio) => (total ? `${((100 * hit) / total).toFixed(1)}% (${hit}/${total})` : "n/a (0 scored)");

export function formatReport(report: EvalReport): string {
  return [
    `questions            ${report.questions}`,
    `top-1 clause         ${pct(report.top1Clause)}`,
    `top-1 section        ${pct(report.top1Section)}`,
    `top-3 section        ${pct(report.top3Section)}`,
    `verdict              ${pct(report.verdict)}`,
    `approvers            ${pct(report.approvers)}`,
    `abstention precision ${pct(report.abstentionPrecision)}`,
    `abstention recall    ${pct(report.abstentionRecall)}`,
    `wrongly abstained    ${pct(report.wrongAbstention)} of in-scope questions`,
    `harmful answers      ${pct(report.harmful)} of questions with expected verdicts`,
    `latency              p50 ${report.latencyMs.p50.toFixed(3)} ms, p99 ${report.latencyMs.p99.toFixed(3)} ms (per question: median of ${TIMED_RUNS} runs)`,
  ].join("\n");
}

/** The sections questions were about (rows) against those answered first (columns; "none" = not covered); only rows with a miss. */
export function formatConfusion(report: EvalReport): string {
  const rows = [...report.confusion].filter(([expected, row]) => [...row.keys()].some((got) => got !== expected));
  if (!rows.length) return "confusion of sections: none (every in-scope question answered from its section first)";
  const numeric = (a: string, b: string) => (Number(a) || 1e9) - (Number(b) || 1e9) || a.localeCompare(b);
  const lines = rows
    .sort(([a], [b]) => numeric(a, b))
    .map(([expected, row]) => {
      const cells = [...row].sort(([a], [b]) => numeric(a, b)).map(([got, n]) => (got === expected ? `${got}:${n}✓` : `${got}:${n}`));
      return `  ${expected.padStart(4)} → ${cells.join("  ")}`;
    });
  return ["confusion of sections (expected → answered first: count)", ...lines].join("\n");
}
