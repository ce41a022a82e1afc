// A Code word as the modifier of an everyday compound noun: blanked before the out-of-scope check.
import { describe, expect, it } from "vitest";
import { codeWords, compoundBlanker } from "../../src/core/advice/compounds.ts";
import { parsePolicy } from "../../src/core/policy/parse.ts";

const blank = compoundBlanker(codeWords(
  parsePolicy("Acme Code\n\n1. Gifts\n\nNo employee may accept a gift or personal benefit from a supplier. Conflicts of interest must be avoided.\n\n2. Records\n\nThe Code applies to all records and policy, as the Securities and Exchange Commission requires.\n"),
));

describe("everyday compounds named with a Code word", () => {
  it("blanks a lone Code noun modifying an everyday head in a noun phrase of three or more words", () => {
    expect(blank("is the gift wrap station open").long).toBe("is the wrap station open");
    expect(blank("the conflict resolution training got moved").long).toBe("the resolution training got moved");
    expect(blank("who won the fantasy football supplier pool").long).toBe("who won the fantasy football pool");
    expect(blank("the supplier exchange party").long).toBe("the exchange party"); // "Exchange" is only in a proper name of the Code
  });
  it("keeps clauses, short compounds, adjectives, heads that are Code words and possessives", () => {
    expect(blank("a supplier keeps sending gift cards").long).toBe("a supplier keeps sending gift cards"); // a verb: a clause
    expect(blank("the gift card").long).toBe("the gift card"); // two words
    expect(blank("for a personal road trip").long).toBe("for a personal road trip"); // an adjective keeps its meaning
    expect(blank("the gift card policy").long).toBe("the gift card policy"); // the head is the Code's
    expect(blank("what is the code's main goal").long).toBe("what is the code's main goal"); // a possessive
    expect(blank("supplier gift card arrived").long).toBe("supplier gift card arrived"); // no opener: maybe a clause
  });
});
