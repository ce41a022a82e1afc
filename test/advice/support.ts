import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createAdvisor } from "../../src/core/advice/index.ts";
import { parseEvalFile, type EvalCase } from "../../src/core/advice/eval.ts";
import { loadPolicy, type Policy } from "../../src/core/policy/load.ts";

export const ROOT = resolve(import.meta.dirname, "../..");
export const CODE_FILE = resolve(ROOT, "policies/code-of-conduct.txt");
export const RULES_FILE = resolve(ROOT, "policies/code-of-conduct.rules.yaml");

let policy: Policy | undefined;
export function shippedPolicy(): Policy {
  policy ??= loadPolicy(CODE_FILE, RULES_FILE);
  return policy;
}

let advisor: ReturnType<typeof createAdvisor> | undefined;
export function shippedAdvisor() {
  advisor ??= createAdvisor(shippedPolicy());
  return advisor;
}

/**
 * Every labelled question we evaluate on: the shared dev sample (when present) and our own sets. The
 * fresh sets were written in everyday words the rules did not use: `fresh` (before tuning), `fresh-blind`
 * (held back while tuning) and `fresh-rounds` (later batches, each scored once unseen, then tuned on);
 * `slack-heldout` and `ask-blind` were written from the Code alone, before the matcher changes they measured;
 * `ask-late` after them (its first score is in the commit that adds it; a few general fixes followed).
 */
export function evaluationQuestions(): EvalCase[] {
  const files = [
    resolve(ROOT, "../shared/eval/dev-questions.jsonl"),
    resolve(ROOT, "test/advice/heldout-questions.jsonl"),
    resolve(ROOT, "test/advice/sealed-questions.jsonl"),
    resolve(ROOT, "test/advice/fresh-questions.jsonl"),
    resolve(ROOT, "test/advice/fresh-blind-questions.jsonl"),
    resolve(ROOT, "test/advice/fresh-rounds-questions.jsonl"),
    resolve(ROOT, "test/advice/lead-unseen-questions.jsonl"),
    resolve(ROOT, "test/advice/slack-heldout-questions.jsonl"),
    resolve(ROOT, "test/advice/ask-blind-questions.jsonl"),
    resolve(ROOT, "test/advice/ask-late-questions.jsonl"),
  ];
  const out: EvalCase[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    out.push(...parseEvalFile(text, file));
  }
  return out;
}
