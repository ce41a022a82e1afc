import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One call the bot made to the Bot Connector REST API. */
export interface ConnectorCall {
  method: string;
  /** The URL path, e.g. "/v3/conversations/a%3A1/activities". */
  path: string;
  /** The decoded conversation id, when the path has one. */
  conversationId?: string;
  /** The decoded activity id (reply-to or updated activity), when the path has one. */
  activityId?: string;
  authorization?: string;
  body: any;
  /** The id the connector gave an activity it took (what a click on it replies to). */
  sentId?: string;
}

export interface FakeConnector {
  /** serviceUrl to put on activities sent to the bot. */
  url: string;
  calls: ConnectorCall[];
  /** Activities the bot sent (POST …/activities and POST …/activities/{replyToId}). */
  sent(conversationId?: string): ConnectorCall[];
  /** Conversations the bot asked to create (POST /v3/conversations). */
  created(): ConnectorCall[];
  /** The id the next created conversation gets. */
  nextConversationId: string;
  /** Conversations the bot is no longer in: sending there answers 403 as Teams does. */
  gone: Set<string>;
  /** Teams members by user id ("29:…"), answered to GET /v3/conversations/{id}/members/{userId}. */
  members: Map<string, Record<string, unknown>>;
  /** Answers for the next activity posts, in order, instead of success (e.g. 429 with Retry-After). */
  failNext: Array<{ status: number; headers?: Record<string, string> }>;
  close(): Promise<void>;
}

/**
 * A local Bot Connector: records what the bot sends and answers like the real service
 * (`{ id }` for activities, `{ id, activityId, serviceUrl }` for a new conversation).
 */
export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  let counter = 0;
  const fake = {} as FakeConnector;

  const server: Server = createServer(async (req, res) => {
    const body = await readJson(req);
    const path = (req.url ?? "/").split("?")[0]!;
    const call: ConnectorCall = { method: req.method ?? "", path, body, authorization: req.headers.authorization };
    const activityPath = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (activityPath) {
      call.conversationId = decodeURIComponent(activityPath[1]!);
      if (activityPath[2]) call.activityId = decodeURIComponent(activityPath[2]);
    }
    calls.push(call);
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(json));
    };
    if (req.method === "POST" && path === "/v3/conversations") {
      const id = fake.nextConversationId;
      fake.nextConversationId = `a:created-${++counter}`;
      return reply(201, { id, activityId: `created-activity-${counter}` });
    }
    if (activityPath && fake.gone.has(call.conversationId!)) {
      return reply(403, { error: { code: "BotNotInConversationRoster", message: "The bot is not part of the conversation roster." } });
    }
    if (activityPath && (req.method === "POST" || req.method === "PUT")) {
      const failure = fake.failNext.shift();
      if (failure) {
        res.writeHead(failure.status, { "content-type": "application/json", ...failure.headers });
        res.end(JSON.stringify({ error: { code: failure.status === 429 ? "TooManyRequests" : "ServiceError", message: "fake failure" } }));
        return;
      }
      call.sentId = `sent-${++counter}`;
      return reply(200, { id: call.sentId });
    }
    const memberPath = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path);
    if (req.method === "GET" && memberPath) {
      call.conversationId = decodeURIComponent(memberPath[1]!);
      const member = fake.members.get(decodeURIComponent(memberPath[2]!));
      return member ? reply(200, member) : reply(404, { error: { code: "MemberNotFoundInConversation", message: "The member was not found" } });
    }
    reply(404, { error: { code: "NotFound", message: `no fake for ${req.method} ${path}` } });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;

  Object.assign(fake, {
    url: `http://127.0.0.1:${port}/`,
    calls,
    nextConversationId: "a:created-0",
    members: new Map(),
    failNext: [],
    gone: new Set(),
    sent: (conversationId?: string) =>
      calls.filter((c) => c.method === "POST" && c.conversationId !== undefined && (conversationId === undefined || c.conversationId === conversationId)),
    created: () => calls.filter((c) => c.method === "POST" && c.path === "/v3/conversations"),
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  });
  return fake;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
