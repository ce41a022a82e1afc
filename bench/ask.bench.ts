// `npm run bench`: the Ask matcher next to a plain BM25 search (MiniSearch) over the same clauses,
// on the same labelled questions; then both again with 100 policy documents loaded (1 real + 99 synthetic).
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import MiniSearch from "minisearch";
import { createAdvisor } from "../src/core/advice/index.ts";
import { evaluate, parseEvalFile, percentile, type EvalCase, type EvalReport } from "../src/core/advice/eval.ts";
import type { Answer } from "../src/core/advice/types.ts";
import { loadPolicy, type Policy } from "../src/core/policy/load.ts";
import { parsePolicy } from "../src/core/policy/parse.ts";
import { validateRules } from "../src/core/policy/rules.ts";

const QUESTION_FILES = ["../shared/eval/dev-questions.jsonl", "test/advice/heldout-questions.jsonl", "test/advice/sealed-questions.jsonl"];
const ROUNDS = 5;
const SYNTHETIC_SECTIONS = 9;

const rssBefore = process.memoryUsage().rss;
const realCode = readFileSync("policies/code-of-conduct.txt", "utf8");
const policy = loadPolicy("policies/code-of-conduct.txt", "policies/code-of-conduct.rules.yaml");
const cases = loadQuestions();

const rows: string[][] = [["corpus", "method", "top-1 section", "top-1 clause", "top-3 section", "p50 ms", "p99 ms"]];
for (const [label, p] of [["1 document", policy], ["100 documents", syntheticCorpus(policy, 99)]] as const) {
  const advisor = createAdvisor(p);
  rows.push(row(label, "matcher", measure((q) => advisor.advise(q))));
  const bm25 = bm25Baseline(p);
  rows.push(row(label, "BM25 (MiniSearch)", measure(bm25)));
}
console.log(`${cases.length} labelled questions (${QUESTION_FILES.filter(exists).join(", ")}); latency per question = median of ${ROUNDS} runs after a warm-up\n`);
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
console.log(`\nRSS: ${mb(rssBefore)} before loading, ${mb(process.memoryUsage().rss)} after both corpora (growth ${mb(process.memoryUsage().rss - rssBefore)}, word vectors included)`);

function loadQuestions(): EvalCase[] {
  const seen = new Set<string>();
  const out: EvalCase[] = [];
  for (const file of QUESTION_FILES.filter(exists)) {
    for (const c of parseEvalFile(readFileSync(file, "utf8"), file)) if (!seen.has(c.q)) seen.add(c.q), out.push(c);
  }
  return out;
}

function exists(file: string): boolean {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
}

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

/** Plain BM25 over each clause's text: the best three clauses, no verdict (reported as guidance), nothing abstains. */
function bm25Baseline(p: Policy): (q: string) => Answer {
  const search = new MiniSearch<{ id: string; text: string }>({ fields: ["text"], storeFields: ["id"] });
  search.addAll([...p.document.clauses.values()].map((c) => ({ id: c.id, text: c.text })));
  return (question) => {
    const hits = search.search(question, { fuzzy: 0.2, prefix: true }).slice(0, 3);
    const clauses = hits.map((h) => ({ id: String(h.id), title: "", quote: "", score: h.score }));
    return { question, verdict: clauses.length ? "guidance" : "out_of_scope", approvers: [], clauses, answer: "" };
  };
}

/**
 * The real Code plus `extra` synthetic documents of a similar shape (9 sections, every other one with
 * three lettered items: about as many clauses as the real Code; the parser numbers sections up to 999)
 * and a rules file with facets, cues and examples, numbered on after the real sections. Their words
 * mix the real Code's vocabulary (so every index lookup does real work) with invented words.
 */
function syntheticCorpus(base: Policy, extra: number): Policy {
  const random = mulberry32(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const vocabulary = [...new Set(realCode.toLowerCase().match(/[a-z]{4,}/g) ?? [])];
  const invented = Array.from({ length: 4000 }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(["ka", "lo", "mi", "tu", "re", "sa", "vo", "ne", "pi", "du"])).join(""));
  const word = () => (random() < 0.4 ? pick(vocabulary) : pick(invented));
  const phrase = (n: number) => Array.from({ length: n }, word).join(" ");
  const sentence = () => `${phrase(12 + Math.floor(random() * 12))}.`.replace(/^./, (c) => c.toUpperCase());

  const sections = [realCode.trim()];
  const raw = JSON.parse(JSON.stringify(base.rules)) as { topics: Array<Record<string, unknown>> } & Record<string, unknown>;
  let number = base.document.sections.length;
  for (let d = 0; d < extra; d++) {
    for (let s = 0; s < SYNTHETIC_SECTIONS; s++) {
      const id = String(++number);
      const items = s % 2 === 0 ? ["a", "b", "c"].map((l) => `- (${l}) ${sentence()} ${sentence()}`) : [];
      sections.push(`${id}. ${phrase(3)}\n\n${sentence()} ${sentence()} ${sentence()}\n\n${items.join("\n")}`);
      for (const clause of [id, ...(items.length ? [`${id}(a)`, `${id}(b)`, `${id}(c)`] : [])]) {
        raw.topics.push({
          id: `synthetic_${clause.replace(/\W/g, "_")}`,
          clause,
          verdict: pick(["allowed", "prohibited", "needs_approval", "guidance"]),
          summary: sentence(),
          concepts: { what: Array.from({ length: 25 }, () => phrase(1 + Math.floor(random() * 2))), context: Array.from({ length: 25 }, () => phrase(1 + Math.floor(random() * 2))) },
          cues: Array.from({ length: 5 }, () => phrase(1)),
          examples: [sentence(), sentence(), sentence()],
        });
      }
    }
  }
  const document = parsePolicy(sections.join("\n\n"));
  return { document, rules: validateRules(raw, document, "synthetic rules") };
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
