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

/**
 * Runs `conduct rules draft CODE` before the block's tests and keeps what it printed in a rules file;
 * gives the Code loaded with it unedited, and its scores on questions written for the Code.
 */
function drafted(code: string) {
  const rulesFile = join(mkdtempSync(join(tmpdir(), "conduct-draft-")), "drafted.rules.yaml");
  let run: ReturnType<typeof conduct>;
  beforeAll(() => {
    run = conduct(["rules", "draft", code]);
    writeFileSync(rulesFile, run.stdout);
  });
  const policy = () => {
    expect(run.status, run.stderr).toBe(0);
    return loadPolicy(code, rulesFile);
  };
  const evaluateOn = (questions: string) => {
    const advisor = createAdvisor(policy());
    return evaluate((q) => advisor.advise(q), parseEvalFile(readFileSync(questions, "utf8"), questions));
  };
  return { run: () => run, rulesFile, policy, evaluateOn };
}

describe("bring your own Code: conduct rules draft on the Northwind Code", () => {
  const draft = drafted(CODE);

  it("prints a rules file that loads unedited: one topic per clause, verdicts and roles read from the text", () => {
    const policy = draft.policy();
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
    expect((parse(draft.run().stdout) as { topics: unknown[] }).topics.length).toBeGreaterThanOrEqual(38);
  });

  it("answers with the declared roles by name, and `conduct rules check` passes the draft", () => {
    const advisor = createAdvisor(draft.policy());
    const answer = advisor.advise("Can I borrow one of the company vehicles for a personal trip at the weekend?");
    expect(answer).toMatchObject({ verdict: "needs_approval", approvers: ["department_head"] });
    expect(answer.clauses[0]?.id).toBe("8.3");
    expect(answer.answer).toMatch(/request approval from your department head/);
    const check = conduct(["rules", "check", CODE, draft.rulesFile]);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(/topics over 49 clauses; 0 errors/);
  });

  it("answers what a breach of the Code leads to from its discipline clause", () => {
    const advisor = createAdvisor(draft.policy());
    expect(advisor.advise("could i lose my job for ignoring the rules").clauses[0]?.id).toBe("12.2");
    expect(advisor.advise("what is the penalty for violating the code").clauses[0]?.id).toBe("12.2");
  });

  it("unsure of the clause, cites another section's likeliest clause before a sibling of the first", () => {
    const ids = createAdvisor(draft.policy()).advise("who explains what the code means for me").clauses.map((c) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(ids[1]!.split(".")[0]).not.toBe(ids[0]!.split(".")[0]);
  });

  it("finds the right section for questions it was never shown (figure pinned; the issue's target is 70%)", () => {
    const report = draft.evaluateOn(QUESTIONS);
    expect(report.questions).toBeGreaterThanOrEqual(40);
    // Measured 71.7% top-1 section and 84.8% top-3 (69.6% / 82.6% before a clause without its own heading
    // took its section heading's words, "Dealing in Shares"; 47.8% top-1 before the draft took the clause's
    // sentences as examples and words' neighbours in meaning, 60.9% before it took the section's words,
    // 63.0% / 78.3% before the matcher's checks against the Code's own text, acts and discipline questions):
    // the 70% target (see README, "Bring your own Code").
    expect(report.top1Section.hit / report.top1Section.total).toBeGreaterThanOrEqual(0.7);
    expect(report.top3Section.hit / report.top3Section.total).toBeGreaterThanOrEqual(0.82);
  });
});

// A third Code in another style (Calder Medical Systems: Markdown, "Article IV", "(a) Heading. …"
// and "a." items, its own approvers), with 61 questions written from it before the draft changed.
describe("bring your own Code: conduct rules draft on the Calder Code (Markdown, Articles)", () => {
  const CALDER = resolve(ROOT, "test/fixtures/calder-code.md");
  const CALDER_QUESTIONS = resolve(ROOT, "test/fixtures/calder-questions.jsonl");
  const draft = drafted(CALDER);

  it("reads verdicts, approvers named at the end of a list, and roles without \"the\"", () => {
    const policy = draft.policy();
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

  it("does not call a question not covered for a word the Code itself uses (its logins), whatever the not-covered list says", () => {
    const drafted = draft.policy();
    const policy = { ...drafted, rules: { ...drafted.rules, advice: { ...drafted.rules.advice, not_covered: [...drafted.rules.advice.not_covered, "login"] } } };
    const advisor = createAdvisor(policy);
    const answer = advisor.advise("can i give my login to a temp so they can approve orders for me");
    expect(answer.verdict).toBe("prohibited");
    expect(answer.clauses[0]?.id).toBe("9(e)");
    expect(advisor.advise("how do i reset my login")).toMatchObject({ verdict: "out_of_scope" });
  });

  it("sends a doubt about the Code with no clear subject to the clause that gives guidance", () => {
    const answer = createAdvisor(draft.policy()).advise("who should i talk to when i am unsure whether something breaks the code");
    expect(answer).toMatchObject({ verdict: "guidance", approvers: ["chief_compliance_officer"] });
    expect(answer.clauses[0]?.id).toBe("13(a)");
  });

  it("answers a question that names a not-covered thing (a meeting room) when the rest of it points clearly at one clause", () => {
    const advisor = createAdvisor(draft.policy());
    const answer = advisor.advise("can i put up campaign posters for a candidate in the meeting room");
    expect(answer.verdict).not.toBe("out_of_scope");
    expect(answer.clauses[0]?.id).toBe("11(d)");
    expect(advisor.advise("can i book a meeting room for friday")).toMatchObject({ verdict: "out_of_scope" });
  });

  it("finds the right section for questions it was never shown (figure pinned; the issue's target is 70%)", () => {
    const report = draft.evaluateOn(CALDER_QUESTIONS);
    expect(report.questions).toBeGreaterThanOrEqual(40);
    // Measured 70.2% top-1 section and 80.7% top-3 (38.6% top-1 before the parser stopped taking the two "#"
    // title lines for sections, 59.6% before the draft took the section's words, 66.7% / 71.9% before the
    // matcher's checks against the Code's own text, acts and discipline questions).
    expect(report.top1Section.hit / report.top1Section.total).toBeGreaterThanOrEqual(0.67);
    expect(report.top3Section.hit / report.top3Section.total).toBeGreaterThanOrEqual(0.78);
  });
});

// A held-out Code (Tallis Grocers: "3.1 Title" sub-headings over plain-English prose, "Never …" and
// "Do not …", a Head of Department, a store manager, an Integrity Team), with 45 questions written from
// it before the draft was changed, and not used to tune it.
describe("bring your own Code: conduct rules draft on a held-out Code (Tallis, plain English)", () => {
  const TALLIS = resolve(ROOT, "test/fixtures/tallis-code.txt");
  const TALLIS_QUESTIONS = resolve(ROOT, "test/fixtures/tallis-questions.jsonl");
  const draft = drafted(TALLIS);

  it("reads imperatives, sign-off, agreement and \"tell your store manager\" from plain English", () => {
    const policy = draft.policy();
    const topic = (clause: string) => policy.rules.topics.find((t) => t.clause === clause)!;
    expect(topic("3.2")).toMatchObject({ verdict: "needs_approval", approvers: ["head_of_department"] });
    expect(topic("7.2")).toMatchObject({ verdict: "prohibited" });
    expect(topic("11.1")).toMatchObject({ verdict: "prohibited" });
    expect(topic("12.1")).toMatchObject({ verdict: "needs_approval", approvers: ["store_manager"] });
    expect(topic("2.1")).toMatchObject({ verdict: "report", approvers: ["store_manager", "integrity_team"] });
    expect(policy.rules.roles).toMatchObject({ head_of_department: { name: "your Head of Department" } });
  });

  it("finds the right section for questions it was never shown (figure pinned; the issue's target is 70%)", () => {
    const report = draft.evaluateOn(TALLIS_QUESTIONS);
    expect(report.questions).toBeGreaterThanOrEqual(40);
    // Measured 46.5% top-1 section (44.2% before the draft took the section's words) and 64.4% verdict
    // (48.9% before it read the plain-English forms above): far short of the target.
    expect(report.top1Section.hit / report.top1Section.total).toBeGreaterThanOrEqual(0.44);
    expect(report.verdict.hit / report.verdict.total).toBeGreaterThanOrEqual(0.6);
  });
});

// The third Code, written by another writer without seeing the matcher (test/fixtures/harbor-README.md):
// Harborline Logistics, "Article I – …" headings, "1.1" clauses, "(a)" items, EUR thresholds, its own
// approvers. Scored with the unedited draft, and with a rules file that holds only the required fields.
describe("bring your own Code: a Code by another writer (Harborline), drafted or with the required fields only", () => {
  const HARBOR = resolve(ROOT, "test/fixtures/harbor-code.txt");
  const HARBOR_QUESTIONS = resolve(ROOT, "test/fixtures/harbor-questions.jsonl");
  const draft = drafted(HARBOR);

  it("drafts every clause, including \"may be accepted without approval\" and an approval that names no one", () => {
    const policy = draft.policy();
    const topic = (clause: string) => policy.rules.topics.find((t) => t.clause === clause);
    for (const [id, clause] of policy.document.clauses) if (clause.sentences.length) expect(topic(id), id).toBeDefined();
    expect(topic("4.1(a)")).toMatchObject({ verdict: "allowed" }); // the draft stopped with a TypeError here before
    expect(policy.rules.roles).toMatchObject({ compliance_officer: { name: "the Compliance Officer" }, ethics_committee: { name: "the Ethics Committee" } });
  });

  it("finds the right section for questions it was never shown (figure pinned; the issue's target is 70%)", () => {
    const report = draft.evaluateOn(HARBOR_QUESTIONS);
    expect(report.questions).toBeGreaterThanOrEqual(60);
    // Measured 64.7% top-1 and 80.4% top-3 section (the draft failed on this Code before; with that
    // fixed alone, 60.8% and 76.5%).
    expect(report.top1Section.hit / report.top1Section.total).toBeGreaterThanOrEqual(0.62);
    expect(report.top3Section.hit / report.top3Section.total).toBeGreaterThanOrEqual(0.78);
  });

  it("answers as well from a rules file with only clause, verdict, summary and approvers: the clause's own words find it", () => {
    const full = parse(readFileSync(draft.rulesFile, "utf8")) as { topics: Array<Record<string, unknown>> } & Record<string, unknown>;
    const required = ["id", "clause", "verdict", "summary", "approvers", "quote"];
    const bare = { version: 1, roles: full.roles, topics: full.topics.map((t) => Object.fromEntries(Object.entries(t).filter(([k]) => required.includes(k)))) };
    const bareFile = join(mkdtempSync(join(tmpdir(), "conduct-bare-")), "bare.rules.yaml");
    writeFileSync(bareFile, JSON.stringify(bare));
    const advisor = createAdvisor(loadPolicy(HARBOR, bareFile));
    const report = evaluate((q) => advisor.advise(q), parseEvalFile(readFileSync(HARBOR_QUESTIONS, "utf8"), HARBOR_QUESTIONS));
    // Measured 64.7% top-1 section and 2.0% wrongly abstained, as with the draft; before topics were
    // filled from their clause's text, 25.5% and 68.6% (nearly every question "not covered").
    expect(report.top1Section.hit / report.top1Section.total).toBeGreaterThanOrEqual(0.62);
    expect(report.wrongAbstention.hit / report.wrongAbstention.total).toBeLessThanOrEqual(0.05);
  });
});

// The fifth Code (Ashgrove University: Markdown, a foreword and "How to use this Code" before
// "## Section 1 –", "### 4.1 Title" clause headings, an appendix after the last section), with 78
// questions written before the draft or the matcher was looked at for it.
describe("bring your own Code: a university's Code with front matter (Ashgrove)", () => {
  const ASHGROVE = resolve(ROOT, "test/fixtures/ashgrove-code.md");
  const ASHGROVE_QUESTIONS = resolve(ROOT, "test/fixtures/ashgrove-questions.jsonl");
  const draft = drafted(ASHGROVE);

  it("reads the sections after the front matter, and not the appendix", () => {
    const policy = draft.policy();
    expect(policy.document.sections.map((s) => s.title).slice(0, 2)).toEqual(["Purpose and Scope", "Speaking Up"]);
    expect(policy.document.sections).toHaveLength(13);
    expect(policy.document.clauses.get("4.3")).toMatchObject({ subTitle: "Cash and vouchers" });
  });

  it("reads whom the Code binds (\"applies to\", \"are expected to follow it\") as guidance, not as a prohibition", () => {
    const topic = (clause: string) => draft.policy().rules.topics.find((t) => t.clause === clause)!;
    expect(topic("1.1")).toMatchObject({ verdict: "guidance" });
    expect(topic("1.2")).toMatchObject({ verdict: "guidance" });
    expect(topic("4.3")).toMatchObject({ verdict: "prohibited" });
  });

  it("finds the right section for questions it was never shown (figure pinned; the issue's target is 70%)", () => {
    const report = draft.evaluateOn(ASHGROVE_QUESTIONS);
    expect(report.questions).toBeGreaterThanOrEqual(60);
    // Measured 54.9% top-1 section and 77.5% top-3 (49.3% / 69.0% before the front matter was left out).
    expect(report.top1Section.hit / report.top1Section.total).toBeGreaterThanOrEqual(0.53);
    expect(report.top3Section.hit / report.top3Section.total).toBeGreaterThanOrEqual(0.75);
  });
});
