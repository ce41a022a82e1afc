// POST /api/messages as an HTTP endpoint: what it refuses before any work is done.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../../src/surfaces/teams/endpoint.ts";
import { VERBS } from "../../src/surfaces/teams/verbs.ts";
import {
  APP_ID,
  cardAction,
  personalMessage,
  startBotFrameworkKeys,
  startTeamsTestApp,
  warmUp,
  type BotFrameworkKeys,
  type TeamsTestApp,
} from "../support/teams.ts";

const CREDENTIALS = { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: "not-a-real-secret", MICROSOFT_APP_TENANT_ID: "72f988bf-86f1-41af-91ab-2d7cd011db47" };

async function expectNothingDone(t: TeamsTestApp) {
  expect(t.connector.calls).toHaveLength(0);
  expect(await t.db.prisma.processedEvent.count()).toBe(0);
  expect(await t.db.prisma.teamsConversation.count()).toBe(0);
  expect(await t.db.prisma.answerFeedback.count()).toBe(0);
}

describe("Teams endpoint: bad requests", () => {
  beforeAll(warmUp, 120_000);
  let t: TeamsTestApp;
  afterEach(async () => t?.close());

  it("answers 400 to malformed JSON, to JSON that is not an activity, and 413 to a huge body", async () => {
    t = await startTeamsTestApp();
    const cases: Array<[string, number]> = [
      ["{not json", 400],
      ["", 400],
      ["[]", 400],
      ['"a string"', 400],
      ["null", 400],
      [JSON.stringify({ type: "message", text: "hi" }), 400], // no conversation, from, serviceUrl…
      [JSON.stringify({ ...personalMessage({ serviceUrl: "not a url", text: "hi" }) }), 400],
      [JSON.stringify({ ...personalMessage({ serviceUrl: t.connector.url, text: "x".repeat(MAX_BODY_BYTES) }) }), 413],
    ];
    for (const [body, status] of cases) {
      const res = await t.post(body);
      expect(res.status, body.slice(0, 40)).toBe(status);
      const text = await res.text();
      expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack
      expect(JSON.parse(text)).toHaveProperty("error");
    }
    await expectNothingDone(t);
  });

  it("in local mode only talks to a loopback Bot Connector", async () => {
    t = await startTeamsTestApp();
    const res = await t.post(personalMessage({ serviceUrl: "https://smba.trafficmanager.net/amer/", text: "hi" }));
    expect(res.status).toBe(403);
    await expectNothingDone(t);
  });

  it("warns loudly at startup when it runs without credentials", async () => {
    t = await startTeamsTestApp();
    const warning = t.logs.map((l) => JSON.parse(l)).find((l) => /LOCAL MODE/.test(l.msg));
    expect(warning?.level).toBe(40);
  });
});

describe("Teams endpoint: Bot Framework authentication", () => {
  let t: TeamsTestApp;
  let keys: BotFrameworkKeys;
  afterEach(async () => {
    await t?.close();
    await keys?.close();
  });

  const feedbackClick = (serviceUrl: string) => cardAction({ serviceUrl, verb: VERBS.feedback, data: { clauseId: "3(c)", helpful: true } });

  it("rejects requests without a valid token with 401 and does nothing", async () => {
    keys = await startBotFrameworkKeys(APP_ID);
    t = await startTeamsTestApp(CREDENTIALS, { teamsOpenIdMetadataUrl: keys.openIdMetadataUrl });
    const serviceUrl = t.connector.url;
    const now = Math.floor(Date.now() / 1000);
    const attempts: Array<[string, Record<string, string>]> = [
      ["no token", {}],
      ["not a JWT", { authorization: "Bearer not-a-token" }],
      ["wrong scheme", { authorization: `Basic ${keys.token({ serviceurl: serviceUrl })}` }],
      ["signed by another key", { authorization: `Bearer ${keys.token({ serviceurl: serviceUrl }, keys.strangerKey)}` }],
      ["for another bot", { authorization: `Bearer ${keys.token({ serviceurl: serviceUrl, aud: "someone-else" })}` }],
      ["from another issuer", { authorization: `Bearer ${keys.token({ serviceurl: serviceUrl, iss: "https://evil.example" })}` }],
      ["for another serviceUrl", { authorization: `Bearer ${keys.token({ serviceurl: "https://evil.example/" })}` }],
      ["expired", { authorization: `Bearer ${keys.token({ serviceurl: serviceUrl, nbf: now - 7200, exp: now - 3600 })}` }],
    ];
    for (const [what, headers] of attempts) {
      const res = await t.post(feedbackClick(serviceUrl), headers);
      expect(res.status, what).toBe(401);
      expect(await res.json(), what).toEqual({ error: "unauthorized" });
    }
    const message = await t.post(personalMessage({ serviceUrl, text: "Can I accept a gift?" }), { authorization: "Bearer nope" });
    expect(message.status).toBe(401);
    await expectNothingDone(t);
  });

  it("accepts a token the Bot Framework signed for this bot and serviceUrl", async () => {
    keys = await startBotFrameworkKeys(APP_ID);
    t = await startTeamsTestApp(CREDENTIALS, { teamsOpenIdMetadataUrl: keys.openIdMetadataUrl });
    const serviceUrl = t.connector.url;
    const res = await t.post(feedbackClick(serviceUrl), { authorization: `Bearer ${keys.token({ serviceurl: serviceUrl })}` });
    expect(res.status).toBe(200);
    expect((await t.db.prisma.answerFeedback.findFirstOrThrow()).helpful).toBe(1);
    expect(t.logs.join("\n")).not.toContain("LOCAL MODE");
  });
});
