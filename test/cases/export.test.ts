import { afterEach, describe, expect, it } from "vitest";
import { caseRegister, REGISTER_COLUMNS } from "../../src/core/cases/export.ts";
import { toCsv } from "../../src/cli/exportCases.ts";
import { memoryCaseWorld, examplePeople, file, type MemoryCaseWorld } from "./support.ts";

describe("the case register", () => {
  let world: MemoryCaseWorld;
  afterEach(async () => world?.close());

  it("lists number, category, dates, durations and outcome, with no identities or content", async () => {
    world = await memoryCaseWorld();
    const first = await file(world, "kim", { category: "accounting", involved: ["lee"], mode: "anonymous" });
    await world.advanceDays(2);
    await world.cases.acknowledge("grace", first.caseNumber);
    await world.advanceDays(10);
    await world.cases.close("grace", first.caseNumber, "substantiated");
    const second = await file(world, "alex", { involved: ["rosa"] });
    await world.advanceDays(8); // second misses its acknowledgement

    const rows = await caseRegister(world.store, world.clock.now());
    expect(rows).toEqual([
      {
        number: first.caseNumber, category: "accounting", section: "5", mode: "anonymous", priority: "normal", status: "closed", outcome: "substantiated",
        filedAt: "2026-03-02T09:00:00.000Z", acknowledgedAt: "2026-03-04T09:00:00.000Z", closedAt: "2026-03-14T09:00:00.000Z",
        daysToAcknowledge: "2.0", daysToClose: "12.0", acknowledgedInTime: "yes", feedbackInTime: "yes", linkedTo: "", purged: "no",
      },
      {
        number: second.caseNumber, category: "harassment_discrimination", section: "8", mode: "confidential", priority: "normal", status: "received", outcome: "",
        filedAt: "2026-03-14T09:00:00.000Z", acknowledgedAt: "", closedAt: "",
        daysToAcknowledge: "", daysToClose: "", acknowledgedInTime: "no", feedbackInTime: "", linkedTo: "", purged: "no",
      },
    ]);
    const everything = JSON.stringify(rows) + toCsv(rows);
    for (const person of examplePeople()) {
      for (const value of [person.id, person.name, person.email, person.slack]) expect(everything).not.toContain(String(value));
    }
    expect(everything).not.toContain("SECRET");
    expect(toCsv(rows).split("\n")[0]).toBe(REGISTER_COLUMNS.join(","));
  });
});
