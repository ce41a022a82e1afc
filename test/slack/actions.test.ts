import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { feedbackCounts } from "../../src/store/feedback.ts";
import type { SlackCall } from "../support/fakeSlack.ts";
import { blockAction, imMessage, newTs } from "../support/slack.ts";
import { startSlackApp, type SlackHarness } from "../support/slackApp.ts";

const GIFT = "Can I accept a gift from a supplier who wants our business?";
const texts = (call: SlackCall) => JSON.stringify(call.args.blocks ?? []) + String(call.args.text ?? "");
type Button = { action_id: string; value: string };
const buttons = (blocks: unknown[]): Button[] =>
  (blocks as Array<{ type: string; elements?: Button[] }>).filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []);

const DIRECTORY = `
people:
  - id: omar
    name: Omar Haddad
    email: omar@example.com
    slack: U0OMAR
    roles: [president, officer]
  - id: dana
    name: Dana Reyes
    email: dana@example.com
    slack: U0DANA
    supervisor: omar
    roles: [executive_officer, officer]
  - id: alex
    name: Alex Kim
    email: alex@example.com
    supervisor: dana
`;

describe("the buttons under an answer", () => {
  let h: SlackHarness;
  /** The answer the bot posted in Alex's DM, as Slack would send it back in a click. */
  let answer: { channel: string; ts: string; blocks: unknown[] };

  beforeEach(async () => {
    h = await startSlackApp();
    await h.sendEvent(imMessage("U0ALEX", GIFT));
    const [post] = await h.slack.waitFor("chat.postMessage");
    answer = { channel: post!.args.channel, ts: "1763950999.000100", blocks: post!.args.blocks };
  });
  afterEach(async () => h?.close());

  const click = (actionId: string, extra: Partial<Parameters<typeof blockAction>[0]> = {}) => {
    const button = buttons(answer.blocks).find((b) => b.action_id === actionId)!;
    return h.sendForm(
      blockAction({ user: "U0ALEX", channel: answer.channel, messageTs: answer.ts, button, blocks: answer.blocks, responseUrl: h.slack.responseUrl("click"), ...extra }),
    );
  };

  it("counts 👍 per clause and day, once per answer, and thanks in place of the vote buttons", async () => {
    expect((await click("ask.feedback_up")).status).toBe(200);
    const [update] = await h.slack.waitFor("chat.update");
    expect(update!.args).toMatchObject({ channel: "D0ALEX", ts: answer.ts });
    const ids = buttons(update!.args.blocks).map((b) => b.action_id);
    expect(ids).toEqual(["ask.request_approval", "ask.report_concern", "ask.ask_person"]);
    expect(texts(update!)).toContain("Thanks, your feedback was counted");

    await click("ask.feedback_up"); // a double click, or a second person in a thread
    await click("ask.feedback_down");
    await h.slack.settle();
    expect(h.slack.callsTo("chat.update")).toHaveLength(1);
    expect(h.slack.callsTo("chat.postEphemeral").map((c) => c.args.text)).toEqual(["Feedback on this answer was already counted. Thanks.", "Feedback on this answer was already counted. Thanks."]);
    const day = new Date().toISOString().slice(0, 10);
    expect(await feedbackCounts(h.app.db.prisma)).toEqual([{ day, clauseId: "3(c)", helpful: 1, notHelpful: 0 }]);
  });

  it("counts 👎 on an ephemeral answer and replaces it through its response_url", async () => {
    await click("ask.feedback_down", { messageTs: newTs(), ephemeral: true, channel: "C0GENERAL" });
    const [reply] = await h.slack.waitFor("response_url");
    expect(reply!.args.text).toContain("Thanks, your feedback was counted");
    expect((await feedbackCounts(h.app.db.prisma, "3(c)"))[0]).toMatchObject({ helpful: 0, notHelpful: 1 });
  });

  it("ignores a vote for a clause the Code does not have", async () => {
    await h.sendForm(
      blockAction({ user: "U0ALEX", channel: "D0ALEX", messageTs: newTs(), button: { action_id: "ask.feedback_up", value: "99(z)" }, responseUrl: h.slack.responseUrl() }),
    );
    await h.slack.settle();
    expect(await feedbackCounts(h.app.db.prisma)).toEqual([]);
  });

  it("Request approval carries the topic and opens a modal naming who approves", async () => {
    await click("ask.request_approval");
    const [open] = await h.slack.waitFor("views.open");
    expect(open!.args.view).toMatchObject({ type: "modal", title: { text: "Request approval" } });
    expect(JSON.stringify(open!.args.view)).toContain("the Board of Directors");
    expect(JSON.stringify(open!.args.view)).toContain("3(c)");
  });

  it("Report a concern opens the report flow", async () => {
    await click("ask.report_concern");
    const [open] = await h.slack.waitFor("views.open");
    expect(open!.args.view).toMatchObject({ title: { text: "Report a concern" } });
  });

  it("Ask a person names the asker's supervisor and the officers, privately", async () => {
    await h.app.directory.importText(DIRECTORY);
    h.slack.users.set("U0ALEX", { id: "U0ALEX", name: "Alex Kim", email: "Alex@Example.com" });
    await click("ask.ask_person");
    const [reply] = await h.slack.waitFor("chat.postEphemeral");
    expect(reply!.args).toMatchObject({ channel: "D0ALEX", user: "U0ALEX" });
    const text = texts(reply!);
    expect(text).toContain("your immediate supervisor, <@U0DANA>");
    expect(text).toContain("<@U0OMAR>");
    expect(h.slack.callsTo("users.info")[0]!.args.user).toBe("U0ALEX");
    expect((await h.app.directory.resolve("slack", "U0ALEX"))?.id).toBe("alex"); // linked by email
  });

  it("Ask a person for someone Slack cannot identify still names the officers", async () => {
    await h.app.directory.importText(DIRECTORY);
    await click("ask.ask_person");
    const [reply] = await h.slack.waitFor("chat.postEphemeral");
    expect(texts(reply!)).toContain("I don't know who that is yet");
    expect(texts(reply!)).toContain("<@U0DANA>");
  });
});
