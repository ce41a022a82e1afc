import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { facetsOf } from "../../src/core/advice/lexicon.ts";
import { words } from "../../src/core/advice/normalise.ts";
import { RulesError, validateRules } from "../../src/core/policy/rules.ts";
import { evaluationQuestions, RULES_FILE, shippedPolicy } from "./support.ts";

const raw = () => parse(readFileSync(RULES_FILE, "utf8")) as { topics: Array<Record<string, unknown>>; advice?: Record<string, unknown> };
const problemsOf = (mutate: (r: ReturnType<typeof raw>) => void): string[] => {
  const r = raw();
  mutate(r);
  try {
    validateRules(r, shippedPolicy().document, "rules.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(RulesError);
    return (error as RulesError).problems;
  }
  return [];
};

describe("the reviewed rules file", () => {
  it("is valid against the shipped Code", () => {
    expect(problemsOf(() => {})).toEqual([]);
  });

  it("rejects an unknown clause id, role, non-verbatim quote, unknown required facet and unknown reporting topic, each clearly", () => {
    expect(problemsOf((r) => (r.topics[0]!.clause = "3(z)"))).toEqual([expect.stringMatching(/topics\[0\] \(reporting_violations\): clause "3\(z\)" is not in the Code/)]);
    expect(problemsOf((r) => (r.topics.find((t) => t.id === "gifts")!.approvers = ["ceo"]))).toEqual([expect.stringMatching(/\(gifts\): approver role "ceo" is neither built in .* nor declared under roles:/)]);
    expect(problemsOf((r) => (r.topics.find((t) => t.id === "alcohol")!.quote = "Alcohol is always fine."))).toEqual([expect.stringMatching(/\(alcohol\): quote is not word for word in clause 9/)]);
    expect(problemsOf((r) => (r.topics.find((t) => t.id === "gifts")!.requires = ["colour"]))).toEqual([expect.stringMatching(/\(gifts\): requires facet "colour"/)]);
    expect(problemsOf((r) => (r.advice!.reporting_topic = "nope"))).toEqual([expect.stringMatching(/advice.reporting_topic: no topic has id "nope"/)]);
    expect(problemsOf((r) => (r.topics.find((t) => t.id === "gifts")!.concepts = { gift: ["?!"] }))).toEqual([expect.stringMatching(/\(gifts\)\.concepts.*must contain a word|Invalid input/)]);
  });

  it("gives every clause of the Code (but the bare section 8 intro) a topic, each with concepts and examples", () => {
    const { document, rules } = shippedPolicy();
    const covered = new Set(rules.topics.map((t) => t.clause));
    expect([...document.clauses.keys()].filter((id) => !covered.has(id))).toEqual(["8"]);
    for (const topic of rules.topics) {
      expect(Object.values(facetsOf(topic)).flat().length, topic.id).toBeGreaterThan(3);
      expect(topic.examples.length, topic.id).toBeGreaterThan(0);
    }
  });

  it("never copies an evaluation question into its concepts, cues or examples", () => {
    const normal = (text: string) => words(text).filter((w) => w !== ".").join(" ");
    const questions = evaluationQuestions().map((c) => normal(c.q));
    expect(questions.length).toBeGreaterThan(100);
    const vocabulary = shippedPolicy().rules.topics.flatMap((t) => [...Object.values(facetsOf(t)).flat(), ...t.cues, ...t.examples].map(normal));
    for (const q of questions) {
      expect(vocabulary.filter((v) => v.includes(q) || (v.split(" ").length > 4 && q.includes(v))), q).toEqual([]);
    }
    // Nor paraphrase them closely: no example shares a run of six words with a question.
    const grams = (text: string) => {
      const w = text.split(" ");
      return new Set(w.slice(0, Math.max(0, w.length - 5)).map((_, i) => w.slice(i, i + 6).join(" ")));
    };
    const questionGrams = new Set(questions.flatMap((q) => [...grams(q)]));
    for (const example of shippedPolicy().rules.topics.flatMap((t) => t.examples)) {
      expect([...grams(normal(example))].filter((g) => questionGrams.has(g)), example).toEqual([]);
    }
  });
});
