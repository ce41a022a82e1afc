import { afterEach, describe, expect, it } from "vitest";
import { NOT_FOUND } from "../../src/core/cases/access.ts";
import { memoryCaseWorld, file, type MemoryCaseWorld } from "./support.ts";

describe("access to a case", () => {
  let world: MemoryCaseWorld;
  afterEach(async () => world?.close());

  /** Every handler operation, as one person, on one case number (one after another: PGlite has one connection). */
  const everything = async (w: MemoryCaseWorld, person: string, number: string) => [
    await w.cases.view(person, number),
    await w.cases.messageReporter(person, number, "hello"),
    await w.cases.addNote(person, number, "note"),
    await w.cases.acknowledge(person, number),
    await w.cases.setStatus(person, number, "investigating"),
    await w.cases.close(person, number, "unsubstantiated"),
    await w.cases.reassign(person, number, "omar"),
    await w.cases.legalHold(person, number, true),
  ];

  it("is only for its handlers: anyone else, the reporter and the people involved included, gets 'No such case.'", async () => {
    world = await memoryCaseWorld();
    const { caseNumber } = await file(world, "kim", { involved: ["lee"] });
    for (const person of ["dana", "omar", "lee", "kim", "nobody"]) {
      for (const result of await everything(world, person, caseNumber)) expect(result).toEqual(NOT_FOUND);
      expect(await world.cases.listForHandler(person)).toEqual([]);
    }
    // Indistinguishable from a number that does not exist.
    for (const result of await everything(world, "priya", "C-2026-9999")) expect(result).toEqual(NOT_FOUND);
    expect([...world.store.tables.cases.values()][0]!.status).toBe("received");
    expect(world.store.tables.audit.filter((e) => ["case.viewed", "case.status_changed", "case.note_added"].includes(e.action)).length).toBe(0);
    expect(await world.cases.view("priya", caseNumber)).toMatchObject({ ok: true });
  });

  it("ends for a handler who reassigns the case, and begins for the new one", async () => {
    world = await memoryCaseWorld();
    const { caseNumber } = await file(world, "kim");
    expect(await world.cases.reassign("priya", caseNumber, "samira")).toEqual({ ok: true, value: { handlers: ["samira"] } });
    expect(await world.cases.view("priya", caseNumber)).toEqual(NOT_FOUND);
    expect(await world.cases.view("samira", caseNumber)).toMatchObject({ ok: true, value: { handlers: [{ id: "samira", name: "Samira Patel" }] } });
    expect(await world.cases.reassign("samira", caseNumber, "omar", { stay: true })).toEqual({ ok: true, value: { handlers: ["samira", "omar"] } });
    expect((await world.outbox()).filter((m) => m.kind === "case.assigned").map((m) => [m.recipientId, m.payload.reason])).toEqual([
      ["omar", "reassign"],
      ["priya", "routing"],
      ["samira", "reassign"],
    ]);
  });

  it("to a reporter's own case is only for its reporter", async () => {
    world = await memoryCaseWorld();
    const { caseNumber } = await file(world, "kim", { mode: "anonymous" });
    for (const person of ["alex", "priya", "lee"]) {
      expect(await world.cases.viewAsReporter(person, caseNumber)).toEqual(NOT_FOUND);
      expect(await world.cases.historyForReporter(person, caseNumber)).toEqual(NOT_FOUND);
      expect(await world.cases.messageHandlers(person, caseNumber, "hi", "form")).toEqual(NOT_FOUND);
    }
    expect(await world.cases.viewAsReporter("kim", caseNumber)).toMatchObject({ ok: true });
  });

  it("lists a handler's and a reporter's cases newest first, only as many as asked for", async () => {
    world = await memoryCaseWorld();
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      world.clock.advance(60_000);
      numbers.push((await file(world, "kim", {})).caseNumber);
    }
    const newest = [...numbers].reverse();
    expect((await world.cases.listForHandler("priya")).map((c) => c.number)).toEqual(newest);
    expect((await world.cases.listForHandler("priya", { limit: 2 })).map((c) => c.number)).toEqual(newest.slice(0, 2));
    expect((await world.cases.listForReporter("kim", { limit: 2 })).map((c) => c.number)).toEqual(newest.slice(0, 2));
    expect(await world.cases.listForReporter("alex", { limit: 2 })).toEqual([]);
  });
});
