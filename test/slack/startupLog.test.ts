// The start-up log through the real app with the Slack surface on: "Slack: on" only once Slack
// accepted the token (auth.test), a clear warning when it did not, and one `surface` key per line.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startSlackApp, type SlackHarness } from "../support/slackApp.ts";

describe("start-up log", { timeout: 180_000 }, () => {
  let h: SlackHarness | undefined;
  afterEach(async () => h?.close());

  it("says Slack is on after auth.test accepted the token", async () => {
    h = await startSlackApp({}, { checkSlackToken: true });
    const logs = h.app.logs.join("\n");
    expect(logs).toContain("Slack: on (HTTP at POST /slack/events); Slack accepted SLACK_BOT_TOKEN");
    expect(h.slack.callsTo("auth.test")).toHaveLength(1);
    expect(logs).not.toMatch(/"surface":"slack"[^\n]*"surface":"slack"/);
  });

  it("warns, naming the variable, when Slack refuses the token", async () => {
    // A Slack Web API that refuses every token, as Slack does a revoked one.
    const refusing = createServer((_req, res) => void res.setHeader("content-type", "application/json").end(JSON.stringify({ ok: false, error: "invalid_auth" })));
    await new Promise<void>((done) => refusing.listen(0, "127.0.0.1", done));
    try {
      h = await startSlackApp({ SLACK_API_URL: `http://127.0.0.1:${(refusing.address() as AddressInfo).port}/api/` }, { checkSlackToken: true });
      const logs = h.app.logs.join("\n");
      expect(logs).toContain("Slack: NOT working: Slack refused SLACK_BOT_TOKEN or could not be reached (invalid_auth)");
      expect(logs).not.toContain("Slack: on");
    } finally {
      refusing.close();
    }
  });
});
