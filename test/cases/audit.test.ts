import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditTrail, verifyAudit } from "../../src/store/audit.ts";
import { caseWorld, file, warmDatabase, type CaseWorld } from "./support.ts";

describe("the case audit log", () => {
  let world: CaseWorld;
  beforeAll(warmDatabase);
  afterEach(async () => world?.close());

  it("records every view, message, assignment and status change, in order, with who acted", async () => {
    world = await caseWorld();
    const { caseNumber: n } = await file(world, "kim", { mode: "anonymous" });
    const steps = [
      () => world.cases.view("priya", n),
      () => world.cases.acknowledge("priya", n),
      () => world.cases.messageReporter("priya", n, "Thanks, we are on it."),
      () => world.cases.messageHandlers("kim", n, "Good.", "form"),
      () => world.cases.addNote("priya", n, "Call finance."),
      () => world.cases.setStatus("priya", n, "investigating"),
      () => world.cases.reassign("priya", n, "samira", { stay: true }),
      () => world.cases.close("samira", n, "substantiated"),
      () => world.cases.legalHold("samira", n, true),
    ];
    for (const step of steps) {
      world.clock.advance(60_000);
      expect(await step()).toMatchObject({ ok: true });
    }
    const row = await world.db.prisma.reportCase.findUniqueOrThrow({ where: { number: n } });
    const trail = await auditTrail(world.db.prisma, "case", row.id);
    const reporter = `Reporter of ${n}`;
    expect(trail.map((e) => [e.actor, e.action])).toEqual([
      [reporter, "case.filed"],
      ["system", "case.assigned"],
      ["priya", "case.viewed"],
      ["priya", "case.status_changed"],
      ["priya", "case.message_to_reporter"],
      [reporter, "case.message_from_reporter"],
      ["priya", "case.note_added"],
      ["priya", "case.status_changed"],
      ["priya", "case.assigned"],
      ["samira", "case.status_changed"],
      ["samira", "case.legal_hold"],
    ]);
    expect(trail.filter((e) => e.action === "case.status_changed").map((e) => e.details)).toEqual([
      { from: "received", to: "acknowledged" },
      { from: "acknowledged", to: "investigating" },
      { from: "investigating", to: "closed", outcome: "substantiated" },
    ]);
    expect(await verifyAudit(world.db.prisma, world.keyring)).toEqual({ entries: trail.length, problems: [], macsChecked: true });
    // Each change was told to the reporter (and the handler's message relayed), in order.
    const told = (await world.outbox()).filter((m) => m.recipientId === "kim").map((m) => world.cases.openReporterNotice(m));
    expect(told.map((t) => t && ("status" in t ? [t.kind, t.status, t.outcome] : [t.kind]))).toEqual([
      ["case.reporter.filed"],
      ["case.reporter.status_changed", "acknowledged", null],
      ["case.reporter.message"],
      ["case.reporter.status_changed", "investigating", null],
      ["case.reporter.status_changed", "closed", "substantiated"],
    ]);
  });

  it("detects an edited entry and a deleted one", async () => {
    world = await caseWorld();
    const { caseNumber: n } = await file(world, "kim");
    await world.cases.view("priya", n);
    await world.cases.view("priya", n);
    await world.cases.acknowledge("priya", n);
    expect((await verifyAudit(world.db.prisma, world.keyring)).problems).toEqual([]);

    // Someone hides that Priya looked at the case…
    await world.db.prisma.$executeRawUnsafe(`UPDATE audit_entry SET actor = 'system' WHERE seq = 3`);
    expect((await verifyAudit(world.db.prisma, world.keyring)).problems).toEqual([{ seq: 3, problem: "edited" }]);
    await world.db.prisma.$executeRawUnsafe(`UPDATE audit_entry SET actor = 'priya' WHERE seq = 3`);
    expect((await verifyAudit(world.db.prisma, world.keyring)).problems).toEqual([]);
    // …or deletes the entry outright.
    await world.db.prisma.$executeRawUnsafe(`DELETE FROM audit_entry WHERE seq = 4`);
    expect((await verifyAudit(world.db.prisma, world.keyring)).problems).toEqual([
      { seq: 5, problem: "missing before" },
      { seq: 5, problem: "broken link" },
    ]);
  });
});
