// Reminders after APPROVAL_REMIND_DAYS business days, escalation after APPROVAL_ESCALATE_DAYS,
// driven by persisted jobs and a manual clock (requests are made on Monday 5 January 2026, 09:00).
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditActions, expectAuditIntact, gift, harness, recipients, recorded, seatsOf, warmUp, type Harness, type HarnessOptions } from "./support.ts";

let h: Harness;
beforeAll(warmUp, 120_000);
afterEach(async () => h?.close());
const start = async (options: HarnessOptions = {}) => (h = await harness(options));

const forRequest = (id: string) => (m: { payload: Record<string, unknown> }) => (m.payload.request as { requestId: string }).requestId === id;

describe("reminders", () => {
  it("reminds approvers who have not decided after two business days, once", async () => {
    await start();
    const view = await h.request(gift("kim"));
    recorded(await h.approvals.decide("helen", view.id, { action: "approve", stage: 0 }));
    await h.approvals.setDelegate("victor", "samira");
    h.clock.set("2026-01-06T09:00:00Z"); // Tuesday: one business day
    await h.runJobs();
    expect(await h.outbox("approval.reminder")).toEqual([]);
    h.clock.set("2026-01-07T09:00:00Z"); // Wednesday: two
    expect(await h.runJobs()).toBe(1);
    const reminders = await h.outbox("approval.reminder");
    expect(recipients(reminders)).toEqual(["grace", "samira", "victor"]);
    expect(reminders.find((m) => m.recipientId === "samira")?.payload).toMatchObject({ onBehalfOf: "victor", overdue: false, stage: { position: 0, role: "board" } });
    h.clock.set("2026-01-08T09:00:00Z");
    await h.runJobs();
    expect(await h.outbox("approval.reminder")).toHaveLength(3);
    expect(await auditActions(h, view.id)).toContain("approval.reminded");
  });

  it("counts business days: a Friday request is reminded on Tuesday", async () => {
    await start();
    h.clock.set("2026-01-09T15:00:00Z"); // Friday
    const view = await h.request({ requesterId: "kim", topicId: "company_property", summary: "Laptop for a course" });
    h.clock.set("2026-01-12T16:00:00Z"); // Monday
    await h.runJobs();
    expect(await h.outbox("approval.reminder")).toEqual([]);
    h.clock.set("2026-01-13T15:00:00Z"); // Tuesday
    await h.runJobs();
    expect((await h.outbox("approval.reminder")).filter(forRequest(view.id)).map((m) => m.recipientId)).toEqual(["lee"]);
  });

  it("follows APPROVAL_REMIND_DAYS and APPROVAL_ESCALATE_DAYS", async () => {
    await start({ remindDays: 1, escalateDays: 3 });
    await h.request({ requesterId: "kim", topicId: "company_property", summary: "Laptop" });
    h.clock.set("2026-01-06T09:00:00Z");
    await h.runJobs();
    expect(recipients(await h.outbox("approval.reminder"))).toEqual(["lee"]);
    h.clock.set("2026-01-08T09:00:00Z");
    await h.runJobs();
    expect(recipients(await h.outbox("approval.escalated"))).toEqual(["dana"]);
  });

  it("stops while the requester is asked for information, and starts over when they answer", async () => {
    await start();
    const view = await h.request({ requesterId: "kim", topicId: "company_property", summary: "Laptop" });
    h.clock.set("2026-01-06T09:00:00Z");
    await h.approvals.decide("lee", view.id, { action: "ask_info", stage: 0, question: "Which course?" });
    h.clock.set("2026-01-09T09:00:00Z"); // Friday: the reminder would have been due on Wednesday
    await h.runJobs();
    expect(await h.outbox("approval.reminder")).toEqual([]);
    await h.approvals.answerInfo("kim", view.id, "Evening CPA course");
    h.clock.set("2026-01-12T09:00:00Z"); // Monday: one business day after the answer
    await h.runJobs();
    expect(await h.outbox("approval.reminder")).toEqual([]);
    h.clock.set("2026-01-13T09:00:00Z");
    await h.runJobs();
    expect(recipients(await h.outbox("approval.reminder"))).toEqual(["lee"]);
  });

  it("stops once the request is decided or withdrawn", async () => {
    await start();
    const decided = await h.request({ requesterId: "kim", topicId: "company_property", summary: "Laptop" });
    const withdrawn = await h.request({ requesterId: "alex", topicId: "company_property", summary: "Projector" });
    recorded(await h.approvals.decide("lee", decided.id, { action: "approve", stage: 0 }));
    await h.approvals.withdraw("alex", withdrawn.id);
    h.clock.set("2026-01-20T09:00:00Z");
    await h.runJobs();
    expect(await h.outbox("approval.reminder")).toEqual([]);
    expect(await h.outbox("approval.escalated")).toEqual([]);
    expect(await h.db.prisma.job.count({ where: { status: "pending" } })).toBe(0);
  });
});

describe("escalation", () => {
  it("after five business days a supervisor's stage escalates up the chain; the new approver can decide", async () => {
    await start();
    const view = await h.request({ requesterId: "kim", topicId: "company_property", summary: "Laptop for a course" });
    h.clock.set("2026-01-09T09:00:00Z"); // Friday: four business days
    await h.runJobs();
    expect(await h.outbox("approval.escalated")).toEqual([]);
    h.clock.set("2026-01-12T09:00:00Z"); // Monday: five
    await h.runJobs();
    expect(await h.outbox("approval.escalated")).toEqual([expect.objectContaining({ recipientId: "dana", payload: expect.objectContaining({ asApprover: true, reason: "overdue" }) })]);
    expect((await h.outbox("approval.reminder")).filter((m) => m.payload.overdue)).toEqual([expect.objectContaining({ recipientId: "lee" })]);
    const escalated = await h.approvals.get(view.id, "dana");
    expect(seatsOf(escalated!)).toEqual([["lee", "dana"]]);
    expect(escalated).toMatchObject({ stages: [{ escalationLevel: 1, approvers: [{ via: "supervisor" }, { via: "escalation" }] }], viewer: { canDecide: true } });
    expect(recorded(await h.approvals.decide("dana", view.id, { action: "approve", stage: 0 })).view.status).toBe("approved");
    expect(await auditActions(h, view.id)).toEqual(["approval.requested", "approval.stage_opened", "approval.reminded", "approval.escalated", "approval.decided", "approval.stage_closed", "approval.approved"]);
    await expectAuditIntact(h);
  });

  it("keeps escalating, level by level, to the ethics officer", async () => {
    await start();
    const view = await h.request({ requesterId: "kim", topicId: "company_property", summary: "Laptop" });
    for (const day of ["2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02"]) {
      h.clock.set(`${day}T09:00:00Z`);
      await h.runJobs();
    }
    expect((await h.outbox("approval.escalated")).map((m) => m.recipientId)).toEqual(["dana", "omar", "priya"]);
    expect(seatsOf((await h.approvals.get(view.id, "kim"))!)).toEqual([["lee", "dana", "omar", "priya"]]);
  });

  it("a group's overdue stage alerts the ethics officer but keeps the decision with the group", async () => {
    await start();
    const view = await h.request({ requesterId: "rosa", topicId: "alcohol", summary: "Anniversary toast" });
    h.clock.set("2026-01-12T09:00:00Z");
    await h.runJobs();
    expect(await h.outbox("approval.escalated")).toEqual([expect.objectContaining({ recipientId: "priya", payload: expect.objectContaining({ asApprover: false }) })]);
    expect(recipients((await h.outbox("approval.reminder")).filter((m) => m.payload.overdue))).toEqual(["dana", "marcus"]);
    expect(await h.approvals.decide("priya", view.id, { action: "approve", stage: 0 })).toMatchObject({ kind: "rejected", code: "not_an_approver" });
    expect(await h.approvals.get(view.id, "priya")).toMatchObject({ status: "pending" });
  });

  it("a timer that fires twice (another replica, a retry) acts once", async () => {
    await start();
    const view = await h.request({ requesterId: "kim", topicId: "company_property", summary: "Laptop" });
    h.clock.set("2026-01-12T09:00:00Z");
    await Promise.all([h.runJobs(), h.runJobs()]);
    await h.runJobs();
    expect(await h.outbox("approval.escalated")).toHaveLength(1);
    expect(seatsOf((await h.approvals.get(view.id, "kim"))!)).toEqual([["lee", "dana"]]);
  });
});
