import { describe, expect, it } from "vitest";
import { approversMatch, clauseMatches, EvalFileError, evaluate, parseEvalFile } from "../../src/core/advice/eval.ts";
import type { Answer } from "../../src/core/advice/types.ts";

const answer = (verdict: Answer["verdict"], clauses: string[], approvers: Answer["approvers"] = []): Answer => ({
  question: "",
  verdict,
  approvers,
  clauses: clauses.map((id) => ({ id, title: "", quote: "", score: 0.5 })),
  answer: "",
});

describe("evaluation scoring", () => {
  it("matches an expected section with any of its clauses, and a lettered clause only exactly", () => {
    expect(clauseMatches("3(c)", ["3"])).toBe(true);
    expect(clauseMatches("3", ["3"])).toBe(true);
    expect(clauseMatches("3", ["3(c)"])).toBe(false);
    expect(clauseMatches("3(b)", ["3(c)"])).toBe(false);
    expect(clauseMatches("13", ["1"])).toBe(false);
  });

  it("accepts approvers when every named role is acceptable, and none when none are expected", () => {
    expect(approversMatch(["audit_committee", "board"], ["audit_committee", "board"])).toBe(true);
    expect(approversMatch(["board"], ["board", "executive_officer"])).toBe(true);
    expect(approversMatch([], ["board"])).toBe(false);
    expect(approversMatch(["supervisor", "board"], ["board"])).toBe(false);
    expect(approversMatch([], [])).toBe(true);
  });

  it("computes each metric only over the lines that state it", () => {
    const answers: Record<string, Answer> = {
      a: answer("needs_approval", ["3(c)", "4"], ["board"]),
      b: answer("prohibited", ["5", "5(b)"]),
      c: answer("out_of_scope", []),
      d: answer("out_of_scope", []),
    };
    const report = evaluate((q) => answers[q]!, [
      { q: "a", clauses: ["3(c)"], verdicts: ["needs_approval"], approvers: ["board"] },
      { q: "b", clauses: ["5(b)"] },
      { q: "c", clauses: [], verdicts: ["out_of_scope"] },
      { q: "d", clauses: ["10"] },
    ]);
    expect(report.top1Clause).toEqual({ hit: 1, total: 3 });
    expect(report.top1Section).toEqual({ hit: 2, total: 3 });
    expect(report.top3Section).toEqual({ hit: 2, total: 3 });
    expect(report.verdict).toEqual({ hit: 2, total: 2 });
    expect(report.approvers).toEqual({ hit: 1, total: 1 });
    expect(report.abstentionPrecision).toEqual({ hit: 1, total: 2 });
    expect(report.abstentionRecall).toEqual({ hit: 1, total: 1 });
    expect(report.wrongAbstention).toEqual({ hit: 1, total: 3 });
    expect(report.misses.map((m) => m.q)).toEqual(["b", "d"]);
  });

  it("parses the JSONL format with zod and reports every bad line by number", () => {
    expect(parseEvalFile('{"q":"x","clauses":["3(c)"],"verdicts":["report"]}\n\n{"q":"y"}\n')).toHaveLength(2);
    expect(() => parseEvalFile('{"q":"x"}\nnot json\n{"q":"y","verdicts":["maybe"]}\n{"clauses":["3(cc)"]}')).toThrowError(EvalFileError);
    try {
      parseEvalFile('{"q":"x"}\nnot json\n{"q":"y","verdicts":["maybe"]}');
    } catch (error) {
      expect((error as Error).message).toMatch(/line 2: not valid JSON/);
      expect((error as Error).message).toMatch(/line 3: verdicts\.0/);
    }
  });
});

describe("harmful answers and the confusion of sections", () => {
  it("counts allowed-when-not, not-covered-when-covered and approval-for-prohibited, and tabulates sections", async () => {
    const { evaluate: run, formatConfusion, formatReport } = await import("../../src/core/advice/eval.ts");
    const answers: Record<string, { verdict: "allowed" | "out_of_scope" | "needs_approval" | "prohibited"; clauses: string[] }> = {
      a: { verdict: "allowed", clauses: ["3(c)"] },
      b: { verdict: "out_of_scope", clauses: [] },
      c: { verdict: "needs_approval", clauses: ["5(b)"] },
      d: { verdict: "prohibited", clauses: ["7"] },
      e: { verdict: "allowed", clauses: ["6"] },
    };
    const advise = (q: string) => ({ question: q, approvers: [], answer: "x", ...answers[q]!, clauses: answers[q]!.clauses.map((id) => ({ id, title: "t", quote: "q", score: 1 })) });
    const report = run(advise, [
      { q: "a", clauses: ["3(c)"], verdicts: ["prohibited"] },
      { q: "b", clauses: ["4"], verdicts: ["needs_approval"] },
      { q: "c", clauses: ["5(b)"], verdicts: ["prohibited"] },
      { q: "d", clauses: ["12"], verdicts: ["prohibited"] },
      { q: "e", clauses: [], verdicts: ["out_of_scope"] },
    ]);
    expect(report.harmful).toEqual({ hit: 3, total: 5 });
    expect(formatReport(report)).toMatch(/harmful answers\s+60\.0% \(3\/5\)/);
    expect(formatConfusion(report)).toContain("   4 → none:1");
    expect(formatConfusion(report)).toContain("  12 → 7:1");
    expect(formatConfusion(report)).not.toContain("   3 →");
  });
});
