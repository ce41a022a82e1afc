// Drives `conduct audit verify`, `export cases` and `keys rotate` as an operator would: child
// processes on a real database (DATA_DIR on disk, or a PostgreSQL schema under TEST_DATABASE_URL).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../../src/core/clock.ts";
import { composeCases } from "../../src/compose.ts";
import { createKeyring } from "../../src/core/crypto/keyring.ts";
import { hashOf } from "../../src/store/audit.ts";
import { openDatabase, type Database } from "../../src/store/db.ts";
import { CONDUCT, run } from "../support/cli.ts";
import { TEST_DATABASE_URL } from "../support/db.ts";
import { exampleDirectory, KEY_A, KEY_B, report } from "./support.ts";

function withSchema(base: string, schema: string): string {
  const url = new URL(base);
  url.searchParams.set("schema", schema);
  return url.toString();
}

const conduct = (args: string[], env: Record<string, string>) => run([...CONDUCT, ...args], { LOG_LEVEL: "error", ...env });

// Each run starts the compiled CLI and opens the database: slow on a busy machine.
describe("conduct audit / export cases / keys rotate", { timeout: 240_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), "conduct-cases-"));
  const schema = `t_cli_${Date.now().toString(36)}`;
  const url = TEST_DATABASE_URL ? withSchema(TEST_DATABASE_URL, schema) : undefined;
  let env: Record<string, string> = url ? { DATABASE_URL: url } : { DATA_DIR: dataDir };
  const open = (): Promise<Database> => openDatabase(url ? { url } : { dataDir });
  let caseNumber = "";

  beforeAll(async () => {
    const db = await open();
    try {
      const clock = manualClock("2026-03-02T09:00:00Z");
      const cases = composeCases(db.prisma, { directory: await exampleDirectory(db), clock, keyring: createKeyring(KEY_A), logger: { info() {}, warn() {} }, retentionDays: 1095 }).service;
      const filed = await cases.fileReport("kim", report({ mode: "anonymous" }));
      if (!filed.ok) throw new Error("not filed");
      caseNumber = filed.caseNumber;
      await cases.acknowledge("priya", caseNumber);
      await cases.messageReporter("priya", caseNumber, "Thanks.");
    } finally {
      await db.close();
    }
  }, 180_000);

  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (TEST_DATABASE_URL) {
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    }
  });

  it("exports the case register as JSON and CSV, without identities or content", async () => {
    const json = await conduct(["export", "cases", "--format", "json"], env);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ number: caseNumber, category: "harassment_discrimination", status: "acknowledged", acknowledgedInTime: "yes" })]);
    expect(json.stdout).not.toMatch(/kim|priya|SECRET/);
    const csv = await conduct(["export", "cases"], env);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split("\n")[0]).toMatch(/^number,category,section,/);
    expect(csv.stdout.split("\n")[1]).toMatch(new RegExp(`^${caseNumber},harassment_discrimination,8,anonymous,`));
    const bad = await conduct(["export", "cases", "--format", "xml"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("usage: conduct export cases");
  });

  it("re-encrypts every report under the new key", async () => {
    const rotated = await conduct(["keys", "rotate"], { ...env, REPORTS_ENCRYPTION_KEY: KEY_B, REPORTS_ENCRYPTION_PREVIOUS_KEYS: KEY_A });
    expect(rotated).toMatchObject({ code: 0, stdout: `key ${createKeyring(KEY_B).currentId}: 1 cases checked, 1 re-encrypted (1 messages)\napproval requests: 0 checked, 0 re-encrypted\n` });
    const db = await open();
    try {
      const row = await db.prisma.reportCase.findFirstOrThrow();
      expect(row.content!.split(".")[1]).toBe(createKeyring(KEY_B).currentId);
      expect(row.reporterLink!.split(".")[1]).toBe(createKeyring(KEY_B).currentId);
    } finally {
      await db.close();
    }
  });

  it("prints the signed head; verify detects a deleted entry with the chain recomputed, and with --head a truncated log", async () => {
    const keys = { ...env, REPORTS_ENCRYPTION_KEY: KEY_B, REPORTS_ENCRYPTION_PREVIOUS_KEYS: KEY_A };
    const printed = await conduct(["audit", "head"], keys);
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stdout).toMatch(/^\d+:[0-9a-f]{8}:[0-9a-f]{64}\n$/);
    const head = printed.stdout.trim();
    const last = Number(head.split(":")[0]);
    const withHead = await conduct(["audit", "verify", "--head", head], keys);
    expect(withHead).toMatchObject({ code: 0, stdout: `${last} audit entries checked, against the kept head ${last}\nno problems: the chain is intact\n` });

    // A DBA (no key) keeps a copy, then cuts the newest entry: the rest is a valid chain, but not the kept one.
    const dba = async (work: (db: Database) => Promise<unknown>) => {
      const db = await open();
      try {
        await work(db);
      } finally {
        await db.close();
      }
    };
    await dba((db) => db.prisma.$executeRawUnsafe(`CREATE TABLE audit_copy AS SELECT * FROM audit_entry`));
    await dba((db) => db.prisma.$executeRawUnsafe(`DELETE FROM audit_entry WHERE seq = ${last}`));
    expect((await conduct(["audit", "verify"], keys)).code).toBe(0);
    const truncated = await conduct(["audit", "verify", "--head", head], keys);
    expect(truncated.code).toBe(1);
    expect(truncated.stdout).toContain(`entry ${last}: the kept head is gone: the log was cut short\n1 problem: the audit log was altered\n`);

    // Then deletes an entry in the middle and recomputes every later hash and link (SHA-256 is public).
    await dba(async (db) => {
      await db.prisma.$executeRawUnsafe(`DELETE FROM audit_entry WHERE seq = 2`);
      await db.prisma.$executeRawUnsafe(`UPDATE audit_entry SET seq = seq - 1 WHERE seq > 2`);
      let prevHash = (await db.prisma.auditEntry.findUniqueOrThrow({ where: { seq: 1 } })).hash;
      for (const e of await db.prisma.auditEntry.findMany({ where: { seq: { gte: 2 } }, orderBy: { seq: "asc" } })) {
        const hash = hashOf({ ...e, prevHash });
        await db.prisma.auditEntry.update({ where: { seq: e.seq }, data: { prevHash, hash } });
        prevHash = hash;
      }
    });
    const rechained = await conduct(["audit", "verify"], keys);
    expect(rechained.code).toBe(1);
    expect(rechained.stdout).toContain("entry 2: MAC does not match (rewritten or re-chained without the audit key)\n");

    await dba(async (db) => {
      await db.prisma.$executeRawUnsafe(`DELETE FROM audit_entry`);
      await db.prisma.$executeRawUnsafe(`INSERT INTO audit_entry SELECT * FROM audit_copy`);
      await db.prisma.$executeRawUnsafe(`DROP TABLE audit_copy`);
    });
  });

  it("verifies the audit chain, and exits 1 naming the entry once one was edited", async () => {
    // The entries are sealed under the report keys (KEY_A when filed, KEY_B since the rotation).
    env = { ...env, REPORTS_ENCRYPTION_KEY: KEY_B, REPORTS_ENCRYPTION_PREVIOUS_KEYS: KEY_A };
    const intact = await conduct(["audit", "verify"], env);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/^\d+ audit entries checked\nno problems: the chain is intact\n$/);
    const db = await open();
    try {
      await db.prisma.$executeRawUnsafe(`UPDATE audit_entry SET actor = 'system' WHERE action = 'case.status_changed'`);
    } finally {
      await db.close();
    }
    const tampered = await conduct(["audit", "verify"], env);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toMatch(/entry \d+: edited\n1 problem: the audit log was altered\n$/);
  });
});
