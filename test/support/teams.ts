import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Drives the Teams surface the way Teams does: Bot Framework activities (real payload shapes)
 * POSTed to /api/messages, with serviceUrl pointing at a fake Bot Connector.
 */
export const TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
export const APP_ID = "00000000-0000-4000-8000-00000000c0de";
export const BOT = { id: `28:${APP_ID}`, name: "Conduct Bot" };
export const ALICE = { id: "29:1a2b3c-alice", name: "Alice Example", aadObjectId: "6D2F0B0E-AAAA-4C3B-9C1D-0123456789AB" };
export const ALICE_CHAT = "a:1alice-personal-chat";
export const CHANNEL = "19:general0123456789@thread.tacv2";

let counter = 0;
export const newActivityId = () => `17639500${String(++counter).padStart(5, "0")}`;

interface Base {
  serviceUrl: string;
  id?: string;
  from?: { id: string; name: string; aadObjectId?: string };
}

function envelope({ serviceUrl, id = newActivityId(), from = ALICE }: Base) {
  return {
    id,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    channelId: "msteams",
    serviceUrl,
    from,
    recipient: BOT,
    locale: "en-US",
  };
}

const personalConversation = (id = ALICE_CHAT) => ({ conversationType: "personal", tenantId: TENANT_ID, id });

/** A message in the person's 1:1 chat with the bot. */
export function personalMessage(base: Base & { text: string; conversationId?: string }) {
  return {
    ...envelope(base),
    type: "message",
    text: base.text,
    textFormat: "plain",
    conversation: personalConversation(base.conversationId),
    entities: [{ type: "clientInfo", locale: "en-US", country: "US", platform: "Web", timezone: "Europe/London" }],
    channelData: { tenant: { id: TENANT_ID } },
  };
}

/** A channel post that @mentions the bot, as Teams delivers it (mention tag in text, mention entity). */
export function channelMention(base: Base & { text: string; mention?: boolean }) {
  const at = `<at>${BOT.name}</at>`;
  const activity = envelope(base);
  return {
    ...activity,
    type: "message",
    text: base.mention === false ? base.text : `${at} ${base.text}`,
    textFormat: "plain",
    conversation: { isGroup: true, conversationType: "channel", tenantId: TENANT_ID, id: `${CHANNEL};messageid=${activity.id}` },
    entities: base.mention === false ? [] : [{ type: "mention", text: at, mentioned: BOT }],
    channelData: {
      teamsChannelId: CHANNEL,
      teamsTeamId: "19:team0123456789@thread.tacv2",
      channel: { id: CHANNEL },
      team: { id: "19:team0123456789@thread.tacv2" },
      tenant: { id: TENANT_ID },
    },
  };
}

/** A click on an Action.Execute button of a card the bot sent. */
export function cardAction(base: Base & { verb: string; data: unknown; replyToId?: string; conversation?: Record<string, unknown>; conversationId?: string }) {
  return {
    ...envelope({ ...base, id: base.id ?? `f:${randomUUID()}` }),
    type: "invoke",
    name: "adaptiveCard/action",
    value: { action: { type: "Action.Execute", verb: base.verb, data: base.data }, trigger: "manual" },
    replyToId: base.replyToId ?? "1763950099999",
    conversation: base.conversation ?? personalConversation(base.conversationId),
    channelData: { tenant: { id: TENANT_ID }, source: { name: "message" } },
  };
}

/** A dialog (task module) step: task/fetch when a card's dialog button is clicked, task/submit when its form is sent. */
export function dialogInvoke(base: Base & { name: "task/fetch" | "task/submit"; data: Record<string, unknown>; conversationId?: string }) {
  return {
    ...envelope({ ...base, id: base.id ?? `f:${randomUUID()}` }),
    type: "invoke",
    name: base.name,
    value: { data: base.data, context: { theme: "default" } },
    conversation: personalConversation(base.conversationId),
    channelData: { tenant: { id: TENANT_ID }, source: { name: "message" } },
  };
}

/** The conversationUpdate Teams sends when someone installs the bot for themselves. */
export function personalInstall(base: Base & { conversationId?: string }) {
  return {
    ...envelope({ ...base, id: base.id ?? `f:${randomUUID()}` }),
    type: "conversationUpdate",
    membersAdded: [{ id: BOT.id }],
    conversation: personalConversation(base.conversationId),
    channelData: { tenant: { id: TENANT_ID } },
  };
}

export async function postActivity(appUrl: string, activity: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${appUrl}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof activity === "string" ? activity : JSON.stringify(activity),
  });
}

/** The Adaptive Card of a message the bot sent. */
export function cardOf(activity: any): any {
  const attachment = activity?.attachments?.[0];
  if (attachment?.contentType !== "application/vnd.microsoft.card.adaptive") throw new Error(`not a card: ${JSON.stringify(activity)}`);
  return attachment.content;
}

/** Every TextBlock text of a card, in order. */
export function cardTexts(card: any): string[] {
  const out: string[] = [];
  const walk = (el: any) => {
    if (!el || typeof el !== "object") return;
    if (el.type === "TextBlock") out.push(el.text);
    if (el.type === "FactSet") for (const f of el.facts) out.push(`${f.title}: ${f.value}`);
    for (const child of [...(el.body ?? []), ...(el.items ?? [])]) walk(child);
  };
  walk(card);
  return out;
}

/**
 * The Bot Framework's token service as the bot sees it: an OpenID metadata document and its
 * signing keys (endorsed for msteams), and tokens signed like the channel's.
 */
export interface BotFrameworkKeys {
  openIdMetadataUrl: string;
  /** A channel token for this bot (claims such as `serviceurl` added), signed with the published key (or with `key`). */
  token(claims?: Record<string, unknown>, key?: KeyObject): string;
  /** A private key that is not published. */
  strangerKey: KeyObject;
  close(): Promise<void>;
}

export async function startBotFrameworkKeys(appId: string): Promise<BotFrameworkKeys> {
  const kid = "test-signing-key";
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
  const jwk = publicKey.export({ format: "jwk" });
  const server: Server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    if (req.url === "/.well-known/openid-configuration") {
      res.end(JSON.stringify({ issuer: "https://api.botframework.com", jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ["RS256"] }));
    } else {
      res.end(JSON.stringify({ keys: [{ kty: "RSA", use: "sig", kid, n: jwk.n, e: jwk.e, endorsements: ["msteams"] }] }));
    }
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return {
    openIdMetadataUrl: `${base}/.well-known/openid-configuration`,
    strangerKey: stranger,
    token(claims = {}, key = privateKey) {
      const now = Math.floor(Date.now() / 1000);
      const unsigned = `${b64({ alg: "RS256", typ: "JWT", kid })}.${b64({ iss: "https://api.botframework.com", aud: appId, nbf: now - 60, exp: now + 3600, ...claims })}`;
      return `${unsigned}.${createSign("RSA-SHA256").update(unsigned).sign(key).toString("base64url")}`;
    },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

import type { AppOverrides } from "../../src/app.ts";
import { DEFAULT_TEAMS_SERVICE_HOSTS } from "../../src/config.ts";
import type { TestApp } from "./app.ts";
import { startTestApp } from "./app.ts";
import { freshDatabase } from "./db.ts";
import { startFakeConnector, type FakeConnector } from "./fakeConnector.ts";

export interface TeamsTestApp {
  app: TestApp;
  url: string;
  db: TestApp["db"];
  logs: string[];
  connector: FakeConnector;
  post(activity: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The real app (startApp on a free port, fresh database) and a fake Bot Connector to point
 * activities' serviceUrl at. `env` adds variables, e.g. MICROSOFT_APP_ID for authentication;
 * without it the app runs in local mode (TEAMS_LOCAL_MODE=true). With it, the fake connector's
 * host (127.0.0.1) is added to the allowed Bot Framework service hosts.
 */
export async function startTeamsTestApp(env: Record<string, string> = {}, overrides: Omit<AppOverrides, "db" | "database"> = {}): Promise<TeamsTestApp> {
  const connector = await startFakeConnector();
  const access: Record<string, string> = env.MICROSOFT_APP_ID ? { TEAMS_SERVICE_HOSTS: `${DEFAULT_TEAMS_SERVICE_HOSTS},127.0.0.1` } : { TEAMS_LOCAL_MODE: "true" };
  const app = await startTestApp({ ...access, ...env }, overrides);
  return {
    app,
    url: app.url,
    db: app.db,
    logs: app.logs,
    connector,
    post: (activity, headers) => postActivity(app.url, activity, headers),
    async close() {
      await app.close();
      await connector.close();
    },
  };
}

/**
 * For a file's beforeAll: builds the migrated template database once, so the first test does
 * not pay for it inside its own timeout (CPU is shared with other test runs).
 */
export async function warmUp(): Promise<void> {
  await (await freshDatabase()).close();
}
