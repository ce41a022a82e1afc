// The in-memory ports (test/support/memory) stand in for the database in the core's tests, so they
// must answer as the Prisma adapter does: one story, run on both, gives the same transcript.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseRegister } from "../../src/core/cases/export.ts";
import { caseWorld, file, memoryCaseWorld, report, warmDatabase, type CaseWorld, type MemoryCaseWorld } from "./support.ts";

const HOUR = 3_600_000;

/** Everything the story's people see, in order; ids that differ by run (uuids) and ciphertext replaced by their order of appearance. */
async function story(world: CaseWorld | MemoryCaseWorld): Promise<string> {
  const seen: unknown[] = [];
  const say = (label: string, value: unknown) => void seen.push([label, value]);
  const c = world.cases;

  const first = await file(world, "kim", { involved: ["rosa"] });
  say("filed", first);
  world.clock.advance(HOUR);
  const anonymous = await file(world, "alex", { mode: "anonymous", recipient: "supervisor" });
  say("filed anonymously", anonymous);
  const n = first.caseNumber;
  say("reporter's list", await c.listForReporter("kim"));
  say("handler's list", await c.listForHandler("priya", { limit: 5 }));
  say("not a handler", await c.view("rosa", n));
  say("acknowledge", await c.acknowledge("priya", n));
  say("typed", await c.messageHandlers("kim", n, "I have the invoices.", "typed"));
  say("typed again", await c.messageHandlers("kim", n, "And the emails.", "typed"));
  say("to reporter", await c.messageReporter("priya", n, "Thank you, please send them."));
  say("note", await c.addNote("priya", n, "Check the Q3 ledger."));
  say("candidates", await c.reassignCandidates("priya", n, "a", 50));
  say("refused", await c.reassign("priya", n, "rosa"));
  say("reassign", await c.reassign("priya", n, "samira", { stay: true }));
  say("hold", await c.legalHold("priya", n, true));
  say("release", await c.legalHold("priya", n, false));
  say("status", await c.setStatus("samira", n, "investigating"));
  say("close", await c.close("samira", n, "substantiated"));
  say("view", await c.view("priya", n));
  say("reporter's view", await c.viewAsReporter("kim", n));
  say("trail", await c.trailForHandler("samira", n));
  say("history", await c.historyForReporter("kim", n));
  say("receipt", await c.verifyReceipt(first.receipt, report({ involved: ["rosa"] })));
  say("wrong receipt", await c.verifyReceipt(first.receipt, report()));

  say("jobs at 10 days", await world.advanceDays(10));
  say("undelivered", await c.undeliveredCount("priya"));
  say("rerouted", await c.rerouteUndelivered());
  say("rerouted again", await c.rerouteUndelivered());
  say("jobs at 30 days", await world.advanceDays(20));
  say("check-in", await c.answerCheckin("kim", n, 30, "yes"));
  say("check-in again", await c.answerCheckin("kim", n, 30, "no"));
  say("jobs at 200 days", await world.advanceDays(170));
  say("jobs after retention", await world.advanceDays(1095));
  say("purged view", await c.view("samira", n));
  say("anonymous view", await c.view("lee", anonymous.caseNumber));
  say("register", await caseRegister(world.store, world.clock.now()));
  say("outbox", await world.outbox());

  const ids = new Map<string, string>();
  const stable = (text: string, pattern: RegExp, prefix: string) => text.replace(pattern, (m) => (ids.has(m) ? ids.get(m)! : (ids.set(m, `${prefix}${ids.size}`), ids.get(m)!)));
  // Keys sorted: PostgreSQL's jsonb keeps its own key order in payloads and audit details.
  const sorted = (_key: string, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y))) : value;
  let text = JSON.stringify(seen, sorted, 1);
  text = stable(text, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "id#");
  text = stable(text, /v1\.[A-Za-z0-9_.:-]+/g, "sealed#");
  return text;
}

describe("the in-memory ports", () => {
  let database: CaseWorld;
  beforeAll(async () => {
    await warmDatabase();
    database = await caseWorld();
  });
  afterAll(async () => database?.close());

  it("answer a whole case's story as the database does", async () => {
    const memory = await memoryCaseWorld();
    const [expected, actual] = [await story(database), await story(memory)];
    expect(expected).toContain("case.escalated"); // the story reaches the timers it means to
    expect(expected).toContain("case.notice_undelivered");
    expect(actual).toEqual(expected);
  });

  it("keep nothing of a transaction that failed", async () => {
    const memory = await memoryCaseWorld();
    const before = JSON.stringify([...memory.store.tables.cases.values(), memory.store.tables.outbox, memory.store.tables.audit]);
    await expect(
      memory.store.transaction(async (tx) => {
        await tx.cases.allocateNumber(2026);
        await tx.outbox.enqueue({ recipientId: "priya", kind: "case.assigned", payload: {} }, memory.clock);
        await tx.audit.append({ actor: "system", action: "x", subjectType: "case", subjectId: "c" }, { clock: memory.clock, auditKeys: memory.keyring });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(JSON.stringify([...memory.store.tables.cases.values(), memory.store.tables.outbox, memory.store.tables.audit])).toBe(before);
    expect(memory.store.tables.counters.size).toBe(0);
  });
});
