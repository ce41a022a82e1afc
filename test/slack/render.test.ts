import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/advice/types.ts";
import { renderAnswer, withFeedbackRecorded } from "../../src/surfaces/slack/render/answer.ts";
import { prefillFromQuestion } from "../../src/surfaces/slack/render/approvals.ts";

const base: Answer = { question: "q", verdict: "guidance", approvers: [], clauses: [], answer: "a" };
const buttonsOf = (blocks: unknown[]) =>
  (blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>).filter((b) => b.type === "actions").flatMap((b) => b.elements!);

describe("renderAnswer", () => {
  it("offers no approval for an answer without a clause, and votes count against the no-clause stand-in", () => {
    const { blocks } = renderAnswer({ ...base, verdict: "out_of_scope" });
    expect(blocks[0]).toMatchObject({ type: "header", text: { text: "🤷 Not covered by the Code" } });
    expect(buttonsOf(blocks).map((b) => [b.action_id, b.value])).toEqual([
      ["ask.report_concern", "-"],
      ["ask.ask_person", "-"],
      ["ask.feedback_up", "-"],
      ["ask.feedback_down", "-"],
    ]);
  });

  it("lists guidance roles as alternatives and approval roles as all required", () => {
    const guidance = renderAnswer({ ...base, approvers: ["supervisor", "officer"] });
    expect(JSON.stringify(guidance.blocks)).toContain("*Who to ask:* your immediate supervisor or any officer of the Company");
    const approval = renderAnswer({ ...base, verdict: "needs_approval", approvers: ["audit_committee", "board"], topicId: "x" });
    expect(JSON.stringify(approval.blocks)).toContain("*Who approves:* the Audit Committee and the Board of Directors");
  });

  it("says when a long question was matched only on its beginning, and cites further clauses", () => {
    const clause = { id: "3(c)", title: "Conflicts of Interest", quote: "Gifts & favours", score: 1 };
    const { blocks } = renderAnswer({ ...base, notice: "truncated", clauses: [clause, { ...clause, id: "1", title: "Reporting <Violations>" }] });
    const json = JSON.stringify(blocks);
    expect(json).toContain("longer than 4,000 characters, so I matched only its first 4,000");
    expect(json).toContain(">Gifts &amp; favours");
    expect(json).toContain("Also relevant: 1 · Reporting &lt;Violations&gt;");
  });

  it("drops only the vote buttons once feedback is in, whatever Slack sends back", () => {
    const { blocks } = renderAnswer({ ...base, verdict: "needs_approval", topicId: "gifts" });
    const after = withFeedbackRecorded(blocks, "Thanks");
    expect(buttonsOf(after).map((b) => b.action_id)).toEqual(["ask.request_approval", "ask.report_concern", "ask.ask_person"]);
    expect(after.at(-1)).toMatchObject({ type: "context", block_id: "ask.feedback_done" });
    expect(withFeedbackRecorded([{ type: "actions", elements: [null] } as never], "Thanks").length).toBe(2);
    expect(withFeedbackRecorded(after, "Again").filter((b) => (b as { block_id?: string }).block_id === "ask.feedback_done")).toHaveLength(1); // one thank-you line, however often redrawn
  });
});

describe("prefillFromQuestion", () => {
  it("reads an amount and a date, and takes linear time on a run of digits (it backtracked quadratically: ~7 s for 20 000 digits)", () => {
    expect(prefillFromQuestion("Can I accept a 1,200 dollars watch on 2026-05-01?")).toMatchObject({ amount: 1200, currency: "USD", date: "2026-05-01" });
    expect(prefillFromQuestion("Tickets worth €80")).toMatchObject({ amount: 80, currency: "EUR" });
    expect(prefillFromQuestion("a 12.5 pounds lunch")).toMatchObject({ amount: 12.5, currency: "GBP" });
    const started = performance.now();
    prefillFromQuestion("1".repeat(250_000));
    expect(performance.now() - started).toBeLessThan(500);
  });
});
