// The labelled questions both benchmarks run: the development sample and two held-out sets, each once.
import { existsSync, readFileSync } from "node:fs";
import { parseEvalFile, type EvalCase } from "../src/core/advice/eval.ts";

export const QUESTION_FILES = ["../shared/eval/dev-questions.jsonl", "test/advice/heldout-questions.jsonl", "test/advice/sealed-questions.jsonl"].filter((f) => existsSync(f));

export function loadQuestions(): EvalCase[] {
  const seen = new Set<string>();
  const out: EvalCase[] = [];
  for (const file of QUESTION_FILES) {
    for (const c of parseEvalFile(readFileSync(file, "utf8"), file)) if (!seen.has(c.q)) seen.add(c.q), out.push(c);
  }
  return out;
}
