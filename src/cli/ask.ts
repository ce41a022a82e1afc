import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import type { Advisor } from "../core/advice/index.ts";
import { configuredAdvisor } from "./advisorFromConfig.ts";
import { answerText } from "./answerText.ts";
import { UsageError } from "./usageError.ts";

export const usage = `usage: conduct ask [--json] "question"
       conduct ask --json < questions.txt   (one question per line in, one JSON object per line out)`;

const argsSchema = z.object({
  json: z.boolean().default(false),
  question: z.string().optional(),
});

/** `conduct ask`: answers one question, or each line of standard input when no question is given. */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { json: { type: "boolean" } }, allowPositionals: true });
  const args = argsSchema.parse({ ...values, question: positionals.length ? positionals.join(" ") : undefined });
  const advisor = configuredAdvisor();
  const print = (q: string) => {
    const answer = advisor.advise(q);
    process.stdout.write(args.json ? `${JSON.stringify(answer)}\n` : `${answerText(answer)}\n`);
  };
  if (args.question !== undefined) {
    print(args.question);
    return 0;
  }
  if (process.stdin.isTTY) throw new UsageError("give a question, or pipe questions in, one per line");
  await eachLine(advisor, args.json);
  return 0;
}

async function eachLine(advisor: Advisor, json: boolean): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    const answer = advisor.advise(line);
    if (json) process.stdout.write(`${JSON.stringify(answer)}\n`);
    else process.stdout.write(`${first ? "" : "\n"}${answerText(answer)}\n`);
    first = false;
  }
}
