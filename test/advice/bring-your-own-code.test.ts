// Another company's Code (Northwind: "Section 4 –" headings, "4.1" clauses, an Ethics Office and
// department heads), loaded with the rules file `conduct rules draft` writes for it, unedited, and
// scored on 50 questions written for it before the draft existed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createAdvisor } from "../../src/core/advice/index.ts";
import { evaluate, parseEvalFile } from "../../src/core/advice/eval.ts";
import { loadPolicy } from "../../src/core/policy/load.ts";
import { ROOT } from "./support.ts";

const CODE = resolve(ROOT, "test/fixtures/northwind-code.txt");
const QUESTIONS = resolve(ROOT, "test/fixtures/northwind-questions.jsonl");
const conduct = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [resolve(ROOT, "bin/conduct.mjs"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000, env: { ...process.env, ...env } });

describe("bring your own Code: conduct rules draft on the Northwind Code", () => {
  const dir = mkdtempSync(join(tmpdir(), "conduct-draft-"));
  const rulesFile = join(dir, "northwind.rules.yaml");
  let run: ReturnType<typeof conduct>;
  beforeAll(() => {
    run = conduct(["rules", "draft", CODE]);
    writeFileSync(rulesFile, run.stdout);
  });

  it("prints a rules file that loads unedited: one topic per clause, verdicts and roles read from the text", () => {
    expect(run.status, run.stderr).toBe(0);
    const policy = loadPolicy(CODE, rulesFile);
    const topic = (clause: string) => policy.rules.topics.find((t) => t.clause === clause)!;
    for (const id of [...policy.document.clauses.keys()].filter((id) => id.includes("."))) expect(topic(id), id).toBeDefined();
    expect(topic("3.1")).toMatchObject({ verdict: "allowed" });
    expect(topic("3.2")).toMatchObject({ verdict: "needs_approval", approvers: ["department_head"] });
    expect(topic("3.3")).toMatchObject({ verdict: "prohibited", quote: expect.stringMatching(/^Employees must never accept or offer cash/) });
    expect(topic("4.2")).toMatchObject({ verdict: "needs_approval", approvers: ["department_head", "ethics_office"] });
    expect(topic("2.1")).toMatchObject({ verdict: "report" });
    expect(topic("12.3")).toMatchObject({ verdict: "needs_approval", approvers: ["audit_committee"] });
    expect(policy.rules.roles).toMatchObject({ ethics_office: { name: "the Ethics Office" }, department_head: { name: "your department head" } });
    expect(policy.rules.advice.reporting_topic).toBe(topic("2.1").id);
    expect((parse(run.stdout) as { topics: unknown[] }).topics.length).toBeGreaterThanOrEqual(38);
  });

  it("answers with the declared roles by name, and `conduct rules check` passes the draft", () => {
    const advisor = createAdvisor(loadPolicy(CODE, rulesFile));
    const answer = advisor.advise("Can I borrow one of the company vehicles for a personal trip at the weekend?");
    expect(answer).toMatchObject({ verdict: "needs_approval", approvers: ["department_head"] });
    expect(answer.clauses[0]?.id).toBe("8.3");
    expect(answer.answer).toMatch(/request approval from your department head/);
    const check = conduct(["rules", "check", CODE, rulesFile]);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(/topics over 49 clauses; 0 errors/);
  });

  it("finds the right section for questions it was never shown (figure pinned; the issue's target is 70%)", () => {
    const advisor = createAdvisor(loadPolicy(CODE, rulesFile));
    const report = evaluate((q) => advisor.advise(q), parseEvalFile(readFileSync(QUESTIONS, "utf8"), QUESTIONS));
    expect(report.questions).toBeGreaterThanOrEqual(40);
    // Measured 47.8% top-1 section: short of the 70% target (see README, "Bring your own Code").
    expect(report.top1Section.hit / report.top1Section.total).toBeGreaterThanOrEqual(0.45);
  });
});
