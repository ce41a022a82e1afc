import { afterEach, describe, expect, it } from "vitest";
import { addMonthsUtc, feedbackByOf } from "../../src/core/cases/deadlines.ts";
import { memoryCaseWorld, file, type MemoryCaseWorld } from "./support.ts";

/** The handlers' notifications from the `from`th on (the reporter's, such as the receipt, are left out). */
const kinds = async (world: MemoryCaseWorld, from = 0) =>
  (await world.outbox()).filter((m) => !m.kind.startsWith("case.reporter.")).slice(from).map((m) => [m.recipientId, m.kind, m.payload.deadline ?? null]);

// Filed Monday 2026-03-02 09:00 UTC: acknowledge by 03-09 (reminder 03-07); feedback 3 months after.
describe("EU Whistleblowing Directive deadlines", () => {
  let world: MemoryCaseWorld;
  afterEach(async () => world?.close());

  it("acknowledgement: a reminder two days before, then escalation to the ethics officer when missed", async () => {
    world = await memoryCaseWorld();
    const { caseNumber: n, receipt } = await file(world, "kim", { recipient: "supervisor" }); // goes to lee
    expect(receipt.acknowledgeBy).toEqual(new Date("2026-03-09T09:00:00Z"));
    const sent = (await kinds(world)).length;

    expect(await world.advanceDays(4.9)).toBe(0);
    expect(await kinds(world, sent)).toEqual([]);
    await world.advanceDays(0.1);
    expect(await kinds(world, sent)).toEqual([["lee", "case.deadline_reminder", "acknowledge"]]);

    await world.advanceDays(2);
    expect(await kinds(world, sent)).toEqual([
      ["lee", "case.deadline_reminder", "acknowledge"],
      ["lee", "case.deadline_missed", "acknowledge"],
      ["priya", "case.escalated", "acknowledge"],
    ]);
    // The ethics officer can now act on the case; the feedback clock runs from the 7-day mark.
    const view = await world.cases.view("priya", n);
    expect(view.ok && view.value.handlers.map((h) => h.id)).toEqual(["lee", "priya"]);
    expect(view.ok && view.value.feedbackBy).toEqual(new Date("2026-06-09T09:00:00Z"));
    const escalated = world.store.tables.audit.find((e) => e.action === "case.escalated")!;
    expect(escalated.details).toEqual({ deadline: "acknowledge", to: ["priya"] });
    // A late acknowledgement keeps the feedback deadline where the Directive puts it.
    await world.cases.acknowledge("lee", n);
    const after = await world.cases.view("lee", n);
    expect(after.ok && after.value.feedbackBy).toEqual(new Date("2026-06-09T09:00:00Z"));
  });

  it("acknowledgement in time: no reminder, no escalation; the reporter is told", async () => {
    world = await memoryCaseWorld();
    const { caseNumber: n } = await file(world, "kim");
    await world.advanceDays(1);
    expect(await world.cases.acknowledge("priya", n)).toEqual({ ok: true, value: { status: "acknowledged" } });
    const sent = (await kinds(world)).length;
    await world.advanceDays(10);
    expect(await kinds(world, sent)).toEqual([]);
    const told = (await world.outbox()).filter((m) => m.recipientId === "kim" && m.kind !== "case.reporter.filed").map((m) => world.cases.openReporterNotice(m));
    expect(told).toEqual([{ kind: "case.reporter.status_changed", caseNumber: n, status: "acknowledged", outcome: null, anonymous: false }]);
  });

  it("escalates past the ethics officer to the Audit Committee when the ethics officer is the one who missed it", async () => {
    world = await memoryCaseWorld();
    const { caseNumber: n } = await file(world, "kim"); // goes to priya
    await world.advanceDays(7);
    // Both timers fell due in one run: the reminder is moot once the deadline has passed.
    expect(await kinds(world, 1)).toEqual([
      ["grace", "case.escalated", "acknowledge"],
      ["priya", "case.deadline_missed", "acknowledge"],
      ["victor", "case.escalated", "acknowledge"],
    ]);
    expect(await world.cases.view("grace", n)).toMatchObject({ ok: true });
  });

  it("never escalates to someone the report implicates", async () => {
    world = await memoryCaseWorld();
    await file(world, "kim", { recipient: "president", involved: ["priya", "grace"] }); // goes to omar
    await world.advanceDays(7);
    expect((await kinds(world, 1)).filter(([, kind]) => kind === "case.escalated")).toEqual([["victor", "case.escalated", "acknowledge"]]);
  });

  it("feedback: due 3 months after acknowledgement, a reminder 14 days before, escalation when missed", async () => {
    world = await memoryCaseWorld();
    const { caseNumber: n } = await file(world, "kim", { recipient: "supervisor" });
    await world.advanceDays(2);
    await world.cases.acknowledge("lee", n);
    const view = await world.cases.view("lee", n);
    expect(view.ok && view.value.feedbackBy).toEqual(new Date("2026-06-04T09:00:00Z"));
    await world.cases.setStatus("lee", n, "investigating"); // a status change is not feedback
    const sent = (await kinds(world)).length;

    world.clock.set("2026-05-21T08:59:00Z");
    expect(await world.runJobs()).toBe(0);
    world.clock.set("2026-05-21T09:00:00Z");
    await world.runJobs();
    expect(await kinds(world, sent)).toEqual([["lee", "case.deadline_reminder", "feedback"]]);
    world.clock.set("2026-06-04T09:00:00Z");
    await world.runJobs();
    expect(await kinds(world, sent + 1)).toEqual([
      ["lee", "case.deadline_missed", "feedback"],
      ["priya", "case.escalated", "feedback"],
    ]);
  });

  it("feedback given (a message to the reporter after acknowledgement) stops the clock", async () => {
    world = await memoryCaseWorld();
    const { caseNumber: n } = await file(world, "kim", { recipient: "supervisor" });
    await world.cases.acknowledge("lee", n);
    await world.advanceDays(30);
    await world.cases.messageReporter("lee", n, "We interviewed the team; here is what happens next.");
    const sent = (await kinds(world)).length;
    await world.advanceDays(120);
    expect(await kinds(world, sent)).toEqual([]);
    const view = await world.cases.view("lee", n);
    expect(view.ok && view.value.feedbackAt).toEqual(new Date("2026-04-01T09:00:00Z"));
  });

  it("escalates each missed deadline once, however late the acknowledgement comes", async () => {
    world = await memoryCaseWorld();
    const { caseNumber: n } = await file(world, "kim", { recipient: "supervisor" });
    await world.advanceDays(7);
    world.clock.set("2026-06-09T09:00:00Z");
    await world.runJobs();
    const escalations = async () =>
      world.store.tables.audit.filter((e) => e.action === "case.escalated").map((e) => e.details);
    // Lee missed the acknowledgement: the ethics officer; then both missed feedback: the Audit Committee.
    expect(await escalations()).toEqual([
      { deadline: "acknowledge", to: ["priya"] },
      { deadline: "feedback", to: ["grace", "victor"] },
    ]);
    await world.advanceDays(1);
    expect(await world.cases.acknowledge("lee", n)).toMatchObject({ ok: true });
    await world.advanceDays(200);
    expect(await escalations()).toHaveLength(2);
  });

  it("counts calendar months, clamping to the month's end", () => {
    expect(addMonthsUtc(new Date("2026-11-30T12:00:00Z"), 3)).toEqual(new Date("2027-02-28T12:00:00Z"));
    expect(addMonthsUtc(new Date("2026-01-31T00:00:00Z"), 1)).toEqual(new Date("2026-02-28T00:00:00Z"));
    expect(feedbackByOf(new Date("2026-03-03T00:00:00Z"), new Date("2026-03-09T00:00:00Z"))).toEqual(new Date("2026-06-03T00:00:00Z"));
    expect(feedbackByOf(new Date("2026-03-20T00:00:00Z"), new Date("2026-03-09T00:00:00Z"))).toEqual(new Date("2026-06-09T00:00:00Z"));
  });
});
