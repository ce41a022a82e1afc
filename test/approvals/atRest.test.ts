// Approval requests as a DBA sees them: what is asked, its details and the people named are
// sealed; the service, the register and a key rotation still read them.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { rotateAllKeys } from "../../src/compose.ts";
import { createKeyring } from "../../src/core/crypto/keyring.ts";
import { createApprovalStore } from "../../src/store/approvals.ts";
import { APPROVALS_KEY, AUDIT_KEYS, gift, harness, warmUp, type Harness } from "./support.ts";

const SECRETS = ["SECRET-SUMMARY-5521", "SECRET-GIVER-5522"];

async function tableText(h: Harness, table: string): Promise<string> {
  const rows = await h.db.prisma.$queryRawUnsafe<Array<{ row: string }>>(`SELECT row_to_json(t)::text AS row FROM "${table}" t`);
  return rows.map((r) => r.row).join("\n");
}

describe("approval requests at rest", () => {
  let h: Harness;
  beforeAll(warmUp, 120_000);
  afterEach(async () => h?.close());

  it("seal the summary, the details and the people named; views, the register and a rotation keep working", async () => {
    h = await harness();
    const view = await h.request(gift("kim", { summary: "SECRET-SUMMARY-5521", details: { amount: 450, currency: "USD", giver: "SECRET-GIVER-5522" }, involvedIds: ["taylor"] }));
    for (const table of ["approval_request", "approval_stage", "approval_seat", "audit_entry", "outbox_message", "job"]) {
      const text = await tableText(h, table);
      // Not yet sealed: a notification waiting in the outbox carries the one-line summary to its approver.
      for (const secret of table === "outbox_message" ? SECRETS.slice(1) : SECRETS) expect({ table, secret, leaks: text.includes(secret) }).toEqual({ table, secret, leaks: false });
      expect({ table, named: text.includes("taylor") }).toEqual({ table, named: false });
    }
    const row = await h.db.prisma.approvalRequest.findFirstOrThrow();
    expect(row).toMatchObject({ summary: null, details: null, involvedIds: null });
    const keyId = createKeyring(APPROVALS_KEY).currentId;
    expect(row.content).toMatch(new RegExp(`^v1\\.${keyId}\\.`));

    expect((await h.approvals.get(view.id, "kim"))?.summary).toBe("SECRET-SUMMARY-5521");
    expect(JSON.stringify(await h.approvals.register({}))).toContain("SECRET-GIVER-5522");

    // A request stored in the clear before sealing, then `conduct keys rotate` under a new key.
    await h.db.prisma.approvalRequest.update({ where: { id: view.id }, data: { content: null, summary: "SECRET-SUMMARY-5521", details: { giver: "SECRET-GIVER-5522" }, involvedIds: ["taylor"] } });
    expect((await h.approvals.get(view.id, "kim"))?.summary).toBe("SECRET-SUMMARY-5521");
    const newKey = Buffer.alloc(32, 0x4b).toString("base64");
    const rotated = createKeyring(newKey, [APPROVALS_KEY]);
    expect(await rotateAllKeys(h.db.prisma, rotated, h.clock)).toMatchObject({ approvalsChecked: 1, approvalsRewritten: 1 });
    expect(await rotateAllKeys(h.db.prisma, rotated, h.clock)).toMatchObject({ approvalsChecked: 1, approvalsRewritten: 0 });
    const after = await h.db.prisma.approvalRequest.findFirstOrThrow();
    expect(after).toMatchObject({ summary: null, details: null, involvedIds: null });
    expect(after.content).toMatch(new RegExp(`^v1\\.${rotated.currentId}\\.`));
    const onlyNew = createApprovalStore(h.db.prisma, h.clock, createKeyring(newKey), AUDIT_KEYS);
    expect((await onlyNew.load(view.id))?.request).toMatchObject({ summary: "SECRET-SUMMARY-5521", details: { giver: "SECRET-GIVER-5522" }, involvedIds: ["taylor"] });
  });
});
