import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { composeCases, rotateAllKeys } from "../../src/compose.ts";
import { createKeyring, KeyringError, missingKeyring } from "../../src/core/crypto/keyring.ts";
import { KEY_FILE_NAME, loadKeyring } from "../../src/core/crypto/loadKeyring.ts";
import { caseWorld, file, KEY_A, KEY_B, report, warmDatabase, type CaseWorld } from "./support.ts";

const SECRETS = ["SECRET-WHAT", "SECRET-WHEN", "SECRET-WHERE", "MSG-FROM-REPORTER-991", "MSG-TO-REPORTER-992", "NOTE-993"];

/** Every row of every table, as text, straight from the database. */
async function rawTables(world: CaseWorld): Promise<Record<string, string>> {
  const tables = await world.db.prisma.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  const dump: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = await world.db.prisma.$queryRawUnsafe<Array<{ row: string }>>(`SELECT row_to_json(t)::text AS row FROM "${name}" t`);
    dump[name] = rows.map((r) => r.row).join("\n");
  }
  return dump;
}

/** An anonymous case with a thread, a note, and every state. */
async function busyCase(world: CaseWorld) {
  const filed = await file(world, "kim", { mode: "anonymous", involved: ["lee"] });
  const n = filed.caseNumber;
  await world.cases.messageHandlers("kim", n, "MSG-FROM-REPORTER-991", "typed");
  await world.cases.acknowledge("priya", n);
  await world.cases.messageReporter("priya", n, "MSG-TO-REPORTER-992");
  await world.cases.addNote("priya", n, "NOTE-993");
  return filed;
}

describe("reports at rest", () => {
  let world: CaseWorld;
  beforeAll(warmDatabase);
  afterEach(async () => world?.close());

  it("are encrypted: no table holds report text, messages, notes, or the anonymous reporter's id", async () => {
    world = await caseWorld();
    await busyCase(world);
    const dump = await rawTables(world);
    expect(Object.keys(dump)).toEqual(expect.arrayContaining(["report_case", "case_message", "case_handler", "audit_entry", "outbox_message", "job"]));
    for (const [table, text] of Object.entries(dump)) {
      for (const secret of SECRETS) expect({ table, leaks: text.includes(secret) }).toEqual({ table, leaks: false });
    }
    // The reporter's id appears in no table but the directory: their notifications' recipient is sealed too.
    for (const [table, text] of Object.entries(dump)) {
      if (table === "person" || table === "person_role") continue;
      expect({ table, kim: /"kim"|\bkim\b/.test(text) }).toEqual({ table, kim: false });
    }
    const kimsMail = (await world.outbox()).filter((m) => m.recipientId === "kim");
    expect(kimsMail.map((m) => Object.keys(m.payload as object))).toEqual([["ref"], ["ref"], ["ref"]]); // the receipt, and two more
    const row = await world.db.prisma.reportCase.findFirstOrThrow();
    for (const sealed of [row.content, row.reporterLink]) expect(sealed).toMatch(new RegExp(`^v1\\.${world.keyring.currentId}\\.`));
    // …while the service still reads it back.
    const view = await world.cases.view("priya", row.number);
    expect(view.ok && view.value.report?.what).toContain("SECRET-WHAT");
  });

  it("seal who was excluded from routing: a DBA cannot see the recipient the reporter chose, only where it went", async () => {
    world = await caseWorld();
    // Priya, the ethics officer and the default recipient, is named: the report goes up to the President.
    const filed = await file(world, "kim", { mode: "anonymous", involved: ["priya"] });
    expect(filed.receipt.routedTo).toBe("president");
    const dump = await rawTables(world);
    for (const table of ["report_case", "audit_entry", "case_handler", "job", "outbox_message"]) {
      expect({ table, chosen: dump[table]!.includes("ethics_officer"), rerouted: /"rerouted"/.test(dump[table]!) }).toEqual({ table, chosen: false, rerouted: false });
    }
    const view = await world.cases.view("omar", filed.caseNumber);
    expect(view.ok && [view.value.recipient, view.value.routedTo]).toEqual(["ethics_officer", "president"]);

    // A case stored before the choice was sealed: `keys rotate` seals it and empties the column.
    await world.db.prisma.$executeRawUnsafe(`UPDATE report_case SET recipient = 'ethics_officer'`);
    const rotated = createKeyring(KEY_B, [KEY_A]);
    expect(await rotateAllKeys(world.db.prisma, rotated, world.clock)).toMatchObject({ casesRewritten: 1 });
    expect((await world.db.prisma.reportCase.findFirstOrThrow()).recipient).toBeNull();
    const after = composeCases(world.db.prisma, { directory: world.directory, clock: world.clock, keyring: createKeyring(KEY_B), logger: { info() {}, warn() {} }, retentionDays: 1095 }).service;
    const reread = await after.view("omar", filed.caseNumber);
    expect(reread.ok && reread.value.recipient).toBe("ethics_officer");
  });

  it("are bound to their row: content copied into another case does not decrypt", async () => {
    world = await caseWorld();
    const first = await file(world, "kim");
    const second = await file(world, "alex");
    const { content } = await world.db.prisma.reportCase.findUniqueOrThrow({ where: { number: first.caseNumber } });
    await world.db.prisma.reportCase.update({ where: { number: second.caseNumber }, data: { content } });
    await expect(world.cases.view("priya", second.caseNumber)).rejects.toThrow(KeyringError);
  });

  it("are re-encrypted under a new key by a rotation; old receipts need the old key as a previous key", async () => {
    world = await caseWorld();
    const filed = await busyCase(world);
    const rotated = createKeyring(KEY_B, [KEY_A]);
    expect(await rotateAllKeys(world.db.prisma, rotated, world.clock)).toEqual({ keyId: rotated.currentId, casesChecked: 1, casesRewritten: 1, messagesRewritten: 3, approvalsChecked: 0, approvalsRewritten: 0 });
    expect(await rotateAllKeys(world.db.prisma, rotated, world.clock)).toMatchObject({ casesChecked: 1, casesRewritten: 0, messagesRewritten: 0 });

    const sealed = [
      ...(await world.db.prisma.reportCase.findMany()).flatMap((r) => [r.content!, r.reporterLink!]),
      ...(await world.db.prisma.caseMessage.findMany()).map((m) => m.body!),
    ];
    expect(sealed).toHaveLength(5);
    for (const value of sealed) expect(value.startsWith(`v1.${rotated.currentId}.`)).toBe(true);

    const onlyNew = createKeyring(KEY_B);
    const cases = composeCases(world.db.prisma, { directory: world.directory, clock: world.clock, keyring: onlyNew, logger: { info() {}, warn() {} }, retentionDays: 1095 }).service;
    const view = await cases.view("priya", filed.caseNumber);
    expect(view.ok && view.value.thread.map((m) => m.text)).toEqual(["MSG-FROM-REPORTER-991", "MSG-TO-REPORTER-992", "NOTE-993"]);
    expect((await cases.listForReporter("kim")).map((c) => c.number)).toEqual([filed.caseNumber]);
    const submitted = report({ mode: "anonymous", involved: ["lee"] });
    expect(await cases.verifyReceipt(filed.receipt, submitted)).toEqual({ valid: false, reason: "key no longer available" });
    const withOld = composeCases(world.db.prisma, { directory: world.directory, clock: world.clock, keyring: rotated, logger: { info() {}, warn() {} }, retentionDays: 1095 }).service;
    expect(await withOld.verifyReceipt(filed.receipt, submitted)).toEqual({ valid: true });
    expect(await world.db.prisma.auditEntry.count({ where: { action: "keys.rotated" } })).toBe(2);
  });
});

describe("keyring", () => {
  it("seals with the current key, opens with any key it holds, and refuses altered or moved values", () => {
    const a = createKeyring(KEY_A);
    const sealed = a.seal("hello", "case:1:content");
    expect(sealed).not.toContain("hello");
    expect(a.open(sealed, "case:1:content")).toBe("hello");
    expect(() => a.open(sealed, "case:2:content")).toThrow(KeyringError);
    const parts = sealed.split(".");
    parts[4] = Buffer.from("jello").toString("base64url");
    expect(() => a.open(parts.join("."), "case:1:content")).toThrow(KeyringError);
    expect(() => createKeyring(KEY_B).open(sealed, "case:1:content")).toThrow(/not in the keyring/);

    const b = createKeyring(KEY_B, [KEY_A]);
    expect(b.open(sealed, "case:1:content")).toBe("hello");
    expect(b.keyIdOf(b.seal("x", "y"))).toBe(b.currentId);
    expect(b.currentId).not.toBe(a.currentId);
    expect(b.macsUnderEveryKey("reporter", "kim")).toEqual([b.mac("reporter", "kim"), a.mac("reporter", "kim")]);
    expect(b.verifyMac("reporter", "kim", a.mac("reporter", "kim"))).toBe(true);
    expect(b.verifyMac("reporter", "alex", a.mac("reporter", "kim"))).toBe(false);
    expect(a.mac("reporter", "kim")).not.toBe(a.mac("receipt", "kim"));
    expect(() => createKeyring("c2hvcnQ=")).toThrow(/32 bytes/);
    expect(missingKeyring("no key").available).toBe(false);
    expect(() => missingKeyring("no key").seal("x", "y")).toThrow("no key");
  });
});

describe("where the key comes from", () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));
  const warnings: string[] = [];
  const logger = { warn: (_o: object, msg: string) => void warnings.push(msg) };

  it("embedded database without REPORTS_ENCRYPTION_KEY: a key file generated once in DATA_DIR, with a loud warning", () => {
    dir = mkdtempSync(join(tmpdir(), "conduct-keys-"));
    const first = loadKeyring({ DATA_DIR: dir }, "pglite", logger);
    const file = join(dir, KEY_FILE_NAME);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const sealed = first.seal("kept", "aad");
    const again = loadKeyring({ DATA_DIR: dir }, "pglite", logger);
    expect(again.currentId).toBe(first.currentId);
    expect(again.open(sealed, "aad")).toBe("kept");
    expect(readFileSync(file, "utf8").trim()).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/REPORTS_ENCRYPTION_KEY is not set/);
  });

  it("PostgreSQL without REPORTS_ENCRYPTION_KEY: no key, so filing is refused; a configured key always wins", () => {
    expect(loadKeyring({ DATA_DIR: "/nonexistent" }, "postgres").available).toBe(false);
    const configured = loadKeyring({ DATA_DIR: "/nonexistent", REPORTS_ENCRYPTION_KEY: KEY_B, REPORTS_ENCRYPTION_PREVIOUS_KEYS: ` ${KEY_A} ` }, "postgres");
    expect(configured.currentId).toBe(createKeyring(KEY_B).currentId);
    expect(configured.ids).toEqual([createKeyring(KEY_B).currentId, createKeyring(KEY_A).currentId]);
  });
});
