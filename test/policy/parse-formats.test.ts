import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePolicy } from "../../src/core/policy/parse.ts";

const ids = (text: string) => [...parsePolicy(text).clauses.keys()];

describe("parsing other companies' numbering", () => {
  it('reads "Section 4 –" headings with "4.1" clauses (the Northwind fixture)', () => {
    const code = parsePolicy(readFileSync(new URL("../fixtures/northwind-code.txt", import.meta.url), "utf8"));
    expect(code.sections.map((s) => s.title).slice(0, 3)).toEqual(["Purpose and Scope", "Speaking Up", "Gifts, Hospitality and Entertainment"]);
    expect(code.sections).toHaveLength(12);
    expect(code.clauses.get("3.3")!.text).toMatch(/^Employees must never accept or offer cash/);
    expect(code.clauses.get("3.3")!.sectionId).toBe("3");
    expect(code.clauses.get("12.3")!.title).toBe("Administration of the Code");
  });

  it('reads "Article IV", "4.1.2", "a." and "(a)" items and Markdown headings', () => {
    expect(ids("Code\n\nArticle I – Scope\n\nThis applies to all.\n\nArticle II: Gifts\n\n2.1 Gifts are limited.\n\n2.1.1 Cash is never allowed.\n\na. Gift cards count as cash.\n\nb. So do vouchers.")).toEqual([
      "1", "2", "2.1", "2.1.1", "2.1.1(a)", "2.1.1(b)",
    ]);
    expect(ids("# Acme Code\n\n## Scope\n\nEveryone.\n\n## 2. Gifts\n\n(a) Small gifts are fine.\n(b) Cash is not.\n\n### Vehicles\n\nVans are for work.")).toEqual(["1", "2", "2(a)", "2(b)", "3"]);
  });

  it('reads a "4.1 Title" sub-heading with its prose below, and wrapped clause lines', () => {
    const code = parsePolicy("Code\n\n1. Gifts\n\n1.1 Modest gifts\n\nYou may keep a modest gift.\n\n1.2 Cash must never be\naccepted from anyone.");
    expect(code.clauses.get("1.1")).toMatchObject({ subTitle: "Modest gifts", text: "You may keep a modest gift." });
    expect(code.clauses.get("1.2")!.text).toBe("Cash must never be accepted from anyone.");
  });

  it("leaves out front matter before section 1 and an appendix after the last, under unnumbered headings", () => {
    const code = parsePolicy(
      "# Uni\n\n## Foreword\n\nWe value trust.\n\n## How to use this Code\n\nAsk first.\n\n## Section 1 – Scope\n\n### 1.1 Who\n\nAll staff.\n\n#### Visitors\n\nVisitors too.\n\n## Section 2 – Gifts\n\n### 2.1 Modest gifts\n\nYou may keep a modest gift.\n\n## Appendix – Contacts\n\n- Ethics: ethics@uni.example",
    );
    expect(code.sections.map((s) => s.title)).toEqual(["Scope", "Gifts"]);
    expect([...code.clauses.keys()]).toEqual(["1", "1.1", "2", "2.1"]);
    expect(code.clauses.get("1.1")!.text).toBe("All staff.\n\nVisitors\n\nVisitors too.");
    expect(code.clauses.get("2.1")!.text).toBe("You may keep a modest gift.");
  });
});
