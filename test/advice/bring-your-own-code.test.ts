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

  it("answers what a breach of the Code leads to from its discipline clause", () => {
    const advisor = createAdvisor(loadPolicy(CODE, rulesFile));
    expect(advisor.advise("could i lose my job for ignoring the rules").clauses[0]?.id).toBe("12.2");
    expect(advisor.advise("what is the penalty for violating the code").clauses[0]?.id).toBe("12.2");
  });

  it("unsure of the clause, cites another section's likeliest clause before a sibling of the first", () => {
    const advisor = createAdvisor(loadPolicy(CODE, rulesFile));
    const ids = advisor.advise("who explains what the code means for me").clauses.map((c) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(ids[1]!.split(".")[0]).not.toBe(ids[0]!.split(".")[0]);
  });

  it("finds the right section for questions it was never shown (figure pinned; the issue's target is 70%)", () => {
    const advisor = createAdvisor(loadPolicy(CODE, rulesFile));
    const report = evaluate((q) => advisor.advise(q), parseEvalFile(readFileSync(QUESTIONS, "utf8"), QUESTIONS));
    expect(report.questions).toBeGreaterThanOrEqual(40);
    // Measured 69.6% top-1 section, 84.8% top-3 (60.9% / 73.9% before the matcher's Code-text checks on
    // not-covered terms, acts and discipline questions; 47.8% before the draft took the clause's sentences as
    // examples and words' neighbours in meaning): just short of the 70% target (see README, "Bring your own Code").
    expect(report.top1Section.hit / report.top1Section.total).toBeGreaterThanOrEqual(0.65);
    expect(report.top3Section.hit / report.top3Section.total).toBeGreaterThanOrEqual(0.8);
  });
});

// A third Code in another style (Calder Medical Systems: Markdown, "Article IV", "(a) Heading. …"
// and "a." items, its own approvers), with 61 questions written from it before the draft changed.
describe("bring your own Code: conduct rules draft on the Calder Code (Markdown, Articles)", () => {
  const CALDER = resolve(ROOT, "test/fixtures/calder-code.md");
  const CALDER_QUESTIONS = resolve(ROOT, "test/fixtures/calder-questions.jsonl");
  const dir = mkdtempSync(join(tmpdir(), "conduct-draft-"));
  const rulesFile = join(dir, "calder.rules.yaml");
  let run: ReturnType<typeof conduct>;
  beforeAll(() => {
    run = conduct(["rules", "draft", CALDER]);
    writeFileSync(rulesFile, run.stdout);
  });

  it("reads verdicts, approvers named at the end of a list, and roles without \"the\"", () => {
    expect(run.status, run.stderr).toBe(0);
    const policy = loadPolicy(CALDER, rulesFile);
    const topics = (clause: string) => policy.rules.topics.filter((t) => t.clause === clause);
    expect(policy.document.sections).toHaveLength(13);
    expect(policy.document.clauses.get("2(a)")).toMatchObject({ subTitle: "Duty to report", text: expect.stringMatching(/^Any employee who knows/) });
    expect(topics("3(c)")[0]).toMatchObject({ verdict: "needs_approval", approvers: ["chief_compliance_officer"] });
    expect(topics("5(b)")[0]).toMatchObject({ verdict: "needs_approval", approvers: ["chief_compliance_officer"] }); // not "the board of a competitor"
    expect(topics("6(b)")[0]).toMatchObject({ verdict: "report", approvers: ["quality_assurance"] });
    expect(topics("7(e)")[0]).toMatchObject({ verdict: "report", approvers: ["audit_committee"] }); // "the Audit Committee of the Board"
    expect(topics("12(b)")[0]).toMatchObject({ verdict: "needs_approval", approvers: ["general_counsel"] });
    expect(topics("13(a)")[0]).toMatchObject({ verdict: "guidance", approvers: ["chief_compliance_officer"] });
    expect(topics("3(b)").map((t) => t.verdict)).toEqual(["prohibited", "allowed"]);
    expect(topics("11(b)").map((t) => t.verdict)).toEqual(["prohibited", "report"]);
    expect(policy.rules.roles).toMatchObject({ quality_assurance: { name: "Quality Assurance" }, chief_compliance_officer: { name: "the Chief Compliance Officer" } });
  });

  it("does not call a question not covered for a word the Code itself uses (its logins), though the drafted not-covered list has it", () => {
    const policy = loadPolicy(CALDER, rulesFile);
    expect(policy.rules.advice.not_covered).toContain("login");
    const advisor = createAdvisor(policy);
    const answer = advisor.advise("can i give my login to a temp so they can approve orders for me");
    expect(answer.verdict).toBe("prohibited");
    expect(answer.clauses[0]?.id).toBe("9(e)");
    expect(advisor.advise("how do i reset my login")).toMatchObject({ verdict: "out_of_scope" });
  });

  it("sends a doubt about the Code with no clear subject to the clause that gives guidance", () => {
    const answer = createAdvisor(loadPolicy(CALDER, rulesFile)).advise("who should i talk to when i am unsure whether something breaks the code");
    expect(answer).toMatchObject({ verdict: "guidance", approvers: ["chief_compliance_officer"] });
    expect(answer.clauses[0]?.id).toBe("13(a)");
  });

  it("answers a question that names a not-covered thing (a meeting room) when the rest of it points clearly at one clause", () => {
    const advisor = createAdvisor(loadPolicy(CALDER, rulesFile));
    const answer = advisor.advise("can we host a fundraiser for a political candidate in the meeting room");
    expect(answer.verdict).not.toBe("out_of_scope");
    expect(answer.clauses[0]?.id).toBe("11(d)");
    expect(advisor.advise("can i book a meeting room for friday")).toMatchObject({ verdict: "out_of_scope" });
  });

  it("finds the right section for questions it was never shown (figure pinned; the issue's target is 70%)", () => {
    const advisor = createAdvisor(loadPolicy(CALDER, rulesFile));
    const report = evaluate((q) => advisor.advise(q), parseEvalFile(readFileSync(CALDER_QUESTIONS, "utf8"), CALDER_QUESTIONS));
    expect(report.questions).toBeGreaterThanOrEqual(40);
    // Measured 66.7% top-1 section, 82.5% top-3 (59.6% / 73.7% before the matcher's Code-text checks on
    // not-covered terms, acts and discipline questions; 38.6% before: the parser took the two "#" title lines for sections).
    expect(report.top1Section.hit / report.top1Section.total).toBeGreaterThanOrEqual(0.62);
    expect(report.top3Section.hit / report.top3Section.total).toBeGreaterThanOrEqual(0.78);
  });
});
