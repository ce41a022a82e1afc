import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { registerCsv } from "../../src/core/approvals/registers.ts";
import type { RegisterEntry } from "../../src/core/approvals/registers.ts";
import { openDatabase } from "../../src/store/db.ts";
import { CONDUCT } from "../support/cli.ts";
import { APPROVALS_KEY, gift, harness, memoryHarness, recorded, warmUp, type Harness, type MemoryHarness } from "./support.ts";

// The registers on the in-memory port; the export command on the embedded database.
let h: Harness | MemoryHarness;
beforeAll(warmUp, 120_000);
afterEach(async () => h?.close());
const HOUR = 3_600_000;
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** A gift approved with a condition (one vote by a delegate), a declined gift, a conflict, an outside role, a waiver and an unregistered request. */
async function fill(h: Harness | MemoryHarness) {
  await h.approvals.setDelegate("victor", "samira");
  const dinner = await h.request(gift("kim", { summary: 'Dinner at "Le Bernardin", with partners' }));
  h.clock.advance(HOUR);
  recorded(await h.approvals.decide("helen", dinner.id, { action: "approve", stage: 0, conditions: "Report it to your supervisor" }));
  h.clock.advance(HOUR);
  recorded(await h.approvals.decide("samira", dinner.id, { action: "approve", stage: 0, expiresOn: "2026-06-30" }));
  const watch = await h.request(gift("alex", { summary: "A watch", details: { amount: 1200, currency: "EUR", giver: "=HYPERLINK(\"http://x\")" } }));
  recorded(await h.approvals.decide("helen", watch.id, { action: "decline", stage: 0, reason: "Significant value" }));
  h.clock.advance(HOUR);
  recorded(await h.approvals.decide("grace", watch.id, { action: "decline", stage: 0, reason: "Same" }));
  await h.request({ requesterId: "rosa", topicId: "financial_interest", summary: "Shares in a lubricant supplier", details: { organisation: "SlickCo", amount: 20000 } });
  await h.request({ requesterId: "lee", topicId: "outside_role", summary: "Treasurer of a supplier's foundation", details: { organisation: "Acme Foundation", position: "treasurer", date: "2026-03-01" } });
  const waiver = await h.request({ requesterId: "dana", clauseId: "16", summary: "Waiver to sit on a charity finance committee" });
  recorded(await h.approvals.decide("helen", waiver.id, { action: "approve", stage: 0 }));
  h.clock.advance(HOUR);
  recorded(await h.approvals.decide("grace", waiver.id, { action: "approve", stage: 0 }));
  await h.request({ requesterId: "kim", topicId: "company_property", summary: "Laptop for a course" });
  return { dinner, watch, waiver };
}

describe("registers", () => {
  it("keep gifts, conflicts of interest, outside roles and waivers, each with what it needs", async () => {
    h = await memoryHarness();
    const { dinner, waiver } = await fill(h);
    const gifts = await h.approvals.register({ register: "gifts" });
    expect(gifts.map((e) => [e.requester.id, e.status, e.amount, e.currency])).toEqual([
      ["kim", "approved", 450, "USD"],
      ["alex", "declined", 1200, "EUR"],
    ]);
    expect(gifts[0]).toMatchObject({
      reference: dinner.reference,
      giver: "Northwind Fuels",
      conditions: ["Report it to your supervisor"],
      expiresOn: "2026-06-30",
      decisions: [
        { approver: { name: "Helen Park" }, delegate: null, action: "approve" },
        { approver: { name: "Victor Alvarez" }, delegate: { name: "Samira Patel" }, action: "approve" },
      ],
    });
    expect((await h.approvals.register({ register: "conflicts" })).map((e) => [e.topicId, e.organisation])).toEqual([["financial_interest", "SlickCo"]]);
    expect((await h.approvals.register({ register: "outside_roles" })).map((e) => [e.organisation, e.position, e.date])).toEqual([["Acme Foundation", "treasurer", "2026-03-01"]]);
    expect(await h.approvals.register({ register: "waivers" })).toEqual([expect.objectContaining({ reference: waiver.reference, subject: { id: "dana", name: "Dana Reyes" }, inWriting: true, disclosureRequired: true, status: "approved" })]);
    expect((await h.approvals.register({ status: "approved" })).map((e) => e.register)).toEqual(["gifts", "waivers"]);
    expect(await h.approvals.register()).toHaveLength(6);
    // The flagged waiver's approval told corporate counsel and the ethics officer.
    expect((await h.outbox("approval.disclosure_required")).map((m) => m.recipientId).sort()).toEqual(["priya", "samira"]);
  });

  it("write CSV that quotes text and defuses spreadsheet formulas", async () => {
    h = await memoryHarness();
    await fill(h);
    const csv = registerCsv(await h.approvals.register({ register: "gifts" }));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "register,reference,status,topic,clause,requested_at,requester,requester_id,waiver_for,involved,summary,amount,currency,giver,organisation,position,date,end_date,decided_by,closed_at,conditions,expires_on,decline_reason,in_writing,disclosure_required",
    );
    expect(lines[1]).toContain(',"Dinner at ""Le Bernardin"", with partners",450,USD,Northwind Fuels,');
    expect(lines[1]).toContain("Helen Park (board: approve); Samira Patel for Victor Alvarez (board: approve)");
    expect(lines[2]).toContain("Helen Park (board: decline); Grace Liu (board: decline)");
    expect(lines[2]).toContain(`,"'=HYPERLINK(""http://x"")",`);
    expect(lines[2]).toContain(",Significant value; Same,");
    expect(lines).toHaveLength(4); // header, two entries, the final empty line
  });
});

describe("conduct export approvals", () => {
  const conduct = (args: string[], dataDir: string) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, REPORTS_ENCRYPTION_KEY: APPROVALS_KEY }; // the key the requests were sealed with
    delete env.DATABASE_URL;
    return spawnSync(CONDUCT[0]!, [...CONDUCT.slice(1), "export", ...args], { cwd: ROOT, env, encoding: "utf8", timeout: 120_000 });
  };

  it("writes a register as JSON to stdout and as CSV to a file, and explains bad options", async () => {
    const dir = mkdtempSync(join(tmpdir(), "conduct-export-"));
    try {
      h = await harness({ db: await openDatabase({ dataDir: join(dir, "db") }) });
      const { dinner } = await fill(h);
      await h.close();

      const json = conduct(["approvals", "--register", "gifts", "--format", "json"], join(dir, "db"));
      expect(json.stderr).toBe("");
      expect(json.status).toBe(0);
      const entries = JSON.parse(json.stdout) as RegisterEntry[];
      expect(entries.map((e) => [e.reference, e.register, e.status])).toEqual([
        [dinner.reference, "gifts", "approved"],
        [expect.stringMatching(/^AP-\d+$/), "gifts", "declined"],
      ]);

      const out = join(dir, "waivers.csv");
      const csv = conduct(["approvals", "--register", "waivers", "--out", out], join(dir, "db"));
      expect(csv.status).toBe(0);
      expect(csv.stderr).toMatch(/wrote 1 approval request to /);
      const lines = readFileSync(out, "utf8").trim().split("\r\n");
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatch(/^waivers,AP-\d+,approved,waiver_executive,16,.*,Dana Reyes,dana,Dana Reyes,.*,true,true$/);

      const bad = conduct(["approvals", "--register", "lunch"], join(dir, "db"));
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/--register must be one of gifts, conflicts, outside_roles, waivers/);
      expect(conduct(["nothing"], join(dir, "db")).status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
