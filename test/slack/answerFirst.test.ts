// Mentions, DM thread replies and empty messages are answered before Slack is told they arrived,
// as DM questions are (postedOnce.test.ts): through the HTTP endpoint, against the fake Slack. The
// reply is in the outbox when the 200 goes out, the worker posts what the first attempt could not,
// and a post an earlier attempt made (a replica that died before marking it sent) is not made again.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshDatabase } from "../support/db.ts";
import { appMention, imMessage, newTs } from "../support/slack.ts";
import { dm, postsTo, startCompany, texts, type Company } from "./company.ts";

const GIFT = "Can I accept concert tickets from a supplier?";
const HARASSMENT = "My manager keeps making sexual comments to a colleague, this is harassment";

describe("Slack replies written before the acknowledgement", () => {
  let h: Company;
  beforeAll(async () => (await freshDatabase()).close());
  beforeEach(async () => void (h = await startCompany()));
  afterEach(async () => h?.close());

  const prisma = () => h.app.db.prisma;
  const answerRow = () => prisma().outboxMessage.findFirstOrThrow({ where: { kind: "slack.answer" } });
  /** The answer row once its first attempt has marked it (the posts arrive just before). */
  const sentRow = async () => {
    for (let i = 0; i < 100 && (await answerRow()).status !== "sent"; i++) await new Promise((r) => setTimeout(r, 20));
    return answerRow();
  };
  const ok = (calls: ReturnType<typeof postsTo>) => calls.filter((c) => c.result?.ok);
  /** As a replica that posted and died before marking the row sent: pending again, lease over, its payload back. */
  const asIfDiedAfterPosting = async (id: string, payload: unknown) => {
    await prisma().outboxMessage.update({ where: { id }, data: { status: "pending", sentAt: null, lockedUntil: null, payload: payload as object } });
    h.clock.advance(20_000);
    await h.app.worker.tick();
  };

  it("has an @mention's answer in the outbox before the 200, posts it in the thread from the worker when the first post fails, and once", async () => {
    h.slack.failNext("chat.postMessage", { status: 500 });
    const ts = newTs();
    const mention = appMention("U0ALEX", "C0GENERAL", GIFT, ts);
    expect((await h.sendEvent(mention, { eventId: "Ev0MENTION" })).status).toBe(200);
    const row = await answerRow();
    expect(row).toMatchObject({ status: "pending", attempts: 1, recipientId: "slack:conversation" });
    await h.slack.waitFor("chat.postMessage"); // the first attempt, refused
    for (let i = 0; i < 100 && (await prisma().outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).lockedUntil; i++) await new Promise((r) => setTimeout(r, 50));
    expect(ok(postsTo(h, "C0GENERAL"))).toHaveLength(0);

    h.clock.advance(5_000);
    await h.app.worker.tick();
    const answers = ok(postsTo(h, "C0GENERAL"));
    expect(answers).toHaveLength(1);
    expect(answers[0]!.args).toMatchObject({ channel: "C0GENERAL", thread_ts: ts, metadata: { event_type: "conduct_outbox", event_payload: { outbox_id: row.id } } });
    expect(texts(answers[0]!)).toContain(`You asked: ${GIFT}`);
    // The second attempt looked in the thread first (nothing there yet).
    expect(h.slack.callsTo("conversations.replies").at(-1)!.args).toMatchObject({ channel: "C0GENERAL", ts, include_all_metadata: "true" });
    expect(await prisma().outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent", payload: {} });

    // Slack's retry of the delivery: nothing more.
    expect((await h.sendEvent(mention, { eventId: "Ev0MENTION" })).status).toBe(200);
    await h.slack.settle();
    expect(ok(postsTo(h, "C0GENERAL"))).toHaveLength(1);
    expect(await prisma().outboxMessage.count({ where: { kind: "slack.answer" } })).toBe(1);
  });

  it("a mention to be reported: the pointer in the thread and the answer in the DM, each posted once across a crash", async () => {
    const ts = newTs();
    expect((await h.sendEvent(appMention("U0ALEX", "C0GENERAL", HARASSMENT, ts))).status).toBe(200);
    await h.slack.waitFor("chat.postMessage", { count: 2 });
    const row = await sentRow();
    expect(row.status).toBe("sent");
    const [inThread, inDm] = [postsTo(h, "C0GENERAL"), postsTo(h, dm("U0ALEX"))];
    expect(inThread).toHaveLength(1);
    expect(inThread[0]!.args).toMatchObject({ thread_ts: ts, metadata: { event_payload: { outbox_id: row.id } } });
    expect(texts(inThread[0]!)).not.toMatch(/harass|manager|colleague|report/i);
    expect(inDm).toHaveLength(1);
    expect(inDm[0]!.args.metadata).toEqual({ event_type: "conduct_outbox", event_payload: { outbox_id: `${row.id}:1` } });
    expect(texts(inDm[0]!)).toContain("This should be reported");

    const message = (c: (typeof inDm)[number]) => ({ text: c.args.text, blocks: c.args.blocks });
    await asIfDiedAfterPosting(row.id, {
      posts: [
        { channel: "C0GENERAL", thread_ts: ts, message: message(inThread[0]!) },
        { dmTo: "U0ALEX", message: message(inDm[0]!) },
      ],
      forgetOnSent: true,
    });
    expect(postsTo(h, "C0GENERAL")).toHaveLength(1);
    expect(postsTo(h, dm("U0ALEX"))).toHaveLength(1);
    expect(await prisma().outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("answers a question typed in a DM thread in that thread, before the 200, and not again after a crash", async () => {
    const parent = newTs();
    expect((await h.sendEvent(imMessage("U0DANA", GIFT, newTs(), { thread_ts: parent }))).status).toBe(200);
    // Asked before the claim: is the thread a case's? (No: a thread of the person's own message.)
    expect(h.slack.callsTo("conversations.replies")[0]!.args).toMatchObject({ channel: dm("U0DANA"), ts: parent });
    await h.slack.waitFor("chat.postMessage");
    const row = await sentRow();
    const answer = postsTo(h, dm("U0DANA"));
    expect(answer).toHaveLength(1);
    expect(answer[0]!.args).toMatchObject({ thread_ts: parent, metadata: { event_payload: { outbox_id: row.id } } });

    await asIfDiedAfterPosting(row.id, { posts: [{ channel: dm("U0DANA"), thread_ts: parent, message: { text: answer[0]!.args.text, blocks: answer[0]!.args.blocks } }], forgetOnSent: true });
    expect(postsTo(h, dm("U0DANA"))).toHaveLength(1);
    expect(await prisma().outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("answers an empty mention with the help message through the outbox", async () => {
    const ts = newTs();
    expect((await h.sendEvent(appMention("U0ALEX", "C0GENERAL", "", ts))).status).toBe(200);
    await h.slack.waitFor("chat.postMessage");
    const row = await sentRow();
    expect(row.status).toBe("sent");
    const help = postsTo(h, "C0GENERAL");
    expect(help).toHaveLength(1);
    expect(help[0]!.args.metadata).toEqual({ event_type: "conduct_outbox", event_payload: { outbox_id: row.id } });
    expect(help[0]!.args.thread_ts).toBe(ts);
    expect(texts(help[0]!)).toContain("/conduct");
  });
});
