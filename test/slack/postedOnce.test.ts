// What a replica dying at the worst moment would leave behind, replayed in one process: an answer
// acknowledged but not posted is posted by the outbox worker; a notice or answer posted but not
// marked sent is found in the DM (by its outbox id, or a reporter's by what it already says) and
// not posted again.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshDatabase } from "../support/db.ts";
import { imMessage } from "../support/slack.ts";
import { dm, postsTo, startCompany, texts, type Company } from "./company.ts";

const GIFT = "Can I accept concert tickets from a supplier?";
const REPORT = { what: "Cash was taken from the petty cash box. SECRET-DELIVERY", category: "company_property", mode: "confidential" };

describe("Slack posts from the outbox, once across a crash", () => {
  let h: Company;
  beforeAll(async () => (await freshDatabase()).close());
  beforeEach(async () => void (h = await startCompany()));
  afterEach(async () => h?.close());

  const prisma = () => h.app.db.prisma;

  it("has a DM question's answer in the outbox before the delivery is acknowledged, and the worker posts it if the first post failed", async () => {
    h.slack.failNext("chat.postMessage", { status: 500 });
    const question = imMessage("U0ALEX", GIFT);
    const res = await h.sendEvent(question, { eventId: "Ev0ASKED" });
    expect(res.status).toBe(200);
    // Written, claimed by this replica for its first attempt, when the 200 went out.
    const row = await prisma().outboxMessage.findFirstOrThrow({ where: { kind: "slack.answer" } });
    expect(row).toMatchObject({ status: "pending", attempts: 1, recipientId: "slack:conversation" });
    await h.slack.waitFor("chat.postMessage"); // the first attempt, refused
    for (let i = 0; i < 100 && (await prisma().outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).lockedUntil; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await prisma().outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "pending", lockedUntil: null, lastError: "RetryLater: Slack HTTP 500" });
    expect(postsTo(h, dm("U0ALEX")).filter((c) => c.result?.ok)).toHaveLength(0);

    h.clock.advance(5_000);
    await h.app.worker.tick();
    const answers = postsTo(h, dm("U0ALEX")).filter((c) => c.result?.ok);
    expect(answers).toHaveLength(1);
    expect(texts(answers[0]!)).toContain(`You asked: ${GIFT}`);
    expect(answers[0]!.args.metadata).toEqual({ event_type: "conduct_outbox", event_payload: { outbox_id: row.id } });
    // Sent, and the row no longer holds the question (the message echoes it).
    expect(await prisma().outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent", payload: {} });

    // Slack's retry of the same delivery, after the answer: nothing more.
    expect((await h.sendEvent(question, { eventId: "Ev0ASKED" })).status).toBe(200);
    await h.slack.settle();
    expect(postsTo(h, dm("U0ALEX")).filter((c) => c.result?.ok)).toHaveLength(1);
    expect(await prisma().outboxMessage.count({ where: { kind: "slack.answer" } })).toBe(1);
  });

  it("does not post an answer again that an earlier attempt posted before its replica died", async () => {
    await h.sendEvent(imMessage("U0DANA", GIFT));
    await h.slack.waitFor("chat.postMessage");
    const row = await prisma().outboxMessage.findFirstOrThrow({ where: { kind: "slack.answer" } });
    expect(row.status).toBe("sent");
    // As a replica that posted and died before marking it: pending, its payload still there, lease over.
    const posted = postsTo(h, dm("U0DANA"))[0]!;
    await prisma().outboxMessage.update({
      where: { id: row.id },
      data: { status: "pending", sentAt: null, lockedUntil: null, payload: { channel: dm("U0DANA"), message: { text: posted.args.text, blocks: posted.args.blocks }, forgetOnSent: true } },
    });
    h.clock.advance(20_000);
    await h.app.worker.tick();
    expect(postsTo(h, dm("U0DANA"))).toHaveLength(1);
    expect(h.slack.callsTo("conversations.history").at(-1)!.args).toMatchObject({ channel: dm("U0DANA"), include_all_metadata: "true" });
    expect(await prisma().outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("does not post a handler notice again that an earlier attempt posted, and keeps the case thread's metadata", async () => {
    expect((await h.app.cases.fileReport("alex", REPORT)).ok).toBe(true);
    await h.app.worker.tick();
    const notices = () => postsTo(h, dm("U0PRIYA"));
    expect(notices()).toHaveLength(1);
    const row = await prisma().outboxMessage.findFirstOrThrow({ where: { recipientId: "priya" } });
    const metadata = notices()[0]!.args.metadata as { event_type: string; event_payload: Record<string, unknown> };
    expect(metadata.event_payload).toMatchObject({ case: "C-2026-0001", outbox_id: row.id });
    // The reporter's receipt carries no outbox id (their DMs say nothing more than they must).
    const receipt = postsTo(h, dm("U0ALEX"))[0]!;
    expect(JSON.stringify(receipt.args.metadata ?? {})).not.toContain("outbox_id");

    await prisma().outboxMessage.update({ where: { id: row.id }, data: { status: "pending", sentAt: null, lockedUntil: null } });
    h.clock.advance(61_000);
    await h.app.worker.tick();
    expect(notices()).toHaveLength(1);
    expect(await prisma().outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent", attempts: 2 });
  });
  /** As a replica that posted a notification and died before marking it sent: pending again, its lease over, then the next worker pass. */
  const diedAfterPosting = async (id: string) => {
    await prisma().outboxMessage.update({ where: { id }, data: { status: "pending", sentAt: null, lockedUntil: null } });
    h.clock.advance(61_000);
    await h.app.worker.tick();
  };

  it("does not post an approval request again that an earlier attempt posted: it carries its outbox id", async () => {
    const requested = await h.app.approvals.request({ requesterId: "alex", topicId: "gifts", summary: "A bottle of wine from a supplier", details: { amount: 40, currency: "USD", giver: "Vineyard Ltd" } });
    expect(requested.kind).toBe("created");
    await h.app.worker.tick();
    const cards = () => postsTo(h, dm("U0HELEN"));
    expect(cards()).toHaveLength(1);
    const row = await prisma().outboxMessage.findFirstOrThrow({ where: { recipientId: "helen", kind: "approval.requested" } });
    expect(cards()[0]!.args.metadata).toEqual({ event_type: "conduct_outbox", event_payload: { outbox_id: row.id } });

    await diedAfterPosting(row.id);
    expect(cards()).toHaveLength(1);
    expect(h.slack.callsTo("conversations.history").at(-1)!.args).toMatchObject({ channel: dm("U0HELEN"), include_all_metadata: "true" });
    expect(await prisma().outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("does not post a confidential reporter's receipt again, found by its case and words, and adds no outbox id to it", async () => {
    expect((await h.app.cases.fileReport("alex", REPORT)).ok).toBe(true);
    await h.app.worker.tick();
    const receipts = () => postsTo(h, dm("U0ALEX"));
    expect(receipts()).toHaveLength(1);
    const row = await prisma().outboxMessage.findFirstOrThrow({ where: { kind: "case.reporter.filed" } });
    await diedAfterPosting(row.id);
    expect(receipts()).toHaveLength(1);
    expect(JSON.stringify(receipts()[0]!.args.metadata ?? {})).not.toContain("outbox_id");
    expect(await prisma().outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent", attempts: 2 });

    // A receipt no attempt posted yet is posted on the second attempt (the check does not swallow it).
    const second = await h.app.cases.fileReport("alex", { ...REPORT, what: "The petty cash box was emptied again. SECRET-DELIVERY-2" });
    expect(second.ok).toBe(true);
    h.slack.failNext("chat.postMessage", { status: 500 });
    await h.app.worker.tick();
    h.clock.advance(61_000);
    await h.app.worker.tick();
    expect(receipts().filter((c) => c.result?.ok)).toHaveLength(2);
  });

  it("does not post an anonymous reporter's private update again: its Open button names the outbox row", async () => {
    expect((await h.app.cases.fileReport("alex", { ...REPORT, mode: "anonymous" })).ok).toBe(true);
    await h.app.worker.tick();
    const updates = () => postsTo(h, dm("U0ALEX"));
    const row = await prisma().outboxMessage.findFirstOrThrow({ where: { kind: { startsWith: "case.reporter." } } });
    expect(updates()).toHaveLength(1);
    expect(updates()[0]!.args.metadata).toBeUndefined();
    expect(JSON.stringify(updates()[0]!.args.blocks)).toContain(row.id);
    await diedAfterPosting(row.id);
    expect(updates()).toHaveLength(1);
    expect(await prisma().outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent", attempts: 2 });
  });
});
