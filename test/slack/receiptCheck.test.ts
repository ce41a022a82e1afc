// Issue 14 item 11 in Slack: App Home's "Check a receipt" opens a form whose answer is only valid
// or not; the anonymous reporter's own View (App Home) shows the same full code as the filed form.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshDatabase } from "../support/db.ts";
import { typed } from "../support/slack.ts";
import { openHome } from "./approvalSupport.ts";
import { clickInView, fileThroughSlack, nextModal, nextUpdate, startCompany, submit, type Company } from "./company.ts";

const ALEX = "U0ALEX";
const KIM = "U0KIM";

describe("Check a receipt in Slack", () => {
  let h: Company;
  beforeAll(async () => (await freshDatabase()).close());
  beforeEach(async () => void (h = await startCompany()));
  afterEach(async () => h?.close());

  it("anyone checks a case number and code from App Home: only valid or not comes back", async () => {
    const filed = await fileThroughSlack(h, ALEX);
    const row = await h.app.db.prisma.reportCase.findFirstOrThrow();
    expect(JSON.stringify(filed.filed)).toContain(`\`${row.receiptDigest}\``); // the full code, as on every surface

    const check = async (user: string, caseNumber: string, code: string) => {
      const home = await openHome(h, user);
      const before = h.slack.callsTo("views.open").length;
      await clickInView(h, user, home, "V0HOME", "receipt.check", "home");
      const form = await nextModal(h, before);
      expect(form.callback_id).toBe("receipt.check_form");
      return (await submit(h, user, form, { case: typed(caseNumber), code: typed(code) })).body;
    };
    const valid = await check(KIM, row.number, row.receiptDigest);
    expect(valid.response_action).toBe("update");
    expect(JSON.stringify(valid.view)).toContain("Valid: this receipt is the one the bot issued");
    const wrongCase = await check(KIM, "C-2026-0077", row.receiptDigest);
    const wrongCode = await check(KIM, row.number, `${row.receiptDigest.slice(0, -4)}0000`);
    expect(wrongCase).toEqual(wrongCode);
    expect(JSON.stringify(wrongCase)).toContain("Not valid");
    for (const answer of [valid, wrongCase]) expect(JSON.stringify(answer)).not.toMatch(/SECRET|harassment|Alex/);
    expect(await h.app.db.prisma.auditEntry.count({ where: { action: "case.receipt_checked" } })).toBe(3);

    // The reporter's View from App Home shows the code too.
    const home = await openHome(h, ALEX);
    const updates = h.slack.callsTo("views.update").length;
    await clickInView(h, ALEX, home, "V0HOME", "case.reporter_view", "home");
    expect(JSON.stringify(await nextUpdate(h, updates))).toContain(row.receiptDigest);
  });
});
