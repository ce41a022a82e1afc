import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { EvalFileError, evaluate, formatConfusion, formatReport, parseEvalFile } from "../core/advice/eval.ts";
import { configuredAdvisor } from "./advisorFromConfig.ts";
import { UsageError } from "./usageError.ts";

export const usage = "usage: conduct eval FILE.jsonl [--misses]   (lines: {q, clauses?, verdicts?, approvers?}; an example: examples/eval-questions.jsonl)";

const argsSchema = z.object({ file: z.string().min(1), misses: z.boolean().default(false) });

/** `conduct eval FILE.jsonl`: scores the advisor on labelled questions and prints the metrics. */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { misses: { type: "boolean" } }, allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError("give exactly one evaluation file");
  const args = argsSchema.parse({ ...values, file: positionals[0] });
  let cases;
  try {
    cases = parseEvalFile(readFileSync(args.file, "utf8"), args.file);
  } catch (error) {
    console.error(error instanceof EvalFileError ? error.message : `${args.file}: ${(error as Error).message}`);
    return 2;
  }
  const advisor = configuredAdvisor();
  for (const c of cases) advisor.advise(c.q); // warm up (JIT) so latency is the steady state of a running bot
  const report = evaluate((q) => advisor.advise(q), cases);
  console.log(formatReport(report));
  console.log(`\n${formatConfusion(report)}`);
  const harmful = report.misses.filter((m) => m.failed.some((f) => f.startsWith("harmful")));
  if (harmful.length) console.log(`\nharmful answers (${harmful.length}):`);
  for (const m of harmful) console.log(`  ✗ ${m.q}\n    expected ${JSON.stringify(m.expected.verdicts)}, got ${m.got.verdict} from ${m.got.clauses[0] ?? "no clause"}`);
  if (!args.misses && report.misses.length) console.log(`\n${report.misses.length} misses; add --misses to list them`);
  if (args.misses) {
    for (const m of report.misses) console.log(`\n✗ ${m.failed.join(",")}: ${m.q}\n  expected ${JSON.stringify(m.expected)}\n  got      ${JSON.stringify(m.got)}`);
  }
  return 0;
}
