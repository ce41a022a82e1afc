// Names of things in a question: which are blanked before matching.
import { describe, expect, it } from "vitest";
import { nameBlanker } from "../../src/core/advice/names.ts";
import { parsePolicy } from "../../src/core/policy/parse.ts";

const blank = nameBlanker(parsePolicy("Acme Code\n\n1. Gifts\n\nNo employee may accept a gift from a supplier. The Board of Directors and the Audit Committee decide.\n\n2. Ethics\n\nAct with integrity.\n"));

describe("names of things in a question", () => {
  it("blanks a quoted title or capitalised run mixing a Code word with others, not a name of Code words only", () => {
    expect(blank("Can I book the Directors' Lounge on the 5th?")).toBe("Can I book the   on the 5th?");
    expect(blank("is the 'Ethics in AI' talk recorded")).toBe("is the   talk recorded");
    expect(blank("Can I tell the Audit Committee?")).toBe("Can I tell the Audit Committee?");
    expect(blank("A supplier offered me Super Bowl tickets")).toBe("A supplier offered me Super Bowl tickets"); // no Code word in it
    expect(blank("Gift Shop hours?")).toBe("Gift Shop hours?"); // opens the sentence: no sign it is a name
    expect(blank("our CEO Gift wants")).toBe("our CEO Gift wants"); // an acronym and one word are no run
    expect(blank("the Directors' Lounge. Gift Shop")).toBe("the  . Gift Shop");
  });

  it("blanks what follows 'called' or 'named' after a noun: a name, whatever its words", () => {
    expect(blank("we play a game called Insider at lunch")).toBe("we play a game called  at lunch");
    expect(blank("the app named gift tracker is down")).toBe("the app named  is down");
    expect(blank("a supplier called me about a gift")).toBe("a supplier called me about a gift"); // a pronoun: the verb "call"
    expect(blank("a competitor called suggesting we raise prices")).toBe("a competitor called suggesting we raise prices");
  });

});
