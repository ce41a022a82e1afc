import { describe, expect, it } from "vitest";
import { holds, moneyRangeIn } from "../../src/core/advice/valueRange.ts";

describe("the money range a rule's sentence sets", () => {
  it("reads upper and lower limits in the currencies and phrasings Codes use", () => {
    expect(moneyRangeIn("gifts with a value of up to EUR 50 per person per year may be accepted")).toEqual({ upTo: 50 });
    expect(moneyRangeIn("gifts with a value above EUR 50 and up to EUR 150 need approval")).toEqual({ above: 50, upTo: 150 });
    expect(moneyRangeIn("Anything worth more than £25 needs sign-off")).toEqual({ above: 25 });
    expect(moneyRangeIn("above USD 150, or worth more than USD 300 in total")).toEqual({ above: 150 });
    expect(moneyRangeIn("gifts of 100 euros or more")).toEqual({ above: 100 });
    expect(moneyRangeIn("Gifts must be of nominal value.")).toBeUndefined();
  });

  it("ignores the exception a sentence makes", () => {
    expect(moneyRangeIn("Gifts to public officials are prohibited, except branded items worth less than EUR 25.")).toBeUndefined();
  });

  it("holds an amount above the lower limit and at most the upper one", () => {
    expect(holds({ above: 50, upTo: 150 }, 120)).toBe(true);
    expect(holds({ above: 50, upTo: 150 }, 50)).toBe(false);
    expect(holds({ upTo: 50 }, 50)).toBe(true);
    expect(holds({ above: 150 }, 400)).toBe(true);
  });
});
