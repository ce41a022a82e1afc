import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdvisor } from "../../src/core/advice/index.ts";
import { loadPolicy } from "../../src/core/policy/load.ts";
import { createLogger } from "../../src/log.ts";
import type { SlackData } from "../../src/surfaces/slack/index.ts";
import { createSlackSurface } from "../../src/surfaces/slack/index.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { BOT_TOKEN, postSigned } from "../support/slack.ts";

describe("Slack surface modes", () => {
  it("uses Socket Mode, with no HTTP route, when SLACK_APP_TOKEN is set", () => {
    const policy = loadPolicy(resolve("policies/code-of-conduct.txt"), resolve("policies/code-of-conduct.rules.yaml"));
    const surface = createSlackSurface({
      config: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: "xapp-1-A0CONDUCT-1-abc", SLACK_SIGNING_SECRET: undefined, SLACK_API_URL: undefined },
      logger: createLogger("silent"),
      data: {} as SlackData,
      policy,
      advisor: createAdvisor(policy),
    });
    expect(surface.mode).toBe("socket");
    expect(surface.requestListener).toBeUndefined();
  });
});

describe("with Slack off", () => {
  let app: TestApp;
  // Started in a hook: the first fresh database of a run can take a while on a busy machine.
  beforeAll(async () => void (app = await startTestApp()));
  afterAll(async () => app?.close());

  it("mounts nothing at /slack/events", async () => {
    const res = await postSigned(app.url, JSON.stringify({ type: "url_verification", challenge: "x" }));
    expect(res.status).toBe(404);
    expect(app.logs.some((l) => l.includes("Slack: off"))).toBe(true);
  });
});
