// `npm run bench`: the Ask matcher next to a plain BM25 search (MiniSearch) over the same clauses,
// on the same labelled questions; then both again with 100 policy documents loaded (1 real + 99 synthetic).
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { createAdvisor } from "../src/core/advice/index.ts";
import { evaluate, parseEvalFile, percentile, type EvalCase, type EvalReport } from "../src/core/advice/eval.ts";
import type { Answer } from "../src/core/advice/types.ts";
import { loadPolicy, type Policy } from "../src/core/policy/load.ts";
import { QUESTION_FILES, loadQuestions } from "./questions.ts";
import { syntheticCorpus } from "./syntheticCorpus.ts";
import { measureMemory } from "./askMemory.ts";
import { bm25Baseline } from "./bm25.ts";

const ROUNDS = 5;

const policy = loadPolicy("policies/code-of-conduct.txt", "policies/code-of-conduct.rules.yaml");
const cases = loadQuestions();

const rows: string[][] = [["corpus", "method", "top-1 section", "top-1 clause", "top-3 section", "p50 ms", "p99 ms"]];
for (const [label, p] of [["1 document", policy], ["100 documents", syntheticCorpus(policy, 99)]] as const) {
  const advisor = createAdvisor(p);
  rows.push(row(label, "matcher", measure((q) => advisor.advise(q))));
  const bm25 = bm25Baseline(p);
  rows.push(row(label, "BM25 (MiniSearch)", measure(bm25)));
}
console.log(`${cases.length} labelled questions (${QUESTION_FILES.join(", ")}); latency per question = median of ${ROUNDS} runs after a warm-up\n`);
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
console.log("");
for (const line of measureMemory()) console.log(line);

/**
 * Accuracy from one pass (which also warms up the JIT); latency per question is the median of
 * ROUNDS further runs (as `conduct eval` does), so a scheduler hiccup on a shared machine is not
 * mistaken for the matcher's cost; p50/p99 are over questions.
 */
function measure(advise: (q: string) => Answer): EvalReport {
  const report = evaluate(advise, cases);
  const times = cases.map((c) => {
    const runs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const start = performance.now();
      advise(c.q);
      runs.push(performance.now() - start);
    }
    return percentile(runs, 0.5);
  });
  report.latencyMs = { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
  return report;
}

function row(corpus: string, method: string, r: EvalReport): string[] {
  const pct = (x: { hit: number; total: number }) => `${((100 * x.hit) / x.total).toFixed(1)}%`;
  return [corpus, method, pct(r.top1Section), pct(r.top1Clause), pct(r.top3Section), r.latencyMs.p50.toFixed(3), r.latencyMs.p99.toFixed(3)];
}


