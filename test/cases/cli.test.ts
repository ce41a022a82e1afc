// Drives `npx conduct audit verify`, `export cases` and `keys rotate` as an operator would: child
// processes on a real database (DATA_DIR on disk, or a PostgreSQL schema under TEST_DATABASE_URL).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../../src/core/clock.ts";
import { createCaseService } from "../../src/core/cases/index.ts";
import { createKeyring } from "../../src/core/crypto/keyring.ts";
import { openDatabase, type Database } from "../../src/store/db.ts";
import { TEST_DATABASE_URL } from "../support/db.ts";
import { exampleDirectory, KEY_A, KEY_B, report } from "./support.ts";

const root = new URL("../..", import.meta.url).pathname;

function withSchema(base: string, schema: string): string {
  const url = new URL(base);
  url.searchParams.set("schema", schema);
  return url.toString();
}

function conduct(args: string[], env: Record<string, string>) {
  const child = spawn("npx", ["--no-install", "conduct", ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "error", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) =>
    child.on("close", (code) => done({ code, stdout, stderr: stderr.replace(/^npm warn .*\n/gm, "") })),
  );
}

// Each run starts npx, tsx and the database: slow on a busy machine.
describe("conduct audit / export cases / keys rotate", { timeout: 240_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), "conduct-cases-"));
  const schema = `t_cli_${Date.now().toString(36)}`;
  const url = TEST_DATABASE_URL ? withSchema(TEST_DATABASE_URL, schema) : undefined;
  const env: Record<string, string> = url ? { DATABASE_URL: url } : { DATA_DIR: dataDir };
  const open = (): Promise<Database> => openDatabase(url ? { url } : { dataDir });
  let caseNumber = "";

  beforeAll(async () => {
    const db = await open();
    try {
      const clock = manualClock("2026-03-02T09:00:00Z");
      const cases = createCaseService({ prisma: db.prisma, directory: await exampleDirectory(db), clock, keyring: createKeyring(KEY_A), logger: { info() {}, warn() {} }, retentionDays: 1095 });
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

  it("verifies the audit chain, and exits 1 naming the entry once one was edited", async () => {
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
