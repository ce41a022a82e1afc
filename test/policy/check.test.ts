import { describe, expect, it } from "vitest";
import { createAdvisor } from "../../src/core/advice/index.ts";
import { lintRules } from "../../src/core/policy/check.ts";
import { parsePolicy } from "../../src/core/policy/parse.ts";
import { validateRules } from "../../src/core/policy/rules.ts";

const CODE = `Code

1. Gifts

1.1 You may keep a modest gift from a supplier.

1.2 Cash from a supplier is never allowed.

2. Vehicles

2.1 Company vans are for deliveries only.

3. Equipment

3.1 Laptops must be returned when you leave.`;

const lint = (topics: unknown[]) => {
  const document = parsePolicy(CODE);
  const policy = { document, rules: validateRules({ version: 1, topics }, document) };
  return lintRules(policy, createAdvisor(policy)).map((f) => f.message);
};
const topic = (id: string, clause: string, examples: string[], concepts: string[]) => ({ id, clause, verdict: "prohibited", summary: id, concepts, examples });

describe("conduct rules check", () => {
  it("names clauses no topic covers, examples answered from another clause, and pairs that read alike", () => {
    const found = lint([
      topic("gift", "1.1", ["a supplier gave me a modest gift"], ["gift"]),
      topic("cash", "1.2", ["a supplier handed me cash"], ["cash"]),
      topic("vans", "2.1", ["can i borrow a van", "a supplier gave me a modest gift"], ["van", "vans"]),
    ]);
    expect(found).toContainEqual(expect.stringMatching(/^clause 3\.1 \(Equipment\): no topic covers it/));
    expect(found).toContainEqual('topic vans: its example "a supplier gave me a modest gift" is answered from clause 1.1, not 2.1');
    expect(found.some((m) => /clause 1\.2|clause 2\.1 \(/.test(m) && /no topic covers/.test(m))).toBe(false);
  });

  it("flags a near tie with a clause of another section, but not the reporting clause cited beside it", () => {
    const document = parsePolicy(CODE);
    const rules = validateRules(
      {
        version: 1,
        advice: { reporting_topic: "laptops" },
        topics: [topic("gift", "1.1", ["a gift in the van", "a gift on the laptop"], ["gift"]), topic("cash", "1.2", ["cash"], ["cash"]), topic("vans", "2.1", ["a van"], ["van"]), topic("laptops", "3.1", ["laptop"], ["laptop"])],
      },
      document,
    );
    // The lint's own logic, on fixed answers: the matcher's scores are not what is tested here.
    const scores: Record<string, Array<[string, number]>> = { "a gift in the van": [["1.1", 0.7], ["2.1", 0.66]], "a gift on the laptop": [["1.1", 0.7], ["3.1", 0.69]] };
    const advisor = {
      advise: (q: string) => {
        const cited = scores[q] ?? [[topicOf(q), 0.9]];
        return { question: q, verdict: "prohibited" as const, approvers: [], answer: "", clauses: cited.map(([id, score]) => ({ id, title: "", quote: "", score })) };
      },
    };
    const topicOf = (q: string) => rules.topics.find((t) => t.examples.includes(q))!.clause;
    const found = lintRules({ document, rules }, advisor).map((f) => f.message);
    expect(found).toContainEqual('clauses 1.1 / 2.1: read alike (the example "a gift in the van" scores nearly as high for both); give them distinguishing concepts or cues');
    expect(found.filter((m) => m.includes("3.1"))).toEqual([]);
  });
});
