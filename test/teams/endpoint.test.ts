// POST /api/messages as an HTTP endpoint: what it refuses before any work is done.
import { networkInterfaces } from "node:os";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { MESSAGES } from "../../src/surfaces/teams/cards/messages.ts";
import { MAX_BODY_BYTES } from "../../src/surfaces/teams/endpoint.ts";
import { CASE_VERBS, VERBS } from "../../src/surfaces/teams/verbs.ts";
import { startSlackApp, type SlackHarness } from "../support/slackApp.ts";
import {
  APP_ID,
  TENANT_ID,
  cardAction,
  dialogInvoke,
  personalMessage,
  postActivity,
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
    expect(warning?.msg).toMatch(/only from this machine \(a loopback socket address, no proxy\)/);
    expect(t.logs.some((l) => l.includes("Teams: local mode (TEAMS_LOCAL_MODE=true)"))).toBe(true);
  });

  it("in local mode refuses a request a proxy forwarded, even over loopback", async () => {
    t = await startTeamsTestApp();
    const proxied: Array<Record<string, string>> = [{ "x-forwarded-for": "203.0.113.9" }, { forwarded: "for=203.0.113.9" }, { "x-real-ip": "203.0.113.9" }];
    for (const header of proxied) {
      const res = await t.post(personalMessage({ serviceUrl: t.connector.url, text: "Can I accept a gift?" }), header);
      expect(res.status, JSON.stringify(header)).toBe(403);
    }
    await expectNothingDone(t);
  });

  // The socket's address decides, not the activity: the same request from another machine is refused.
  const external = Object.values(networkInterfaces()).flat().find((i) => i && !i.internal && i.family === "IPv4")?.address;
  it.skipIf(!external)("in local mode refuses a client that is not on this machine (the socket's address, whatever the serviceUrl)", async () => {
    t = await startTeamsTestApp();
    const viaNetwork = `http://${external}:${t.app.port}`;
    const open = dialogInvoke({ serviceUrl: t.connector.url, name: "task/fetch", data: { verb: CASE_VERBS.open, caseNumber: "C-2026-0001" } });
    const res = await postActivity(viaNetwork, open);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: "forbidden" });
    expect(t.logs.some((l) => l.includes("local mode serves only clients on this machine"))).toBe(true);
    await expectNothingDone(t);
    // …while the same activity over loopback is served.
    expect((await t.post(open)).status).toBe(200);
  });
});

describe("Teams endpoint: a deployment without Microsoft credentials", () => {
  let slack: SlackHarness | undefined;
  afterEach(async () => slack?.close());

  it("does not mount POST /api/messages at all: a case.open dialog or a message gets 404", async () => {
    slack = await startSlackApp();
    const serviceUrl = "http://127.0.0.1:9/";
    for (const activity of [
      dialogInvoke({ serviceUrl, name: "task/fetch", data: { verb: CASE_VERBS.open, caseNumber: "C-2026-0001" } }),
      personalMessage({ serviceUrl, text: "report" }),
    ]) {
      const res = await postActivity(slack.app.url, activity);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: "not found" });
    }
    expect(await slack.app.db.prisma.processedEvent.count()).toBe(0);
    expect(await slack.app.db.prisma.teamsConversation.count()).toBe(0);
    expect(slack.app.logs.some((l) => l.includes("Teams: off – POST /api/messages is not mounted"))).toBe(true);
    expect(slack.app.logs.join("\n")).not.toContain("LOCAL MODE");
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

  const OTHER_TENANT = "0b0b0b0b-1111-4222-8333-444455556666";
  const inTenant = <A extends { conversation: Record<string, unknown>; channelData: Record<string, unknown> }>(activity: A, conversationTenant: string, channelTenant = conversationTenant): A => ({
    ...activity,
    conversation: { ...activity.conversation, tenantId: conversationTenant },
    channelData: { ...activity.channelData, tenant: { id: channelTenant } },
  });

  it("refuses a validly signed activity from another tenant, telling the person, and does nothing", async () => {
    keys = await startBotFrameworkKeys(APP_ID);
    t = await startTeamsTestApp(CREDENTIALS, { teamsOpenIdMetadataUrl: keys.openIdMetadataUrl });
    const serviceUrl = t.connector.url;
    const auth = () => ({ authorization: `Bearer ${keys.token({ serviceurl: serviceUrl })}` });

    const click = await t.post(inTenant(feedbackClick(serviceUrl), OTHER_TENANT), auth());
    expect(click.status).toBe(200);
    expect(await click.json()).toMatchObject({ value: MESSAGES.otherOrganisation });
    // Both places Teams names the tenant must be ours: one forged field is not enough.
    const mixed = await t.post(inTenant(feedbackClick(serviceUrl), TENANT_ID, OTHER_TENANT), auth());
    expect(await mixed.json()).toMatchObject({ value: MESSAGES.otherOrganisation });
    const open = await t.post(inTenant(dialogInvoke({ serviceUrl, name: "task/fetch", data: { verb: CASE_VERBS.open, caseNumber: "C-2026-0001" } }), OTHER_TENANT), auth());
    expect(await open.json()).toEqual({ task: { type: "message", value: MESSAGES.otherOrganisation } });
    const message = await t.post(inTenant(personalMessage({ serviceUrl, text: "Can I accept a gift?" }), OTHER_TENANT), auth());
    expect(message.status).toBe(200); // dropped: no reply into another organisation's chat


    await expectNothingDone(t);
    expect(await t.db.prisma.person.count()).toBe(0);
    expect(t.logs.filter((l) => l.includes("from a tenant this bot does not serve"))).toHaveLength(4);
  });

  it("serves the tenants listed in MICROSOFT_ALLOWED_TENANTS besides its own", async () => {
    keys = await startBotFrameworkKeys(APP_ID);
    t = await startTeamsTestApp({ ...CREDENTIALS, MICROSOFT_ALLOWED_TENANTS: OTHER_TENANT.toUpperCase() }, { teamsOpenIdMetadataUrl: keys.openIdMetadataUrl });
    const serviceUrl = t.connector.url;
    const res = await t.post(inTenant(feedbackClick(serviceUrl), OTHER_TENANT), { authorization: `Bearer ${keys.token({ serviceurl: serviceUrl })}` });
    expect(res.status).toBe(200);
    expect(await t.db.prisma.answerFeedback.count()).toBe(1);
  });

  it("talks only to the allowed Bot Framework service hosts, even with a valid token for another serviceUrl", async () => {
    keys = await startBotFrameworkKeys(APP_ID);
    // 127.0.0.1 is not allowed here: only the Microsoft hosts.
    t = await startTeamsTestApp({ ...CREDENTIALS, TEAMS_SERVICE_HOSTS: "smba.trafficmanager.net" }, { teamsOpenIdMetadataUrl: keys.openIdMetadataUrl });
    const serviceUrl = t.connector.url;
    const res = await t.post(feedbackClick(serviceUrl), { authorization: `Bearer ${keys.token({ serviceurl: serviceUrl })}` });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: "serviceUrl not allowed" });
    // A lookalike host is not a subdomain of an allowed one.
    const lookalike = "https://smba.trafficmanager.net.evil.example/amer/";
    const tricked = await t.post(feedbackClick(lookalike), { authorization: `Bearer ${keys.token({ serviceurl: lookalike })}` });
    expect(tricked.status).toBe(403);
    await expectNothingDone(t);
  });
});
