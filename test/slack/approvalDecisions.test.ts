import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshDatabase } from "../support/db.ts";
import { typed } from "../support/slack.ts";
import { requestThroughSlack } from "./approvalSupport.ts";
import { buttonsOf, clickForModal, dm, postsTo, startCompany, submit, texts, type Company } from "./company.ts";

// Alex Romero (U0ALEX) reports to Lee Jordan (U0LEE): using company property privately needs his
// supervisor's approval (clause 5). Dana Reyes (U0DANA), an executive officer, can only be waived
// from the Code by the Board (Helen, Victor, Grace; majority) in writing, and the waiver must be
// disclosed promptly to the attorneys (Samira Patel) and the ethics officer (Priya Nair).
const ALEX = "U0ALEX";
const LEE = "U0LEE";
const DANA = "U0DANA";
const HELEN = "U0HELEN";
const VICTOR = "U0VICTOR";
const SAMIRA = "U0SAMIRA";
const PRIYA = "U0PRIYA";

describe("Approval decisions in Slack: decline, prompt disclosure", () => {
  let h: Company;
  beforeAll(async () => (await freshDatabase()).close());
  beforeEach(async () => void (h = await startCompany()));
  afterEach(async () => h?.close());

  it("declines through the modal: a reason is required, the requester is told why, the approver's message loses its buttons", async () => {
    expect((await requestThroughSlack(h, ALEX, "company_property", { summary: typed("Borrow the company van for a weekend move") })).body).toBeNull();
    expect(await h.app.worker.tick()).toMatchObject({ sent: 1 });
    const [request] = postsTo(h, dm(LEE));
    expect(texts(request!)).toContain("Alex Romero");
    expect(buttonsOf(request!.args.blocks).map((b) => b.text?.text)).toEqual(["Approve", "Decline", "Ask for info"]);

    const form = await clickForModal(h, LEE, request!, "approval.decline");
    expect(form).toMatchObject({ callback_id: "approval.decision_form", title: { text: "Decline" }, submit: { text: "Decline" } });
    const reasonInput = form.blocks.find((b: any) => b.block_id === "reason");
    expect(reasonInput).toMatchObject({ type: "input", optional: false, element: { type: "plain_text_input" } });

    // Only spaces: the field error comes back next to the reason, and nothing is decided.
    const empty = await submit(h, LEE, form, { reason: typed("   ") });
    expect(empty.body).toEqual({ response_action: "errors", errors: { reason: expect.stringMatching(/reason/i) } });
    expect(await h.app.db.prisma.approvalDecision.count()).toBe(0);
    expect((await h.app.db.prisma.approvalRequest.findFirstOrThrow()).status).toBe("pending");

    // The same modal (same view id) with a reason: declined.
    const reason = "Vans are for <!channel> company work only & never for moves";
    expect((await submit(h, LEE, form, { reason: typed(reason) }, { viewId: empty.viewId })).body).toBeNull();
    const stored = await h.app.db.prisma.approvalRequest.findFirstOrThrow();
    expect(stored.status).toBe("declined");
    expect(await h.app.db.prisma.approvalDecision.findFirstOrThrow()).toMatchObject({ approverId: "lee", actorId: "lee", action: "decline", reason });

    // Lee's DM is re-drawn: who declined, why, and no buttons.
    const [update] = await h.slack.waitFor("chat.update", { where: (c) => c.args.channel === dm(LEE) && c.args.ts === request!.result!.ts });
    expect(buttonsOf(update!.args.blocks)).toEqual([]);
    expect(texts(update!)).toContain("Declined* by Lee Jordan");

    // Alex gets a DM with the outcome and the reason, escaped (no ping, no markup).
    await h.app.worker.tick();
    const outcome = postsTo(h, dm(ALEX)).at(-1)!;
    expect(texts(outcome)).toMatch(/Your request AP-\d+ was declined/);
    expect(texts(outcome)).toContain("Vans are for &lt;!channel&gt; company work only &amp; never for moves");
    expect(texts(outcome)).not.toContain("<!channel>");
    expect(buttonsOf(outcome.args.blocks)).toEqual([]);
    // His own copy of the request no longer offers Withdraw.
    const copy = postsTo(h, dm(ALEX)).find((c) => texts(c).includes("Sent."))!;
    const copyUpdate = h.slack.callsTo("chat.update").filter((c) => c.args.channel === dm(ALEX) && c.args.ts === copy.result!.ts).at(-1)!;
    expect(buttonsOf(copyUpdate.args.blocks)).toEqual([]);
  });

  it("a Board waiver for an executive officer, once granted, is disclosed promptly to the attorneys and the ethics officer", async () => {
    const summary = "Waive the related-party rule for my brother's firm supplying toner";
    expect((await requestThroughSlack(h, DANA, "waiver_executive", { summary: typed(summary) })).body).toBeNull();
    const [request] = await h.app.db.prisma.approvalRequest.findMany();
    expect(request).toMatchObject({ topicId: "waiver_executive", requesterId: "dana", inWriting: true, disclosureRequired: true });

    expect(await h.app.worker.tick()).toMatchObject({ sent: 3 }); // the three Directors
    const helen = postsTo(h, dm(HELEN))[0]!;
    const victor = postsTo(h, dm(VICTOR))[0]!;
    expect(texts(helen)).toContain("decided in writing");
    expect(texts(helen)).toContain("promptly disclosed");
    // Nobody is told about a disclosure before the waiver is granted.
    expect(postsTo(h, dm(SAMIRA))).toEqual([]);
    expect(postsTo(h, dm(PRIYA))).toEqual([]);

    for (const [user, post] of [[HELEN, helen], [VICTOR, victor]] as const) {
      const form = await clickForModal(h, user, post, "approval.approve");
      expect((await submit(h, user, form, { conditions: typed(null) })).body).toBeNull();
    }
    expect((await h.app.db.prisma.approvalRequest.findFirstOrThrow()).status).toBe("approved");

    await h.app.worker.tick();
    for (const user of [SAMIRA, PRIYA]) {
      const [disclosure] = postsTo(h, dm(user));
      expect(disclosure, `disclosure DM to ${user}`).toBeDefined();
      expect(texts(disclosure!)).toContain("Prompt disclosure required");
      expect(texts(disclosure!)).toContain("waiver for Dana Reyes was granted (in writing)");
      expect(texts(disclosure!)).toContain(summary);
      expect(texts(disclosure!)).toMatch(/Approved\* by (Helen Park and Victor Alvarez|Victor Alvarez and Helen Park)/);
      expect(buttonsOf(disclosure!.args.blocks)).toEqual([]); // they are told, not asked
    }
    expect(texts(postsTo(h, dm(DANA)).at(-1)!)).toMatch(/Your request AP-\d+ was approved/);
    // Disclosed once each, even after another pass.
    await h.app.worker.tick();
    expect(postsTo(h, dm(SAMIRA))).toHaveLength(1);
    expect(postsTo(h, dm(PRIYA))).toHaveLength(1);
  });
});
