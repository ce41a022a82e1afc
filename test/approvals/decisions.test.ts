import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { approvalsNeeded, stageOutcome } from "../../src/core/approvals/decisionRule.ts";
import { auditActions, warmUp, expectAuditIntact, gift, harness, memoryHarness, recipients, recorded, seatsOf, type Harness, type HarnessOptions, type MemoryHarness } from "./support.ts";

// The rules on the in-memory port (test/approvals/ports.test.ts holds it to the database's answers);
// the test that checks the audit chain itself, on the database.
let h: Harness | MemoryHarness;
beforeAll(warmUp, 120_000);
afterEach(async () => h?.close());
const start = async (options: HarnessOptions = {}) => (h = await memoryHarness(options));
const startOnDatabase = async (options: HarnessOptions = {}) => (h = await harness(options));
const HOUR = 3_600_000;

describe("decision rules", () => {
  it("any: the first decision settles; majority: more than half of eligible members; all: everyone, one decline settles", () => {
    expect([1, 2, 3, 4, 5].map((n) => approvalsNeeded("majority", n))).toEqual([1, 2, 2, 3, 3]);
    expect(stageOutcome("any", 3, 1, 0)).toBe("approved");
    expect(stageOutcome("any", 3, 0, 1)).toBe("declined");
    expect(stageOutcome("majority", 3, 1, 1)).toBe("open");
    expect(stageOutcome("majority", 3, 2, 1)).toBe("approved");
    expect(stageOutcome("majority", 3, 0, 2)).toBe("declined");
    expect(stageOutcome("majority", 4, 2, 1)).toBe("open");
    expect(stageOutcome("majority", 4, 1, 2)).toBe("declined"); // 3 of 4 can no longer approve
    expect(stageOutcome("all", 3, 2, 0)).toBe("open");
    expect(stageOutcome("all", 3, 3, 0)).toBe("approved");
    expect(stageOutcome("all", 3, 2, 1)).toBe("declined");
  });

  it("the Board decides by majority by default: two of three approve, the third is told it is settled", async () => {
    await start();
    const view = await h.request(gift("kim"));
    const first = recorded(await h.approvals.decide("helen", view.id, { action: "approve", stage: 0 }));
    expect(first).toMatchObject({ stageOutcome: "open", view: { status: "pending" } });
    expect(await h.outbox("approval.approved")).toHaveLength(0);
    h.clock.advance(HOUR);
    const second = recorded(await h.approvals.decide("victor", view.id, { action: "approve", stage: 0, conditions: "Declare it in the gifts register" }));
    expect(second).toMatchObject({ stageOutcome: "approved", view: { status: "approved", conditions: ["Declare it in the gifts register"] } });
    expect(recipients(await h.outbox("approval.approved"))).toEqual(["kim"]);
    expect(recipients(await h.outbox("approval.closed"))).toEqual(["grace"]);
    const late = await h.approvals.decide("grace", view.id, { action: "decline", stage: 0, reason: "Too generous" });
    expect(late).toMatchObject({ kind: "already_decided", outcome: "approved" });
    expect(late.kind === "already_decided" && late.decidedBy.map((d) => [d.approver.id, d.action])).toEqual([
      ["helen", "approve"],
      ["victor", "approve"],
    ]);
  });

  it("majority: declines that make a majority impossible decline the request, with the reasons", async () => {
    await start();
    const view = await h.request(gift("kim"));
    recorded(await h.approvals.decide("helen", view.id, { action: "decline", stage: 0, reason: "Significant value" }));
    h.clock.advance(HOUR);
    const second = recorded(await h.approvals.decide("grace", view.id, { action: "decline", stage: 0, reason: "Supplier in a tender" }));
    expect(second).toMatchObject({ stageOutcome: "declined", view: { status: "declined" } });
    const [declined] = await h.outbox("approval.declined");
    expect(declined).toMatchObject({ recipientId: "kim", payload: { reason: "Significant value\nSupplier in a tender" } });
  });

  it("a decline needs a reason", async () => {
    await start();
    const view = await h.request(gift("kim"));
    expect(await h.approvals.decide("helen", view.id, { action: "decline", stage: 0 })).toMatchObject({ kind: "rejected", code: "invalid", field: "reason" });
    expect(await h.approvals.decide("helen", view.id, { action: "decline", stage: 0, reason: "   " })).toMatchObject({ kind: "rejected", code: "invalid", field: "reason" });
    expect(await h.approvals.decide("helen", view.id, { action: "approve", stage: 0, expiresOn: "2025-12-31" })).toMatchObject({ kind: "rejected", field: "expiresOn" });
    expect((h as MemoryHarness).store.tables.requests.flatMap((r) => r.decisions)).toHaveLength(0);
  });

  it("all: configured for the Board, every eligible member must approve", async () => {
    await start({ approvals: { decision_rules: { board: "all" } } });
    const view = await h.request(gift("kim"));
    expect(view.stages[0]).toMatchObject({ rule: "all", needed: 3 });
    recorded(await h.approvals.decide("helen", view.id, { action: "approve", stage: 0 }));
    expect(recorded(await h.approvals.decide("victor", view.id, { action: "approve", stage: 0 })).stageOutcome).toBe("open");
    expect(recorded(await h.approvals.decide("grace", view.id, { action: "approve", stage: 0, expiresOn: "2026-12-31" }))).toMatchObject({ stageOutcome: "approved", view: { expiresOn: "2026-12-31" } });
    const other = await h.request(gift("alex"));
    recorded(await h.approvals.decide("helen", other.id, { action: "approve", stage: 0 }));
    expect(recorded(await h.approvals.decide("grace", other.id, { action: "decline", stage: 0, reason: "No" })).stageOutcome).toBe("declined");
  });

  it("any: configured for the Audit Committee, one member settles it", async () => {
    await start({ approvals: { decision_rules: { audit_committee: "any" } } });
    const view = await h.request({ requesterId: "dana", topicId: "related_party", summary: "Depot lease" });
    expect(recorded(await h.approvals.decide("grace", view.id, { action: "approve", stage: 0 }))).toMatchObject({ stageOutcome: "approved", view: { status: "approved" } });
    expect(await h.approvals.decide("victor", view.id, { action: "approve", stage: 0 })).toMatchObject({ kind: "already_decided", decidedBy: [{ approver: { id: "grace" } }] });
  });
});

describe("3(e): the Audit Committee and the Board, in that order", () => {
  it("opens the Board stage only when the Audit Committee has approved, and approves when both have", async () => {
    const h = await startOnDatabase();
    const view = await h.request({ requesterId: "lee", topicId: "business_with_insider_firm", summary: "Use Taylor's firm", details: { organisation: "Okafor Books" }, involvedIds: ["taylor"] });
    // Helen is on the Board only: the Board stage has not started.
    expect(await h.approvals.decide("helen", view.id, { action: "approve", stage: 1 })).toMatchObject({ kind: "rejected", code: "invalid", field: "stage" });
    recorded(await h.approvals.decide("victor", view.id, { action: "approve", stage: 0 }));
    h.clock.advance(HOUR);
    const committee = recorded(await h.approvals.decide("grace", view.id, { action: "approve", stage: 0 }));
    expect(committee).toMatchObject({ stageOutcome: "approved", view: { status: "pending", currentStage: 1 } });
    expect(committee.view.stages.map((s) => s.status)).toEqual(["approved", "pending"]);
    expect(recipients(await h.outbox("approval.stage_approved"))).toEqual(["lee"]);
    const boardAsked = (await h.outbox("approval.requested")).filter((m) => (m.payload.stage as { position: number }).position === 1);
    expect(recipients(boardAsked)).toEqual(["grace", "helen", "victor"]);
    // Grace clicks her old Audit Committee button again: that stage is settled, it is not a Board vote.
    expect(await h.approvals.decide("grace", view.id, { action: "approve", stage: 0 })).toMatchObject({ kind: "duplicate", previous: { stage: 0, action: "approve" } });
    h.clock.advance(HOUR);
    recorded(await h.approvals.decide("helen", view.id, { action: "approve", stage: 1 }));
    h.clock.advance(HOUR);
    const board = recorded(await h.approvals.decide("grace", view.id, { action: "approve", stage: 1 }));
    expect(board).toMatchObject({ stageOutcome: "approved", view: { status: "approved" } });
    expect(board.view.decisions.map((d) => [d.stage, d.approver.id])).toEqual([
      [0, "victor"],
      [0, "grace"],
      [1, "helen"],
      [1, "grace"],
    ]);
    expect(await auditActions(h, view.id)).toEqual([
      "approval.requested",
      "approval.stage_opened",
      "approval.decided",
      "approval.decided",
      "approval.stage_closed",
      "approval.stage_opened",
      "approval.decided",
      "approval.decided",
      "approval.stage_closed",
      "approval.approved",
    ]);
    await expectAuditIntact(h);
  });

  it("a decline by the Audit Committee declines the request; the Board is never asked", async () => {
    await start();
    const view = await h.request({ requesterId: "lee", topicId: "business_with_insider_firm", summary: "Use Taylor's firm", details: { organisation: "Okafor Books" } });
    // Two members, majority two: one decline already makes approval impossible.
    const result = recorded(await h.approvals.decide("victor", view.id, { action: "decline", stage: 0, reason: "Get three quotes" }));
    expect(result).toMatchObject({ stageOutcome: "declined", view: { status: "declined" } });
    expect(result.view.stages.map((s) => s.status)).toEqual(["declined", "cancelled"]);
    expect(await h.approvals.decide("grace", view.id, { action: "approve", stage: 0 })).toMatchObject({ kind: "already_decided", outcome: "declined", decidedBy: [{ approver: { id: "victor" }, reason: "Get three quotes" }] });
    expect(recipients((await h.outbox("approval.requested")).filter((m) => (m.payload.stage as { position: number }).position === 1))).toEqual([]);
  });
});

describe("who may decide", () => {
  it("the requester and everyone named in the request are never approvers", async () => {
    await start();
    const view = await h.request({ requesterId: "helen", topicId: "financial_interest", summary: "My stake in Acme", details: { organisation: "Acme" }, involvedIds: ["grace"] });
    expect(seatsOf(view)).toEqual([["victor"]]);
    expect(view.stages[0]).toMatchObject({ rule: "majority", needed: 1 });
    expect(await h.approvals.decide("helen", view.id, { action: "approve", stage: 0 })).toMatchObject({ kind: "rejected", code: "excluded" });
    expect(await h.approvals.decide("grace", view.id, { action: "approve", stage: 0 })).toMatchObject({ kind: "rejected", code: "excluded" });
    expect(await h.approvals.decide("kim", view.id, { action: "approve", stage: 0 })).toMatchObject({ kind: "rejected", code: "not_an_approver" });
    expect(recorded(await h.approvals.decide("victor", view.id, { action: "approve", stage: 0 })).view.status).toBe("approved");
  });

  it("with no eligible member left it escalates up the requester's chain", async () => {
    await start();
    const view = await h.request({ requesterId: "kim", topicId: "related_party", summary: "Both Committee members' firm", involvedIds: ["victor", "grace"] });
    expect(view.stages[0]).toMatchObject({ role: "audit_committee", fallback: "no_eligible_approver", rule: "any" });
    expect(seatsOf(view)).toEqual([["lee"]]);
    expect(view.stages[0]!.who).toBe("the next person up your reporting line, because the Audit Committee cannot decide it: everyone in that role made the request or is named in it");
  });

  it("a supervisor named in the request is passed over for the next one up", async () => {
    await start();
    const view = await h.request({ requesterId: "kim", topicId: "company_property", summary: "Lee's van for my move", involvedIds: ["lee"] });
    expect(view.stages[0]).toMatchObject({ role: "supervisor", fallback: "no_eligible_approver" });
    expect(seatsOf(view)).toEqual([["dana"]]);
    expect(view.stages[0]!.who).toBe("the next person up your reporting line, because your immediate supervisor is named in the request");
    expect((await h.approvals.get(view.id, "dana"))!.stages[0]!.who).toMatch(/^the next person up .+'s reporting line, because .+'s immediate supervisor is named in the request$/);
  });

  it("with no supervisor on file it goes up the chain, and with no chain to the ethics officer", async () => {
    await start({ people: (people) => people.map((p) => (p.id === "jamie" ? { ...p, supervisor: null } : p)) });
    const top = await h.request({ requesterId: "omar", topicId: "company_property", summary: "Company car for a family trip" });
    expect(top.stages[0]).toMatchObject({ role: "supervisor", fallback: "no_supervisor" });
    expect(seatsOf(top)).toEqual([["priya"]]);
    // Labelled truthfully, for the requester and for the approver: not "your immediate supervisor".
    expect(top.stages[0]!.who).toBe("the ethics officer, because you have no supervisor above you in the directory");
    const omar = (await h.directory.get("omar"))!.name;
    expect((await h.approvals.get(top.id, "priya"))!.stages[0]!.who).toBe(`the ethics officer, because ${omar} has no supervisor above them in the directory`);
    const jamie = await h.request({ requesterId: "jamie", topicId: "company_property", summary: "Borrow the pressure washer" });
    expect(seatsOf(jamie)).toEqual([["priya"]]);
    expect(recorded(await h.approvals.decide("priya", jamie.id, { action: "approve", stage: 0 })).view.status).toBe("approved");
  });

  it("refuses a request nobody can decide", async () => {
    await start({ people: (people) => people.filter((p) => p.id !== "priya") });
    expect(await h.approvals.request({ requesterId: "omar", topicId: "company_property", summary: "x" })).toMatchObject({ kind: "rejected", code: "no_approver" });
  });
});

describe("delegation", () => {
  it("a delegate decides for an approver who is away, and the decision records both names", async () => {
    await start();
    expect(await h.approvals.setDelegate("victor", "samira", { until: new Date("2026-01-20T00:00:00Z") })).toMatchObject({ kind: "set", delegation: { delegate: { id: "samira" } } });
    expect(recipients(await h.outbox("approval.delegated"))).toEqual(["samira"]);
    const view = await h.request(gift("kim"));
    const toSamira = (await h.outbox("approval.requested")).filter((m) => m.recipientId === "samira");
    expect(toSamira.map((m) => m.payload.onBehalfOf)).toEqual(["victor"]);
    const waiting = await h.approvals.listWaitingFor("samira");
    expect(waiting.map((w) => [w.view.id, w.onBehalfOf?.id])).toEqual([[view.id, "victor"]]);
    const result = recorded(await h.approvals.decide("samira", view.id, { action: "approve", stage: 0 }));
    expect(result.decision).toMatchObject({ approver: { id: "victor", name: "Victor Alvarez" }, actor: { id: "samira", name: "Samira Patel" }, byDelegate: true });
    expect(result.view.stages[0]!.approvers.find((a) => a.person.id === "victor")?.decision?.actor.id).toBe("samira");
    // Victor's seat is taken: his own click is a duplicate.
    expect(await h.approvals.decide("victor", view.id, { action: "approve", stage: 0 })).toMatchObject({ kind: "duplicate", previous: { actor: { id: "samira" } } });
    const audit = (h as MemoryHarness).store.tables.audit.find((e) => e.subjectId === view.id && e.action === "approval.decided");
    expect(audit?.details).toMatchObject({ approverId: "victor", actorId: "samira", byDelegate: true });
  });

  it("lapses at its end, and can be cleared", async () => {
    await start();
    await h.approvals.setDelegate("helen", "samira", { until: new Date("2026-01-06T00:00:00Z") });
    const view = await h.request(gift("kim"));
    h.clock.set("2026-01-07T09:00:00Z");
    expect(await h.approvals.decide("samira", view.id, { action: "approve", stage: 0 })).toMatchObject({ kind: "rejected", code: "not_an_approver" });
    await h.approvals.setDelegate("helen", "samira");
    expect(await h.approvals.delegationOf("helen")).toMatchObject({ delegate: { id: "samira" }, until: null });
    expect(await h.approvals.setDelegate("helen", null)).toEqual({ kind: "cleared", had: true });
    expect(await h.approvals.decide("samira", view.id, { action: "approve", stage: 0 })).toMatchObject({ kind: "rejected", code: "not_an_approver" });
  });

  it("never gives anyone two votes, never lets a named person act, and asks a delegate of several whom they act for", async () => {
    await start();
    await h.approvals.setDelegate("victor", "grace");
    const view = await h.request(gift("kim"));
    expect(await h.approvals.decide("grace", view.id, { action: "approve", stage: 0, onBehalfOf: "victor" })).toMatchObject({ kind: "rejected", field: "onBehalfOf" });
    expect(recorded(await h.approvals.decide("grace", view.id, { action: "approve", stage: 0 })).decision).toMatchObject({ approver: { id: "grace" }, byDelegate: false });

    await h.approvals.setDelegate("victor", "alex");
    await h.approvals.setDelegate("helen", "alex");
    const other = await h.request(gift("lee"));
    const ambiguous = await h.approvals.decide("alex", other.id, { action: "approve", stage: 0 });
    expect(ambiguous).toMatchObject({ kind: "rejected", code: "choose_on_behalf_of" });
    expect(ambiguous.kind === "rejected" && ambiguous.options?.map((o) => o.label).sort()).toEqual(["Helen Park", "Victor Alvarez"]);
    expect(recorded(await h.approvals.decide("alex", other.id, { action: "approve", stage: 0, onBehalfOf: "helen" })).decision.approver.id).toBe("helen");

    const aboutAlex = await h.request(gift("kim", { involvedIds: ["alex"] }));
    expect(await h.approvals.decide("alex", aboutAlex.id, { action: "approve", stage: 0, onBehalfOf: "victor" })).toMatchObject({ kind: "rejected", code: "excluded" });
  });
});

describe("asking for more information", () => {
  it("pauses the request until the requester answers, then resumes", async () => {
    await start();
    const view = await h.request(gift("kim"));
    const asked = await h.approvals.decide("helen", view.id, { action: "ask_info", stage: 0, question: "Is Northwind in a tender right now?" }, "click-1");
    expect(asked).toMatchObject({ kind: "info_requested", view: { status: "info_requested" }, info: { askedBy: { id: "helen" }, question: "Is Northwind in a tender right now?" } });
    expect(await h.outbox("approval.info_requested")).toEqual([
      expect.objectContaining({ recipientId: "kim", payload: expect.objectContaining({ askedById: "helen", question: "Is Northwind in a tender right now?" }) }),
    ]);
    expect(await h.approvals.decide("helen", view.id, { action: "ask_info", stage: 0, question: "Is Northwind in a tender right now?" }, "click-1")).toMatchObject({ kind: "duplicate" });
    expect(await h.approvals.decide("victor", view.id, { action: "approve", stage: 0 })).toMatchObject({ kind: "not_pending", status: "info_requested", by: { id: "helen" } });
    expect(await h.approvals.get(view.id, "kim")).toMatchObject({ viewer: { canAnswer: true } });
    expect(await h.approvals.answerInfo("lee", view.id, "No")).toMatchObject({ kind: "rejected", code: "not_requester" });

    const answered = await h.approvals.answerInfo("kim", view.id, "No, the tender closed in December.");
    expect(answered).toMatchObject({ kind: "answered", view: { status: "pending", infoRequests: [{ answer: "No, the tender closed in December." }] } });
    expect(recipients(await h.outbox("approval.info_answered"))).toEqual(["grace", "helen", "victor"]);
    expect(await h.approvals.answerInfo("kim", view.id, "No, the tender closed in December.")).toMatchObject({ kind: "duplicate" });
    recorded(await h.approvals.decide("helen", view.id, { action: "approve", stage: 0 }));
    expect(recorded(await h.approvals.decide("victor", view.id, { action: "approve", stage: 0 })).view.status).toBe("approved");
    expect(await auditActions(h, view.id)).toContain("approval.info_answered");
  });
});

describe("withdrawing", () => {
  it("the requester withdraws a pending request; approvers are told and late clicks say so", async () => {
    await start();
    const view = await h.request(gift("kim"));
    recorded(await h.approvals.decide("helen", view.id, { action: "approve", stage: 0 }));
    expect(await h.approvals.withdraw("lee", view.id)).toMatchObject({ kind: "rejected", code: "not_requester" });
    const result = await h.approvals.withdraw("kim", view.id);
    expect(result).toMatchObject({ kind: "withdrawn", view: { status: "withdrawn", viewer: { canWithdraw: false } } });
    expect(recipients(await h.outbox("approval.withdrawn"))).toEqual(["grace", "victor"]);
    expect(await h.approvals.decide("victor", view.id, { action: "approve", stage: 0 })).toMatchObject({ kind: "not_pending", status: "withdrawn", by: { id: "kim" } });
    expect(await h.approvals.withdraw("kim", view.id)).toMatchObject({ kind: "not_pending", status: "withdrawn" });
    expect(await h.approvals.listWaitingFor("victor")).toEqual([]);
  });

  it("cannot withdraw a decided request", async () => {
    await start();
    const view = await h.request({ requesterId: "rosa", topicId: "alcohol", summary: "Toast" });
    recorded(await h.approvals.decide("marcus", view.id, { action: "approve", stage: 0 }));
    expect(await h.approvals.withdraw("rosa", view.id)).toMatchObject({ kind: "not_pending", status: "approved" });
  });
});

describe("what each person sees", () => {
  it("lists a requester's requests and an approver's waiting ones; strangers see nothing", async () => {
    await start();
    const a = await h.request(gift("kim"));
    h.clock.advance(HOUR);
    const b = await h.request({ requesterId: "kim", topicId: "company_property", summary: "Laptop for a course" });
    expect((await h.approvals.listForRequester("kim")).map((v) => v.id)).toEqual([b.id, a.id]);
    expect((await h.approvals.listWaitingFor("lee")).map((w) => w.view.id)).toEqual([b.id]);
    expect((await h.approvals.listWaitingFor("helen")).map((w) => [w.view.id, w.view.viewer.canDecide])).toEqual([[a.id, true]]);
    recorded(await h.approvals.decide("helen", a.id, { action: "approve", stage: 0 }));
    expect(await h.approvals.listWaitingFor("helen")).toEqual([]);
    expect(await h.approvals.get(a.id, "taylor")).toBeNull();
    expect(await h.approvals.get(a.id, "priya")).toMatchObject({ id: a.id, viewer: { canDecide: false } });
    expect(await h.approvals.get("apr_missing", "kim")).toBeNull();
  });
});
