// The Ask flows through the real CloudAdapter endpoint: Bot Framework activities in, a fake Bot
// Connector records what the bot sends out, the database is checked for what it stored.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { FEEDBACK_WORDS } from "../../src/interactions/feedback.ts";
import { MESSAGES } from "../../src/surfaces/teams/cards/messages.ts";
import { VERBS } from "../../src/surfaces/teams/verbs.ts";
import { storedEventKey } from "../../src/store/processedEvents.ts";
import { eventKey } from "../../src/surfaces/teams/dedup.ts";
import {
  ALICE,
  ALICE_CHAT,
  BOT,
  CHANNEL,
  TENANT_ID,
  cardAction,
  cardOf,
  cardTexts,
  channelMention,
  dialogInvoke,
  personalInstall,
  personalMessage,
  startTeamsTestApp,
  warmUp,
  type TeamsTestApp,
} from "../support/teams.ts";

const GIFT = "Can I accept a gift from a supplier?";
const REPORT_LIKE = "My colleague is harassing me";

describe("Teams: asking", () => {
  beforeAll(warmUp, 120_000);
  let t: TeamsTestApp;
  afterEach(async () => t?.close());

  it("answers in the 1:1 chat with an Adaptive Card: verdict, quoted clause, approver, buttons", async () => {
    t = await startTeamsTestApp();
    const activity = personalMessage({ serviceUrl: t.connector.url, text: GIFT });
    const res = await t.post(activity);
    expect(res.status).toBe(200);

    const sent = t.connector.sent();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.conversationId).toBe(ALICE_CHAT);
    expect(sent[0]!.activityId).toBe(activity.id); // a reply to the question
    const card = cardOf(sent[0]!.body);
    expect(card.type).toBe("AdaptiveCard");
    expect(card.version).toBe("1.5");
    const texts = cardTexts(card);
    expect(texts[0]).toBe("📝 Allowed with prior approval");
    expect(texts).toContain(`You asked: Can I accept a gift from a supplier?`);
    expect(texts).toContain("Clause 3\\(c\\) · Conflicts of Interest");
    expect(texts.some((x) => x.startsWith("“") && x.length > 20)).toBe(true);
    expect(texts.some((x) => x.startsWith("Who approves: "))).toBe(true);
    expect(card.actions.map((a: any) => [a.type, a.title, a.verb])).toEqual([
      ["Action.Submit", "Request approval", undefined],
      ["Action.Execute", "Report a concern", VERBS.reportConcern],
      ["Action.Execute", "Ask a person", VERBS.askPerson],
      ["Action.Execute", "👍", VERBS.feedback],
      ["Action.Execute", "👎", VERBS.feedback],
    ]);
    // Request approval opens a dialog (task/fetch) with the form, prefilled from the question.
    expect(card.actions[0].data).toEqual({ verb: VERBS.requestApproval, msteams: { type: "task/fetch" }, topicId: "gifts", clauseId: "3(c)", question: GIFT });
    expect(card.actions[3].data).toEqual({ clauseId: "3(c)", helpful: true });
    expect(card.actions[4].data).toEqual({ clauseId: "3(c)", helpful: false });
    // Counted per clause, verdict and day; nothing about who asked or what they typed.
    expect(await t.db.prisma.askStat.findMany()).toEqual([{ day: new Date().toISOString().slice(0, 10), clauseId: "3(c)", verdict: "needs_approval", count: 1 }]);
  });

  it("stores the person's 1:1 conversation reference the first time they write", async () => {
    t = await startTeamsTestApp();
    expect(await t.db.prisma.teamsConversation.count()).toBe(0);
    await t.post(personalMessage({ serviceUrl: t.connector.url, text: GIFT }));
    const row = await t.db.prisma.teamsConversation.findUniqueOrThrow({ where: { aadObjectId: ALICE.aadObjectId.toLowerCase() } });
    const reference = row.reference as any;
    expect(reference).toMatchObject({
      channelId: "msteams",
      serviceUrl: t.connector.url,
      conversation: { id: ALICE_CHAT, conversationType: "personal", tenantId: TENANT_ID },
      bot: { id: BOT.id },
      user: { id: ALICE.id, aadObjectId: ALICE.aadObjectId },
    });
    expect(reference.activityId).toBeUndefined();
    expect(JSON.stringify(reference)).not.toContain(ALICE.name);
  });

  it("stores the conversation reference when the bot is installed, and says hello", async () => {
    t = await startTeamsTestApp();
    const res = await t.post(personalInstall({ serviceUrl: t.connector.url }));
    expect(res.status).toBe(200);
    const row = await t.db.prisma.teamsConversation.findUnique({ where: { aadObjectId: ALICE.aadObjectId.toLowerCase() } });
    expect((row?.reference as any)?.conversation?.id).toBe(ALICE_CHAT);
    const sent = t.connector.sent(ALICE_CHAT);
    expect(sent).toHaveLength(1);
    expect(cardTexts(cardOf(sent[0]!.body))[0]).toContain("Code of Business Conduct");
  });

  it("answers a channel post that mentions it, in the thread, without the mention", async () => {
    t = await startTeamsTestApp();
    const activity = channelMention({ serviceUrl: t.connector.url, text: "can I accept a gift from a supplier?" });
    expect((await t.post(activity)).status).toBe(200);
    const sent = t.connector.sent();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.conversationId).toBe(activity.conversation.id);
    expect(sent[0]!.conversationId!.startsWith(CHANNEL)).toBe(true);
    const texts = cardTexts(cardOf(sent[0]!.body));
    expect(texts[0]).toBe("📝 Allowed with prior approval");
    expect(texts).toContain("You asked: can I accept a gift from a supplier?");
    expect(t.connector.created()).toHaveLength(0);
    // A channel is not a 1:1 chat: no reference is stored from it.
    expect(await t.db.prisma.teamsConversation.count()).toBe(0);
  });

  it("ignores channel posts that do not mention it", async () => {
    t = await startTeamsTestApp();
    const res = await t.post(channelMention({ serviceUrl: t.connector.url, text: GIFT, mention: false }));
    expect(res.status).toBe(200);
    expect(t.connector.calls).toHaveLength(0);
  });

  it("moves a report-like mention to a new 1:1 chat: the channel only hears 'let's take this to a private message'", async () => {
    t = await startTeamsTestApp();
    const activity = channelMention({ serviceUrl: t.connector.url, text: REPORT_LIKE });
    expect((await t.post(activity)).status).toBe(200);

    const inChannel = t.connector.sent(activity.conversation.id);
    expect(inChannel).toHaveLength(1);
    expect(inChannel[0]!.body.text).toBe(MESSAGES.movedToPrivate);
    expect(inChannel[0]!.body.attachments ?? []).toHaveLength(0);
    expect(JSON.stringify(inChannel[0]!.body)).not.toContain("harassing");

    const created = t.connector.created();
    expect(created).toHaveLength(1);
    expect(created[0]!.body).toMatchObject({ isGroup: false, bot: { id: BOT.id }, members: [{ id: ALICE.id }], tenantId: TENANT_ID });
    const inPrivate = t.connector.sent("a:created-0");
    expect(inPrivate).toHaveLength(1);
    const texts = cardTexts(cardOf(inPrivate[0]!.body));
    expect(texts[0]).toBe("🚩 This should be reported");
    expect(texts).toContain(`You asked: ${REPORT_LIKE}`);
    // The new chat is remembered for proactive messages.
    const row = await t.db.prisma.teamsConversation.findUniqueOrThrow({ where: { aadObjectId: ALICE.aadObjectId.toLowerCase() } });
    expect(row.reference).toMatchObject({ conversation: { id: "a:created-0", conversationType: "personal" }, serviceUrl: t.connector.url });
  });

  it("moves a report-like mention into the 1:1 chat it already has, without creating one", async () => {
    t = await startTeamsTestApp();
    await t.post(personalInstall({ serviceUrl: t.connector.url }));
    const before = t.connector.calls.length;
    await t.post(channelMention({ serviceUrl: t.connector.url, text: REPORT_LIKE }));
    const after = t.connector.calls.slice(before);
    expect(after.filter((c) => c.path === "/v3/conversations")).toHaveLength(0);
    const toChat = after.filter((c) => c.conversationId === ALICE_CHAT);
    expect(toChat).toHaveLength(1);
    expect(cardTexts(cardOf(toChat[0]!.body))[0]).toBe("🚩 This should be reported");
  });

  it("opens a new 1:1 chat when the stored one is gone (the person removed the app)", async () => {
    t = await startTeamsTestApp();
    await t.post(personalInstall({ serviceUrl: t.connector.url }));
    t.connector.gone.add(ALICE_CHAT);
    expect((await t.post(channelMention({ serviceUrl: t.connector.url, text: REPORT_LIKE }))).status).toBe(200);
    expect(t.connector.created()).toHaveLength(1);
    expect(cardTexts(cardOf(t.connector.sent("a:created-0")[0]!.body))[0]).toBe("🚩 This should be reported");
    const row = await t.db.prisma.teamsConversation.findUniqueOrThrow({ where: { aadObjectId: ALICE.aadObjectId.toLowerCase() } });
    expect((row.reference as any).conversation.id).toBe("a:created-0");
  });

  it("counts 👍/👎 once per answer, per clause and day, nothing about who clicked", async () => {
    t = await startTeamsTestApp();
    const vote = (answerCard: string, helpful: boolean) => t.post(cardAction({ serviceUrl: t.connector.url, verb: VERBS.feedback, data: { clauseId: "3(c)", helpful }, replyToId: answerCard }));
    const up = await vote("answer-1", true);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ statusCode: 200, type: "application/vnd.microsoft.activity.message", value: FEEDBACK_WORDS.thanks });
    // More clicks on the same answer card (another click, the other button) count nothing more.
    expect((await (await vote("answer-1", false)).json()).value).toBe(FEEDBACK_WORDS.already);
    expect((await (await vote("answer-1", true)).json()).value).toBe(FEEDBACK_WORDS.already);
    await vote("answer-2", false); // another answer

    const rows = await t.db.prisma.answerFeedback.findMany();
    expect(rows).toEqual([{ day: new Date().toISOString().slice(0, 10), clauseId: "3(c)", helpful: 1, notHelpful: 1 }]);
    expect(JSON.stringify(await t.db.prisma.answerFeedback.findMany())).not.toContain(ALICE.aadObjectId);
    expect(t.connector.calls).toHaveLength(0); // the thank-you is the invoke response
  });

  it("does not count feedback for a clause the Code does not have, or with malformed data", async () => {
    t = await startTeamsTestApp();
    for (const data of [{ clauseId: "99(z)", helpful: true }, { clauseId: "3(c)", helpful: "yes" }, "junk"]) {
      const res = await t.post(cardAction({ serviceUrl: t.connector.url, verb: VERBS.feedback, data }));
      expect(res.status).toBe(200);
      expect((await res.json()).value).toBe(MESSAGES.unknownAction);
    }
    expect(await t.db.prisma.answerFeedback.count()).toBe(0);
  });

  it("answers an unknown card button with a toast, not an error", async () => {
    t = await startTeamsTestApp();
    const res = await t.post(cardAction({ serviceUrl: t.connector.url, verb: "something.old", data: {} }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ statusCode: 200, value: MESSAGES.unknownAction });
  });

  it("Request approval opens the request form prefilled from the question; `report` offers the report dialog", async () => {
    t = await startTeamsTestApp();
    const approval = await t.post(
      dialogInvoke({ serviceUrl: t.connector.url, name: "task/fetch", data: { verb: VERBS.requestApproval, msteams: { type: "task/fetch" }, topicId: "gifts", clauseId: "3(c)", question: GIFT } }),
    );
    const dialog = await approval.json();
    expect(dialog.task).toMatchObject({ type: "continue", value: { title: "Request approval" } });
    const form = dialog.task.value.card.content;
    expect(cardTexts(form)[0]).toBe("Request approval");
    expect(form.body.find((el: any) => el.id === "summary").value).toBe(GIFT);
    expect(form.actions.map((a: any) => [a.type, a.title, a.data.verb])).toEqual([["Action.Submit", "Send request", "approval.submit"]]);
    await t.post(personalMessage({ serviceUrl: t.connector.url, text: "report" }));
    const offered = cardOf(t.connector.sent(ALICE_CHAT).at(-1)!.body);
    expect(cardTexts(offered)[0]).toBe("Report a concern");
    expect(offered.actions[0]).toMatchObject({ type: "Action.Submit", title: "Write the report", data: { msteams: { type: "task/fetch" } } });
  });

  it("continues the report and requests commands from a channel in the 1:1 chat", async () => {
    t = await startTeamsTestApp();
    await t.post(personalInstall({ serviceUrl: t.connector.url }));
    for (const command of ["report", "requests"]) {
      const before = t.connector.calls.length;
      const activity = channelMention({ serviceUrl: t.connector.url, text: command });
      await t.post(activity);
      const calls = t.connector.calls.slice(before).filter((c) => c.method === "POST");
      expect(calls.filter((c) => c.conversationId === activity.conversation.id).map((c) => c.body.text)).toEqual([MESSAGES.movedToPrivate]);
      const privately = calls.filter((c) => c.conversationId === ALICE_CHAT);
      expect(privately).toHaveLength(1);
      if (command === "report") expect(cardTexts(cardOf(privately[0]!.body))[0]).toBe("Report a concern");
      // Alice is not in the directory (and Teams gives no email here): she is told why there is nothing to show.
      else expect(privately[0]!.body.text).toMatch(/did not tell me who you are/);
    }
  });

  it("handles the same activity delivered twice once", async () => {
    t = await startTeamsTestApp();
    const message = personalMessage({ serviceUrl: t.connector.url, text: GIFT });
    expect((await t.post(message)).status).toBe(200);
    expect((await t.post(message)).status).toBe(200);
    expect(t.connector.sent()).toHaveLength(1);
    expect(await t.db.prisma.processedEvent.count({ where: { key: storedEventKey(t.db.prisma, eventKey(message as never)!) } })).toBe(1);
    expect(await t.db.prisma.processedEvent.count({ where: { key: { contains: message.conversation.id } } })).toBe(0); // stored as a keyed hash

    const click = cardAction({ serviceUrl: t.connector.url, verb: VERBS.feedback, data: { clauseId: "3(c)", helpful: true } });
    expect((await (await t.post(click)).json()).value).toBe(FEEDBACK_WORDS.thanks);
    expect((await (await t.post(click)).json()).value).toBe(MESSAGES.alreadyHandled);
    expect((await t.db.prisma.answerFeedback.findFirstOrThrow()).helpful).toBe(1);
  });

  it("answers 500 without details when a turn fails, and handles the channel's retry", async () => {
    t = await startTeamsTestApp();
    t.connector.gone.add(ALICE_CHAT);
    const message = personalMessage({ serviceUrl: t.connector.url, text: GIFT });
    const failed = await t.post(message);
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error: "internal error" });
    expect(await t.db.prisma.processedEvent.count()).toBe(0); // released for the retry
    expect(t.logs.join("\n")).toContain("teams: turn failed");

    t.connector.gone.delete(ALICE_CHAT);
    expect((await t.post(message)).status).toBe(200);
    const answered = t.connector.sent(ALICE_CHAT).filter((c) => c.body.attachments?.length);
    expect(answered.length).toBeGreaterThanOrEqual(2); // the failed attempt, then the retry that got through
    expect(await t.db.prisma.processedEvent.count()).toBe(1);
  });

  it("escapes what the person typed, so a question cannot render as a link or emphasis", async () => {
    t = await startTeamsTestApp();
    // Teams delivers literal angle brackets as entities; tags it added itself are dropped.
    const sneaky = "<p>Is a [gift card](https://evil.example/login) *really* OK? &lt;b&gt;_yes_&lt;/b&gt; `x` ![i](https://evil.example/i.png)</p>";
    await t.post(personalMessage({ serviceUrl: t.connector.url, text: sneaky }));
    const asked = cardTexts(cardOf(t.connector.sent()[0]!.body)).find((x) => x.startsWith("You asked: "))!;
    expect(asked).toBe(
      "You asked: Is a \\[gift card\\]\\(https://evil.example/login\\) \\*really\\* OK? \\<b\\>\\_yes\\_\\</b\\> \\`x\\` \\!\\[i\\]\\(https://evil.example/i.png\\)",
    );
    // No Markdown-active character is left unescaped.
    expect(asked.replace(/\\./g, "")).not.toMatch(/[[\]()*_`<>!]/);
  });

  it("never logs what people typed", async () => {
    t = await startTeamsTestApp();
    await t.post(personalMessage({ serviceUrl: t.connector.url, text: GIFT }));
    await t.post(channelMention({ serviceUrl: t.connector.url, text: REPORT_LIKE }));
    const logs = t.logs.join("\n");
    expect(logs).toContain("teams: answered a question");
    expect(logs).not.toContain("gift from a supplier");
    expect(logs).not.toContain("harassing");
  });
});
