import { spawnSync } from "node:child_process";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ROLES, VERDICTS } from "../../src/core/policy/types.ts";
import { CONDUCT } from "../support/cli.ts";
import { ROOT } from "./support.ts";

const conduct = (args: string[], input?: string) =>
  spawnSync(CONDUCT[0]!, [...CONDUCT.slice(1), ...args], { cwd: ROOT, input, encoding: "utf8", timeout: 60_000 });

/** The JSON contract other tools rely on. */
const answerSchema = z
  .object({
    question: z.string(),
    verdict: z.enum(VERDICTS),
    approvers: z.array(z.enum(ROLES)),
    clauses: z.array(z.object({ id: z.string().regex(/^\d+(\([a-z]\))?$/), title: z.string().min(1), quote: z.string().min(1), score: z.number().min(0).max(1) }).strict()),
    answer: z.string().min(1),
    topicId: z.string().optional(),
    notice: z.enum(["empty", "not_english", "truncated"]).optional(),
    headline: z.string().min(1).optional(),
  })
  .strict();

describe("conduct ask / eval (as a child process)", () => {
  it("ask --json prints exactly one JSON object with the contract's fields", () => {
    const run = conduct(["ask", "--json", "A vendor offered me tickets to the big game. Can I go?"]);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const answer = answerSchema.parse(JSON.parse(lines[0]!));
    expect(answer).toMatchObject({ verdict: "needs_approval", approvers: ["board"], clauses: [expect.objectContaining({ id: "3(c)" })] });
  });

  it("ask --json with no question reads one question per line and writes JSONL in the same order", () => {
    const questions = ["Can I borrow a company laptop for my kid's school project?", "", "What time is the cafeteria open on Friday?", "¿Puedo aceptar un regalo de un proveedor?", "Can I give the company software to a friend?"];
    const run = conduct(["ask", "--json"], `${questions.join("\n")}\n`);
    expect(run.status, run.stderr).toBe(0);
    const answers = run.stdout.trim().split("\n").map((l) => answerSchema.parse(JSON.parse(l)));
    expect(answers.map((a) => a.question)).toEqual(questions);
    expect(answers.map((a) => a.verdict)).toEqual(["needs_approval", "out_of_scope", "out_of_scope", "out_of_scope", "prohibited"]);
    expect(answers.map((a) => a.notice)).toEqual([undefined, "empty", undefined, "not_english", undefined]);
    // Empty and non-English input are not "not covered by the Code": they get a headline of their own.
    expect(answers.map((a) => a.headline)).toEqual([undefined, "Ask me about the Code of Conduct", undefined, "I answer in English", undefined]);
    expect(answers[3]!.answer).toMatch(/report form accepts reports in any language/);
  });

  it("ask prints an answer for a person, and rejects unknown options", () => {
    const run = conduct(["ask", "Can", "I", "take", "the", "company", "van", "camping?"]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Needs approval \(your immediate supervisor\)\n/);
    expect(run.stdout).toMatch(/Section 4, Unauthorized Use of Company Property and Services/);
    expect(conduct(["ask", "--yaml", "x"]).status).toBe(2);
  });

  it("eval prints every metric and exits 0; a malformed file is a clear error", () => {
    const dir = mkdtempSync(join(tmpdir(), "conduct-eval-"));
    const file = join(dir, "q.jsonl");
    writeFileSync(file, ['{"q":"Can I keep a gift card a supplier mailed me?","clauses":["3(c)"],"verdicts":["needs_approval","prohibited"],"approvers":["board"]}', '{"q":"How do I change my payroll tax withholding?","clauses":[],"verdicts":["out_of_scope"]}'].join("\n"));
    const run = conduct(["eval", file]);
    expect(run.status, run.stderr).toBe(0);
    for (const metric of ["top-1 clause", "top-1 section", "top-3 section", "verdict", "approvers", "abstention precision", "abstention recall", "latency"]) expect(run.stdout).toContain(metric);
    expect(run.stdout).toMatch(/top-1 clause\s+100\.0% \(1\/1\)/);
    expect(run.stdout).toMatch(/p99 [\d.]+ ms/);

    writeFileSync(file, '{"q":"x","verdicts":["perhaps"]}\n');
    const bad = conduct(["eval", file]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/line 1: verdicts\.0/);
  });
});
