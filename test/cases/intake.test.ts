import { afterEach, describe, expect, it } from "vitest";
import { NO_RECIPIENT, UNAVAILABLE } from "../../src/core/cases/intake/file.ts";
import { missingKeyring } from "../../src/core/crypto/keyring.ts";
import { memoryCaseWorld, file, report, type MemoryCaseWorld } from "./support.ts";

describe("filing a report", () => {
  let world: MemoryCaseWorld;
  afterEach(async () => world?.close());

  it("rejects invalid fields with a message next to each, returning exactly what was typed", async () => {
    world = await memoryCaseWorld();
    const draft = { what: "   ", when: "yesterday", category: "gossip", recipient: "director", mode: "secret", involved: ["lee", "nobody-here"] };
    const result = await world.cases.fileReport("kim", draft);
    expect(result).toEqual({
      ok: false,
      fieldErrors: { what: "Describe what happened", category: "Choose what the report is about", mode: "Choose confidential or anonymous" },
      draft,
    });

    const second = { ...report({ involved: ["lee", "nobody-here"], recipient: "director", directorId: "lee" }) };
    const people = await world.cases.fileReport("kim", second);
    expect(people).toEqual({
      ok: false,
      fieldErrors: { involved: "Pick the people involved from the directory", directorId: "Choose one of the Directors" },
      draft: second,
    });
    expect(world.store.tables.cases.size).toBe(0);
    expect(world.store.tables.outbox.length).toBe(0);
  });

  it("gives a receipt at once: case number, time, proof-of-filing digest, acknowledgement deadline", async () => {
    world = await memoryCaseWorld({ start: "2026-12-31T10:00:00Z" });
    const first = await file(world, "kim");
    expect(first.caseNumber).toBe("C-2026-0001");
    expect(first.receipt).toEqual({
      caseNumber: "C-2026-0001",
      filedAt: new Date("2026-12-31T10:00:00Z"),
      digest: expect.stringMatching(new RegExp(`^${world.keyring.currentId}:[0-9a-f]{64}$`)),
      mode: "confidential",
      routedTo: "ethics_officer",
      acknowledgeBy: new Date("2027-01-07T10:00:00Z"),
      route: { chosen: "ethics_officer", passedOver: null, someLeftOut: false, auditCommitteeToo: false, namesPeople: false },
    });
    expect((await file(world, "alex")).caseNumber).toBe("C-2026-0002");
    world.clock.advance(24 * 60 * 60 * 1000);
    expect((await file(world, "alex")).caseNumber).toBe("C-2027-0001");
  });

  it("lets the reporter prove later what they filed, and nothing else", async () => {
    world = await memoryCaseWorld();
    const submitted = report({ involved: ["lee"], mode: "anonymous" });
    const filed = await file(world, "kim", submitted);
    expect(await world.cases.verifyReceipt(filed.receipt, submitted)).toEqual({ valid: true });
    // Whitespace around fields is not part of what was said.
    expect(await world.cases.verifyReceipt(filed.receipt, { ...submitted, what: `  ${submitted.what as string}\n` })).toEqual({ valid: true });
    expect(await world.cases.verifyReceipt(filed.receipt, { ...submitted, what: "Something milder." })).toEqual({ valid: false, reason: "digest does not match" });
    expect(await world.cases.verifyReceipt(filed.receipt, { ...submitted, involved: [] })).toEqual({ valid: false, reason: "digest does not match" });
    expect(await world.cases.verifyReceipt({ ...filed.receipt, filedAt: new Date("2026-03-01T00:00:00Z") }, submitted)).toEqual({ valid: false, reason: "unknown case" });
    const forged = `${world.keyring.currentId}:${"0".repeat(64)}`;
    expect(await world.cases.verifyReceipt({ ...filed.receipt, digest: forged }, submitted)).toEqual({ valid: false, reason: "digest does not match" });
  });

  it("tells the reporter once that typed thread messages stay in the workspace history", async () => {
    world = await memoryCaseWorld();
    expect((await file(world, "kim")).showTypedMessageNotice).toBe(true);
    expect((await file(world, "kim")).showTypedMessageNotice).toBe(false);
    expect((await file(world, "alex")).showTypedMessageNotice).toBe(true);
    expect(await world.cases.claimTypedMessageNotice("kim")).toBe(false);
    expect(await world.cases.claimTypedMessageNotice("jamie")).toBe(true);
    expect(await world.cases.claimTypedMessageNotice("jamie")).toBe(false);
  });

  it("tells the handlers a case was assigned, with ids only", async () => {
    world = await memoryCaseWorld();
    await file(world, "kim", { category: "accounting", involved: ["lee"] });
    const sent = (await world.outbox()).filter((m) => !m.kind.startsWith("case.reporter."));
    expect(sent).toEqual([
      { id: expect.any(String), recipientId: "grace", kind: "case.assigned", payload: { caseId: expect.any(String), caseNumber: "C-2026-0001", priority: "normal", reason: "routing" } },
      { id: expect.any(String), recipientId: "victor", kind: "case.assigned", payload: { caseId: expect.any(String), caseNumber: "C-2026-0001", priority: "normal", reason: "routing" } },
    ]);
    const row = [...world.store.tables.cases.values()][0]!;
    // The reporter's choice is sealed with the report (beside routed_to it would tell who was excluded).
    expect(row).toMatchObject({ recipient: null, routedTo: "audit_committee", section: "5", status: "received" });
    const seen = await world.cases.view("grace", row.number);
    expect(seen.ok && seen.value.recipient).toBe("audit_committee");
  });

  it("keeps the text and files nothing when everyone who could receive it is implicated", async () => {
    world = await memoryCaseWorld();
    const draft = report({ involved: ["priya", "omar", "grace", "victor", "helen"] });
    expect(await world.cases.fileReport("kim", draft)).toEqual({ ok: false, fieldErrors: {}, formError: NO_RECIPIENT, draft });
    expect(world.store.tables.cases.size).toBe(0);
    expect(world.store.tables.outbox.length).toBe(0);
    expect(world.store.tables.counters.size).toBe(0);
  });

  it("refuses to file without an encryption key, keeping the text", async () => {
    world = await memoryCaseWorld({ keyring: missingKeyring("no key") });
    const draft = report();
    expect(await world.cases.fileReport("kim", draft)).toEqual({ ok: false, fieldErrors: {}, formError: UNAVAILABLE, draft });
    expect(world.store.tables.cases.size).toBe(0);
  });

  it("logs ids and numbers, never what was reported or who reported it", async () => {
    world = await memoryCaseWorld();
    await file(world, "kim", { mode: "anonymous" });
    expect(world.logs.some((l) => l.includes("C-2026-0001"))).toBe(true);
    for (const line of world.logs) expect(line).not.toMatch(/SECRET|kim|Kim Nguyen/);
  });
});
