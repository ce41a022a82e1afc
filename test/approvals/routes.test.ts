// Issue 6 routes, on the example company (directory.example.yaml): the Board is Helen, Victor and
// Grace; the Audit Committee Victor and Grace; executive officers Dana and Marcus; the attorney
// Samira; the ethics officer Priya. Kim reports to Lee, who reports to Dana.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { gift, memoryHarness, recipients, seatsOf, type MemoryHarness } from "./support.ts";

let h: MemoryHarness;
beforeEach(async () => void (h = await memoryHarness()));
afterEach(async () => h?.close());

const BOARD = ["grace", "helen", "victor"];
const AUDIT_COMMITTEE = ["grace", "victor"];
const EXECUTIVE_OFFICERS = ["dana", "marcus"];

async function asked(requestId: string) {
  return recipients((await h.outbox("approval.requested")).filter((m) => (m.payload.request as { requestId: string }).requestId === requestId));
}

describe("routes from the rules file", () => {
  it("3(a) a substantial financial interest goes to the Board, by majority", async () => {
    const view = await h.request({ requesterId: "kim", topicId: "financial_interest", summary: "I own 5% of Northwind Fuels", details: { organisation: "Northwind Fuels" } });
    expect(view).toMatchObject({ clauseId: "3(a)", register: "conflicts", status: "pending", currentStage: 0 });
    expect(view.stages.map((s) => [s.role, s.rule, s.needed])).toEqual([["board", "majority", 2]]);
    expect(seatsOf(view)).toEqual([BOARD]);
    expect(await asked(view.id)).toEqual(BOARD);
  });

  it("3(b) an outside directorship or consultancy goes to the Board and needs the organisation and position", async () => {
    const missing = await h.approvals.request({ requesterId: "lee", topicId: "outside_role", summary: "Join the board of a supplier", details: { organisation: "Acme Parts" } });
    expect(missing).toMatchObject({ kind: "rejected", code: "missing_details", field: "details.position" });
    const view = await h.request({ requesterId: "lee", topicId: "outside_role", summary: "Join the board of a supplier", details: { organisation: "Acme Parts", position: "director" } });
    expect(view).toMatchObject({ clauseId: "3(b)", register: "outside_roles" });
    expect(seatsOf(view)).toEqual([BOARD]);
  });

  it("3(c) a gift of significant value goes to the Board and records its value and giver", async () => {
    const missing = await h.approvals.request({ requesterId: "kim", topicId: "gifts", summary: "Dinner", details: { amount: 300 } });
    expect(missing).toMatchObject({ kind: "rejected", code: "missing_details", field: "details.giver" });
    const view = await h.request(gift("kim"));
    expect(view).toMatchObject({ clauseId: "3(c)", register: "gifts", details: { amount: 450, currency: "USD", giver: "Northwind Fuels" } });
    expect(seatsOf(view)).toEqual([BOARD]);
  });

  it("a material conflict goes to the Board", async () => {
    const view = await h.request({ requesterId: "rosa", topicId: "material_conflict", summary: "My brother supplies the plant's lubricants" });
    expect(view).toMatchObject({ clauseId: "3", register: "conflicts" });
    expect(seatsOf(view)).toEqual([BOARD]);
  });

  it("3(e) business with an insider's firm goes to the Audit Committee and then the Board", async () => {
    const view = await h.request({ requesterId: "lee", topicId: "business_with_insider_firm", summary: "Use Taylor's bookkeeping firm for year-end", details: { organisation: "Okafor Books" }, involvedIds: ["taylor"] });
    expect(view.stages.map((s) => [s.role, s.rule, s.status])).toEqual([
      ["audit_committee", "majority", "pending"],
      ["board", "majority", "waiting"],
    ]);
    expect(seatsOf(view)).toEqual([AUDIT_COMMITTEE, BOARD]);
    // Only the Audit Committee is asked now; the Board when the Committee has approved.
    expect(await asked(view.id)).toEqual(AUDIT_COMMITTEE);
  });

  it("a related-party transaction goes to the Audit Committee", async () => {
    const view = await h.request({ requesterId: "dana", topicId: "related_party", summary: "Lease of the depot from a Director's family trust" });
    expect(view.stages.map((s) => s.role)).toEqual(["audit_committee"]);
    expect(seatsOf(view)).toEqual([AUDIT_COMMITTEE]);
  });

  it("4 personal use of company property goes to the immediate supervisor", async () => {
    const view = await h.request({ requesterId: "kim", topicId: "company_property", summary: "Use the office laptop for an evening accounting course" });
    expect(view.stages.map((s) => [s.role, s.rule, s.fallback])).toEqual([["supervisor", "any", null]]);
    expect(seatsOf(view)).toEqual([["lee"]]);
    expect(await asked(view.id)).toEqual(["lee"]);
  });

  it("7(c) disclosing confidential information outside goes to the company's attorneys", async () => {
    const view = await h.request({ requesterId: "marcus", topicId: "outside_disclosure", summary: "Share engine test data with a prospective partner under an NDA" });
    expect(seatsOf(view)).toEqual([["samira"]]);
    expect(view.stages[0]!.role).toBe("attorneys");
  });

  it("9 alcohol on company property goes to an executive officer; any one of them decides", async () => {
    const view = await h.request({ requesterId: "rosa", topicId: "alcohol", summary: "Champagne toast at the plant's 25th anniversary" });
    expect(view.stages.map((s) => [s.role, s.rule, s.needed])).toEqual([["executive_officer", "any", 1]]);
    expect(seatsOf(view)).toEqual([EXECUTIVE_OFFICERS]);
  });

  it("16 a waiver for an executive officer or Director goes to the Board, in writing, flagged for prompt disclosure", async () => {
    const forDana = await h.request({ requesterId: "dana", clauseId: "16", summary: "Waive 3(b) so I can sit on a charity's finance committee" });
    expect(forDana).toMatchObject({ topicId: "waiver_executive", register: "waivers", inWriting: true, disclosureRequired: true, subject: { id: "dana" } });
    expect(seatsOf(forDana)).toEqual([BOARD]);
    const forHelen = await h.request({ requesterId: "priya", topicId: "waiver_other", waiverForId: "helen", summary: "Waiver for the Chair" });
    expect(forHelen).toMatchObject({ topicId: "waiver_executive", subject: { id: "helen" } });
    // Helen is whom the waiver is for: she does not decide it.
    expect(seatsOf(forHelen)).toEqual([["grace", "victor"]]);
  });

  it("16 a waiver for anyone else goes to an executive officer, or the Board when no executive officer can decide", async () => {
    const forKim = await h.request({ requesterId: "kim", clauseId: "16", summary: "Waive the software rule for a personal licence" });
    expect(forKim).toMatchObject({ topicId: "waiver_other", inWriting: false, disclosureRequired: false });
    expect(forKim.stages.map((s) => [s.role, s.rule])).toEqual([["executive_officer", "any"]]);
    expect(seatsOf(forKim)).toEqual([EXECUTIVE_OFFICERS]);
    const bothNamed = await h.request({ requesterId: "kim", topicId: "waiver_other", summary: "Waiver naming both executive officers", involvedIds: ["dana", "marcus"] });
    expect(bothNamed.stages.map((s) => [s.role, s.rule])).toEqual([["board", "majority"]]);
    expect(seatsOf(bothNamed)).toEqual([BOARD]);
  });

  it("records the clause, what is asked, the details, the people involved and the requester", async () => {
    const view = await h.request({ ...gift("kim"), involvedIds: ["alex"], details: { amount: 450, currency: "usd", giver: "Northwind Fuels", date: "2026-02-14" } });
    expect(view).toMatchObject({
      reference: `AP-${view.number}`,
      clauseId: "3(c)",
      summary: "Two tickets to the regional energy conference dinner",
      details: { amount: 450, currency: "USD", giver: "Northwind Fuels", date: "2026-02-14" },
      requester: { id: "kim", name: "Kim Nguyen" },
      involved: [{ id: "alex", name: "Alex Romero" }],
    });
    const stored = await h.approvals.get(view.id, "kim");
    expect(stored).toMatchObject({ summary: view.summary, details: view.details, viewer: { canWithdraw: true, canDecide: false } });
  });
});

describe("choosing the topic", () => {
  it("takes a clause that names exactly one needs-approval topic", async () => {
    expect(await h.approvals.preview({ ...gift("kim"), topicId: undefined, clauseId: "3(c)" })).toMatchObject({ topicId: "gifts", clauseId: "3(c)", requires: ["amount", "giver"] });
    expect(await h.approvals.preview({ requesterId: "rosa", clauseId: "9", summary: "Toast" })).toMatchObject({ topicId: "alcohol" });
  });

  it("asks to choose when a clause has several kinds of approval", async () => {
    const result = await h.approvals.request({ requesterId: "kim", clauseId: "3", summary: "Something in section 3" });
    expect(result).toMatchObject({ kind: "rejected", code: "ambiguous_clause" });
    expect(result.kind === "rejected" && result.options?.map((o) => o.id).sort()).toEqual(["material_conflict", "related_party"]);
  });

  it("refuses a topic whose verdict is not needs_approval, saying why", async () => {
    const prohibited = await h.approvals.request({ requesterId: "kim", clauseId: "3(d)", summary: "Buy the land the company wants" });
    expect(prohibited).toMatchObject({ kind: "rejected", code: "not_needs_approval" });
    expect(prohibited.kind === "rejected" && prohibited.message).toMatch(/^Clause 3\(d\) is prohibited, so it cannot be approved: /);
    const fromAnswer = await h.approvals.request({ requesterId: "kim", topicId: "drugs", summary: "x" });
    expect(fromAnswer).toMatchObject({ kind: "rejected", code: "not_needs_approval" });
    expect(await h.approvals.request({ requesterId: "kim", topicId: "no_such_topic", summary: "x" })).toMatchObject({ kind: "rejected", code: "unknown_topic" });
    expect(h.store.tables.requests.length).toBe(0);
  });

  it("refuses unknown people and empty summaries", async () => {
    expect(await h.approvals.request(gift("nobody"))).toMatchObject({ kind: "rejected", code: "unknown_person", field: "requesterId" });
    expect(await h.approvals.request(gift("kim", { involvedIds: ["ghost"] }))).toMatchObject({ kind: "rejected", code: "unknown_person", field: "involvedIds" });
    expect(await h.approvals.request(gift("kim", { summary: "  " }))).toMatchObject({ kind: "rejected", code: "invalid", field: "summary" });
  });

  it("returns the same request when the same submission arrives twice", async () => {
    const first = await h.approvals.request(gift("kim"), "view-submission-1");
    const again = await h.approvals.request(gift("kim"), "view-submission-1");
    expect(again).toMatchObject({ kind: "created", replayed: true });
    expect(first.kind === "created" && again.kind === "created" && again.view.id).toBe(first.kind === "created" && first.view.id);
    expect(h.store.tables.requests.length).toBe(1);
    expect(await h.outbox("approval.requested")).toHaveLength(3);
  });
});
