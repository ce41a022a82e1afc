import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SlackCall } from "../support/fakeSlack.ts";
import { globalShortcut, slashCommand } from "../support/slack.ts";
import { startSlackApp, type SlackHarness } from "../support/slackApp.ts";

const texts = (call: SlackCall) => JSON.stringify(call.args.blocks ?? []) + String(call.args.text ?? "");

describe("/conduct and the shortcut", () => {
  let h: SlackHarness;
  beforeEach(async () => void (h = await startSlackApp()));
  afterEach(async () => h?.close());

  it("answers `/conduct <question>` where only the asker sees it", async () => {
    const res = await h.sendForm(slashCommand("U0ALEX", "C0GENERAL", "can I accept a gift from a supplier?", h.slack.responseUrl("cmd1")));
    expect(res.status).toBe(200);
    const [reply] = await h.slack.waitFor("response_url");
    expect(reply!.args).toMatchObject({ _path: "/respond/cmd1", response_type: "ephemeral" });
    expect(texts(reply!)).toContain("3(c)");
    expect(h.slack.callsTo("chat.postMessage")).toEqual([]);
  });

  it("moves a report-like `/conduct` question from a channel to the DM", async () => {
    await h.sendForm(slashCommand("U0ALEX", "C0GENERAL", "my manager keeps making sexual comments to a colleague, this is harassment", h.slack.responseUrl()));
    const [dm] = await h.slack.waitFor("chat.postMessage");
    expect(dm!.args.channel).toBe("D0ALEX");
    expect(texts(dm!)).toContain("🚩");
    const [note] = await h.slack.waitFor("response_url");
    expect(texts(note!)).toContain("Let's take this to a private message");
    expect(texts(note!)).not.toMatch(/harass/i);
  });

  it.each([["help"], [""], ["  HELP  "]])("answers `/conduct %s` with help", async (text) => {
    await h.sendForm(slashCommand("U0ALEX", "C0GENERAL", text, h.slack.responseUrl()));
    const [reply] = await h.slack.waitFor("response_url");
    expect(reply!.args.response_type).toBe("ephemeral");
    expect(texts(reply!)).toContain("/conduct requests");
    expect(texts(reply!)).toContain("Report a concern");
  });

  it("answers a question that starts with a subcommand's word instead of running it", async () => {
    await h.sendForm(slashCommand("U0ALEX", "C0GENERAL", "help me: can I accept a gift from a supplier?", h.slack.responseUrl()));
    const [reply] = await h.slack.waitFor("response_url");
    expect(texts(reply!)).toContain("3(c)");
  });

  it("opens the report form for `/conduct report`", async () => {
    await h.sendForm(slashCommand("U0ALEX", "C0GENERAL", "report", h.slack.responseUrl()));
    const [open] = await h.slack.waitFor("views.open");
    expect(open!.args.trigger_id).toMatch(/^13345224609\./);
    expect(open!.args.view).toMatchObject({ type: "modal", callback_id: "report.form", title: { text: "Report a concern" } });
  });

  it("answers `/conduct requests` privately", async () => {
    h.slack.users.set("U0ALEX", { id: "U0ALEX", name: "Alex Kim", email: "alex@example.com" });
    await h.sendForm(slashCommand("U0ALEX", "C0GENERAL", "requests", h.slack.responseUrl()));
    const [reply] = await h.slack.waitFor("response_url");
    expect(reply!.args.response_type).toBe("ephemeral");
    expect(texts(reply!)).toContain("You have no approval requests, and none wait for your decision.");
  });

  it("says privately when Slack cannot tell who asks for `/conduct requests`", async () => {
    await h.sendForm(slashCommand("U0ALEX", "C0GENERAL", "requests", h.slack.responseUrl()));
    const [reply] = await h.slack.waitFor("response_url");
    expect(reply!.args.response_type).toBe("ephemeral");
    expect(texts(reply!)).toContain("Slack did not tell me who you are");
  });

  it("opens the report flow from the global shortcut", async () => {
    const res = await h.sendForm(globalShortcut("U0ALEX", "report_concern"));
    expect(res.status).toBe(200);
    const [open] = await h.slack.waitFor("views.open");
    expect(open!.args.view).toMatchObject({ type: "modal", title: { text: "Report a concern" } });
  });
});
