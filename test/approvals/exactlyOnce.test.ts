// Exactly once: two approvers clicking at once, or one click delivered twice, make one decision,
// and the later click is told who decided and how. Sequential on PGlite; with TEST_DATABASE_URL,
// really concurrent on PostgreSQL through two clients (two "replicas") on the same schema.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ApprovalService } from "../../src/core/approvals/service.ts";
import type { DecideResult, NewApprovalRequest } from "../../src/core/approvals/types.ts";
import { openDatabase, type Database } from "../../src/store/db.ts";
import { TEST_DATABASE_URL } from "../support/db.ts";
import { expectAuditIntact, gift, harness, recorded, servicesOn, warmUp, type Harness } from "./support.ts";

let h: Harness;
let replica: Database | undefined;
beforeAll(warmUp, 120_000);
afterEach(async () => {
  await replica?.close();
  replica = undefined;
  await h?.close();
});

const alcohol = (requesterId: string): NewApprovalRequest => ({ requesterId, topicId: "alcohol", summary: "Toast at the plant anniversary" });
const kinds = (results: DecideResult[]) => results.map((r) => r.kind).sort();

describe("exactly once, one click after another", () => {
  it("the same click delivered twice records one decision; the second is told it is the same one", async () => {
    h = await harness();
    const view = await h.request(alcohol("rosa"));
    const first = recorded(await h.approvals.decide("dana", view.id, { action: "approve", stage: 0 }, "slack:action:123"));
    const again = await h.approvals.decide("dana", view.id, { action: "approve", stage: 0 }, "slack:action:123");
    expect(again).toMatchObject({ kind: "duplicate", previous: { action: "approve", approver: { id: "dana" }, decidedAt: first.decision.decidedAt } });
    expect(await h.db.prisma.approvalDecision.count()).toBe(1);
    expect(await h.outbox("approval.approved")).toHaveLength(1);
  });

  it("a second approver after an `any` stage settled is told who decided and how", async () => {
    h = await harness();
    const view = await h.request(alcohol("rosa"));
    recorded(await h.approvals.decide("dana", view.id, { action: "decline", stage: 0, reason: "Not on the shop floor" }));
    const late = await h.approvals.decide("marcus", view.id, { action: "approve", stage: 0 });
    expect(late).toMatchObject({
      kind: "already_decided",
      outcome: "declined",
      decidedBy: [{ approver: { id: "dana", name: "Dana Reyes" }, action: "decline", reason: "Not on the shop floor" }],
      view: { status: "declined" },
    });
    expect(await h.db.prisma.approvalDecision.count()).toBe(1);
  });

  it("the same approver clicking again without a key is told what they already decided", async () => {
    h = await harness();
    const view = await h.request(gift("kim"));
    recorded(await h.approvals.decide("helen", view.id, { action: "approve", stage: 0 }));
    expect(await h.approvals.decide("helen", view.id, { action: "decline", stage: 0, reason: "Changed my mind" })).toMatchObject({ kind: "duplicate", previous: { action: "approve" } });
    expect(await h.db.prisma.approvalDecision.count()).toBe(1);
  });
});

describe.skipIf(!TEST_DATABASE_URL)("exactly once under real concurrency (PostgreSQL, two clients)", () => {
  async function twoReplicas(): Promise<[ApprovalService, ApprovalService]> {
    h = await harness();
    replica = await openDatabase({ url: h.db.url! });
    return [h.approvals, servicesOn(replica.prisma, h.clock).approvals];
  }

  it("two executive officers clicking at once: one decision, the other is told who decided", async () => {
    const [a, b] = await twoReplicas();
    for (let round = 0; round < 8; round++) {
      const view = await h.request(alcohol("rosa"));
      const results = await Promise.all([
        a.decide("dana", view.id, { action: "approve", stage: 0 }),
        b.decide("marcus", view.id, { action: "decline", stage: 0, reason: "No alcohol on site" }),
      ]);
      expect(kinds(results)).toEqual(["already_decided", "recorded"]);
      const winner = results.find((r) => r.kind === "recorded")!;
      const loser = results.find((r) => r.kind === "already_decided")!;
      if (winner.kind !== "recorded" || loser.kind !== "already_decided") throw new Error("unreachable");
      expect(loser.decidedBy).toEqual([expect.objectContaining({ approver: winner.decision.approver, action: winner.decision.action })]);
      expect(await h.db.prisma.approvalDecision.count({ where: { requestId: view.id } })).toBe(1);
      const finals = await h.db.prisma.outboxMessage.count({ where: { kind: { in: ["approval.approved", "approval.declined"] }, payload: { path: ["request", "requestId"], equals: view.id } } });
      expect(finals).toBe(1);
    }
    await expectAuditIntact(h);
  });

  it("the same click delivered to two replicas at once: one decision, one duplicate", async () => {
    const [a, b] = await twoReplicas();
    for (let round = 0; round < 5; round++) {
      const view = await h.request(gift("kim"));
      const click = { action: "approve", stage: 0 } as const;
      const results = await Promise.all([a.decide("helen", view.id, click, `interaction-${round}`), b.decide("helen", view.id, click, `interaction-${round}`)]);
      expect(kinds(results)).toEqual(["duplicate", "recorded"]);
      expect(await h.db.prisma.approvalDecision.count({ where: { requestId: view.id } })).toBe(1);
    }
  });

  it("the whole Board approving at once under majority: the stage closes once and the request is approved once", async () => {
    const [a, b] = await twoReplicas();
    for (let round = 0; round < 5; round++) {
      const view = await h.request(gift("kim"));
      const click = { action: "approve", stage: 0 } as const;
      const results = await Promise.all([a.decide("helen", view.id, click), b.decide("victor", view.id, click), (round % 2 ? a : b).decide("grace", view.id, click)]);
      // Two approvals settle it; whoever came third is told the Board already approved.
      expect(kinds(results)).toEqual(["already_decided", "recorded", "recorded"]);
      expect(results.filter((r) => r.kind === "recorded" && r.stageOutcome === "approved")).toHaveLength(1);
      expect(await h.db.prisma.approvalDecision.count({ where: { requestId: view.id } })).toBe(2);
      const approved = await h.db.prisma.outboxMessage.count({ where: { kind: "approval.approved", payload: { path: ["request", "requestId"], equals: view.id } } });
      expect(approved).toBe(1);
    }
    await expectAuditIntact(h);
  });
});
