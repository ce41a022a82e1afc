import { afterEach, describe, expect, it } from "vitest";
import { NOT_FOUND } from "../../src/core/cases/access.ts";
import { memoryCaseWorld, file, type MemoryCaseWorld } from "./support.ts";

describe("retaliation watch", () => {
  let world: MemoryCaseWorld;
  afterEach(async () => world?.close());

  const checkinsTo = async (w: MemoryCaseWorld, person: string) =>
    (await w.outbox()).filter((m) => m.recipientId === person && m.kind === "case.reporter.retaliation_checkin").map((m) => w.cases.openReporterNotice(m));

  async function closedCase(w: MemoryCaseWorld, handler = "priya", overrides: Record<string, unknown> = {}) {
    const { caseNumber } = await file(w, "kim", { involved: ["rosa"], ...overrides });
    expect(await w.cases.acknowledge(handler, caseNumber)).toMatchObject({ ok: true });
    expect(await w.cases.close(handler, caseNumber, "substantiated")).toMatchObject({ ok: true });
    return caseNumber;
  }

  it("asks the reporter privately 30 and 90 days after closing", async () => {
    world = await memoryCaseWorld();
    const n = await closedCase(world);
    await world.advanceDays(29);
    expect(await checkinsTo(world, "kim")).toEqual([]);
    await world.advanceDays(1);
    expect(await checkinsTo(world, "kim")).toEqual([{ kind: "case.reporter.retaliation_checkin", caseNumber: n, day: 30, anonymous: false }]);
    const mine = await world.cases.viewAsReporter("kim", n);
    expect(mine.ok && mine.value.openCheckins).toEqual([30]);
    expect(await world.cases.answerCheckin("kim", n, 30, "no")).toEqual({ ok: true, value: { answer: "no", linkedCase: null } });
    expect(await world.cases.answerCheckin("kim", n, 30, "no")).toMatchObject({ ok: false, error: "invalid_state" });
    await world.advanceDays(60);
    expect((await checkinsTo(world, "kim")).map((c) => c && "day" in c && c.day)).toEqual([30, 90]);
    // Nobody else is asked, and no handler is told.
    expect((await world.outbox()).filter((m) => m.kind.includes("checkin") && m.recipientId !== "kim")).toEqual([]);
  });

  it('"yes" opens a linked high-priority case, routed away from everyone the first report implicated', async () => {
    world = await memoryCaseWorld();
    const n = await closedCase(world, "omar", { mode: "anonymous", involved: ["rosa", "priya"] }); // priya implicated: goes to omar
    await world.advanceDays(30);
    expect(await world.cases.answerCheckin("alex", n, 30, "yes")).toEqual(NOT_FOUND);
    expect(await world.cases.answerCheckin("kim", n, 90, "yes")).toMatchObject({ ok: false, error: "invalid_state" });
    const answered = await world.cases.answerCheckin("kim", n, 30, "yes");
    if (!answered.ok) throw new Error(answered.message);
    const linked = answered.value.linkedCase!;
    expect(linked).toMatchObject({ caseNumber: "C-2026-0002", mode: "anonymous", routedTo: "president" });

    const view = await world.cases.view("omar", linked.caseNumber);
    if (!view.ok) throw new Error(view.message);
    expect(view.value).toMatchObject({ priority: "high", category: "retaliation", section: "1", linkedCases: [n], reporter: { kind: "anonymous", pseudonym: `Reporter of ${linked.caseNumber}` } });
    expect(view.value.handlers.map((h) => h.id)).toEqual(["omar"]);
    expect(await world.cases.view("priya", linked.caseNumber)).toEqual(NOT_FOUND);
    const assigned = (await world.outbox()).filter((m) => m.kind === "case.assigned" && m.payload.caseNumber === linked.caseNumber);
    expect(assigned).toEqual([{ id: expect.any(String), recipientId: "omar", kind: "case.assigned", payload: expect.objectContaining({ priority: "high" }) }]);
    // The reporter finds it among their cases and can write in it.
    expect((await world.cases.listForReporter("kim")).map((c) => c.number).sort()).toEqual([n, linked.caseNumber]);
    expect(await world.cases.messageHandlers("kim", linked.caseNumber, "My shifts were cut after the report.", "form")).toMatchObject({ ok: true });
  });
});
