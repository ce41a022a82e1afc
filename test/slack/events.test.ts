import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BOT_USER_ID, type SlackCall } from "../support/fakeSlack.ts";
import { appMention, channelMessage, eventEnvelope, imMessage, newTs, postSigned } from "../support/slack.ts";
import { startSlackApp, type SlackHarness } from "../support/slackApp.ts";
import { storedEventKey } from "../../src/store/processedEvents.ts";
import { postKey } from "../../src/surfaces/slack/dedupe.ts";

const GIFT = "Can I accept a gift from a supplier who wants our business?";
const HARASSMENT = "My manager keeps making sexual comments to a colleague, this is harassment";

const texts = (call: SlackCall) => JSON.stringify(call.args.blocks ?? []) + String(call.args.text ?? "");
const actionIds = (call: SlackCall): string[] =>
  (call.args.blocks as Array<{ type: string; elements?: Array<{ action_id?: string }> }>)
    .filter((b) => b.type === "actions")
    .flatMap((b) => (b.elements ?? []).map((e) => e.action_id ?? ""));

describe("Slack events over HTTP", () => {
  let h: SlackHarness;
  beforeEach(async () => void (h = await startSlackApp()));
  afterEach(async () => h?.close());

  it("answers Slack's url_verification challenge", async () => {
    const res = await postSigned(h.app.url, JSON.stringify({ token: "Jhj5dZrVaK7ZwHHjRyZWjbDl", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", type: "url_verification" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
  });

  it("answers a direct message in the DM with the verdict, the quoted clause, who approves and the buttons", async () => {
    const res = await h.sendEvent(imMessage("U0ALEX", GIFT));
    expect(res.status).toBe(200);
    const [post] = await h.slack.waitFor("chat.postMessage");
    expect(post!.args.channel).toBe("D0ALEX");
    expect(post!.args.thread_ts).toBeUndefined();
    expect(post!.token).toMatch(/^xoxb-/);
    const blocks = post!.args.blocks as Array<{ type: string; text?: { text: string } }>;
    expect(blocks[0]).toMatchObject({ type: "header", text: { text: "📝 Allowed with prior approval" } });
    expect(texts(post!)).toContain("*3(c) · Conflicts of Interest*");
    expect(texts(post!)).toContain("*Who approves:* the Board of Directors");
    expect(actionIds(post!)).toEqual(["ask.request_approval", "ask.report_concern", "ask.ask_person", "ask.feedback_up", "ask.feedback_down"]);
    const approve = (blocks.at(-1) as unknown as { elements: Array<{ action_id: string; value: string }> }).elements[0]!;
    expect(approve).toMatchObject({ action_id: "ask.request_approval", value: "gifts" });
    expect(await h.app.db.prisma.processedEvent.count()).toBe(2); // the event id and the post
    const day = new Date().toISOString().slice(0, 10);
    expect(await h.app.db.prisma.askStat.findMany()).toEqual([{ day, clauseId: "3(c)", verdict: "needs_approval", count: 1 }]);
  });

  it("answers an @mention in the thread of the post", async () => {
    const ts = newTs();
    await h.sendEvent(appMention("U0ALEX", "C0GENERAL", GIFT, ts));
    const [post] = await h.slack.waitFor("chat.postMessage");
    expect(post!.args).toMatchObject({ channel: "C0GENERAL", thread_ts: ts });
    expect(texts(post!)).toContain("3(c)");
  });

  it("answers a mention inside an existing thread in that thread", async () => {
    const parent = newTs();
    await h.sendEvent(appMention("U0ALEX", "C0GENERAL", GIFT, newTs(), { thread_ts: parent }));
    const [post] = await h.slack.waitFor("chat.postMessage");
    expect(post!.args).toMatchObject({ channel: "C0GENERAL", thread_ts: parent });
  });

  it("never discusses a report in the channel: a note in the thread, the answer in the person's DM", async () => {
    const ts = newTs();
    await h.sendEvent(appMention("U0ALEX", "C0GENERAL", HARASSMENT, ts));
    const posts = await h.slack.waitFor("chat.postMessage", { count: 2 });
    const [inThread, inDm] = posts;
    expect(inThread!.args).toMatchObject({ channel: "C0GENERAL", thread_ts: ts });
    expect(texts(inThread!)).toContain("Let's take this to a private message");
    expect(texts(inThread!)).not.toMatch(/harass|manager|colleague|report/i);
    expect(inThread!.args.blocks).toHaveLength(1);
    expect(h.slack.callsTo("conversations.open")[0]!.args.users).toBe("U0ALEX");
    expect(inDm!.args.channel).toBe("D0ALEX");
    expect(inDm!.args.thread_ts).toBeUndefined();
    expect(texts(inDm!)).toContain("🚩 This should be reported");
    expect(actionIds(inDm!)).toContain("ask.report_concern");
  });

  it("does nothing twice for a retried delivery (same event_id, X-Slack-Retry-Num)", async () => {
    const event = imMessage("U0ALEX", GIFT);
    await h.sendEvent(event, { eventId: "Ev0RETRY01" });
    await h.slack.waitFor("chat.postMessage");
    const retry = await h.sendEvent(event, { eventId: "Ev0RETRY01", headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } });
    expect(retry.status).toBe(200);
    await h.sendEvent(event, { eventId: "Ev0RETRY01", headers: { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_timeout" } });
    await h.slack.settle();
    expect(h.slack.callsTo("chat.postMessage")).toHaveLength(1);
    expect((await h.app.db.prisma.askStat.findMany()).map((s) => s.count)).toEqual([1]);
  });

  it("answers a post once when it arrives both as app_mention and as message", async () => {
    const mention = appMention("U0ALEX", "C0GENERAL", GIFT);
    await Promise.all([h.sendEvent(mention), h.sendEvent(channelMessage(mention))]);
    await h.slack.waitFor("chat.postMessage");
    await h.slack.settle();
    expect(h.slack.callsTo("chat.postMessage")).toHaveLength(1);
    expect(await h.app.db.prisma.processedEvent.count({ where: { key: storedEventKey(h.app.db.prisma, postKey("C0GENERAL", String(mention.ts))) } })).toBe(1);
    expect(await h.app.db.prisma.processedEvent.count({ where: { key: { contains: "C0GENERAL" } } })).toBe(0); // stored as a keyed hash
  });

  it("answers a DM mention once when it arrives both as message.im and app_mention", async () => {
    const dm = imMessage("U0ALEX", `<@${BOT_USER_ID}> ${GIFT}`);
    await h.sendEvent({ ...dm, type: "app_mention" });
    await h.sendEvent(dm);
    await h.slack.waitFor("chat.postMessage");
    await h.slack.settle();
    expect(h.slack.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("escapes the echoed question so <!channel> or a disguised link cannot ping or mislead", async () => {
    await h.sendEvent(imMessage("U0ALEX", "<!channel> can I accept a gift &lt;b&gt; from <https://evil.example/x|https://intranet.example> ?"));
    const [post] = await h.slack.waitFor("chat.postMessage");
    const all = texts(post!);
    expect(all).not.toContain("<!channel>");
    expect(all).not.toContain("<https://evil.example");
    expect(all).not.toMatch(/<[^>]*>/); // no Slack markup anywhere, only escaped text
    const asked = (post!.args.blocks as Array<{ type: string; elements?: Array<{ text: string }> }>).find((b) => b.type === "context")!;
    expect(asked.elements![0]!.text).toBe("You asked: @channel can I accept a gift &lt;b&gt; from https://intranet.example (https://evil.example/x) ?");
  });

  it("ignores bot messages, edits and other subtypes", async () => {
    await h.sendEvent(imMessage("U0ALEX", GIFT, newTs(), { bot_id: "B0OTHER" }));
    await h.sendEvent({ ...imMessage("U0ALEX", GIFT), subtype: "message_changed" });
    await h.sendEvent(imMessage(BOT_USER_ID, GIFT));
    await h.sendEvent(imMessage("U0ALEX", "what about gifts?"));
    await h.slack.waitFor("chat.postMessage");
    await h.slack.settle();
    expect(h.slack.callsTo("chat.postMessage")).toHaveLength(1);
    expect(texts(h.slack.callsTo("chat.postMessage")[0]!)).toContain("what about gifts?");
  });

  it("answers an empty mention with help", async () => {
    await h.sendEvent(appMention("U0ALEX", "C0GENERAL", ""));
    const [post] = await h.slack.waitFor("chat.postMessage");
    expect(texts(post!)).toContain("/conduct help");
  });

  it("publishes the App Home when it is opened", async () => {
    await h.sendEvent({ type: "app_home_opened", user: "U0ALEX", channel: "D0ALEX", tab: "home", event_ts: newTs() });
    const [publish] = await h.slack.waitFor("views.publish");
    expect(publish!.args.user_id).toBe("U0ALEX");
    expect(publish!.args.view).toMatchObject({ type: "home" });
  });
});

describe("Slack request verification", () => {
  let h: SlackHarness;
  beforeEach(async () => void (h = await startSlackApp()));
  afterEach(async () => h?.close());

  it("rejects a bad signature with 401 and does nothing", async () => {
    const body = JSON.stringify(eventEnvelope(imMessage("U0ALEX", GIFT)));
    const res = await postSigned(h.app.url, body, { secret: "not-the-signing-secret" });
    expect(res.status).toBe(401);
    await h.slack.settle();
    expect(h.slack.calls).toEqual([]);
    expect(await h.app.db.prisma.processedEvent.count()).toBe(0);
  });

  it("rejects a body changed after signing with 401", async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const body = JSON.stringify(eventEnvelope(imMessage("U0ALEX", GIFT)));
    const { sign } = await import("../support/slack.ts");
    const res = await fetch(`${h.app.url}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-slack-request-timestamp": String(timestamp), "x-slack-signature": sign(body, timestamp) },
      body: body.replace("supplier", "customer"),
    });
    expect(res.status).toBe(401);
  });

  it("rejects a correctly signed but stale request (over 5 minutes) with 401 and does nothing", async () => {
    const body = JSON.stringify(eventEnvelope(imMessage("U0ALEX", GIFT)));
    const res = await postSigned(h.app.url, body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
    const unsigned = await fetch(`${h.app.url}/slack/events`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(unsigned.status).toBe(401);
    await h.slack.settle();
    expect(h.slack.calls).toEqual([]);
    expect(await h.app.db.prisma.processedEvent.count()).toBe(0);
  });

  it("answers malformed but signed payloads 400 at once, without a stack or a crash", async () => {
    for (const body of ["not json", JSON.stringify({ hello: "world" }), JSON.stringify({ type: "event_callback", event: "x" }), "[]", "null"]) {
      const res = await postSigned(h.app.url, body);
      expect(res.status, body).toBe(400);
      expect(await res.text()).toBe("");
    }
    const form = await postSigned(h.app.url, "payload=%7Bnot-json", { contentType: "application/x-www-form-urlencoded" });
    expect(form.status).toBe(400);
    expect((await fetch(`${h.app.url}/healthz`)).status).toBe(200);
  });

  it("drops a well-formed event whose fields are unusable, answering 200", async () => {
    const res = await h.sendEvent({ type: "message", channel_type: "im", user: 42, text: ["x"], channel: "D0ALEX", ts: "nope" });
    expect(res.status).toBe(200);
    await h.slack.settle();
    expect(h.slack.callsTo("chat.postMessage")).toEqual([]);
  });

  it("logs ids, never the question", async () => {
    await h.sendEvent(imMessage("U0ALEX", "Can I accept a gift of a zeppelin ride from a supplier?"));
    await h.slack.waitFor("chat.postMessage");
    await h.slack.settle();
    expect(h.app.logs.join("\n")).not.toContain("zeppelin");
  });
});
