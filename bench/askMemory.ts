// What the Ask matcher holds in memory, beside BM25: each method and corpus in a process of its own
// (so one's garbage or heap growth is not counted against the other), started with --expose-gc.
// Growth = RSS after loading the policy, building the index and answering every labelled question
// once (lazy caches filled), minus RSS after the modules are imported; both after a full garbage
// collection, so what is counted is what stays, plus the same figure before collecting.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createAdvisor } from "../src/core/advice/index.ts";
import { loadPolicy } from "../src/core/policy/load.ts";
import { bm25Baseline } from "./bm25.ts";
import { loadQuestions } from "./questions.ts";
import { syntheticCorpus } from "./syntheticCorpus.ts";

const METHODS = ["matcher", "bm25"] as const;
const CORPORA = [1, 100] as const;
type Sample = { retained: number; beforeGc: number; heap: number };

/** One line per corpus: the matcher's growth beside BM25's, each measured in a fresh process. */
export function measureMemory(): string[] {
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  return CORPORA.map((docs) => {
    const [matcher, bm25] = METHODS.map((method) => sample(method, docs));
    const label = `${docs} document${docs > 1 ? "s" : ""}`.padEnd(13);
    return `RSS growth, ${label} matcher ${mb(matcher!.retained)} (heap ${mb(matcher!.heap)}; ${mb(matcher!.beforeGc)} before a GC; word vectors included) | BM25 ${mb(bm25!.retained)} (heap ${mb(bm25!.heap)}; ${mb(bm25!.beforeGc)} before a GC)`;
  });
}

function sample(method: (typeof METHODS)[number], docs: number): Sample {
  const run = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", fileURLToPath(import.meta.url), method, String(docs)], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (run.status !== 0) throw new Error(`memory run ${method} ${docs} failed (exit ${run.status})`);
  return JSON.parse(run.stdout.trim().split("\n").pop()!) as Sample;
}

function child(method: string, docs: number): Sample {
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  const rss0 = process.memoryUsage().rss;
  const heap0 = process.memoryUsage().heapUsed;
  const code = loadPolicy("policies/code-of-conduct.txt", "policies/code-of-conduct.rules.yaml");
  const policy = docs > 1 ? syntheticCorpus(code, docs - 1) : code;
  const advise = method === "matcher" ? ((a) => (q: string) => a.advise(q))(createAdvisor(policy)) : bm25Baseline(policy);
  for (const c of loadQuestions()) advise(c.q);
  const beforeGc = process.memoryUsage().rss - rss0;
  gc();
  const sample = { retained: process.memoryUsage().rss - rss0, beforeGc, heap: process.memoryUsage().heapUsed - heap0 };
  // Keep what is measured reachable until after the measurement.
  if (typeof advise !== "function") throw new Error("unreachable");
  return sample;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [method, docs] = process.argv.slice(2);
  console.log(JSON.stringify(child(method!, Number(docs))));
}
