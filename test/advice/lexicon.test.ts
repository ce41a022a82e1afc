import { describe, expect, it } from "vitest";
import { Lexicon } from "../../src/core/advice/lexicon.ts";
import { tokenize } from "../../src/core/advice/normalise.ts";
import type { Topic } from "../../src/core/policy/rules.ts";

const topic = (concepts: string[]): Topic => ({
  id: "t", clause: "1", also: [], verdict: "guidance", approvers: [], approval: "all", quote: "", summary: "s", concepts, requires: [], cues: [], examples: [],
});
const found = (phrase: string, text: string) => new Lexicon([topic([phrase])]).find(tokenize(text)).length > 0;

describe("Lexicon phrase matching", () => {
  it("skips a few words after a content word, but only determiners after a function word", () => {
    expect(found("company van", "the company's old delivery van")).toBe(true);
    expect(found("my own company", "I want to start my own company")).toBe(true);
    expect(found("my own company", "my brother owns a company")).toBe(false);
    expect(found("sit on the board", "can I sit on their board")).toBe(true);
  });

  it("treats an article inside a phrase as optional, but keeps a leading one", () => {
    expect(found("change the numbers", "she keeps changing numbers")).toBe(true);
    expect(found("a show", "show me the report")).toBe(false);
  });

  it("does not run a phrase across sentences", () => {
    expect(found("company van", "Ask the company. The van is red.")).toBe(false);
  });
});
