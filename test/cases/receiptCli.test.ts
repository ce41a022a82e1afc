// Issue 14 item 11: a receipt anyone can check. `conduct receipt verify CASE CODE` run as an
// operator would (a child process against an embedded database on disk), and the core's answer:
// valid or not, the same for a wrong case number and a wrong code, audited without who asked.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { composeCases } from "../../src/compose.ts";
import { systemClock } from "../../src/core/clock.ts";
import { generateKey } from "../../src/core/crypto/keyring.ts";
import { loadKeyring } from "../../src/core/crypto/loadKeyring.ts";
import { createDirectoryService } from "../../src/core/directory/service.ts";
import { openDatabase } from "../../src/store/db.ts";
import { createDirectoryRepository } from "../../src/store/directoryRepo.ts";
import { CONDUCT } from "../support/cli.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const KEY = generateKey();
const conduct = (dataDir: string, ...args: string[]) =>
  spawnSync(CONDUCT[0]!, [...CONDUCT.slice(1), "receipt", ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, REPORTS_ENCRYPTION_KEY: KEY },
    encoding: "utf8",
    timeout: 120_000,
  });

async function fileOne(dataDir: string) {
  const db = await openDatabase({ dataDir });
  const directory = createDirectoryService(createDirectoryRepository(db.prisma));
  await directory.importFile(join(ROOT, "directory.example.yaml"));
  const keyring = loadKeyring({ REPORTS_ENCRYPTION_KEY: KEY, DATA_DIR: dataDir }, "pglite");
  const logger = { info() {}, warn() {}, error() {} };
  const { service: cases } = composeCases(db.prisma, { directory, clock: systemClock, keyring, logger, retentionDays: 365 });
  const filed = await cases.fileReport("alex", { what: "Invoices booked twice. SECRET-RECEIPT", category: "accounting", mode: "anonymous" });
  if (!filed.ok) throw new Error("not filed");
  return { db, cases, receipt: filed.receipt };
}

describe("checking a receipt", () => {
  it("the core answers only valid or not: a wrong case number and a wrong code alike; each check is audited without who asked", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "conduct-receipt-"));
    const { db, cases, receipt } = await fileOne(dataDir);
    try {
      const { caseNumber, digest } = receipt;
      const wrongCode = `${digest.slice(0, -1)}${digest.endsWith("0") ? "1" : "0"}`;
      expect(await cases.checkReceipt("kim", caseNumber, digest, "slack")).toEqual({ ok: true, valid: true });
      expect(await cases.checkReceipt("kim", ` ${caseNumber.toLowerCase()} `, digest.toUpperCase(), "slack")).toEqual({ ok: true, valid: true }); // as typed
      const wrong = [
        await cases.checkReceipt("kim", caseNumber, wrongCode, "slack"),
        await cases.checkReceipt("kim", "C-2026-0099", digest, "slack"),
        await cases.checkReceipt("kim", "nonsense", "nonsense", "slack"),
      ];
      expect(wrong).toEqual([{ ok: true, valid: false }, { ok: true, valid: false }, { ok: true, valid: false }]);

      // Comparable work: the unknown case number recomputes a MAC as the known one does.
      const time = async (n: string, code: string) => {
        const start = process.hrtime.bigint();
        for (let i = 0; i < 20; i++) await cases.checkReceipt(null, n, code, "console");
        return Number(process.hrtime.bigint() - start) / 20;
      };
      await time(caseNumber, wrongCode); // warm up
      const [known, unknown] = [await time(caseNumber, wrongCode), await time("C-2026-0099", wrongCode)];
      expect(Math.max(known, unknown) / Math.min(known, unknown)).toBeLessThan(3);

      const audited = await db.prisma.auditEntry.findMany({ where: { action: "case.receipt_checked" }, orderBy: { seq: "asc" } });
      expect(audited.length).toBe(65);
      expect(new Set(audited.map((a) => a.actor))).toEqual(new Set(["receipt check"]));
      expect(JSON.stringify(audited)).not.toMatch(/alex|kim|SECRET/);
      expect(audited.slice(0, 3).map((a) => a.details)).toEqual([{ valid: true, via: "slack" }, { valid: true, via: "slack" }, { valid: false, via: "slack" }]);

      // Rate-limited like asking (20 a minute by default): the 21st check of one person is refused politely.
      for (let i = 0; i < 15; i++) await cases.checkReceipt("kim", caseNumber, digest, "slack");
      expect(await cases.checkReceipt("kim", caseNumber, digest, "slack")).toEqual({ ok: false, message: expect.stringContaining("Please wait a minute") });
      expect(await cases.checkReceipt("grace", caseNumber, digest, "slack")).toEqual({ ok: true, valid: true });
    } finally {
      await db.close();
    }
  }, 300_000);

  it("conduct receipt verify: exit 0 valid, 1 not valid (a clear message), 2 bad usage; --help has no side effects", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "conduct-receipt-"));
    const { db, receipt } = await fileOne(dataDir);
    await db.close();

    const valid = conduct(dataDir, "verify", receipt.caseNumber, receipt.digest);
    expect(valid).toMatchObject({ status: 0, stdout: expect.stringContaining("Valid") });
    expect(valid.stdout).not.toContain("SECRET");
    const invalid = conduct(dataDir, "verify", "C-2026-0042", receipt.digest);
    expect(invalid).toMatchObject({ status: 1, stderr: expect.stringContaining("Not valid: this case number and proof-of-filing code do not belong together") });
    expect(conduct(dataDir, "verify", receipt.caseNumber, "1a2b3c4d:00")).toMatchObject({ status: 1, stderr: invalid.stderr });
    for (const args of [[], ["verify"], ["verify", receipt.caseNumber], ["check", "a", "b"], ["verify", "a", "b", "c"]]) {
      const result = conduct(dataDir, ...args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr).toContain("usage: conduct receipt verify");
    }

    const fresh = mkdtempSync(join(tmpdir(), "conduct-receipt-help-"));
    const help = conduct(fresh, "verify", "--help");
    expect(help).toMatchObject({ status: 0, stdout: expect.stringContaining("usage: conduct receipt verify") });
    expect(readdirSync(fresh)).toEqual([]); // nothing opened or created

    const after = await openDatabase({ dataDir });
    expect(await after.prisma.auditEntry.count({ where: { action: "case.receipt_checked" } })).toBe(3);
    await after.close();
  }, 400_000);
});
