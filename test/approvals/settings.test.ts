import { describe, expect, it } from "vitest";
import { parseApprovalSettings } from "../../src/core/approvals/settings.ts";
import { RulesError } from "../../src/core/policy/rules.ts";
import { POLICY } from "./support.ts";

const withApprovals = (approvals: unknown) => ({ ...POLICY.rules, approvals });
function problems(approvals: unknown): string[] {
  try {
    parseApprovalSettings(withApprovals(approvals), "rules.yaml");
  } catch (error) {
    if (error instanceof RulesError) return error.problems;
    throw error;
  }
  return [];
}

describe("the rules file's approvals section", () => {
  it("is valid in the shipped rules file: majority for the Board and Audit Committee, any for executive officers", () => {
    const settings = parseApprovalSettings(POLICY.rules);
    expect([settings.decisionRule("board"), settings.decisionRule("audit_committee"), settings.decisionRule("executive_officer")]).toEqual(["majority", "majority", "any"]);
    expect(settings.topic("gifts")).toMatchObject({ register: "gifts", requires: ["amount", "giver"] });
    expect(settings.topic("waiver_executive")).toMatchObject({ register: "waivers", inWriting: true, promptDisclosure: true });
    expect(settings.topic("waiver_other").approvers).toBe("one_of");
  });

  it("defaults to majority for the Board and Audit Committee and any for everyone else when left out", () => {
    const { approvals: _omit, ...bare } = POLICY.rules as Record<string, unknown>;
    const settings = parseApprovalSettings(bare as typeof POLICY.rules);
    expect([settings.decisionRule("board"), settings.decisionRule("audit_committee"), settings.decisionRule("supervisor")]).toEqual(["majority", "majority", "any"]);
    expect(settings.topic("gifts")).toMatchObject({ register: null, approvers: "all_in_order" });
    expect(settings.waivers).toBeNull();
  });

  it("names each problem with its place", () => {
    expect(problems({ decision_rules: { board: "most" } })).toEqual([expect.stringMatching(/^approvals\.decision_rules\.board: Invalid enum value/)]);
    expect(problems({ decision_rules: { ceo: "any" } })).toEqual([expect.stringMatching(/^approvals\.decision_rules\.ceo: /)]);
    expect(problems({ topics: { drugs: { register: "gifts" } } })).toEqual(['approvals.topics.drugs: topic "drugs" is prohibited, not needs_approval']);
    expect(problems({ topics: { nope: {} } })).toEqual(['approvals.topics.nope: no topic "nope" in topics']);
    expect(problems({ topics: { gifts: { requires: ["colour"] } } })).toEqual([expect.stringMatching(/^approvals\.topics\.gifts\.requires\.0: /)]);
    expect(problems({ surprise: true })).toEqual([expect.stringMatching(/^approvals: Unrecognized key/)]);
  });
});
