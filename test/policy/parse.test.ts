import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePolicy } from "../../src/core/policy/parse.ts";

const code = parsePolicy(readFileSync(new URL("../../policies/code-of-conduct.txt", import.meta.url), "utf8"));
const clause = (id: string) => {
  const found = code.clauses.get(id);
  if (!found) throw new Error(`no clause ${id}`);
  return found;
};

describe("parsing the shipped Code", () => {
  it("reads the title and every section 1–17 with its title", () => {
    expect(code.title).toBe("American Power Group Corporation Code of Conduct and Ethics");
    expect(code.sections.map((s) => s.id)).toEqual(Array.from({ length: 17 }, (_, i) => String(i + 1)));
    expect(code.sections[2]!.title).toBe("Conflicts of Interest");
    expect(code.sections[10]!.title).toBe("Disclosures in SEC Reports and Other Public Communications");
    expect(code.sections[16]!.title).toBe("Summary");
  });

  it("finds every lettered clause of sections 3, 5, 7 and 8 and no others", () => {
    const lettered = [...code.clauses.keys()].filter((id) => id.includes("("));
    expect(lettered).toEqual([
      "3(a)", "3(b)", "3(c)", "3(d)", "3(e)",
      "5(a)", "5(b)", "5(c)", "5(d)", "5(e)",
      "7(a)", "7(b)", "7(c)",
      "8(a)", "8(b)", "8(c)",
    ]);
  });

  it("keeps each clause's exact wording", () => {
    expect(clause("3(c)").text).toBe(
      "Accepting gifts, payments, or services of significant value from those seeking to do business with American Power Group Corporation.",
    );
    expect(clause("9").sentences.at(-1)).toBe(
      "Alcohol may not be brought or consumed on Company property without the consent of the executive officer of the Company.",
    );
    expect(clause("3(c)").title).toBe("Conflicts of Interest");
    expect(clause("3(c)").sectionId).toBe("3");
  });

  it("joins sentences a page break split across a blank line", () => {
    expect(clause("3").sentences).toContain(
      "It is American Power Group Corporation's policy that such conflicts of interest involving improper personal benefits are prohibited.",
    );
    expect(clause("11").text).toContain("submits to the SEC, press releases, speeches and investor");
    expect(clause("11").text).not.toContain("\n");
  });

  it("keeps a lettered list together across a blank line inside it (5(c)/5(d))", () => {
    expect(clause("5(c)").text).toBe("All transactions shall be executed in accordance with management's general or specific authorization.");
    expect(clause("5(d)").text.startsWith("Transactions shall be properly recorded")).toBe(true);
    expect(clause("5").text).toContain("Where any person associated with the Company becomes aware");
    expect(clause("5").text).not.toContain("All transactions shall be executed");
  });

  it("drops bold markers but keeps the words (section 13)", () => {
    expect(clause("13").text).toContain("The responsibility for compliance with this Code, including the duty to seek interpretation when in doubt, rests with each person");
    expect(clause("13").text).not.toContain("*");
  });

  it("keeps section prose around a list in the section clause", () => {
    expect(clause("3").text.startsWith("Directors, officers and employees of American Power Group Corporation have a duty")).toBe(true);
    expect(clause("3").text).toContain("all related party transactions of American Power Group Corporation must be reviewed and approved by the Audit Committee.");
    expect(clause("8").sentences.at(-1)).toBe("This includes the following:");
  });

  it("splits sentences without breaking quotations or abbreviations of the Code", () => {
    const intro = clause("1").sentences;
    expect(intro[0]).toMatch(/^In this Code of Business Conduct \(the "Code"\), the terms/);
    expect(intro.every((s) => /[.:]\)?$/.test(s))).toBe(true);
  });

  it("rejects a document with no numbered sections", () => {
    expect(() => parsePolicy("Just a memo.\n\nNothing numbered here.")).toThrow(/no numbered sections/);
  });
});
