// `conduct rules draft` reads verdicts and approvers from a Code's own words: the plain-English forms
// (imperatives, "needs … sign-off from", "X's agreement"), items that state no verdict of their own,
// a prohibition beside an approval, and the general not-covered list against the Code's own words.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { draftRules } from "../../src/core/policy/draft.ts";
import { parsePolicy } from "../../src/core/policy/parse.ts";
import { validateRules } from "../../src/core/policy/rules.ts";

const CODE = `Bramley Foods Code

1. Gifts

1.1 Anything worth more than £25 needs written sign-off from your Head of Department before you accept it.

1.2 Cash and vouchers are never acceptable from a supplier.

1.3 Grants to schools must be approved by the Giving Committee and must never be tied to a purchase.

2. Conduct

2.1 Never adjust stock or till records to hide a loss.

2.2 Do not place business with a company owned by a relative unless the Integrity Team has agreed in writing.

2.3 Collections for other causes in a store need the store manager's agreement.

2.4 If you see something that breaks this Code, tell your store manager or contact the Integrity Team.

2.5 Victimising a colleague who has spoken up is a disciplinary offence.

3. Conflicts

Conflicts of interest must be avoided. The following are examples:

- (a) Working for a competitor in your spare time.
- (b) Sharing your login credentials with a friend.`;

const document = parsePolicy(CODE);
const drafted = draftRules(document);
const topics = (clause: string) => drafted.topics.filter((t) => t.clause === clause);

describe("rules draft: verdicts and approvers in a Code's plain English", () => {
  it("reads imperatives and plain prohibitions", () => {
    expect(topics("2.1")[0]).toMatchObject({ verdict: "prohibited" });
    expect(topics("1.2")[0]).toMatchObject({ verdict: "prohibited" });
    expect(topics("2.5")[0]).toMatchObject({ verdict: "prohibited" });
  });

  it("reads approvals named by sign-off, agreement and a possessive, with whoever gives them", () => {
    expect(topics("1.1")[0]).toMatchObject({ verdict: "needs_approval", approvers: ["head_of_department"] });
    expect(topics("2.2")[0]).toMatchObject({ verdict: "needs_approval", approvers: ["integrity_team"] });
    expect(topics("2.3")[0]).toMatchObject({ verdict: "needs_approval", approvers: ["store_manager"] });
    expect(drafted.roles).toMatchObject({ head_of_department: { name: "your Head of Department" }, store_manager: { name: "your store manager" }, integrity_team: { name: "the Integrity Team" } });
  });

  it("reads \"may … without approval\" as leave, and \"must not … without approval\" as a need for it", () => {
    const it1 = draftRules(parsePolicy("Code\n\n1. IT\n\n1.1 Coffee may be served without approval.\n\n1.2 Software must not be installed without approval."));
    expect(it1.topics.map((t) => [t.clause, t.verdict])).toEqual([["1.1", "allowed"], ["1.2", "needs_approval"]]);
  });

  it("reads \"tell your store manager\" as the route for reporting", () => {
    expect(topics("2.4")[0]).toMatchObject({ verdict: "report", approvers: ["store_manager", "integrity_team"] });
  });

  it("gives a prohibition beside an approval a topic of its own, quoting its part of the sentence", () => {
    expect(topics("1.3").map((t) => [t.verdict, t.quote])).toEqual([
      ["needs_approval", "Grants to schools must be approved by the Giving Committee and must never be tied to a purchase."],
      ["prohibited", "must never be tied to a purchase."],
    ]);
  });

  it("lets an item that states no verdict take its section's prohibition", () => {
    expect(topics("3(a)")[0]).toMatchObject({ verdict: "prohibited" });
    expect(topics("3(b)")[0]).toMatchObject({ verdict: "prohibited" });
  });

  it("keeps a general not-covered term only when the Code does not itself speak of it, and loads unedited", () => {
    const notCovered = drafted.advice.not_covered as string[];
    expect(notCovered).not.toContain("login");
    expect(notCovered).toContain("parking");
    expect(() => validateRules(drafted, document)).not.toThrow();
  });

  it("drafts a Code whose clause only says \"unless previously approved by the Company\" (our own Code), unedited", () => {
    const own = parsePolicy(readFileSync(new URL("../../policies/code-of-conduct.txt", import.meta.url), "utf8"));
    const rules = draftRules(own);
    expect(rules.topics.find((t) => t.clause === "3(a)")).toMatchObject({ verdict: "needs_approval", approvers: [] });
    expect(() => validateRules(rules, own)).not.toThrow();
  });
});
