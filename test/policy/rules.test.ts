import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { loadPolicy } from "../../src/core/policy/load.ts";
import { parsePolicy } from "../../src/core/policy/parse.ts";
import { RulesError, validateRules } from "../../src/core/policy/rules.ts";

const path = (p: string) => new URL(`../../${p}`, import.meta.url).pathname;
const code = parsePolicy(readFileSync(path("policies/code-of-conduct.txt"), "utf8"));
const topic = (extra: Record<string, unknown>) => ({ version: 1, topics: [{ id: "gifts", clause: "3(c)", verdict: "needs_approval", summary: "s", ...extra }] });

function problems(raw: unknown): string[] {
  try {
    validateRules(raw, code, "rules.yaml");
  } catch (error) {
    if (error instanceof RulesError) return error.problems;
    throw error;
  }
  return [];
}

describe("rules file validation", () => {
  it("accepts the shipped rules file, with a topic in every section", () => {
    const policy = loadPolicy(path("policies/code-of-conduct.txt"), path("policies/code-of-conduct.rules.yaml"));
    expect(policy.rules.topics.length).toBeGreaterThan(20);
    const covered = new Set(policy.rules.topics.map((t) => policy.document.clauses.get(t.clause)!.sectionId));
    for (const section of policy.document.sections) expect(covered, `section ${section.id} has a topic`).toContain(section.id);
  });

  it("names an unknown clause id", () => {
    expect(problems(topic({ clause: "3(z)" }))).toEqual([expect.stringMatching(/^topics\[0\] \(gifts\): clause "3\(z\)" is not in the Code/)]);
  });

  it("names an unknown approver role", () => {
    expect(problems(topic({ approvers: ["ceo"] }))).toEqual([expect.stringMatching(/^topics\[0\] \(gifts\): approver role "ceo" is neither built in .* nor declared under roles:/)]);
  });

  it("names an unknown verdict", () => {
    expect(problems(topic({ verdict: "maybe" }))).toEqual([expect.stringMatching(/^topics\[0\] \(gifts\)\.verdict: /)]);
  });

  it("rejects a quote that is not word for word in the clause", () => {
    expect(problems(topic({ quote: "Gifts are fine." }))).toEqual(["topics[0] (gifts): quote is not word for word in clause 3(c)"]);
  });

  it("rejects duplicate topic ids and unknown fields", () => {
    const raw = topic({});
    raw.topics.push({ ...raw.topics[0]! });
    expect(problems(raw)).toEqual(["topics[1] (gifts): duplicate topic id"]);
    expect(problems(topic({ approver: ["board"] }))[0]).toMatch(/Unrecognized key\(s\) in object: 'approver'/);
  });

  it("defaults the quote to the clause's first sentence", () => {
    const rules = validateRules(topic({}), code);
    expect(rules.topics[0]!.quote).toBe(code.clauses.get("3(c)")!.text);
  });

  it("reports a YAML syntax error as a rules error naming the file and the line", () => {
    const file = path("test/fixtures/acme-code.txt"); // not YAML mappings: a plain text file
    expect(() => loadPolicy(path("policies/code-of-conduct.txt"), file)).toThrow(RulesError);
    const dir = mkdtempSync(join(tmpdir(), "rules-"));
    const broken = join(dir, "broken.rules.yaml");
    writeFileSync(broken, "version: 1\ntopics:\n  - id: gifts\n    clause: [3\n");
    const twice = join(dir, "twice.rules.yaml");
    writeFileSync(twice, "version: 1\nversion: 2\n");
    expect(() => loadPolicy(path("policies/code-of-conduct.txt"), broken)).toThrow(/broken\.rules\.yaml: invalid rules file\n {2}not valid YAML: .*\(5:1\)/);
    expect(() => loadPolicy(path("policies/code-of-conduct.txt"), twice)).toThrow(/not valid YAML: duplicated mapping key \(2:1\)/);
  });

  it("reads YAML 1.2's core types, as the draft writes them: a date-like summary stays text", () => {
    const dir = mkdtempSync(join(tmpdir(), "rules-"));
    const file = join(dir, "dated.rules.yaml");
    const shipped = readFileSync(path("policies/code-of-conduct.rules.yaml"), "utf8");
    writeFileSync(file, shipped.replace(/^( {4}summary: )Violations of the Code.*$/m, "$12026-12-03"));
    const topics = loadPolicy(path("policies/code-of-conduct.txt"), file).rules.topics;
    expect(topics.map((t) => t.summary)).toContain("2026-12-03");
    expect(parseYaml("version: 1")).toEqual({ version: 1 });
  });
});

describe("another company's Code", () => {
  const acme = loadPolicy(path("test/fixtures/acme-code.txt"), path("test/fixtures/acme-rules.yaml"));

  it("loads its own sections, clauses and rules", () => {
    expect(acme.document.title).toBe("Acme Widgets Ltd. Staff Conduct Policy");
    expect([...acme.document.clauses.keys()]).toEqual(["1", "2", "2(a)", "2(b)", "3"]);
    expect(acme.document.clauses.get("1")!.text).toBe("This policy explains how Acme staff are expected to behave at work.");
    expect(acme.document.clauses.get("2(b)")!.text).toBe("Cash gifts must never be accepted.");
    expect(acme.rules.topics.map((t) => [t.id, t.clause, t.verdict])).toEqual([
      ["declare_gifts", "2(a)", "needs_approval"],
      ["cash_gifts", "2(b)", "prohibited"],
      ["vans", "3", "needs_approval"],
    ]);
  });

  it("rejects the other company's rules against the shipped Code", () => {
    expect(() => loadPolicy(path("policies/code-of-conduct.txt"), path("test/fixtures/acme-rules.yaml"))).toThrow(
      /quote is not word for word in clause 2\(a\)|clause "2\(a\)" is not in the Code/,
    );
  });
});
