import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { NOT_ELIGIBLE } from "../../src/core/cases/handling.ts";
import { caseWorld, warmDatabase, file, type CaseWorld } from "./support.ts";

// Everything that would identify Kim, the reporter, on any platform.
const KIM = [/"kim"/, /\bkim\b/i, /Kim Nguyen/, /kim@example\.com/, /U0KIM/, /00000000-0000-0000-0000-00000000000a/];
const revealsKim = (value: unknown) => KIM.filter((pattern) => pattern.test(JSON.stringify(value)));

describe("anonymous reports", () => {
  beforeAll(warmDatabase);
  let world: CaseWorld;
  afterEach(async () => world?.close());

  it("never show handlers who reported: not in the view, the thread, the list, notifications or the audit log", async () => {
    world = await caseWorld();
    const { caseNumber } = await file(world, "kim", { mode: "anonymous", involved: ["lee"] });
    expect(await world.cases.messageHandlers("kim", caseNumber, "I can share the ledger pages.", "typed")).toMatchObject({ ok: true });
    expect(await world.cases.messageHandlers("kim", caseNumber, "Here is more context.", "form")).toMatchObject({ ok: true });
    await world.cases.acknowledge("priya", caseNumber);
    expect(await world.cases.messageReporter("priya", caseNumber, "Thank you. Who else saw this?")).toMatchObject({ ok: true });
    await world.cases.addNote("priya", caseNumber, "Pull the Q3 journal entries.");

    const view = await world.cases.view("priya", caseNumber);
    if (!view.ok) throw new Error(view.message);
    expect(view.value.reporter).toEqual({ kind: "anonymous", pseudonym: `Reporter of ${caseNumber}` });
    expect(view.value.thread.map((m) => [m.kind, m.author, m.authorId])).toEqual([
      ["from_reporter", `Reporter of ${caseNumber}`, null],
      ["from_reporter", `Reporter of ${caseNumber}`, null],
      ["to_reporter", "Priya Nair", "priya"],
      ["note", "Priya Nair", "priya"],
    ]);
    expect(view.value.report?.involved).toEqual([{ id: "lee", name: "Lee Jordan" }]);
    expect(revealsKim(view.value)).toEqual([]);
    expect(revealsKim(await world.cases.listForHandler("priya"))).toEqual([]);

    const toHandlers = (await world.outbox()).filter((m) => m.recipientId !== "kim");
    expect(toHandlers.map((m) => m.kind)).toEqual(["case.assigned", "case.reporter_replied", "case.reporter_replied"]);
    expect(revealsKim(toHandlers)).toEqual([]);
    const audit = await world.db.prisma.auditEntry.findMany();
    expect(audit.length).toBeGreaterThan(5);
    expect(revealsKim(audit)).toEqual([]);
  });

  it("shows a confidential reporter to the handlers (so the anonymity check above can fail)", async () => {
    world = await caseWorld();
    const { caseNumber } = await file(world, "kim", { mode: "confidential" });
    const view = await world.cases.view("priya", caseNumber);
    expect(view.ok && view.value.reporter).toEqual({ kind: "named", person: { id: "kim", name: "Kim Nguyen" } });
    expect(revealsKim(view.ok && view.value)).not.toEqual([]);
  });

  it("relays handler messages to the reporter without the case number in the clear", async () => {
    world = await caseWorld();
    const { caseNumber } = await file(world, "kim", { mode: "anonymous" });
    const sent = await world.cases.messageReporter("priya", caseNumber, "Can you tell me when this started?");
    if (!sent.ok) throw new Error(sent.message);
    const [notice] = (await world.outbox()).filter((m) => m.recipientId === "kim" && m.kind === "case.reporter.message");
    expect(notice).toEqual({ id: expect.any(String), recipientId: "kim", kind: "case.reporter.message", payload: { ref: expect.any(String) } });
    // In the table itself the recipient is sealed too.
    expect(await world.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: notice!.id } })).toMatchObject({ recipientId: "sealed" });
    expect(JSON.stringify(notice)).not.toContain(caseNumber);
    expect(world.cases.openReporterNotice(notice!)).toEqual({ kind: "case.reporter.message", caseNumber, messageId: sent.value.messageId, anonymous: true });
    // Bound to its row: moved to another row it does not open.
    expect(world.cases.openReporterNotice({ ...notice!, id: "another-row" })).toBeNull();

    const mine = await world.cases.viewAsReporter("kim", caseNumber);
    expect(mine.ok && mine.value.thread.map((m) => [m.author, m.text])).toEqual([["Priya Nair", "Can you tell me when this started?"]]);
    expect(await world.cases.listForReporter("kim")).toEqual([
      { number: caseNumber, categoryLabel: "Harassment or discrimination", status: "received", outcome: null, filedAt: new Date("2026-03-02T09:00:00Z") },
    ]);
    expect(await world.cases.listForReporter("alex")).toEqual([]);
  });

  it("offers and assigns the anonymous reporter like anyone else (a refusal would single them out); refuses the people named, auditing the attempt without naming them", async () => {
    world = await caseWorld();
    const { caseNumber } = await file(world, "kim", { mode: "anonymous", involved: ["lee"] });
    const offered = await world.cases.reassignCandidates("priya", caseNumber, "", 50);
    const everyone = (await world.db.prisma.person.findMany({ where: { active: true, id: { notIn: ["priya", "lee"] } }, orderBy: [{ name: "asc" }, { id: "asc" }] })).map((p) => p.id);
    expect(offered.ok && offered.value.map((c) => c.id)).toEqual(everyone);
    expect(everyone).toContain("kim");

    const toInvolved = await world.cases.reassign("priya", caseNumber, "lee");
    expect(toInvolved).toEqual({ ok: false, error: "not_eligible", message: NOT_ELIGIBLE });
    expect(await world.cases.reassign("priya", caseNumber, "no-such-person")).toEqual(toInvolved);
    const refused = await world.db.prisma.auditEntry.findMany({ where: { action: "case.reassign_refused" } });
    expect(refused.map((e) => [e.actor, e.details])).toEqual([
      ["priya", {}],
      ["priya", {}],
    ]);
    expect(await world.cases.reassign("priya", caseNumber, "kim", { stay: true })).toEqual({ ok: true, value: { handlers: ["priya", "kim"] } });
    expect((await world.outbox()).filter((m) => m.recipientId === "lee")).toEqual([]);
  });

  it("still refuses a confidential case's reporter, whom its handlers see", async () => {
    world = await caseWorld();
    const { caseNumber } = await file(world, "kim", { mode: "confidential", involved: ["lee"] });
    expect(await world.cases.reassign("priya", caseNumber, "kim")).toEqual({ ok: false, error: "not_eligible", message: NOT_ELIGIBLE });
    const offered = await world.cases.reassignCandidates("priya", caseNumber, "kim");
    expect(offered.ok && offered.value).toEqual([]);
  });
});

describe("internal notes", () => {
  let world: CaseWorld;
  afterEach(async () => world?.close());

  it("are never sent or shown to the reporter; the history shows that a note was added, not what it says", async () => {
    world = await caseWorld();
    const { caseNumber } = await file(world, "kim", { mode: "anonymous" });
    await world.cases.addNote("priya", caseNumber, "NOTE-TEXT-4410 check with Lee's team");
    expect((await world.outbox()).filter((m) => m.recipientId === "kim").map((m) => m.kind)).toEqual(["case.reporter.filed"]); // the receipt only
    const mine = await world.cases.viewAsReporter("kim", caseNumber);
    expect(mine.ok && mine.value.thread).toEqual([]);
    const history = await world.cases.historyForReporter("kim", caseNumber);
    if (!history.ok) throw new Error(history.message);
    expect(history.value.map((h) => [h.actor, h.action, h.details])).toEqual([
      ["You", "case.filed", { category: "harassment_discrimination", mode: "anonymous", routedTo: "ethics_officer" }],
      ["System", "case.assigned", { to: "Priya Nair" }],
      ["Priya Nair", "case.note_added", {}],
      ["You", "case.viewed_by_reporter", {}],
    ]);
    expect(JSON.stringify(history.value)).not.toContain("NOTE-TEXT");
  });
});
