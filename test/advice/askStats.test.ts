import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Answer } from "../../src/core/advice/types.ts";
import { NO_CLAUSE, recordAsk } from "../../src/store/askStats.ts";
import type { Database } from "../../src/store/db.ts";
import { freshDatabase } from "../support/db.ts";
import { shippedAdvisor } from "./support.ts";

describe("recordAsk", () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDatabase(); // in a hook: the first call migrates a template, slow on a busy machine
  });
  afterEach(async () => db.close());

  it("counts answers per UTC day, deciding clause and verdict, and keeps nothing else", async () => {
    const question = "Can my wife's bakery cater our company events since she owns it?";
    const answer: Answer = shippedAdvisor().advise(question);
    const lateEvening = new Date("2026-03-01T23:59:00Z");
    await recordAsk(db.prisma, answer, lateEvening);
    await Promise.all([recordAsk(db.prisma, answer, new Date("2026-03-01T08:00:00Z")), recordAsk(db.prisma, answer, new Date("2026-03-01T09:00:00Z"))]);
    await recordAsk(db.prisma, answer, new Date("2026-03-02T00:00:01Z"));
    await recordAsk(db.prisma, shippedAdvisor().advise("Where do I park my bike?"), lateEvening);

    const rows = await db.prisma.askStat.findMany({ orderBy: [{ day: "asc" }, { clauseId: "asc" }] });
    expect(rows).toEqual([
      { day: "2026-03-01", clauseId: NO_CLAUSE, verdict: "out_of_scope", count: 1 },
      { day: "2026-03-01", clauseId: answer.clauses[0]!.id, verdict: answer.verdict, count: 3 },
      { day: "2026-03-02", clauseId: answer.clauses[0]!.id, verdict: answer.verdict, count: 1 },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/bakery|wife|park/);
  });
});
