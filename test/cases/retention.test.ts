import { afterEach, describe, expect, it } from "vitest";
import { memoryCaseWorld, file, report, type MemoryCaseWorld } from "./support.ts";

describe("retention", () => {
  let world: MemoryCaseWorld;
  afterEach(async () => world?.close());

  async function closedCase(w: MemoryCaseWorld) {
    const filed = await file(w, "kim", { mode: "anonymous" });
    const n = filed.caseNumber;
    await w.cases.messageHandlers("kim", n, "More detail.", "form");
    await w.cases.acknowledge("priya", n);
    await w.cases.messageReporter("priya", n, "Thanks.");
    await w.cases.close("priya", n, "unsubstantiated");
    return filed;
  }

  it("purges a closed case's content after RETENTION_DAYS; counts and dates stay", async () => {
    world = await memoryCaseWorld({ retentionDays: 365 });
    const filed = await closedCase(world);
    const n = filed.caseNumber;
    await world.advanceDays(364);
    expect([...world.store.tables.cases.values()][0]!.content).not.toBeNull();
    await world.advanceDays(1);

    const row = [...world.store.tables.cases.values()][0]!;
    expect(row).toMatchObject({ content: null, reporterLink: null, reporterTag: null, purgedAt: new Date("2027-03-02T09:00:00Z"), status: "closed", outcome: "unsubstantiated" });
    expect(row.filedAt).toEqual(new Date("2026-03-02T09:00:00Z"));
    const messages = world.store.tables.messages;
    expect(messages.map((m) => [m.kind, m.body])).toEqual([
      ["from_reporter", null],
      ["to_reporter", null],
    ]);
    const view = await world.cases.view("priya", n);
    expect(view.ok && [view.value.report, view.value.thread.map((m) => m.text)]).toEqual([null, [null, null]]);
    // The link to the reporter is gone: they no longer find it, and it cannot be reached.
    expect(await world.cases.listForReporter("kim")).toEqual([]);
    expect(await world.cases.messageReporter("priya", n, "hello?")).toMatchObject({ ok: false, error: "invalid_state" });
    expect(world.store.tables.audit.filter((e) => e.action === "case.purged").length).toBe(1);
    // The reporter can still prove what they filed.
    expect(await world.cases.verifyReceipt(filed.receipt, report({ mode: "anonymous" }))).toEqual({ valid: true });
  });

  it("never purges a case on legal hold; lifting the hold purges it at the next run", async () => {
    world = await memoryCaseWorld({ retentionDays: 30 });
    const { caseNumber: n } = await closedCase(world);
    expect(await world.cases.legalHold("priya", n, true)).toEqual({ ok: true, value: { legalHold: true } });
    await world.advanceDays(400);
    expect([...world.store.tables.cases.values()][0]!.content).not.toBeNull();
    await world.cases.legalHold("priya", n, false);
    await world.runJobs();
    expect([...world.store.tables.cases.values()][0]!.purgedAt).toEqual(world.clock.now());
  });

  it("leaves open cases alone, however old", async () => {
    world = await memoryCaseWorld({ retentionDays: 30 });
    const { caseNumber: n } = await file(world, "kim");
    await world.cases.acknowledge("priya", n);
    await world.advanceDays(1000);
    expect([...world.store.tables.cases.values()][0]!.content).not.toBeNull();
  });
});
